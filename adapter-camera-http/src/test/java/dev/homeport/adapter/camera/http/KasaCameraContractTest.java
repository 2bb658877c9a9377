package dev.homeport.adapter.camera.http;

import dev.homeport.simulators.kasa.KasaFirmware;

/**
 * The whole camera contract through the real Kasa adapter, over real HTTPS to the simulator on
 * 127.0.0.1 playing the seed's behaviour ({@link KasaFirmware#SEED}); the other profiles run the
 * same contract in {@code Kasa<Model>ContractTest} (see {@link KasaProfileContract}).
 *
 * <p>The simulator here does not reset overlapping requests: the contract's time-out test expects
 * the next command to succeed while the camera is still working on the request the adapter gave up
 * on, which a KC100 would refuse. That the adapter never overlaps requests is proven against the
 * resetting simulator in {@link KasaConcurrencyTest}.
 */
class KasaCameraContractTest extends KasaProfileContract {
  @Override
  KasaFirmware firmware() {
    return KasaFirmware.SEED;
  }
}
