package sosrelay.api;

import static org.assertj.core.api.Assertions.assertThat;
import sosrelay.local.backends.junit.ApiEvents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.config.Env;
import sosrelay.delivery.DeliveryStore;
import sosrelay.delivery.DeliveryJob;
import sosrelay.json.Json;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.wiring.Wiring;

/** The incident API on the fixtures in events/, with the tables and queues of template.yaml. */
class IncidentApiHandlerIT {
    private static final String FIRE_INCIDENT = "inc-xkfdqrmrtnksy7bosprq";
    private static LocalTemplate stack;
    private static Wiring wiring;
    private static IncidentApiHandler handler;

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
        wiring = new Wiring(Env.of(stack.environmentOf("IncidentApiFunction", Map.of())));
        handler = new IncidentApiHandler(wiring);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
        wiring.directory().replace(directory());
    }

    private static Map<String, Object> directory() {
        return Map.of(
                "defaultType", "General",
                "people", List.of(
                        Map.of("id", "security-desk", "name", "Security desk", "phone", "9800000028"),
                        Map.of("id", "duty-manager", "name", "Duty manager", "phone", "9800000026")),
                "types", Map.of(
                        "Fire", Map.of("tiers", List.of(Map.of("notify", List.of("security-desk", "duty-manager")))),
                        "General", Map.of("tiers", List.of(Map.of("notify", List.of("duty-manager"))))),
                // The fixtures' key, with a number besides the directory's people that it may report back to.
                "devices", List.of(Map.of("keyId", sosrelay.local.backends.LocalApiKeys.idOf("local-device-key"), "name", "panel-7",
                        "types", List.of("General", "Fire"), "reportTo", List.of("+919800000099"))));
    }

    /** The directory's {@code devices:} limits the event's key to {@code type}. */
    private static void limitKeyOf(APIGatewayProxyRequestEvent event, String type) {
        Map<String, Object> limited = new java.util.HashMap<>(directory());
        limited.put("devices", List.of(Map.of("keyId", sosrelay.local.backends.LocalApiKeys.idOf(event.getRequestContext().getIdentity().getApiKey()),
                "name", "fire-panels", "types", List.of(type))));
        wiring.directory().replace(limited);
    }

    @ParameterizedTest
    @Event(value = "events/device-incident.json", type = APIGatewayProxyRequestEvent.class)
    void aKeyTheDirectoryLimitsToOtherTypesIsRefusedWithTheReasonAndRaisesNothing(APIGatewayProxyRequestEvent event) {
        limitKeyOf(event, "General");

        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getBody()).contains("device key 'fire-panels' may raise only [General], not Fire");
        assertThat(stack.drainQueue("CallJobsQueue")).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/device-incident-crash.json", type = APIGatewayProxyRequestEvent.class)
    void aLimitedKeyWithoutATypeAlertsItsOwnTypeNotTheDefault(APIGatewayProxyRequestEvent event) {
        limitKeyOf(event, "Fire");

        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(Json.readObject(response.getBody())).containsEntry("type", "Fire")
                .containsEntry("typeNote", "no emergency type given; alerted Fire, the first type device key 'fire-panels' may raise");
        assertThat(stack.drainQueue("CallJobsQueue")).hasSize(2);
    }

    @ParameterizedTest
    @Event(value = "events/device-incident.json", type = APIGatewayProxyRequestEvent.class)
    void aDeviceWithAKeyRaisesAnIncidentAndItsDedupKeyNeverRaisesASecond(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent first = handler.handleRequest(ApiEvents.of(event), null);
        APIGatewayProxyResponseEvent again = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(Json.readObject(first.getBody())).containsEntry("incidentId", FIRE_INCIDENT)
                .containsEntry("status", "raised").containsEntry("type", "Fire");
        assertThat(again.getStatusCode()).isEqualTo(202);
        assertThat(Json.readObject(again.getBody())).containsEntry("incidentId", FIRE_INCIDENT).containsEntry("status", "repeat");
        assertThat(stack.drainQueue("CallJobsQueue")).map(DeliveryJob::fromJson).extracting(DeliveryJob::personId)
                .containsExactlyInAnyOrder("security-desk", "duty-manager");
    }

    @ParameterizedTest
    @Event(value = "events/device-incident-crash.json", type = APIGatewayProxyRequestEvent.class)
    void aMessageWithoutTypeAlertsTheDefaultTypeAndSaysWhy(APIGatewayProxyRequestEvent event) {
        wiring.directory().replace(Map.of("defaultType", "General", "people", directory().get("people"), "types", directory().get("types")));
        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(Json.readObject(response.getBody())).containsEntry("type", "General")
                .containsEntry("typeNote", "no emergency type given; alerted the default type General");
        assertThat(stack.drainQueue("CallJobsQueue")).hasSize(1);
    }

    @ParameterizedTest
    @Event(value = "events/device-incident-invalid.json", type = APIGatewayProxyRequestEvent.class)
    void aBadBodyIsRefusedWithEveryProblemAndRaisesNothing(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat((List<?>) Json.readObject(response.getBody()).get("errors")).hasSize(4);
        assertThat(stack.drainQueue("CallJobsQueue")).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/device-incident-no-key.json", type = APIGatewayProxyRequestEvent.class)
    void aRequestWithoutAKeyRaisesNothing(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(stack.drainQueue("CallJobsQueue")).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/incident-get.json", type = APIGatewayProxyRequestEvent.class)
    void showsTheIncidentAndEveryDeliverySoFar(APIGatewayProxyRequestEvent get) {
        handler.handleRequest(ApiEvents.of(EventLoader.loadApiGatewayRestEvent("events/device-incident.json")), null);
        DeliveryJob securityCall = stack.drainQueue("CallJobsQueue").stream().map(DeliveryJob::fromJson)
                .filter(job -> job.personId().equals("security-desk")).findFirst().orElseThrow();
        DeliveryStore deliveries = new DeliveryStore(wiring.dynamo(), stack.tableName("IncidentsTable"), java.time.Clock.systemUTC(),
                java.time.Duration.ofSeconds(60));
        deliveries.claim(securityCall);
        deliveries.accepted(securityCall, "exo-123");

        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(get), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        Map<String, Object> view = Json.readObject(response.getBody());
        assertThat(view).containsEntry("incidentId", FIRE_INCIDENT).containsEntry("type", "Fire");
        assertThat(view.get("trigger").toString()).contains("panel-7", "Ward 3, second floor", "Smoke detected in the pantry");
        assertThat(view.get("recipients").toString()).contains("+91******0028").doesNotContain("+919800000028");
        assertThat((List<?>) view.get("deliveries")).singleElement().asString()
                .contains("personId=security-desk", "channel=call", "state=accepted").doesNotContain("exo-123");
        assertThat(response.getBody()).as("a device's view names no CallSid").doesNotContain("providerId", "exo-123");
    }

    @ParameterizedTest
    @Event(value = "events/incident-resolve.json", type = APIGatewayProxyRequestEvent.class)
    void resolvingClosesTheIncidentOnceAndTheStoryShowsIt(APIGatewayProxyRequestEvent resolve) {
        handler.handleRequest(ApiEvents.of(EventLoader.loadApiGatewayRestEvent("events/device-incident.json")), null);

        APIGatewayProxyResponseEvent first = handler.handleRequest(ApiEvents.of(resolve), null);
        APIGatewayProxyResponseEvent again = handler.handleRequest(ApiEvents.of(resolve), null);

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(again.getStatusCode()).isEqualTo(409);
        Map<String, Object> view = Json.readObject(handler.handleRequest(ApiEvents.of(EventLoader.loadApiGatewayRestEvent("events/incident-get.json")), null).getBody());
        assertThat(view).containsEntry("status", "resolved");
        List<Object> events = ((List<?>) view.get("timeline")).stream().map(e -> ((Map<?, ?>) e).get("event")).map(Object.class::cast).toList();
        assertThat(events).containsSubsequence("raised", "notified", "resolved");
    }

    @Test
    void anUnknownOrMalformedIdIsAClearAnswer() {
        APIGatewayProxyRequestEvent get = EventLoader.loadApiGatewayRestEvent("events/incident-get.json");
        APIGatewayProxyResponseEvent unknown = handler.handleRequest(ApiEvents.of(get), null);
        get.setPathParameters(Map.of("id", "../../etc/passwd"));
        APIGatewayProxyResponseEvent malformed = handler.handleRequest(ApiEvents.of(get), null);

        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(malformed.getStatusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @Event(value = "events/incident-get-other-key.json", type = APIGatewayProxyRequestEvent.class)
    void anotherKeyCanNeitherReadNorResolveTheIncidentAndIsNotToldItExists(APIGatewayProxyRequestEvent otherKeysGet) {
        handler.handleRequest(ApiEvents.of(EventLoader.loadApiGatewayRestEvent("events/device-incident.json")), null);

        APIGatewayProxyResponseEvent read = handler.handleRequest(ApiEvents.of(otherKeysGet), null);
        APIGatewayProxyResponseEvent resolve = handler.handleRequest(ApiEvents.of(
                EventLoader.loadApiGatewayRestEvent("events/incident-resolve-other-key.json")), null);

        assertThat(read.getStatusCode()).isEqualTo(404);
        assertThat(resolve.getStatusCode()).isEqualTo(404);
        assertThat(read.getBody()).isEqualTo(handler.handleRequest(ApiEvents.of(otherKeysGet.withPathParameters(
                Map.of("id", "inc-aaaaaaaaaaaaaaaaaaaa"))), null).getBody().replace("inc-aaaaaaaaaaaaaaaaaaaa", FIRE_INCIDENT));
        Map<String, Object> own = Json.readObject(handler.handleRequest(ApiEvents.of(EventLoader.loadApiGatewayRestEvent("events/incident-get.json")), null)
                .getBody());
        assertThat(own).containsEntry("status", "open");
    }

    @ParameterizedTest
    @Event(value = "events/operator-incident-get.json", type = APIGatewayProxyRequestEvent.class)
    void aSignedInOperatorReadsListsAndResolvesEveryIncidentButRaisesNone(APIGatewayProxyRequestEvent operatorsGet) {
        handler.handleRequest(ApiEvents.of(EventLoader.loadApiGatewayRestEvent("events/device-incident.json")), null);

        assertThat(handler.handleRequest(ApiEvents.of(operatorsGet), null).getStatusCode()).isEqualTo(200);
        APIGatewayProxyRequestEvent list = EventLoader.loadApiGatewayRestEvent("events/operator-incident-get.json")
                .withPathParameters(null).withResource("/v1/operator/incidents");
        assertThat(handler.handleRequest(ApiEvents.of(list), null).getBody()).contains(FIRE_INCIDENT);
        APIGatewayProxyRequestEvent resolve = EventLoader.loadApiGatewayRestEvent("events/operator-incident-get.json").withHttpMethod("POST");
        assertThat(handler.handleRequest(ApiEvents.of(resolve), null).getStatusCode()).isEqualTo(200);
        assertThat(handler.handleRequest(ApiEvents.of(operatorsGet), null).getBody()).contains("operator:operator-asha");

        APIGatewayProxyRequestEvent raise = EventLoader.loadApiGatewayRestEvent("events/device-incident.json");
        raise.getRequestContext().setIdentity(new APIGatewayProxyRequestEvent.RequestIdentity());
        raise.getRequestContext().setAuthorizer(operatorsGet.getRequestContext().getAuthorizer());
        assertThat(handler.handleRequest(ApiEvents.of(raise.withBody("{\"type\":\"Fire\",\"dedupKey\":\"operator-raise\"}")), null).getStatusCode())
                .as("an operator's sign-in never raises an incident through the device API").isEqualTo(403);
    }

    @ParameterizedTest
    @Event(value = "events/incident-get-other-key.json", type = APIGatewayProxyRequestEvent.class)
    void anOperatorKeyReadsEveryIncident(APIGatewayProxyRequestEvent operatorsGet) {
        handler.handleRequest(ApiEvents.of(EventLoader.loadApiGatewayRestEvent("events/device-incident.json")), null);
        IncidentApiHandler operatorAware = new IncidentApiHandler(new Wiring(Env.of(stack.environmentOf("IncidentApiFunction",
                Map.of("OPERATOR_API_KEY_IDS", sosrelay.local.backends.LocalApiKeys.idOf("ward-7-crash-detector"))))));

        assertThat(operatorAware.handleRequest(ApiEvents.of(operatorsGet), null).getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @Event(value = "events/device-incident.json", type = APIGatewayProxyRequestEvent.class)
    void aKeyAtItsOpenIncidentLimitIsToldSoUntilItResolvesOne(APIGatewayProxyRequestEvent raise) {
        IncidentApiHandler capped = new IncidentApiHandler(new Wiring(Env.of(stack.environmentOf("IncidentApiFunction",
                Map.of("DEVICE_OPEN_INCIDENT_LIMIT", "2")))));
        List<Integer> statuses = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            APIGatewayProxyResponseEvent answer = capped.handleRequest(ApiEvents.of(raise.withBody(
                    "{\"type\":\"Fire\",\"message\":\"loop\",\"dedupKey\":\"loop-" + i + "\"}")), null);
            statuses.add(answer.getStatusCode());
            if (answer.getStatusCode() == 202) {
                ids.add(Json.readObject(answer.getBody()).get("incidentId").toString());
            } else {
                assertThat(answer.getBody()).contains("open incident limit reached", "already has 2 open incidents");
            }
        }
        APIGatewayProxyRequestEvent resolve = EventLoader.loadApiGatewayRestEvent("events/incident-resolve.json");
        capped.handleRequest(ApiEvents.of(resolve.withPathParameters(Map.of("id", ids.get(0)))), null);

        assertThat(statuses).containsExactly(202, 202, 429, 429);
        assertThat(capped.handleRequest(ApiEvents.of(raise.withBody("{\"type\":\"Fire\",\"message\":\"a real fire\",\"dedupKey\":\"real\"}")), null)
                .getStatusCode()).isEqualTo(202);
        assertThat(capped.handleRequest(ApiEvents.of(raise.withBody("{\"type\":\"Fire\",\"message\":\"loop\",\"dedupKey\":\"loop-1\"}")), null)
                .getBody()).as("a repeat of an open incident is still a repeat").contains("\"status\":\"repeat\"");
    }

    /** The directory with {@code panel-7} expected to beat every 5 minutes, standing for a fire, beaten by {@code keys}. */
    private static void watchPanel7(List<String> keys) {
        Map<String, Object> watched = new java.util.HashMap<>(directory());
        watched.put("heartbeats", List.of(Map.of("source", "panel-7", "expectEvery", "5m", "type", "Fire", "keys", keys)));
        wiring.directory().replace(watched);
    }

    private static String keyIdOf(APIGatewayProxyRequestEvent event) {
        return sosrelay.local.backends.LocalApiKeys.idOf(event.getRequestContext().getIdentity().getApiKey());
    }

    @ParameterizedTest
    @Event(value = "events/heartbeat.json", type = APIGatewayProxyRequestEvent.class)
    void aBeatEndsTheSilenceItsSourceRaisedAndStandsEveryoneDown(APIGatewayProxyRequestEvent event) {
        watchPanel7(List.of(keyIdOf(event)));
        new sosrelay.heartbeat.HeartbeatStore(wiring.dynamo(), stack.tableName("IncidentsTable"))
                .beat("panel-7", java.time.Instant.now().minus(java.time.Duration.ofMinutes(12)));
        List<String> raised = wiring.heartbeats().check();
        assertThat(raised).hasSize(1);
        assertThat(stack.drainQueue("CallJobsQueue")).hasSize(2);

        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Json.readObject(response.getBody())).containsEntry("status", "recorded").containsEntry("resolvedIncidentId", raised.get(0));
        assertThat(new sosrelay.incident.IncidentProgress(wiring.dynamo(), stack.tableName("IncidentsTable"), java.time.Clock.systemUTC())
                .state(raised.get(0)).orElseThrow().status()).isEqualTo("resolved");
        assertThat(wiring.heartbeats().check()).as("beating again: nothing to raise").isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/heartbeat.json", type = APIGatewayProxyRequestEvent.class)
    void aBeatFromAnUnknownSourceOrAKeyNotListedForItIsRefusedWithTheReasonAndChangesNothing(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent unknown = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("no heartbeat source 'panel-7' in the directory (heartbeats:)");

        watchPanel7(List.of("3ayvpqoq1b"));
        sosrelay.heartbeat.HeartbeatStore beats = new sosrelay.heartbeat.HeartbeatStore(wiring.dynamo(), stack.tableName("IncidentsTable"));
        beats.beat("panel-7", java.time.Instant.now().minus(java.time.Duration.ofMinutes(12)));
        String silence = wiring.heartbeats().check().get(0);

        APIGatewayProxyResponseEvent foreign = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(foreign.getStatusCode()).isEqualTo(403);
        assertThat(foreign.getBody()).contains("this API key (" + keyIdOf(event) + ") may not beat for panel-7");
        assertThat(new sosrelay.incident.IncidentProgress(wiring.dynamo(), stack.tableName("IncidentsTable"), java.time.Clock.systemUTC())
                .state(silence).orElseThrow().status()).as("the silence stays open").isEqualTo("open");
        assertThat(beats.silentSince("panel-7", java.time.Instant.now())).as("the beat was not recorded")
                .isBefore(java.time.Instant.now().minus(java.time.Duration.ofMinutes(11)));
        watchPanel7(List.of());
        assertThat(handler.handleRequest(ApiEvents.of(event), null).getStatusCode()).as("no keys listed: nobody may beat").isEqualTo(403);
    }


    /** Issue 23: raise, resolve, repeat stays under the open-incident cap; new incidents are counted per hour too. */
    @ParameterizedTest
    @Event(value = "events/device-incident.json", type = APIGatewayProxyRequestEvent.class)
    void aKeyPastItsHourlyRaiseLimitGets429AndRingsNobody(APIGatewayProxyRequestEvent raise) {
        IncidentApiHandler limited = new IncidentApiHandler(new Wiring(Env.of(stack.environmentOf("IncidentApiFunction",
                Map.of("DEVICE_HOURLY_RAISE_LIMIT", "3")))));
        APIGatewayProxyRequestEvent resolve = EventLoader.loadApiGatewayRestEvent("events/incident-resolve.json");
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            APIGatewayProxyResponseEvent answer = limited.handleRequest(ApiEvents.of(raise.withBody("{\"type\":\"Fire\",\"message\":\"loop\",\"dedupKey\":\"loop-" + i + "\"}")), null);
            statuses.add(answer.getStatusCode());
            limited.handleRequest(ApiEvents.of(resolve.withPathParameters(Map.of("id", Json.readObject(answer.getBody()).get("incidentId").toString()))), null);
        }
        assertThat(limited.handleRequest(ApiEvents.of(raise.withBody("{\"type\":\"Fire\",\"message\":\"loop\",\"dedupKey\":\"loop-0\"}")), null)
                .getBody()).as("a repeat is not a new raise").contains("\"status\":\"repeat\"");
        stack.drainQueue("CallJobsQueue");

        APIGatewayProxyResponseEvent over = limited.handleRequest(ApiEvents.of(raise.withBody("{\"type\":\"Fire\",\"message\":\"loop\",\"dedupKey\":\"loop-3\"}")), null);

        assertThat(statuses).containsExactly(202, 202, 202);
        assertThat(over.getStatusCode()).isEqualTo(429);
        assertThat(over.getBody()).contains("hourly raise limit reached", "raised 3 incidents this hour");
        assertThat(stack.drainQueue("CallJobsQueue")).as("nobody rung").isEmpty();
    }

    /** Issue 23: a key the directory does not list cannot page a specialist chain; its emergency still rings the default group. */
    @ParameterizedTest
    @Event(value = "events/device-incident.json", type = APIGatewayProxyRequestEvent.class)
    void anUnlistedKeyRaisesOnlyTheDefaultType(APIGatewayProxyRequestEvent raise) {
        raise.getRequestContext().getIdentity().setApiKey("a-key-nobody-listed");

        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(raise), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(Json.readObject(response.getBody())).containsEntry("type", "General");
        assertThat(response.getBody()).contains("is not in the directory's devices: it raises only the default type General, not Fire");
    }

    /** Issue 23: reportTo hears responders' names, so only the directory's people or numbers listed for the key. */
    @ParameterizedTest
    @Event(value = "events/device-incident.json", type = APIGatewayProxyRequestEvent.class)
    void reportToIsKeptOnlyForTheDirectorysPeopleOrANumberListedForTheKey(APIGatewayProxyRequestEvent raise) {
        Map<String, String> reportTo = new java.util.LinkedHashMap<>();
        for (String number : List.of("+919800000099", "+919800000026", "+919811112222")) {
            APIGatewayProxyResponseEvent answer = handler.handleRequest(ApiEvents.of(raise.withBody("{\"type\":\"Fire\",\"message\":\"x\",\"dedupKey\":\"r-"
                    + number.substring(1) + "\",\"reportTo\":\"" + number + "\"}")), null);
            assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(202);
            String id = Json.readObject(answer.getBody()).get("incidentId").toString();
            reportTo.put(number, String.valueOf(wiring.incidents().find(id).orElseThrow().trigger().reportTo()));
            if (number.endsWith("2222")) {
                assertThat(answer.getBody()).contains("reportTo +91******2222 refused");
            }
        }

        assertThat(reportTo).containsExactly(Map.entry("+919800000099", "+919800000099"), Map.entry("+919800000026", "+919800000026"),
                Map.entry("+919811112222", "null"));
    }
}
