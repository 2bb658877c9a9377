package dev.homeport.simulators.smartthings;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.homeport.domain.home.PushedMessage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

/**
 * Server-to-client WebSocket text frames (RFC 6455 5.2: FIN set, opcode 1, no mask, 7-, 16- or
 * 64-bit payload length), gathered in one reusable buffer and handed to the connection's byte
 * {@link Writer} in one write: a burst of pushed events then costs one TLS write (a few records,
 * one socket write) per batch instead of one per event, and no String per event. Each frame stays
 * one whole Engine.IO packet, as the protocol notes require; only their packing into TCP changes,
 * which the wire never promised.
 *
 * <p>Memory stays bounded whatever the client does: {@link #write} waits until the bytes are on
 * the socket (while the client does not read, TCP flow control holds the caller there), and a
 * buffer grown past {@link #KEPT_CAPACITY} by an outsized frame is let go after its write. Not
 * thread-safe: one per connection, used under its send lock.
 */
final class WebSocketFrames {

  /** The default batch: this large is worth its write; more would only delay the first event of it. */
  static final int WRITE_AT = 48 * 1024;
  /** The largest buffer kept between batches. */
  static final int KEPT_CAPACITY = 256 * 1024;

  private static final int FIN_TEXT = 0x81;

  /** The payload of the frame being written (JSON streams into it, then it is copied behind its header). */
  private final Payload payload = new Payload();
  private final JsonGenerator json;
  private byte[] bytes = new byte[WRITE_AT + 1024];
  private int size;
  private int frames;
  private int lastFrameStart;

  WebSocketFrames() {
    try {
      json = SimJson.MAPPER.getFactory().createGenerator(payload);
    } catch (IOException e) {
      throw new IllegalStateException("simulator could not create its JSON writer", e);
    }
    // Frames are written one after the other at the root: no separator between them.
    json.setRootValueSeparator(null);
  }

  /** Appends the frame that pushes {@code message} to {@code subscriptionId}. */
  void addPush(PushedMessage message, String subscriptionId) {
    payload.reset();
    try {
      SimJson.writePushFrame(json, message, subscriptionId);
      json.flush();
    } catch (IOException e) {
      throw new IllegalStateException("simulator could not write a pushed message", e);
    }
    addFrame(payload.bytes(), payload.size());
  }

  /** Appends the last frame again, byte for byte (the duplicate-events fault). */
  void repeatLast() {
    if (frames == 0) {
      throw new IllegalStateException("no frame to repeat");
    }
    int length = size - lastFrameStart;
    ensure(length);
    System.arraycopy(bytes, lastFrameStart, bytes, size, length);
    lastFrameStart = size;
    size += length;
    frames++;
  }

  private void addFrame(byte[] data, int length) {
    ensure(length + 10);
    lastFrameStart = size;
    bytes[size++] = (byte) FIN_TEXT;
    if (length < 126) {
      bytes[size++] = (byte) length;
    } else if (length <= 0xFFFF) {
      bytes[size++] = 126;
      bytes[size++] = (byte) (length >>> 8);
      bytes[size++] = (byte) length;
    } else {
      bytes[size++] = 127;
      for (int shift = 56; shift >= 0; shift -= 8) {
        bytes[size++] = (byte) ((long) length >>> shift);
      }
    }
    System.arraycopy(data, 0, bytes, size, length);
    size += length;
    frames++;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  /** Frames gathered since the last write. */
  int frames() {
    return frames;
  }

  /** Bytes gathered since the last write. */
  int size() {
    return size;
  }

  /**
   * Writes every gathered frame with one write and waits until it is written, then empties the
   * batch (also when the write failed).
   *
   * @throws IOException if the connection failed the write
   * @throws InterruptedIOException if interrupted while waiting (the flag is set again)
   */
  void write(Writer writer) throws IOException {
    if (size == 0) {
      return;
    }
    CompletableFuture<Void> written = new CompletableFuture<>();
    try {
      writer.write(ByteBuffer.wrap(bytes, 0, size), new CompletionHandler<ByteBuffer>() {
        @Override
        public void completed(ByteBuffer result) {
          written.complete(null);
        }

        @Override
        public void failed(Throwable error) {
          written.completeExceptionally(error);
        }

        @Override
        public void cancelled() {
          written.cancel(false);
        }
      });
      written.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the client was not reading");
    } catch (ExecutionException e) {
      throw new IOException("write failed: " + e.getCause(), e.getCause());
    } catch (java.util.concurrent.CancellationException e) {
      throw new IOException("write cancelled", e);
    } finally {
      clear();
    }
  }

  /** Forgets the gathered frames (written or not) and lets go of an outsized buffer. */
  void clear() {
    size = 0;
    frames = 0;
    if (bytes.length > KEPT_CAPACITY) {
      bytes = new byte[WRITE_AT + 1024];
    }
    payload.shrink();
  }

  /** A byte sink whose array is read in place. */
  private static final class Payload extends OutputStream {
    private byte[] buffer = new byte[1024];
    private int count;

    @Override
    public void write(int b) {
      grow(1);
      buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      grow(length);
      System.arraycopy(data, offset, buffer, count, length);
      count += length;
    }

    private void grow(int more) {
      if (count + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + more));
      }
    }

    void reset() {
      count = 0;
    }

    void shrink() {
      if (buffer.length > KEPT_CAPACITY) {
        buffer = new byte[1024];
      }
    }

    byte[] bytes() {
      return buffer;
    }

    int size() {
      return count;
    }
  }
}
