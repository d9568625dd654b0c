package sosrelay.local.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/**
 * The sandbox GupShup as strict as GupShup: no template message to a number never opted in; after a message, its
 * delivery reports posted to the account's report URL (WireMock plays our webhooks) in order, SENT, DELIVERED, READ,
 * or SENT, FAILED for a number scripted to fail; and a person's reply posted as GupShup's inbound event.
 */
class SandboxGupShupIT {
    private static final String NUMBER = "919800000001";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private WireMockServer webhooks;
    private SandboxGupShup sandbox;

    @BeforeEach
    void start() throws Exception {
        webhooks = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        webhooks.start();
        webhooks.stubFor(post(urlPathEqualTo("/delivery")).willReturn(ok()));
        webhooks.stubFor(post(urlPathEqualTo("/inbound")).willReturn(ok()));
        sandbox = SandboxGupShup.start(new PrintStream(PrintStream.nullOutputStream()));
        sandbox.deliveryReportsTo(webhooks.baseUrl() + "/delivery");
        sandbox.inboundMessagesTo(webhooks.baseUrl() + "/inbound");
    }

    @AfterEach
    void stop() {
        sandbox.close();
        webhooks.stop();
    }

    @Test
    void aNumberNeverOptedInIsRefusedAndNothingIsReported() throws Exception {
        Map<String, Object> answer = gupShup(message());

        assertThat(answer).containsEntry("status", "error").containsEntry("id", "1006");
        assertThat(sandbox.messages()).isEmpty();
        Thread.sleep(600);
        assertThat(webhooks.findAll(postRequestedFor(urlPathEqualTo("/delivery")))).isEmpty();
    }

    @Test
    void anAcceptedMessageIsReportedSentDeliveredReadUnderItsId() throws Exception {
        gupShup(optIn());
        String id = String.valueOf(gupShup(message()).get("id"));

        assertThat(id).matches("[0-9]+-[0-9]+");
        assertThat(reports(3)).extracting(r -> r.get("eventType")).containsExactly("SENT", "DELIVERED", "READ");
        assertThat(reports(3)).allSatisfy(r -> assertThat(r).containsEntry("externalId", id).containsEntry("destAddr", NUMBER)
                .containsEntry("channel", "WHATSAPP"));
    }

    @Test
    void aNumberScriptedToFailIsReportedFailedWithWhatsAppsCode() throws Exception {
        sandbox.script("+" + NUMBER, SandboxGupShup.Fate.FAILED);
        gupShup(optIn());
        gupShup(message());

        assertThat(reports(2)).extracting(r -> r.get("eventType")).containsExactly("SENT", "FAILED");
        assertThat(reports(2).get(1)).containsEntry("errCode", "131026");
    }

    @Test
    void aReplyIsPostedAsGupShupsInboundTextEvent() throws Exception {
        HttpResponse<String> played = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/whatsapp/replies"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(Map.of("from", "+919800000001", "text", "482913"))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(Json.readObject(played.body())).containsEntry("webhookStatus", 200);
        Map<String, Object> event = Json.readObject(webhooks.findAll(postRequestedFor(urlPathEqualTo("/inbound"))).get(0).getBodyAsString());
        assertThat(event).containsEntry("type", "message");
        assertThat(object(event.get("payload"))).containsEntry("source", NUMBER).containsEntry("type", "text")
                .containsEntry("payload", Map.of("text", "482913"));
    }

    /** The reports posted so far, each one event of a JSON array, once {@code count} have come (or after 5 s). */
    private List<Map<String, Object>> reports(int count) throws InterruptedException {
        for (int i = 0; i < 50 && webhooks.findAll(postRequestedFor(urlPathEqualTo("/delivery"))).size() < count; i++) {
            Thread.sleep(100);
        }
        return webhooks.findAll(postRequestedFor(urlPathEqualTo("/delivery"))).stream()
                .flatMap(request -> Json.readList(request.getBodyAsString()).stream()).map(SandboxGupShupIT::object).toList();
    }

    private static Map<String, String> optIn() {
        Map<String, String> form = credentials("OPT_IN");
        form.put("phone_number", NUMBER);
        form.put("channel", "WHATSAPP");
        return form;
    }

    private static Map<String, String> message() {
        Map<String, String> form = credentials("SendMessage");
        form.put("send_to", NUMBER);
        form.put("msg", "SOS Relay: Heart emergency");
        form.put("msg_type", "HSM");
        return form;
    }

    private static Map<String, String> credentials(String method) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("method", method);
        form.put("userid", SandboxGupShup.USER_ID);
        form.put("password", SandboxGupShup.PASSWORD);
        return form;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    private Map<String, Object> gupShup(Map<String, String> form) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/GatewayAPI/rest"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return object(Json.readObject(response.body()).get("response"));
    }
}
