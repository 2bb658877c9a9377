package dev.homeport.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FuturesTest {

  @Test
  void nestedWrappers_areAllRemoved() {
    IOException root = new IOException("x");
    assertThat(Futures.unwrap(new CompletionException(new ExecutionException(new CompletionException(root)))))
        .isSameAs(root);
  }

  @Test
  void wrapperWithoutCause_andPlainFailures_areKept() {
    CompletionException bare = new CompletionException("no cause", null);
    assertThat(Futures.unwrap(bare)).isSameAs(bare);
    IOException plain = new IOException("y");
    assertThat(Futures.unwrap(plain)).isSameAs(plain);
    assertThat(Futures.unwrap(null)).isNull();
  }
}
