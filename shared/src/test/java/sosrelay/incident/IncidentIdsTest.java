package sosrelay.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncidentIdsTest {

    @Test
    void theSameSourceAndReferenceAlwaysGiveTheSameValidId() {
        String id = IncidentIds.forSource("exotel-call", "fd7a090139691d5ed3exxg");

        assertThat(id).isEqualTo(IncidentIds.forSource("exotel-call", "fd7a090139691d5ed3exxg"));
        assertThat(IncidentIds.isValid(id)).isTrue();
        assertThat(id).hasSize(24).startsWith("inc-");
    }

    @Test
    void differentReferencesOrSourcesGiveDifferentIds() {
        assertThat(IncidentIds.forSource("exotel-call", "a")).isNotEqualTo(IncidentIds.forSource("exotel-call", "b"));
        assertThat(IncidentIds.forSource("exotel-call", "a")).isNotEqualTo(IncidentIds.forSource("device", "a"));
    }

    @Test
    void refusesAnythingThatIsNotAnIncidentId() {
        assertThat(IncidentIds.isValid("inc-<script>aaaaaaaaaaaa")).isFalse();
        assertThat(IncidentIds.isValid(null)).isFalse();
        assertThat(IncidentIds.isValid("inc-aaaaaaaaaaaaaaaaaaaaa")).isFalse();
    }
}
