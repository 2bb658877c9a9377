package dev.homeport.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

  private static final String FP = "0bbf1443dcfe246cbe218b671d2040789b25a5e2ea114c3f5f6126168b06be7c";

  @Test
  void normalize_acceptsCaseColonsAndPrefixes() {
    String colons = FP.toUpperCase().replaceAll("(..)(?!$)", "$1:");
    assertThat(Fingerprints.normalize(colons)).isEqualTo(FP);
    assertThat(Fingerprints.normalize("sha256:" + FP)).isEqualTo(FP);
    assertThat(Fingerprints.normalize("SHA-256:" + FP)).isEqualTo(FP);
  }

  @Test
  void normalize_refusesWrongLengthOrNonHex_showingOnlyTheLength() {
    assertThatThrownBy(() -> Fingerprints.normalize("abc"))
        .hasMessage("SHA-256 fingerprint must be 64 hex digits (colons allowed), was 3 characters");
    assertThatThrownBy(() -> Fingerprints.normalize(FP.replace('0', 'g'))).hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> Fingerprints.normalize(null)).hasMessageContaining("was null");
  }

  @Test
  void matches_comparesWholeFingerprints() {
    assertThat(Fingerprints.matches(FP, FP)).isTrue();
    assertThat(Fingerprints.matches(FP, FP.substring(0, 63) + "d")).isFalse();
    assertThat(Fingerprints.matches(FP, FP.substring(0, 32))).isFalse();
  }

  @Test
  void pinMismatch_isFoundBehindWrappersAndSuppressed() {
    PinMismatchException pin = new PinMismatchException("h:1", "a", "b");
    RuntimeException outer = new RuntimeException(new IllegalStateException(pin));
    assertThat(PinMismatchException.find(outer)).isSameAs(pin);
    RuntimeException suppressing = new RuntimeException("x");
    suppressing.addSuppressed(pin);
    assertThat(PinMismatchException.find(suppressing)).isSameAs(pin);
    assertThat(PinMismatchException.find(new RuntimeException())).isNull();
    assertThat(pin).hasMessageContaining("h:1").hasMessageContaining("expected SHA-256 a");
  }
}
