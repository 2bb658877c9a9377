package dev.homeport.adapter.camera.http;

import dev.homeport.simulators.kasa.KasaFirmware;

/** The camera contract against the simulator playing {@link KasaFirmware#KC420WS}. */
class KasaKc420wsContractTest extends KasaProfileContract {
  @Override
  KasaFirmware firmware() {
    return KasaFirmware.KC420WS;
  }
}
