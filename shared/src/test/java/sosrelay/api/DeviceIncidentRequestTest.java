package sosrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceIncidentRequestTest {

    @Test
    void readsEveryField() throws Exception {
        DeviceIncidentRequest request = DeviceIncidentRequest.parse("{\"type\":\"Fire\",\"message\":\" Smoke \",\"source\":\"panel-7\","
                + "\"location\":\"Ward 3\",\"recordingUrl\":\"https://recordings.exotel.com/a.mp3\",\"dedupKey\":\"panel-7:evt/1\","
                + "\"reportTo\":\"09800000099\"}");

        assertThat(request).isEqualTo(new DeviceIncidentRequest("Fire", "Smoke", "panel-7", "Ward 3",
                "https://recordings.exotel.com/a.mp3", "panel-7:evt/1", "+919800000099", List.of()));
    }

    @Test
    void aMessageAloneIsEnoughAndUnknownFieldsAreOnlyWarnings() throws Exception {
        DeviceIncidentRequest request = DeviceIncidentRequest.parse("{\"message\":\"Crash detected\",\"speed\":82}");

        assertThat(request.type()).isNull();
        assertThat(request.warnings()).containsExactly("unknown field 'speed' ignored");
    }

    @Test
    void namesEveryProblemAtOnce() {
        assertThatThrownBy(() -> DeviceIncidentRequest.parse("{\"type\":42,\"location\":\"" + "x".repeat(300)
                + "\",\"dedupKey\":\"has spaces\",\"source\":\"a\\u0000b\"}"))
                .isInstanceOfSatisfying(DeviceIncidentRequest.Invalid.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "type must be a string",
                        "location is longer than 256 characters",
                        "source contains control characters",
                        "give at least one of type and message",
                        "dedupKey may hold only letters, digits and . _ : @ / -"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[1,2]", "not json", "{\"type\":\"\",\"message\":\"  \"}"})
    void refusesBodiesWithNothingToRaise(String body) {
        assertThatThrownBy(() -> DeviceIncidentRequest.parse(body)).isInstanceOf(DeviceIncidentRequest.Invalid.class);
    }

    @Test
    void refusesAnOversizedBody() {
        assertThatThrownBy(() -> DeviceIncidentRequest.parse("{\"message\":\"" + "x".repeat(20_000) + "\"}"))
                .isInstanceOfSatisfying(DeviceIncidentRequest.Invalid.class,
                        e -> assertThat(e.problems()).containsExactly("the body is larger than 16384 bytes"));
    }
}
