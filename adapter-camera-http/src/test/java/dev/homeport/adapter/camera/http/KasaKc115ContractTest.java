package dev.homeport.adapter.camera.http;

import dev.homeport.simulators.kasa.KasaFirmware;

/** The camera contract against the simulator playing {@link KasaFirmware#KC115}. */
class KasaKc115ContractTest extends KasaProfileContract {
  @Override
  KasaFirmware firmware() {
    return KasaFirmware.KC115;
  }
}
