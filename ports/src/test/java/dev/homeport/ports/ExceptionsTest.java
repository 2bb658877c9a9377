package dev.homeport.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Stop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExceptionsTest {

  @Test
  void transportFailures_areRetryableByDefault_exceptTheDocumentedOnes() {
    assertThat(new TransportException("reset", null).retryable()).isTrue();
    assertThat(new RequestTimeoutException("slow", null).retryable()).isTrue();
    assertThat(new ProtocolException("garbled").retryable()).isFalse();
    assertThat(new ClosedException("closed").retryable()).isFalse();
    assertThat(new CertificateMismatchException("cam", "aa", "bb").retryable()).isFalse();
  }

  @Test
  void refusals_areNotRetryable() {
    assertThat(new AuthenticationException("rejected").retryable()).isFalse();
    assertThat(new SessionExpiredException("expired").retryable()).isFalse();
    assertThat(new UnsupportedCommandException("no").retryable()).isFalse();
    assertThat(new SubscriberOverflowException("slow").retryable()).isFalse();
  }

  @Test
  void hierarchy_separatesTransportFromRefusal() {
    assertThat(new ClosedException("c")).isInstanceOf(TransportException.class);
    assertThat(new RequestTimeoutException("t", null)).isInstanceOf(TransportException.class);
    assertThat(new CertificateMismatchException("h", "a", "b")).isInstanceOf(TransportException.class);
    assertThat(new SessionExpiredException("e")).isInstanceOf(AuthenticationException.class);
    assertThat(new AuthenticationException("a")).isInstanceOf(RefusedException.class);
    assertThat(new UnsupportedCommandException("u")).isInstanceOf(RefusedException.class);
    assertThat(new CameraCommandException("m.n", "1", "", false)).isInstanceOf(RefusedException.class);
    assertThat(new ServiceCallException("NotFound", 404, "")).isInstanceOf(RefusedException.class);
    assertThat(new SubscriberOverflowException("o")).isInstanceOf(HomeportException.class);
  }

  @Test
  void cameraCommandException_carriesCommandOperationCodeAndMessage() {
    Move move = new Move(Direction.LEFT, 10);
    CameraCommandException e = new CameraCommandException(
        move, "smartlife.cam.ipcamera.ptz.set_move", "-41203", "speed too high", false);
    assertThat(e.command()).contains(move);
    assertThat(e.operation()).isEqualTo("smartlife.cam.ipcamera.ptz.set_move");
    assertThat(e.errorCode()).isEqualTo("-41203");
    assertThat(e.remoteMessage()).isEqualTo("speed too high");
    assertThat(e).hasMessage("camera refused smartlife.cam.ipcamera.ptz.set_move with error -41203: speed too high");
    assertThat(new CameraCommandException("m.n", "busy", null, true).remoteMessage()).isEmpty();
    assertThat(new CameraCommandException("m.n", "busy", null, true).retryable()).isTrue();
    assertThat(new CameraCommandException("m.n", "busy", null, true).command()).isEmpty();
  }

  @Test
  void cameraCommandException_forCommand_keepsEverythingAndNamesTheCommand() {
    CameraCommandException fault = new CameraCommandException("op", "E1", "no", true);
    CameraCommandException named = fault.forCommand(new Stop());
    assertThat(named.command()).contains(new Stop());
    assertThat(named).hasMessage(fault.getMessage());
    assertThat(named.retryable()).isTrue();
    assertThat(named.errorCode()).isEqualTo("E1");
  }

  @ParameterizedTest
  @CsvSource({
    "BadRequest, 400, false",
    "NotAuthenticated, 401, false",
    "Forbidden, 403, false",
    "NotFound, 404, false",
    "Timeout, 408, true",
    "TooManyRequests, 429, true",
    "GeneralError, 500, true",
    "Unavailable, 503, true",
  })
  void serviceCallException_isRetryableForTimeoutsThrottlingAndServerErrors(
      String name, int code, boolean retryable) {
    ServiceCallException e = new ServiceCallException(name, code, "msg");
    assertThat(e.retryable()).isEqualTo(retryable);
    assertThat(e.name()).isEqualTo(name);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e).hasMessage("service refused the call: " + name + " (" + code + "): msg");
  }

  @Test
  void certificateMismatch_namesBothFingerprintsAndTheWayOut() {
    CertificateMismatchException e = new CertificateMismatchException("cam.local", "aa11", "bb22");
    assertThat(e.host()).isEqualTo("cam.local");
    assertThat(e.expectedFingerprint()).isEqualTo("aa11");
    assertThat(e.actualFingerprint()).isEqualTo("bb22");
    assertThat(e.getMessage()).contains("aa11").contains("bb22").contains("known-hosts");
  }
}
