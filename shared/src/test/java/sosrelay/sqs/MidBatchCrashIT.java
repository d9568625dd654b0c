package sosrelay.sqs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.calls.ExotelAccount;
import sosrelay.calls.ExotelCalls;
import sosrelay.delivery.DeliveryStore;
import sosrelay.delivery.DeliveryWorker;
import sosrelay.delivery.Sender;
import sosrelay.directory.Channel;
import sosrelay.delivery.DeliveryJob;
import sosrelay.local.backends.junit.TemplateStack;
import sosrelay.pacing.Pacing;
import sosrelay.web.FormEncoding;

/**
 * A call worker that dies halfway through a batch (the Lambda runs out of memory, say): SQS hands the
 * whole batch back, and the redelivery rings only those not yet rung; the one whose claim was taken
 * when the worker died is rung once its claim has expired. Nobody is rung twice, nobody is missed.
 */
class MidBatchCrashIT {
    private static final String CONNECT = TemplateStack.EXOTEL_CONNECT;
    private static final String INCIDENT = "inc-aaaaaaaaaaaaaaaaaaaa";
    /** Long enough that a loaded 2-core CI machine redelivers the batch before the interrupted claim expires. */
    private static final Duration CLAIM = Duration.ofSeconds(6);

    @RegisterExtension
    static final TemplateStack stack = TemplateStack.of("CallJobFunction");

    private static final ExecutorService threads = Executors.newFixedThreadPool(10);

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    @Test
    void theRedeliveredBatchRingsOnlyWhoWasNotRungAndTheInterruptedOneOnceItsClaimExpires() throws Exception {
        WireMockServer exotel = stack.provider();
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(200)
                .withBody("{\"Call\":{\"Sid\":\"call-{{randomValue length=10 type='ALPHANUMERIC'}}\"}}")));
        ExotelCalls exotelCalls = new ExotelCalls(HttpClient.newHttpClient(), new ExotelAccount(exotel.baseUrl(), "acme", "key",
                () -> "token", "08047000000", () -> "http://my.exotel.com/acme/exoml/start_voice/926", () -> "https://sos.example/cb",
                30, 600, Duration.ofSeconds(10)));
        AtomicBoolean dies = new AtomicBoolean(true);
        Sender diesOnP4Once = job -> {
            if (job.personId().equals("p4") && dies.getAndSet(false)) {
                throw new OutOfMemoryError("the worker died mid-batch");
            }
            return exotelCalls.send(job);
        };
        DeliveryStore deliveries = new DeliveryStore(stack.template().backends().dynamoDb(), stack.template().tableName("IncidentsTable"),
                Clock.systemUTC(), CLAIM);
        BatchWorker worker = new BatchWorker(new DeliveryWorker(deliveries, diesOnP4Once, job -> true, (job, sid) -> { },
                Pacing.none(Clock.systemUTC()), Clock.systemUTC()), stack.template().backends().sqs(),
                stack.environment().get("CALL_QUEUE_URL"), threads, List.of(Duration.ofSeconds(1)));
        stack.template().send("CallJobsQueue", IntStream.range(0, 10)
                .mapToObj(i -> new DeliveryJob(INCIDENT, "p" + i, "+91980000010" + i, Channel.CALL, 1).toJson()).toList());
        SQSEvent batch = stack.template().batch("CallJobsQueue", 10);
        String p4 = batch.getRecords().stream().filter(m -> DeliveryJob.fromJson(m.getBody()).personId().equals("p4"))
                .findFirst().orElseThrow().getMessageId();

        assertThatThrownBy(() -> worker.process(batch)).hasRootCauseInstanceOf(OutOfMemoryError.class);
        awaitConnects(9);

        SQSBatchResponse redelivered = worker.process(batch);
        assertThat(redelivered.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(p4);
        Thread.sleep(CLAIM.toMillis() + 100);
        SQSBatchResponse afterTheClaimExpired = worker.process(batch);

        assertThat(afterTheClaimExpired.getBatchItemFailures()).isEmpty();
        Map<String, Long> callsPerPhone = exotel.findAll(postRequestedFor(urlEqualTo(CONNECT))).stream()
                .collect(Collectors.groupingBy(r -> FormEncoding.decode(r.getBodyAsString()).get("From").get(0), Collectors.counting()));
        assertThat(callsPerPhone).hasSize(10).allSatisfy((phone, calls) -> assertThat(calls).isEqualTo(1L));
    }

    private static void awaitConnects(int expected) throws InterruptedException {
        for (int i = 0; i < 600 && stack.provider().findAll(postRequestedFor(urlEqualTo(CONNECT))).size() < expected; i++) {
            Thread.sleep(50);
        }
        assertThat(stack.provider().findAll(postRequestedFor(urlEqualTo(CONNECT)))).hasSize(expected);
    }
}
