package sosrelay.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import sosrelay.config.Env;
import sosrelay.delivery.DeliveryStatus;
import sosrelay.delivery.DeliveryStore;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.Timeline;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.backends.junit.TemplateStack;
import sosrelay.web.FormEncoding;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.wiring.Wiring;

/**
 * The incident lifecycle on the real local backends: the timer function's wiring (it can do
 * everything: raise, place calls, apply callbacks, run timers), WireMock as Exotel, and the queues
 * pumped by hand so each step of a scenario is visible. A test class registers one on a static field
 * ({@code @RegisterExtension static final LifecycleHarness harness = new LifecycleHarness();}), built before its tests.
 */
final class LifecycleHarness implements BeforeAllCallback, AfterAllCallback {
    static final String SECRET = TemplateStack.WEBHOOK_SECRET;
    static final String CONNECT = TemplateStack.EXOTEL_CONNECT;
    /** The id of the API key that acts as an operator here: it reads every incident through the incident API. */
    static final String OPERATOR_KEY_ID = "key-operator";

    /** The timer function's stack, with calls that ring for a second and lost callbacks chased a second later. */
    private final TemplateStack templateStack = TemplateStack.of("TimerFunction")
            .with("EXOTEL_RING_TIMEOUT_SECONDS", "1")
            .with("EXOTEL_CALLBACK_GRACE_SECONDS", "1")
            .with("OPERATOR_API_KEY_IDS", OPERATOR_KEY_ID)
            // Its Passthrus carry made-up CallSids; the check of a Passthru's CallSid is CallSidCheckIT's.
            .with("PASSTHRU_CALL_CHECK", "off");

    LocalTemplate stack;
    WireMockServer exotel;
    Wiring wiring;
    DeliveryStore deliveries;
    IncidentProgress progress;
    sosrelay.ack.AckCodes ackCodes;

    @Override
    public void beforeAll(ExtensionContext context) {
        templateStack.beforeAll(context);
        stack = templateStack.template();
        exotel = templateStack.provider();
        wiring = new Wiring(Env.of(templateStack.environment()));
        String table = stack.tableName("IncidentsTable");
        deliveries = new DeliveryStore(wiring.dynamo(), table, Clock.systemUTC(), Duration.ofSeconds(60));
        progress = new IncidentProgress(wiring.dynamo(), table, Clock.systemUTC());
        ackCodes = new sosrelay.ack.AckCodes(wiring.dynamo(), table, Clock.systemUTC());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        templateStack.afterAll(context);
    }

    /** The timer function's environment, as its Lambda gets it. */
    Map<String, String> environment() {
        return templateStack.environment();
    }

    void reset(Map<String, Object> directory) {
        stack.reset();
        exotel.resetAll();
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(200)
                .withBody("{\"Call\":{\"Sid\":\"call-{{randomValue length=12 type='ALPHANUMERIC'}}\"}}")));
        wiring.directory().replace(directory);
    }

    /** Raises a Heart emergency through the Passthru webhook; returns the incident id. */
    String raise(String callSid) {
        WebResponse response = wiring.passthruWebhook().handle(new WebRequest("GET", Map.of("secret", SECRET),
                Map.of("CallSid", List.of(callSid), "EmergencyType", List.of("Heart")), Map.of(), null, false, null));
        return response.body().substring("OK ".length(), "OK ".length() + 24);
    }

    /** Everything visible on the call queue, through the call worker; returns how many jobs ran. */
    int pumpCalls() {
        return stack.pump("CallJobsQueue", event -> wiring.callJobs().process(event));
    }

    /** Runs the timers and call queues as the event source mappings would, until {@code condition} holds. */
    void runUntil(String what, java.util.function.BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + max.toSeconds() + " s waiting for " + what);
            }
            runOnce();
        }
    }

    /** Runs the timers and call queues for {@code duration}: long enough for what is due to have happened. */
    void runFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            runOnce();
        }
    }

    private void runOnce() {
        stack.pump("TimersQueue", event -> wiring.timerJobs().process(event));
        pumpCalls();
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    List<Map<String, String>> timeline(String incidentId) {
        return new Timeline(wiring.dynamo(), stack.tableName("IncidentsTable"), Clock.systemUTC()).read(incidentId);
    }

    int connects() {
        return exotel.countRequestsMatching(postRequestedFor(urlEqualTo(CONNECT)).build()).getCount();
    }

    boolean hasCall(String incidentId, String personId) {
        return deliveries.forIncident(incidentId).stream().anyMatch(d -> d.personId().equals(personId) && d.channel().equals("call"));
    }

    DeliveryStatus call(String incidentId, String personId) {
        return deliveries.forIncident(incidentId).stream()
                .filter(d -> d.personId().equals(personId) && d.channel().equals("call")).findFirst().orElseThrow();
    }

    WebResponse callStatus(String callSid, String status) {
        return wiring.callStatusWebhook().handle(form("POST", Map.of("CallSid", callSid, "Status", status)));
    }

    /** A key pressed on the person's latest call, as Exotel sends it: that call's CallSid and CustomField. */
    WebResponse pressed(String incidentId, String personId, String digits) {
        return wiring.keypressAckWebhook().handle(new WebRequest("GET", Map.of("secret", SECRET),
                Map.of("CallSid", List.of(call(incidentId, personId).providerId()), "CustomField", List.of(incidentId + ":" + personId), "digits", List.of(digits)),
                Map.of(), null, false, null));
    }

    WebRequest form(String method, Map<String, String> fields) {
        return new WebRequest(method, Map.of("secret", SECRET), Map.of(),
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), FormEncoding.encode(fields), false, null);
    }
}
