package dev.homeport.adapter.camera.http;

import dev.homeport.simulators.kasa.KasaFirmware;

/** The camera contract against the simulator playing {@link KasaFirmware#KC410S}. */
class KasaKc410sContractTest extends KasaProfileContract {
  @Override
  KasaFirmware firmware() {
    return KasaFirmware.KC410S;
  }
}
