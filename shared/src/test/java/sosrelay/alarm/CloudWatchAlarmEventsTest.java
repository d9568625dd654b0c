package sosrelay.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;

class CloudWatchAlarmEventsTest {
    private static final String ARN = "arn:aws:cloudwatch:ap-south-1:123456789012:alarm:sos-relay-api-5xx";
    private static final String REASON = "Threshold Crossed: 1 out of the last 1 datapoints [12.0 (20/11/26 10:14:00)]"
            + " was greater than or equal to the threshold (5.0).";

    @Test
    void readsTheAlarmInsideAnSnsNotification() {
        assertThat(CloudWatchAlarmEvents.parse(fixture("alarm-sns.json"))).containsExactly(
                new CloudWatchAlarm("sos-relay-api-5xx", ARN, "ALARM", REASON, Instant.parse("2026-11-20T10:15:00.512Z")));
    }

    @Test
    void readsTheAlarmInvokingTheFunctionDirectly() {
        assertThat(CloudWatchAlarmEvents.parse(fixture("alarm-direct.json"))).containsExactly(
                new CloudWatchAlarm("sos-relay-api-5xx", ARN, "ALARM", REASON, Instant.parse("2026-11-20T10:15:00.512Z")));
    }

    @Test
    void bothShapesOfOneStateChangeAreTheSameAlarmInTheSameGroup() {
        CloudWatchAlarm viaSns = CloudWatchAlarmEvents.parse(fixture("alarm-sns.json")).get(0);
        CloudWatchAlarm direct = CloudWatchAlarmEvents.parse(fixture("alarm-direct.json")).get(0);

        assertThat(viaSns).isEqualTo(direct);
        assertThat(viaSns.group()).isEqualTo("alarm:" + ARN);
    }

    @Test
    void namesWhatIsMissingFromSomethingThatIsNotAnAlarm() {
        assertThatThrownBy(() -> CloudWatchAlarmEvents.parse(Map.of("hello", "world")))
                .hasMessageContaining("neither a CloudWatch alarm action");
        assertThatThrownBy(() -> CloudWatchAlarmEvents.parse(Map.of("source", "aws.cloudwatch")))
                .hasMessage("alarmData is missing");
        assertThatThrownBy(() -> CloudWatchAlarmEvents.parse(Map.of("Records", List.of(Map.of("Sns", Map.of("Message", "{}"))))))
                .hasMessage("AlarmName is missing");
    }

    static Map<String, Object> fixture(String name) {
        try (InputStream in = CloudWatchAlarmEventsTest.class.getClassLoader().getResourceAsStream("events/" + name)) {
            return Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
