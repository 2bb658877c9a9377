package dev.homeport.adapter.events.wss.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

  @Test
  void serviceTimestamps_parseLikeInstantParse() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
          random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
      if (random.nextBoolean()) {
        instant = Instant.ofEpochMilli(instant.toEpochMilli());
      }
      String text = instant.toString();
      assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void recordedForms_parse() {
    assertThat(IsoInstants.parse("2021-06-09T04:16:03.854Z")).isEqualTo(Instant.parse("2021-06-09T04:16:03.854Z"));
    assertThat(IsoInstants.parse("2021-06-09T04:16:03Z")).isEqualTo(Instant.parse("2021-06-09T04:16:03Z"));
    assertThat(IsoInstants.parse("2024-02-29T23:59:59.1Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.1Z"));
    assertThat(IsoInstants.parse("2021-06-09T04:16:03.123456789Z")).isEqualTo(Instant.parse("2021-06-09T04:16:03.123456789Z"));
  }

  @Test
  void otherForms_goToInstantParse() {
    assertThat(IsoInstants.parseUtc("2021-06-09T04:16:03+02:00")).isNull();
    assertThat(IsoInstants.parse("2021-06-09T04:16:03+02:00")).isEqualTo(Instant.parse("2021-06-09T04:16:03+02:00"));
    assertThat(IsoInstants.parseUtc("2021-06-09T23:59:60Z")).isNull();
    assertThat(IsoInstants.parse("2021-06-09T23:59:60Z")).isEqualTo(Instant.parse("2021-06-09T23:59:60Z"));
  }

  @Test
  void oddAndInvalidForms_behaveExactlyLikeInstantParse() {
    for (String text : new String[] {"2021-02-30T00:00:00Z", "2021-13-01T00:00:00Z", "2021-06-09T04:16Z",
        "2021-06-09 04:16:03Z", "2021-06-09T04:16:03.Z", "yesterday", "2021-06-09T04:16:03.1234567890Z",
        "2021-06-09T24:00:00Z", "2021-06-09t04:16:03z", "+12021-06-09T04:16:03Z", "2021-06-09T04:16:03,5Z"}) {
      Instant expected;
      try {
        expected = Instant.parse(text);
      } catch (DateTimeParseException e) {
        assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        continue;
      }
      assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
    }
  }
}
