package dev.homeport.adapter.camera.http;

import dev.homeport.simulators.kasa.KasaFirmware;

/** The camera contract against the simulator playing {@link KasaFirmware#EC60}. */
class KasaEc60ContractTest extends KasaProfileContract {
  @Override
  KasaFirmware firmware() {
    return KasaFirmware.EC60;
  }
}
