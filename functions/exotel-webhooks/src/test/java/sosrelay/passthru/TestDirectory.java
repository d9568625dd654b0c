package sosrelay.passthru;

import java.util.List;
import java.util.Map;

/** A small directory: Heart rings three people, anything else the duty manager. */
public final class TestDirectory {
    private TestDirectory() {
    }

    public static Map<String, Object> heartWithThreePeople() {
        return Map.of(
                "defaultType", "General",
                "people", List.of(
                        Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "9800000001"),
                        Map.of("id", "dr-iyer", "name", "Dr. Iyer", "phone", "09800000002"),
                        Map.of("id", "nurse-station", "name", "Nurse station", "phone", "+919800000003"),
                        Map.of("id", "duty-manager", "name", "Duty manager", "phone", "+919800000004")),
                "types", Map.of(
                        "Heart", Map.of("digit", 1, "tiers", List.of(Map.of("notify", List.of("dr-rao", "dr-iyer", "nurse-station")))),
                        "General", Map.of("tiers", List.of(Map.of("notify", List.of("duty-manager"))))));
    }
}
