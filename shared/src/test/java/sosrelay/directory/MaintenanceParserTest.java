package sosrelay.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaintenanceParserTest {
    private final List<String> problems = new ArrayList<>();
    private final MaintenanceParser parser = new MaintenanceParser(problems, Set.of("Fire"));

    @Test
    void aWindowOfTwentyFourHoursIsTakenAndALongerOneRefusedWithTheReason() {
        MaintenanceWindow day = parser.parse("maintenance", Map.of("types", List.of("Fire"),
                "from", "2026-11-25T22:00:00+05:30", "to", "2026-11-26T22:00:00+05:30"));

        assertThat(problems).isEmpty();
        assertThat(day.to()).isEqualTo(Instant.parse("2026-11-26T16:30:00Z"));
        MaintenanceWindow longer = parser.parse("maintenance", Map.of("types", List.of("Fire"),
                "from", "2026-11-25T22:00:00+05:30", "to", "2026-11-26T22:00:01+05:30"));
        assertThat(longer).isNull();
        assertThat(problems).singleElement().asString().startsWith("maintenance: a window lasts at most 24 h");
    }
}
