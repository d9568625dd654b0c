package sosrelay.local.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sosrelay.directory.Person;
import sosrelay.incident.IncidentIds;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.web.FormEncoding;

/**
 * Issue 2's "done when", through the local stack's HTTP port with the demo directory (20 people
 * under Heart) and WireMock playing Exotel, so every request Exotel would receive can be checked.
 */
class VoicePathIT {
    private static final String CONNECT = "/v1/Accounts/acme/Calls/connect.json";
    /** Exotel's bulk call details, which the worker asks about a request it is unsure of. */
    private static final String CALLS = "/v1/Accounts/acme/Calls.json";
    private static final String SECRET = LocalRelay.LOCAL_SECRET;
    private static WireMockServer exotel;
    private static LocalRelay relay;
    private static List<Person> heart;

    @BeforeAll
    static void start() {
        exotel = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new AcceptedCallsListing(() -> exotel)));
        exotel.start();
        relay = LocalRelay.start(LocalHttp.madeUpCallSids(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withEnvironmentOverrides(Map.of(
                "EXOTEL_API_BASE_URL", exotel.baseUrl(),
                "EXOTEL_ACCOUNT_SID", "acme",
                "EXOTEL_API_KEY", "acme-key",
                "EXOTEL_API_TOKEN", "acme-token",
                "EXOTEL_CALLER_ID", "08047000000",
                "EXOTEL_FLOW_URL", "http://my.exotel.com/acme/exoml/start_voice/926",
                "EXOTEL_REQUEST_TIMEOUT_MS", "1000",
                // The SMS worker's settings: without them its function fails its init and the stack does not start.
                "EXOTEL_SMS_FROM", "SOSRLY", "EXOTEL_DLT_ENTITY_ID", "1101000000000000001",
                "EXOTEL_DLT_TEMPLATE_ID", "1107000000000000001"))), Map.of(), new PrintStream(PrintStream.nullOutputStream()));
        heart = LocalHttp.firstTier(relay.directory(), "Heart");
    }

    @AfterAll
    static void stop() {
        relay.close();
        exotel.stop();
    }

    @BeforeEach
    void resetExotel() {
        exotel.resetAll();
        exotel.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withTransformers(AcceptedCallsListing.NAME)));
    }

    @Test
    void twentyPeopleUnderHeartMeanExactlyTwentyConnectRequestsWithTheRightAuthAndParameters() {
        exotel.stubFor(post(CONNECT).willReturn(accepted()));

        assertThat(passthru("call-happy-0001", "Heart").statusCode()).isEqualTo(200);
        awaitQuiet();

        String incident = IncidentIds.forSource("exotel-call", "call-happy-0001");
        exotel.verify(20, postRequestedFor(urlEqualTo(CONNECT)));
        for (Person person : heart) {
            exotel.verify(1, postRequestedFor(urlEqualTo(CONNECT))
                    .withBasicAuth(new BasicCredentials("acme-key", "acme-token"))
                    .withFormParam("From", equalTo(person.phone()))
                    .withFormParam("CallerId", equalTo("08047000000"))
                    .withFormParam("Url", equalTo("http://my.exotel.com/acme/exoml/start_voice/926"))
                    .withFormParam("CallType", equalTo("trans"))
                    .withFormParam("TimeOut", matching("[0-9]+"))
                    .withFormParam("CustomField", equalTo(incident + ":" + person.id()))
                    .withFormParam("StatusCallback", equalTo(relay.stack().baseUrl() + "/exotel/" + SECRET + "/call-status")));
        }
    }

    @Test
    void fiveMoreCopiesSentAtOnceRingNobodyAgain() throws Exception {
        exotel.stubFor(post(CONNECT).willReturn(accepted()));
        assertThat(passthru("call-repeat-0001", "Heart").statusCode()).isEqualTo(200);
        awaitQuiet();

        List<Callable<HttpResponse<String>>> copies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            copies.add(() -> passthru("call-repeat-0001", "Heart"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            for (Future<HttpResponse<String>> copy : pool.invokeAll(copies)) {
                assertThat(copy.get().statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        awaitQuiet();

        exotel.verify(20, postRequestedFor(urlEqualTo(CONNECT)));
    }

    @Test
    void aWrongSecretRaisesNothing() {
        exotel.stubFor(post(CONNECT).willReturn(accepted()));

        HttpResponse<String> response = LocalHttp.get(relay.stack().baseUrl(), "/exotel/wrong-secret/passthru",
                LocalHttp.exotelPassthru("call-forged-0001", "Heart"));
        awaitQuiet();

        // Exotel's Passthru knows 200 and 302 only: a refusal is the flow's second branch, with the reason in the body.
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.body()).contains("wrong webhook secret");
        assertThat(relay.stack().dynamoDb().getItem(b -> b.tableName("IncidentsTable")
                .key(sosrelay.incident.IncidentStore.key(IncidentIds.forSource("exotel-call", "call-forged-0001"), "INCIDENT")))
                .hasItem()).isFalse();
        exotel.verify(0, postRequestedFor(urlEqualTo(CONNECT)));
    }

    @Test
    void anUnknownTypeRingsTheDefaultGroup() {
        exotel.stubFor(post(CONNECT).willReturn(accepted()));

        assertThat(passthru("call-unknown-0001", "Kidney").statusCode()).isEqualTo(200);
        awaitQuiet();

        Person dutyManager = relay.directory().people().get("duty-manager");
        exotel.verify(1, postRequestedFor(urlEqualTo(CONNECT)));
        exotel.verify(1, postRequestedFor(urlEqualTo(CONNECT)).withFormParam("From", equalTo(dutyManager.phone())));
    }

    @Test
    void exotelFailingSomeRequestsStillEndsWithEveryPersonRungOnce() {
        // Each person's first request fails: throttled (with Retry-After), a server error, or no
        // answer within the client's timeout. The second succeeds.
        for (int i = 0; i < heart.size(); i++) {
            String phone = heart.get(i).phone();
            ResponseDefinitionBuilder failure = switch (i % 3) {
                case 0 -> aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("Too many requests");
                case 1 -> aResponse().withStatus(500).withBody("Internal error");
                default -> aResponse().withStatus(500).withFixedDelay(2_500);
            };
            exotel.stubFor(post(CONNECT).withFormParam("From", equalTo(phone)).inScenario(phone).whenScenarioStateIs(STARTED)
                    .willReturn(failure).willSetStateTo("recovered"));
            exotel.stubFor(post(CONNECT).withFormParam("From", equalTo(phone)).inScenario(phone).whenScenarioStateIs("recovered")
                    .willReturn(accepted()));
        }

        assertThat(passthru("call-faults-0001", "Heart").statusCode()).isEqualTo(200);
        LocalHttp.await("every person to be rung", Duration.ofSeconds(60), () -> acceptedCallsByPhone().size() == heart.size());
        awaitQuiet();

        assertThat(acceptedCallsByPhone()).hasSize(20).allSatisfy((phone, accepted) -> assertThat(accepted).isEqualTo(1L));
        assertThat(heart).allSatisfy(p -> assertThat(acceptedCallsByPhone()).containsKey(p.phone()));
    }

    private static Map<String, Long> acceptedCallsByPhone() {
        return exotel.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(CONNECT) && e.getResponse().getStatus() == 200)
                .collect(Collectors.groupingBy(VoicePathIT::from, Collectors.counting()));
    }

    private static String from(ServeEvent event) {
        return FormEncoding.decode(event.getRequest().getBodyAsString()).get("From").get(0);
    }

    private static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"Call\":{\"Sid\":\"{{randomValue length=32 type='ALPHANUMERIC'}}\"}}").withTransformers("response-template");
    }

    private static HttpResponse<String> passthru(String callSid, String type) {
        return LocalHttp.get(relay.stack().baseUrl(), "/exotel/" + SECRET + "/passthru", LocalHttp.exotelPassthru(callSid, type));
    }

    /** Until the call queue holds nothing, visible or in flight: every queued job has been worked off. */
    private static void awaitQuiet() {
        LocalHttp.await("the call queues to drain", Duration.ofSeconds(60), () -> LocalHttp.callQueuesEmpty(relay));
    }
}
