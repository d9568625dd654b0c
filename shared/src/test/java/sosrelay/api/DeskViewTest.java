package sosrelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.directory.Directory;
import sosrelay.directory.DirectoryParser;
import sosrelay.json.Json;

class DeskViewTest {
    private static final Directory DIRECTORY = DirectoryParser.parse(Map.of(
            "defaultType", "Heart",
            "people", List.of(
                    Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "+919811000001"),
                    Map.of("id", "dr-iyer", "name", "Dr. Iyer", "phone", "+919811000002", "channels", List.of("call", "sms"))),
            "rosters", Map.of("cardio", Map.of("timeZone", "Asia/Kolkata", "rotations", List.of(Map.of(
                    "people", List.of("dr-rao", "dr-iyer"), "shift", "12h", "start", "2026-11-01T08:00:00+05:30")))),
            "types", Map.of("Heart", Map.of("tiers", List.of(Map.of("notify", List.of("cardio")))))));

    @Test
    void saysWhoIsOnDutyNowAndWhoComesNextAndWhen() {
        // 10:00 in Kolkata: Dr. Rao's day shift, Dr. Iyer's night from 20:00.
        Map<String, Object> view = DeskView.of(DIRECTORY, Map.of(), Map.of(), Instant.parse("2026-11-01T04:30:00Z"));

        // 10:07 in Kolkata: Dr. Rao's day shift, Dr. Iyer's night from 20:00 sharp.
        Map<String, Object> later = DeskView.of(DIRECTORY, Map.of(), Map.of(), Instant.parse("2026-11-01T04:37:00Z"));

        assertThat(List.of(view, later)).allSatisfy(v -> assertThat(v.get("rosters")).asList().singleElement().satisfies(roster -> assertThat(cast(roster))
                .containsEntry("id", "cardio")
                .containsEntry("onDuty", List.of(Map.of("id", "dr-rao", "name", "Dr. Rao")))
                .containsEntry("nextAt", "2026-11-01T20:00+05:30")
                .containsEntry("next", List.of(Map.of("id", "dr-iyer", "name", "Dr. Iyer")))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    @Test
    void aPersonWhoNeverAnsweredIsUnverified() {
        Map<String, Object> view = DeskView.of(DIRECTORY, Map.of("dr-iyer", Instant.parse("2026-10-30T10:00:00Z")), Map.of(),
                Instant.parse("2026-11-01T04:30:00Z"));

        assertThat(view.get("people")).asList().extracting(p -> ((Map<?, ?>) p).get("id"), p -> ((Map<?, ?>) p).get("verified"),
                        p -> ((Map<?, ?>) p).get("lastReached"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("dr-rao", false, null),
                        org.assertj.core.groups.Tuple.tuple("dr-iyer", true, "2026-10-30T10:00:00Z"));
    }

    @Test
    void showsPeopleWithMaskedNumbersOnly() {
        String view = Json.write(DeskView.of(DIRECTORY, Map.of(), Map.of(), Instant.parse("2026-11-01T04:30:00Z")));

        assertThat(view).doesNotContain("9811000001", "9811000002").contains("Dr. Iyer", "\"sms\"");
    }

    @Test
    void namesTheSmsNoticesThatAreOff() {
        Map<String, Object> view = DeskView.of(DIRECTORY, Map.of(), Map.of("stand-down", "EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID is not set"),
                Instant.parse("2026-11-01T04:30:00Z"));

        assertThat(view.get("noticesOff")).asList().containsExactly("stand-down SMS (EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID is not set)");
        assertThat(DeskView.of(DIRECTORY, Map.of(), Map.of(), Instant.parse("2026-11-01T04:30:00Z")).get("noticesOff")).asList().isEmpty();
    }
}
