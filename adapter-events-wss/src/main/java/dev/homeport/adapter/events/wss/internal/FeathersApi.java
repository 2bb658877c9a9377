package dev.homeport.adapter.events.wss.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeport.domain.home.Device;
import dev.homeport.domain.home.Location;
import dev.homeport.domain.home.LocationId;
import dev.homeport.domain.home.Room;
import dev.homeport.domain.home.SubscriptionId;
import dev.homeport.domain.home.UnknownMessage;
import dev.homeport.domain.home.User;
import dev.homeport.ports.HomeportException;
import dev.homeport.ports.ProtocolException;
import dev.homeport.ports.ServiceCallException;
import dev.homeport.ports.home.ConcurrentDeviceDirectory;
import dev.homeport.support.SecretScrubber;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SmartThings web app's Feathers services as the session uses them: {@code get api/user},
 * {@code find api/location|room|device}, {@code create api/subscription} (once per location,
 * re-created after a reconnect), each answer mapped to domain values and remembered in the device
 * directory. Calls go through a {@link Caller} (the current authenticated connection). Thread-safe.
 */
final class FeathersApi {

  private static final Logger LOG = LoggerFactory.getLogger(FeathersApi.class);

  /** Makes one Feathers call (args: method, path, ...) and completes with its result. */
  @FunctionalInterface
  interface Caller {
    CompletableFuture<JsonNode> call(String description, ArrayNode args);
  }

  /** Waits for a call's answer within the call time-out, failing with the port's exceptions. */
  @FunctionalInterface
  interface Awaiter {
    JsonNode await(CompletableFuture<JsonNode> call, String what) throws Exception;
  }

  private final Caller current;
  private final ConcurrentDeviceDirectory directory;
  private final EventRouter router;
  private final SecretScrubber scrubber;
  private final Map<LocationId, CompletableFuture<Optional<SubscriptionId>>> subscriptions =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<LocationId, WireMapping.DeviceList> deviceListVersions =
      new java.util.concurrent.ConcurrentHashMap<>();

  FeathersApi(Caller current, EventRouter router, SecretScrubber scrubber) {
    this.current = current;
    this.router = router;
    this.scrubber = scrubber;
    this.directory = router.directory();
  }

  static ArrayNode args(String... leading) {
    ArrayNode args = Json.NODES.arrayNode();
    for (String value : leading) {
      args.add(value);
    }
    return args;
  }

  CompletableFuture<User> user() {
    ArrayNode args = args("get", "api/user");
    args.addNull();
    args.addObject();
    return mapped(current.call("get api/user", args), result -> {
      User user = WireMapping.user(result);
      directory.rememberUser(user);
      return user;
    });
  }

  CompletableFuture<List<Location>> locations() {
    ArrayNode args = args("find", "api/location");
    args.addObject();
    return mapped(current.call("find api/location", args), result -> {
      List<Location> locations = List.copyOf(WireMapping.locations(result));
      directory.rememberLocations(locations);
      return locations;
    });
  }

  CompletableFuture<List<Room>> rooms(LocationId locationId) {
    Objects.requireNonNull(locationId, "locationId");
    ArrayNode args = args("find", "api/room");
    args.addObject().put("locationId", locationId.value());
    return mapped(current.call("find api/room", args), result -> {
      List<Room> rooms = List.copyOf(WireMapping.rooms(result));
      directory.rememberRooms(locationId, rooms);
      return rooms;
    });
  }

  CompletableFuture<List<Device>> devices(LocationId locationId) {
    Objects.requireNonNull(locationId, "locationId");
    ArrayNode args = args("find", "api/device");
    ObjectNode query = args.addObject();
    query.put("locationId", locationId.value());
    query.putNull("since");
    query.putNull("version");
    query.putObject("locale").put("language", "en");
    return mapped(current.call("find api/device", args), result -> {
      WireMapping.DeviceList list = WireMapping.devices(result);
      reportSkipped(locationId, list.skipped());
      deviceListVersions.put(locationId, list);
      List<Device> devices = List.copyOf(list.devices());
      directory.rememberDevices(locationId, devices);
      return devices;
    });
  }

  /**
   * Device entries the service sent but homeport could not map reach {@code messages()} as an
   * {@link UnknownMessage} each (name {@code find api/device}, the reason naming entry and field)
   * and the log, once per answer; the devices that mapped are answered and remembered as usual.
   */
  private void reportSkipped(LocationId locationId, List<String> skipped) {
    if (skipped.isEmpty()) {
      return;
    }
    LOG.warn("device list of location {}: {} of its entries skipped; the first: {}",
        locationId, skipped.size(), scrubber.scrub(skipped.get(0)));
    for (String reason : skipped) {
      router.deliver(new UnknownMessage("find api/device", "", scrubber.scrub(reason)));
    }
  }

  /** The etag and version of the last device list answered for {@code locationId}. */
  Optional<WireMapping.DeviceList> lastDeviceList(LocationId locationId) {
    return Optional.ofNullable(deviceListVersions.get(locationId));
  }

  private static ArrayNode subscriptionArgs(LocationId locationId) {
    ArrayNode args = args("create", "api/subscription");
    args.addObject().put("locationId", locationId.value());
    args.addObject();
    return args;
  }

  /** Creates the service subscription for a location once; a failed one is tried again next time. */
  CompletableFuture<Optional<SubscriptionId>> ensureSubscribed(LocationId locationId) {
    return subscriptions.compute(
        locationId,
        (id, existing) -> {
          if (existing != null && !existing.isCompletedExceptionally()) {
            return existing;
          }
          return mapped(current.call("create api/subscription", subscriptionArgs(id)), WireMapping::subscriptionId);
        });
  }

  /**
   * Re-creates every subscription that had succeeded, on a new connection ({@code onLink}); a
   * location the service now refuses has its subscribers ended, the others go on.
   */
  void resubscribeAll(Caller onLink, Awaiter awaiter) throws Exception {
    for (Map.Entry<LocationId, CompletableFuture<Optional<SubscriptionId>>> entry : subscriptions.entrySet()) {
      CompletableFuture<Optional<SubscriptionId>> previous = entry.getValue();
      if (previous.isDone() && !previous.isCompletedExceptionally()) {
        try {
          JsonNode result = awaiter.await(onLink.call("create api/subscription", subscriptionArgs(entry.getKey())),
              "re-create subscription");
          LOG.debug("re-created subscription for location {}", entry.getKey());
          subscriptions.put(entry.getKey(), CompletableFuture.completedFuture(WireMapping.subscriptionId(result)));
        } catch (ServiceCallException refused) {
          // The service no longer accepts this location's subscription: end its subscribers, keep the rest.
          LOG.info("subscription for location {} refused after reconnect: {}", entry.getKey(), refused.getMessage());
          subscriptions.put(entry.getKey(), CompletableFuture.failedFuture(refused));
          router.endLocation(entry.getKey(), refused);
        }
      }
    }
  }

  /** Fails every subscription still pending (the session ended). */
  void failSubscriptions(HomeportException error) {
    subscriptions.values().forEach(f -> f.completeExceptionally(error));
  }

  private static <T> CompletableFuture<T> mapped(CompletableFuture<JsonNode> call, Function<JsonNode, T> mapping) {
    return call.handle(
        (result, error) -> {
          if (error != null) {
            throw new CompletionException(SmartThingsSession.homeport(error));
          }
          try {
            return mapping.apply(result);
          } catch (HomeportException e) {
            throw new CompletionException(e);
          } catch (RuntimeException e) {
            throw new CompletionException(new ProtocolException("answer not understood: " + e.getMessage(), e));
          }
        });
  }
}
