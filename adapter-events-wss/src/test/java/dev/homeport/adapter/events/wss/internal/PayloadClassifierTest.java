package dev.homeport.adapter.events.wss.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.domain.home.AlertMessage;
import dev.homeport.domain.home.ControlMessage;
import dev.homeport.domain.home.DeviceEvent;
import dev.homeport.domain.home.SubscriptionStateChange;
import dev.homeport.domain.home.UnknownMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PayloadClassifierTest {

  private static PayloadClassifier.Classified classify(String json) {
    return PayloadClassifier.classify(Json.parse(json, "test"));
  }

  @Test
  void deviceEventShape_isADeviceEventWhateverTheName() {
    var result = classify("[\"renamed\",{\"data\":{\"eventType\":\"DEVICE_EVENT\",\"eventId\":\"e\",\"locationId\":\"l\","
        + "\"deviceId\":\"d\",\"componentId\":\"main\",\"capability\":\"powerMeter\",\"attribute\":\"power\",\"value\":9.2,"
        + "\"valueType\":\"number\",\"unit\":\"W\",\"stateChange\":false,\"time\":\"2021-06-09T04:16:03.854Z\"},\"subscriptionId\":\"s\"}]");

    assertThat(result.message()).isInstanceOfSatisfying(DeviceEvent.class, event -> {
      assertThat(event.stateChange()).isFalse();
      assertThat(event.subscriptionId().orElseThrow().value()).isEqualTo("s");
      assertThat(event.value().orElseThrow().plain()).isEqualTo(new java.math.BigDecimal("9.2"));
    });
    assertThat(result.invalid()).isFalse();
  }

  @Test
  void stateShape_isSubscriptionState() {
    assertThat(classify("[\"x\",{\"state\":\"ACTIVE\",\"subscriptionId\":\"s\"}]").message()).isInstanceOf(SubscriptionStateChange.class);
  }

  @Test
  void stringDataShape_isControl() {
    assertThat(classify("[\"x\",{\"data\":\"refresh\",\"subscriptionId\":\"s\"}]").message()).isInstanceOf(ControlMessage.class);
  }

  @Test
  void plainString_isAlert() {
    assertThat(classify("[\"x\",\"hello\"]").message()).isEqualTo(new AlertMessage("hello"));
  }

  @Test
  void deviceEventWithoutTime_isUnknownAndInvalid() {
    var result = classify("[\"x\",{\"data\":{\"eventType\":\"DEVICE_EVENT\",\"eventId\":\"e\",\"locationId\":\"l\","
        + "\"deviceId\":\"d\",\"capability\":\"c\",\"attribute\":\"a\"}}]");

    assertThat(result.invalid()).isTrue();
    assertThat(((UnknownMessage) result.message()).reason()).contains("time");
  }

  @Property(tries = 1000)
  void anyJsonPayload_isClassifiedWithoutThrowing(@ForAll("payloads") Object payload) {
    var args = Json.NODES.arrayNode().add("name");
    args.add(Json.MAPPER.valueToTree(payload));

    assertThat(PayloadClassifier.classify(args).message()).isNotNull();
  }

  @Provide
  Arbitrary<Object> payloads() {
    Arbitrary<Object> data =
        Arbitraries.maps(
                Arbitraries.of("eventType", "eventId", "locationId", "deviceId", "capability", "attribute", "value",
                    "valueType", "time", "unit", "stateChange", "componentId"),
                Arbitraries.oneOf(
                    Arbitraries.of("DEVICE_EVENT", "", " ", "number", "2021-06-09T04:16:03.854Z", "x").map(s -> (Object) s),
                    Arbitraries.integers().map(i -> (Object) i),
                    Arbitraries.of(true, false).map(b -> (Object) b),
                    CodecPropertiesTest.jsonValues(1)))
            .ofMaxSize(12)
            .map(m -> (Object) m);
    Arbitrary<Object> wrapped =
        Arbitraries.maps(Arbitraries.of("data", "state", "subscriptionId"), Arbitraries.oneOf(data, CodecPropertiesTest.jsonValues(1)))
            .ofMaxSize(3)
            .map(m -> (Object) m);
    return Arbitraries.oneOf(wrapped, CodecPropertiesTest.jsonValues(2));
  }
}
