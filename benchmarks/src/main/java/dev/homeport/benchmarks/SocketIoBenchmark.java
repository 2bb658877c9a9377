package dev.homeport.benchmarks;

import dev.homeport.adapter.events.wss.internal.DeviceEventFrame;
import dev.homeport.adapter.events.wss.internal.EngineIoCodec;
import dev.homeport.adapter.events.wss.internal.EngineIoType;
import dev.homeport.adapter.events.wss.internal.PayloadClassifier;
import dev.homeport.adapter.events.wss.internal.SocketIoCodec;
import dev.homeport.adapter.events.wss.internal.SocketIoPacket;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.PushedMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SmartThings event path on one thread, as {@code SmartThingsConnection} runs it for every pushed
 * frame: a device-event frame read token by token straight into a {@link DeviceEvent}
 * ({@code DeviceEventFrame}); for comparison the tree path (Engine.IO decoding, Socket.IO decoding
 * with the JSON tree, classification by payload shape, mapping) that every other frame takes. The frames cycle through eight recorded-style
 * device events (numbers with units, strings, an integer, a structured colour value), 340 to 420
 * bytes each. Run with {@code -prof gc} for the allocation per event.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class SocketIoBenchmark {

  private String[] frames;
  private int next;

  @Setup
  public void setUp() {
    frames = Fixtures.DEVICE_EVENT_FRAMES.toArray(new String[0]);
    for (String frame : frames) {
      if (!(decodeClassifyMap(frame) instanceof DeviceEvent) || !decodeClassifyMap(frame).equals(decodeTreeClassifyMap(frame))) {
        throw new IllegalStateException("fixture frame not a device event, or read differently by the two paths: " + frame);
      }
    }
  }

  /** One device-event frame from WebSocket text to {@link DeviceEvent}, as the connection reads it. */
  @Benchmark
  public PushedMessage deviceEventFrame() {
    String frame = frames[next++ & 7];
    return decodeClassifyMap(frame);
  }

  /** The same through the tree path alone (the reference the streaming read is tested against). */
  @Benchmark
  public PushedMessage deviceEventFrameTree() {
    String frame = frames[next++ & 7];
    return decodeTreeClassifyMap(frame);
  }

  /** Engine.IO and Socket.IO decoding alone (with the JSON parse), for the breakdown. */
  @Benchmark
  public SocketIoPacket decodeOnly() {
    String frame = frames[next++ & 7];
    if (EngineIoCodec.type(frame) != EngineIoType.MESSAGE) {
      throw new IllegalStateException("not a message frame");
    }
    return SocketIoCodec.decode(frame, 1);
  }

  static PushedMessage decodeClassifyMap(String frame) {
    // As SmartThingsConnection reads a message frame: a device event streamed, else the tree path.
    if (EngineIoCodec.type(frame) != EngineIoType.MESSAGE) {
      throw new IllegalStateException("not a message frame");
    }
    DeviceEvent event = DeviceEventFrame.read(frame);
    return event != null ? event : decodeTreeClassifyMap(frame);
  }

  static PushedMessage decodeTreeClassifyMap(String frame) {
    // The tree path: the type, then Socket.IO in place from index 1, classification, mapping.
    if (EngineIoCodec.type(frame) != EngineIoType.MESSAGE) {
      throw new IllegalStateException("not a message frame");
    }
    SocketIoPacket packet = SocketIoCodec.decode(frame, 1);
    return PayloadClassifier.classify(packet.data().orElseThrow()).message();
  }
}
