package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.CameraCommandException;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.TransportException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The camera contract on failures: refusals with their code, rejected credentials, unreachable cameras, slow
 * answers and time-outs; nothing but {@code HomeportException}s leaks.
 *
 * <p>One concern of {@link CameraContract}, which runs it as a {@code @Nested} group; each test
 * gets a fresh camera and backend from the fixture through {@link CameraContractSupport}.
 */
public interface FailuresContract extends CameraContractSupport {

  @Test
  @DisplayName("a refusal with an error code surfaces as CameraCommandException with that code, and changes nothing")
  default void refusal_surfacesWithItsCode() {
    assumeSupported(GetSetting.of(Setting.POWER), SetSetting.of(Setting.POWER, true));
    boolean before = backend().peek(Setting.POWER);
    CameraCommandException refusal = fixture().refusalExample();
    backend().failNext(command -> command instanceof SetSetting<?>, refusal);

    HomeportException failure = failureOf(camera().execute(SetSetting.of(Setting.POWER, !before)));

    assertThat(failure).isInstanceOf(CameraCommandException.class);
    assertThat(((CameraCommandException) failure).errorCode()).isEqualTo(refusal.errorCode());
    assertThat(failure.retryable()).isEqualTo(refusal.retryable());
    assertThat(backend().peek(Setting.POWER)).isEqualTo(before);
    assertThat(ok(GetSetting.of(Setting.POWER))).as("the next command works").isEqualTo(before);
  }

  @Test
  @DisplayName("rejected credentials surface as AuthenticationException, not retryable")
  default void rejectedCredentials_surfaceAsAuthenticationException() {
    backend().rejectCredentials(true);
    HomeportException failure = failureOf(camera().execute(new GetCameraInfo()));
    assertThat(failure).isInstanceOf(AuthenticationException.class);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.getMessage()).as("message").isNotBlank();

    backend().rejectCredentials(false);
    assertThat(ok(new GetCameraInfo())).isNotNull();
  }

  @Test
  @DisplayName("an unreachable camera surfaces as a retryable TransportException, and works again once reachable")
  default void unreachable_surfacesAsRetryableTransportException() {
    assumeSupported(GetSetting.of(Setting.POWER));
    backend().setUnreachable(true);
    HomeportException failure = failureOf(camera().execute(GetSetting.of(Setting.POWER)));
    assertThat(failure).isInstanceOf(TransportException.class);
    assertThat(failure.retryable()).isTrue();

    backend().setUnreachable(false);
    assertThat(ok(GetSetting.of(Setting.POWER))).isEqualTo(backend().peek(Setting.POWER));
  }

  @Test
  @DisplayName("an answer slower than the request timeout surfaces as a retryable RequestTimeoutException")
  default void slowAnswer_surfacesAsRequestTimeoutException() {
    Duration timeout = fixture().requestTimeout();
    backend().setLatency(timeout.multipliedBy(4));
    HomeportException failure =
        failureOf(camera().execute(new GetCameraInfo()), WAIT.plus(timeout.multipliedBy(4)));
    assertThat(failure).isInstanceOf(RequestTimeoutException.class);
    assertThat(failure.retryable()).isTrue();

    backend().setLatency(Duration.ZERO);
    assertThat(await(camera().execute(new GetCameraInfo()), WAIT.plus(timeout.multipliedBy(4)), "after time-out"))
        .isNotNull();
  }

  @Test
  @DisplayName("an answer slower than usual but within the request timeout still arrives")
  default void slowAnswerWithinTimeout_arrives() {
    assumeSupported(GetSetting.of(Setting.RESOLUTION));
    backend().setLatency(fixture().requestTimeout().dividedBy(5));
    assertThat(ok(GetSetting.of(Setting.RESOLUTION))).isEqualTo(backend().peek(Setting.RESOLUTION));
  }

  @Test
  @DisplayName("every failure is a HomeportException (nothing else leaks)")
  default void failures_areHomeportExceptions() {
    backend().failNext(fixture().refusalExample());
    assertThat(failureOf(camera().execute(new GetCameraInfo()))).isInstanceOf(HomeportException.class);
    backend().setUnreachable(true);
    assertThat(failureOf(camera().execute(new GetCameraInfo()))).isInstanceOf(HomeportException.class);
  }
}
