package sosrelay.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sosrelay.calls.PlivoAccount;
import sosrelay.calls.PlivoCalls;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.ProviderHttp;
import sosrelay.delivery.SendResult;
import sosrelay.directory.Channel;

/** The sandbox Plivo refuses what Plivo refuses, and queues what it queues (no webhooks here: nobody answers them). */
class SandboxPlivoIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private SandboxPlivo sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxPlivo.start(new PrintStream(PrintStream.nullOutputStream()));
        sandbox.script("+919800000001", List.of("busy"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private PlivoCalls calls(String callerId) {
        return new PlivoCalls(HTTP, new PlivoAccount(sandbox.baseUrl(), SandboxPlivo.AUTH_ID, () -> SandboxPlivo.AUTH_TOKEN, callerId,
                hook -> "http://127.0.0.1:9/plivo/s3cret/" + hook.name(), 30, 600, Duration.ofSeconds(3)));
    }

    private static DeliveryJob job(String phone) {
        return new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", phone, Channel.CALL, 1);
    }

    @Test
    void aCallFromTheAccountsNumberIsFiredAndAnyOtherFromIsRefused() {
        assertThat(calls(SandboxPlivo.CALLER_ID).send(job("+919800000001"))).isInstanceOf(SendResult.Accepted.class);
        assertThat(calls("918047000000").send(job("+919800000001"))).isEqualTo(new SendResult.Permanent(
                "Plivo 400: from parameter is invalid. ********0000 is not associated with your account."));
    }

    @Test
    void aFormBodyOrWrongCredentialsAreRefused() throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/Account/" + SandboxPlivo.AUTH_ID + "/Call/"))
                .header("Authorization", ProviderHttp.basicAuth(SandboxPlivo.AUTH_ID, SandboxPlivo.AUTH_TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("from=" + SandboxPlivo.CALLER_ID + "&to=919800000001&answer_url=http://x/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(new PlivoCalls(HTTP, new PlivoAccount(sandbox.baseUrl(), SandboxPlivo.AUTH_ID, () -> "wrong", SandboxPlivo.CALLER_ID,
                hook -> "http://127.0.0.1:9/" + hook.name(), 30, 600, Duration.ofSeconds(3))).send(job("+919800000001")))
                .isInstanceOf(SendResult.Permanent.class);
    }

    @Test
    void callsLeaveTheQueueAtTwoASecond() {
        PlivoCalls calls = calls(SandboxPlivo.CALLER_ID);
        for (int i = 0; i < 6; i++) {
            assertThat(calls.send(job("+91980000010" + i))).isInstanceOf(SendResult.Accepted.class);
        }
        long queuedNow = sandbox.calls().stream().filter(c -> c.status().equals("queued")).count();

        assertThat(queuedNow).as("six fired at once: most still queued").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCallWhoseHangupIsLostIsFoundOnTheLineByItsRequestUuidThenSaidOverAtOnce() throws InterruptedException {
        sandbox.script("+919800000002", List.of("no-callback"));
        PlivoCalls calls = calls(SandboxPlivo.CALLER_ID);
        String id = ((SendResult.Accepted) calls.send(job("+919800000002"))).providerId();

        long deadline = System.currentTimeMillis() + 5000;
        while (!"ringing".equals(sandbox.calls().get(0).status()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(calls.status(id)).as("live: its details carry the request_uuid").isEqualTo("ringing");
        while (!"no-answer".equals(sandbox.calls().get(0).status()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(calls.status(id)).as("over, and no hangup came: retried as a failed call").isEqualTo("failed");
    }

    @Test
    void anOutageAnswers503ToEveryRequest() {
        SandboxOutage outage = new SandboxOutage();
        outage.schedule(SandboxOutage.Provider.PLIVO, Duration.ZERO, Duration.ofMinutes(1));
        sandbox.followOutage(outage);

        assertThat(calls(SandboxPlivo.CALLER_ID).send(job("+919800000001"))).isEqualTo(new SendResult.Transient("Plivo 503: service unavailable", null));
    }
}
