package dev.homeport.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.camera.CameraCommand;
import dev.homeport.domain.camera.GetCameraInfo;
import dev.homeport.domain.camera.GetPosition;
import dev.homeport.domain.camera.GetSetting;
import dev.homeport.domain.camera.ListPresets;
import dev.homeport.domain.camera.SetSetting;
import dev.homeport.domain.camera.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The camera contract on concurrency: commands from several threads at once each get their own answer.
 *
 * <p>One concern of {@link CameraContract}, which runs it as a {@code @Nested} group; each test
 * gets a fresh camera and backend from the fixture through {@link CameraContractSupport}.
 */
public interface ConcurrencyContract extends CameraContractSupport {

  @Test
  @DisplayName("50 commands sent at once from 5 threads each get their own answer")
  default void fiftyCommandsFromFiveThreads_eachGetTheirOwnAnswer() throws Exception {
    List<CameraCommand<?>> commands = new ArrayList<>();
    List<Setting<?>> readable = new ArrayList<>(Setting.all());
    readable.remove(Setting.CLOCK);
    readable.removeIf(setting -> !camera().capabilities().supports(GetSetting.of(setting)));
    List<CameraCommand<?>> others = new ArrayList<>(List.of(new GetPosition(), new ListPresets(), new GetCameraInfo()));
    others.removeIf(command -> !camera().capabilities().supports(command));
    for (int i = 0; i < 50; i++) {
      if (i % 5 == 4 || readable.isEmpty()) {
        commands.add(others.get(i % others.size()));
      } else {
        commands.add(GetSetting.of(readable.get(i % readable.size())));
      }
    }
    List<Object> expected = new ArrayList<>();
    for (CameraCommand<?> command : commands) {
      expected.add(truth(command));
    }
    List<CompletableFuture<?>> futures = new ArrayList<>(java.util.Collections.nCopies(commands.size(), null));
    ExecutorService threads = Executors.newFixedThreadPool(5);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    try {
      List<Future<?>> senders = new ArrayList<>();
      for (int t = 0; t < 5; t++) {
        int thread = t;
        senders.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int i = thread; i < commands.size(); i += 5) {
                    CompletableFuture<?> future = camera().execute(commands.get(i));
                    synchronized (futures) {
                      futures.set(i, future);
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> sender : senders) {
        sender.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      threads.shutdownNow();
      assertThat(threads.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }
    for (int i = 0; i < commands.size(); i++) {
      CompletableFuture<?> future;
      synchronized (futures) {
        future = futures.get(i);
      }
      assertThat(await(future, WAIT, commands.get(i))).as("answer to %s", commands.get(i))
          .isEqualTo(expected.get(i));
    }
  }

  @Test
  @DisplayName("commands from several threads at once all complete correctly")
  default void commandsFromSeveralThreads_allCompleteCorrectly() throws Exception {
    List<Setting<Boolean>> owned =
        List.of(Setting.RECORD_AUDIO, Setting.BABY_CRY_DETECTION, Setting.PERSON_DETECTION,
            Setting.SOUND_DETECTION, Setting.DO_NOT_DISTURB);
    for (Setting<Boolean> setting : owned) {
      assumeSupported(GetSetting.of(setting), SetSetting.of(setting, true));
    }
    ExecutorService threads = Executors.newFixedThreadPool(owned.size());
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (Setting<Boolean> setting : owned) {
        results.add(
            threads.submit(
                () -> {
                  boolean value = false;
                  for (int i = 0; i < 5; i++) {
                    value = i % 2 == 0;
                    ok(SetSetting.of(setting, value));
                    assertThat(ok(GetSetting.of(setting))).as("%s read by its own thread", setting).isEqualTo(value);
                  }
                  return value;
                }));
      }
      for (int i = 0; i < owned.size(); i++) {
        boolean last = results.get(i).get(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        assertThat(backend().peek(owned.get(i))).as("%s", owned.get(i)).isEqualTo(last);
      }
    } finally {
      threads.shutdownNow();
      assertThat(threads.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }
  }
}
