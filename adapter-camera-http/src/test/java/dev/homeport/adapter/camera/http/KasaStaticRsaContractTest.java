package dev.homeport.adapter.camera.http;

import dev.homeport.simulators.kasa.KasaFirmware;

/** The camera contract against the simulator playing {@link KasaFirmware#STATIC_RSA}. */
class KasaStaticRsaContractTest extends KasaProfileContract {
  @Override
  KasaFirmware firmware() {
    return KasaFirmware.STATIC_RSA;
  }
}
