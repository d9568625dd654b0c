package sosrelay.links;

import static org.assertj.core.api.Assertions.assertThat;
import sosrelay.local.backends.junit.ApiEvents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.config.Env;
import sosrelay.directory.RetryPolicy;
import sosrelay.incident.Incident;
import sosrelay.incident.Recording;
import sosrelay.incident.Trigger;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.table.TableKeys;
import sosrelay.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A doctor's phone opens events/recording-link.json, with RecordingLinkFunction's environment from template.yaml. */
class RecordingLinkHandlerIT {
    private static final String INCIDENT = "inc-f4ozhr7np263xfwdrpb2";
    private static final String TOKEN = "q0fP5Zr8sT2vW4xY6zA1bQ";
    private static LocalTemplate stack;
    private static Wiring wiring;
    private static RecordingLinkHandler handler;

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
        wiring = new Wiring(Env.of(stack.environmentOf("RecordingLinkFunction", Map.of())));
        handler = new RecordingLinkHandler(wiring);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @ParameterizedTest
    @Event(value = "events/recording-link.json", type = APIGatewayProxyRequestEvent.class)
    void aTokenNeverIssuedIsNotFoundAndOneIssuedRedirectsToOurCopy(APIGatewayProxyRequestEvent event) {
        stack.reset();
        APIGatewayProxyResponseEvent unknown = handler.handleRequest(ApiEvents.of(event), null);
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getBody()).isEqualTo(RecordingLinkWebhook.UNKNOWN);

        wiring.incidents().create(new Incident(INCIDENT, new Trigger("exotel-call", "abc", "09324190000", Instant.now(), null, null),
                "Heart", null, new Recording("https://recordings.exotel.com/acme/abc.mp3", null, null), List.of(), List.of(),
                RetryPolicy.DEFAULT, null));
        wiring.incidents().recordCopy(INCIDENT, "recordings/" + INCIDENT + "/8khz-mono.wav");
        // The token's item as the SMS worker writes it (RecordingLinks.issue draws its own token; the fixture names this one).
        long until = Instant.now().plusSeconds(3600).toEpochMilli();
        stack.backends().dynamoDb().putItem(p -> p.tableName(stack.tableName("IncidentsTable")).item(Map.of(
                "pk", TableKeys.recordingLink(TOKEN).get("pk"), "sk", TableKeys.recordingLink(TOKEN).get("sk"),
                "incidentId", AttributeValue.fromS(INCIDENT), "personId", AttributeValue.fromS("dr-rao"),
                "validUntil", AttributeValue.fromN(Long.toString(until)),
                "expiresAt", AttributeValue.fromN(Long.toString(until / 1000)))));

        APIGatewayProxyResponseEvent redirect = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(redirect.getStatusCode()).isEqualTo(302);
        assertThat(redirect.getHeaders().get("Location")).contains("/recordings/" + INCIDENT + "/8khz-mono.wav?")
                .contains("X-Amz-Signature=").doesNotContain("exotel.com");
    }
}
