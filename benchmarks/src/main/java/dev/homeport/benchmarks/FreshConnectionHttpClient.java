package dev.homeport.benchmarks;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that sends every request on a brand-new JDK client, hence on a new TCP
 * connection with a full TLS handshake: the seed client's behaviour (a new connection per command),
 * reproduced under the unchanged Kasa transport for the side-by-side comparison. The JDK clients
 * share the caller's SSLContext, parameters and executor; each is dropped after its answer (its
 * selector thread ends once it is collected).
 */
final class FreshConnectionHttpClient extends HttpClient {

  private final Supplier<HttpClient> factory;
  private final HttpClient template;
  private final AtomicLong connections = new AtomicLong();

  FreshConnectionHttpClient(Supplier<HttpClient> factory) {
    this.factory = factory;
    this.template = factory.get();
  }

  /** Clients (so connections) made so far. */
  long connections() {
    return connections.get();
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    connections.incrementAndGet();
    return factory.get().sendAsync(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    connections.incrementAndGet();
    return factory.get().sendAsync(request, handler, push);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    connections.incrementAndGet();
    return factory.get().send(request, handler);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return template.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return template.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return template.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return template.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return template.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return template.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return template.authenticator();
  }

  @Override
  public Version version() {
    return template.version();
  }

  @Override
  public Optional<Executor> executor() {
    return template.executor();
  }
}
