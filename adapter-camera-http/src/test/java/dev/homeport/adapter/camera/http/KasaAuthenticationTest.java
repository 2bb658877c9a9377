package dev.homeport.adapter.camera.http;

import static dev.homeport.adapter.camera.http.KasaTestSupport.await;
import static dev.homeport.adapter.camera.http.KasaTestSupport.backend;
import static dev.homeport.adapter.camera.http.KasaTestSupport.config;
import static dev.homeport.adapter.camera.http.KasaTestSupport.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.adapter.camera.http.internal.KasaCamera;
import dev.homeport.domain.Secret;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.Move;
import dev.homeport.domain.camera.Direction;
import dev.homeport.domain.camera.Setting;
import dev.homeport.ports.AuthenticationException;
import dev.homeport.ports.RequestTimeoutException;
import dev.homeport.ports.camera.Camera;
import dev.homeport.simulators.kasa.KasaAuthVariant;
import dev.homeport.simulators.kasa.KasaCameraSimulator;
import dev.homeport.simulators.kasa.WrongCredentialsAnswer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class KasaAuthenticationTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"BASE64,BASE64", "MD5,MD5", "PLAIN,PLAIN"})
  void explicitVariant_matchingTheCamera_succeedsWithoutAnyRejection(
      KasaAuthVariant cameraExpects, AuthVariant configured) {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend())
            .authVariant(cameraExpects).start();
        Camera camera = KasaTestSupport.DRIVER.connect(config(sim, dir).authVariant(configured).build())) {
      assertThat(await(camera.execute(GetSetting.of(Setting.POWER)))).isTrue();
      assertThat(sim.rejectedCredentials()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(KasaAuthVariant.class)
  void autoVariant_findsTheCamerasFormAndRemembersIt(KasaAuthVariant cameraExpects) {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend())
            .authVariant(cameraExpects).start();
        Camera camera = KasaTestSupport.DRIVER.connect(config(sim, dir).authVariant(AuthVariant.AUTO).build())) {
      assertThat(await(camera.execute(GetSetting.of(Setting.POWER)))).isTrue();
      int rejectionsWhileProbing = sim.rejectedCredentials();
      assertThat(rejectionsWhileProbing).isEqualTo(cameraExpects.ordinal());
      assertThat(((KasaCamera) camera).transport().resolvedVariant())
          .contains(AuthVariant.valueOf(cameraExpects.name()));

      await(camera.execute(GetSetting.of(Setting.POWER)));
      assertThat(sim.rejectedCredentials()).isEqualTo(rejectionsWhileProbing);
    }
  }

  @Test
  void autoVariant_probingANonIdempotentCommand_executesItExactlyOnce() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend())
            .authVariant(KasaAuthVariant.PLAIN).start();
        Camera camera = KasaTestSupport.DRIVER.connect(config(sim, dir).build())) {
      await(camera.execute(new Move(Direction.LEFT, 3)));
      assertThat(sim.rejectedCredentials()).isEqualTo(2);
      assertThat(sim.countRequestsMentioning("set_move")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(value = WrongCredentialsAnswer.class, names = {"HTTP_401", "ERR_CODE_10007"})
  void wrongPassword_failsWithAuthenticationException(WrongCredentialsAnswer answer) {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend())
            .wrongCredentialsAnswer(answer).start();
        Camera camera = KasaTestSupport.DRIVER.connect(
            config(sim, dir).build().withPassword(Secret.of("wrong password")))) {
      Throwable failure = failureOf(camera.execute(GetSetting.of(Setting.POWER)));
      assertThat(failure).isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("rejected the credentials")
          .hasMessageContaining("every password form");
      assertThat(((AuthenticationException) failure).retryable()).isFalse();
      assertThat(sim.rejectedCredentials()).isEqualTo(5); // base64, md5, plain, admin-md5, admin-default
    }
  }

  @Test
  void wrongPassword_withExplicitVariant_failsAfterOneTry() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend()).start();
        Camera camera = KasaTestSupport.DRIVER.connect(config(sim, dir)
            .authVariant(AuthVariant.MD5).build().withPassword(Secret.of("wrong password")))) {
      assertThat(failureOf(camera.execute(GetSetting.of(Setting.POWER))))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("md5");
      assertThat(sim.rejectedCredentials()).isEqualTo(1);
    }
  }

  @Test
  void wrongPassword_onACameraThatNeverAnswers_failsWithRetryableTimeout() {
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend())
            .wrongCredentialsAnswer(WrongCredentialsAnswer.NO_ANSWER).start();
        Camera camera = KasaTestSupport.DRIVER.connect(config(sim, dir)
            .authVariant(AuthVariant.BASE64).build()
            .withPassword(Secret.of("wrong password")).withRequestTimeout(Duration.ofMillis(400)))) {
      Throwable failure = failureOf(camera.execute(GetSetting.of(Setting.POWER)));
      assertThat(failure).isInstanceOf(RequestTimeoutException.class)
          .hasMessageContaining("did not answer within 400 ms");
      assertThat(((RequestTimeoutException) failure).retryable()).isTrue();
    }
  }

  @Test
  void backendRejectingCredentials_surfacesAsAuthenticationException() {
    dev.homeport.adapter.inmemory.InMemoryCamera backend = backend();
    try (KasaCameraSimulator sim = KasaCameraSimulator.builder().backend(backend).start();
        Camera camera = KasaTestSupport.DRIVER.connect(config(sim, dir).authVariant(AuthVariant.BASE64).build())) {
      backend.rejectCredentials(true);
      assertThat(failureOf(camera.execute(GetSetting.of(Setting.POWER))))
          .isInstanceOf(AuthenticationException.class);
    }
  }
}
