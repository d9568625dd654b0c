package sosrelay.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sosrelay.directory.Channel;
import sosrelay.directory.Priority;
import sosrelay.dispatch.Retries;
import sosrelay.incident.IncidentProgress;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.metrics.StdoutCapture;
import sosrelay.pacing.BudgetShares;
import sosrelay.pacing.Pacing;
import sosrelay.pacing.SlidingWindowBudget;
import sosrelay.pacing.SteppedClock;
import sosrelay.sqs.BatchWorker;
import sosrelay.sqs.MessageProcessor;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The call worker on the real budget, on DynamoDB Local: the claim and the budget's send are one transaction, so a job
 * that may not send spends nothing. A redelivered job already placed, one another worker holds, a resolved incident's
 * queued first wave (backlog included) and a job the budget has no room for spend no send and ring nobody; many
 * workers redelivering one wave at once ring each person once and spend one send per call. An unsure attempt is
 * claimed alone and takes a send for its look-up and one for its call. A batch reads an incident once for all its
 * first attempts, and one batch reports the incident's first ring.
 */
class ClaimWithSendIT {
    private static final String INCIDENT = "inc-aaaaaaaaaaaaaaaaaaaa";
    private static final Instant CREATED = Instant.parse("2026-12-03T09:00:00Z");
    private static LocalTemplate stack;
    private static final ExecutorService threads = Executors.newFixedThreadPool(12);

    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requeued = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private DynamoDbClient dynamo;
    private String table;

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
        stack.close();
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
        table = stack.tableName("IncidentsTable");
        dynamo = counting(stack.backends().dynamoDb());
    }

    /** The client, counting each request by the method that made it ({@code updateItem}, {@code queryPaginator}…). */
    private DynamoDbClient counting(DynamoDbClient real) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    requests.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private int requests(String operation) {
        AtomicInteger count = requests.get(operation);
        return count == null ? 0 : count.get();
    }

    private SlidingWindowBudget budget(int limit, Clock clock) {
        return new SlidingWindowBudget(dynamo, table, "exotel-calls", BudgetShares.of(limit, Duration.ofSeconds(60)), clock, new Random(7));
    }

    private DeliveryWorker worker(SlidingWindowBudget budget, Clock clock, DeliveryWorker.StillWanted stillWanted) {
        DeliveryStore deliveries = new DeliveryStore(dynamo, table, clock, Duration.ofSeconds(60));
        Sender sender = job -> {
            sent.add(job.personId());
            return new SendResult.Accepted("call-" + job.personId() + "-" + job.attempt());
        };
        return new DeliveryWorker(deliveries, sender, stillWanted, (job, id) -> { },
                new Pacing(budget, Duration.ofSeconds(5), (priority, body, delay) -> requeued.add(body), clock), clock);
    }

    private DeliveryWorker worker(SlidingWindowBudget budget) {
        return worker(budget, Clock.systemUTC(), job -> true);
    }

    /** Sends the budget has handed out: its tokens ever used. */
    private long sendsSpent() {
        return stack.backends().dynamoDb().query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.budget("exotel-calls")))))
                .items().stream().filter(item -> item.containsKey("usedAt")).count();
    }

    private boolean claimed(String personId) {
        Map<String, AttributeValue> item = stack.backends().dynamoDb().getItem(b -> b.tableName(table).consistentRead(true)
                .key(TableKeys.key(TableKeys.incident(INCIDENT), TableKeys.delivery(personId, "call")))).item();
        return item != null && !item.isEmpty();
    }

    private void incident(String status) {
        stack.backends().dynamoDb().putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS(TableKeys.incident(INCIDENT)), "sk", AttributeValue.fromS(TableKeys.SNAPSHOT),
                "status", AttributeValue.fromS(status), "createdAt", AttributeValue.fromS(CREATED.toString()))));
    }

    private static DeliveryJob job(String personId) {
        return new DeliveryJob(INCIDENT, personId, "+9198000000" + Math.abs(personId.hashCode() % 100), Channel.CALL, 1, CREATED,
                Priority.HIGH, null, "exotel-call");
    }

    /** The worker's wanted-check as the call worker has it: {@link Retries} over the incident's progress. */
    private DeliveryWorker.StillWanted retries(Clock clock) {
        Retries retries = new Retries(null, new IncidentProgress(dynamo, table, clock), null, null, null, null, null, clock);
        return new DeliveryWorker.StillWanted() {
            @Override
            public boolean test(DeliveryJob job) {
                return retries.stillWanted(job);
            }

            @Override
            public DeliveryWorker.FirstAttempts firstAttempts(DeliveryJob job, String batch) {
                return retries.firstAttempts(job, batch);
            }

            @Override
            public void firstRingNotReported(String incidentId, String batch) {
                retries.firstRingNotReported(incidentId, batch);
            }
        };
    }

    @Test
    void aRedeliveredJobAlreadyPlacedSpendsNoSendAndRingsNobody() {
        DeliveryWorker worker = worker(budget(190, Clock.systemUTC()));
        String body = job("dr-rao").toJson();
        assertThat(worker.process(body)).isNull();
        assertThat(requests("transactWriteItems")).as("the send with the claim, then the acceptance").isEqualTo(2);

        requests.clear();
        assertThat(worker.process(body)).isNull();

        assertThat(sent).containsExactly("dr-rao");
        assertThat(sendsSpent()).isEqualTo(1);
        assertThat(requests("transactWriteItems")).as("one refused transaction, which says why").isEqualTo(1);
        assertThat(requests("getItem") + requests("updateItem")).as("no read of the delivery, no token").isZero();
    }

    @Test
    void aJobAnotherWorkerHoldsSpendsNoSendAndComesBackWhenTheClaimWouldHaveRunOut() {
        DeliveryJob job = job("dr-rao");
        new DeliveryStore(dynamo, table, Clock.systemUTC(), Duration.ofSeconds(60)).claim(job);

        MessageProcessor.Retry retry = worker(budget(190, Clock.systemUTC())).process(job.toJson());

        assertThat(retry.after()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
        assertThat(sent).isEmpty();
        assertThat(sendsSpent()).isZero();
    }

    @Test
    void aResolvedIncidentsQueuedFirstWaveAndBacklogSpendNothing() {
        incident(IncidentProgress.RESOLVED);
        DeliveryWorker worker = worker(budget(190, Clock.systemUTC()), Clock.systemUTC(), retries(Clock.systemUTC()));

        assertThat(worker.process(job("dr-rao").toJson())).isNull();
        assertThat(worker.process(job("dr-iyer").messageWithSlot(Instant.now().minusSeconds(1)))).as("back from waiting").isNull();
        assertThat(worker.process(new DeliveryJob(INCIDENT, "dr-sen", "+919800000003", Channel.CALL, 1).toJson()))
                .as("a later tier's first attempt").isNull();

        assertThat(sent).isEmpty();
        assertThat(sendsSpent()).isZero();
        assertThat(claimed("dr-rao") || claimed("dr-iyer") || claimed("dr-sen")).isFalse();
    }

    @Test
    void aJobTheBudgetHasNoRoomForWritesNothingAndGoesBackOnItsQueue() {
        DeliveryWorker worker = worker(budget(1, Clock.systemUTC()));
        assertThat(worker.process(job("dr-rao").toJson())).isNull();

        assertThat(worker.process(job("dr-iyer").toJson())).isNull();

        assertThat(sent).containsExactly("dr-rao");
        assertThat(requeued).singleElement().satisfies(body -> assertThat(DeliveryJob.fromJson(body).personId()).isEqualTo("dr-iyer"));
        assertThat(claimed("dr-iyer")).as("no claim left behind").isFalse();
        assertThat(sendsSpent()).isEqualTo(1);
    }

    @Test
    void manyWorkersRedeliveringOneWaveAtOnceRingEachPersonOnceAndSpendOneSendPerCall() throws Exception {
        List<DeliveryWorker> workers = List.of(worker(budget(190, Clock.systemUTC())), worker(budget(190, Clock.systemUTC())),
                worker(budget(190, Clock.systemUTC())));
        List<Callable<MessageProcessor.Retry>> deliveries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String body = job("p" + i).toJson();
            for (DeliveryWorker worker : workers) {
                deliveries.add(() -> worker.process(body));
            }
        }
        Collections.shuffle(deliveries, new Random(3));

        for (var answer : threads.invokeAll(deliveries)) {
            answer.get();
        }

        assertThat(sent.stream().collect(Collectors.groupingBy(p -> p, Collectors.counting())))
                .hasSize(30).allSatisfy((person, calls) -> assertThat(calls).isEqualTo(1L));
        assertThat(sendsSpent()).as("no send spent on a duplicate").isEqualTo(30);
    }

    @Test
    void anUnsureAttemptIsClaimedAloneAndTakesOneSendToAskAndOneToCall() {
        SteppedClock clock = new SteppedClock(CREATED.toEpochMilli());
        DeliveryStore deliveries = new DeliveryStore(dynamo, table, clock, Duration.ofSeconds(60));
        AtomicInteger asked = new AtomicInteger();
        Sender unanswered = new Sender() {
            @Override
            public SendResult send(DeliveryJob job) {
                sent.add(job.personId());
                return sent.size() == 1 ? new SendResult.Unknown("no answer in 800 ms") : new SendResult.Accepted("call-2");
            }

            @Override
            public List<String> sentSince(DeliveryJob job, Instant since) {
                asked.incrementAndGet();
                return List.of();
            }
        };
        DeliveryWorker worker = new DeliveryWorker(deliveries, unanswered, job -> true, (job, id) -> { },
                new Pacing(budget(190, clock), Duration.ofSeconds(5), (priority, body, delay) -> requeued.add(body), clock), clock);
        String body = job("dr-rao").toJson();

        assertThat(worker.process(body)).isNotNull();
        clock.set(CREATED.plus(DeliveryWorker.PROVIDER_SETTLES).plusSeconds(1).toEpochMilli());
        assertThat(worker.process(body)).isNull();

        assertThat(asked).hasValue(1);
        assertThat(sent).hasSize(2);
        assertThat(sendsSpent()).as("the first call, the look-up, the second call").isEqualTo(3);
    }

    @Test
    void aBatchReadsTheIncidentOnceForItsFirstWaveAndOneBatchReportsTheFirstRing() {
        incident(IncidentProgress.OPEN);
        DeliveryWorker worker = worker(budget(190, Clock.systemUTC()), Clock.systemUTC(), retries(Clock.systemUTC()));
        BatchWorker batches = new BatchWorker(worker, stack.backends().sqs(), "http://unused", threads, List.of(Duration.ofSeconds(1)));
        List<Map<String, Object>> metrics;
        try (StdoutCapture out = new StdoutCapture()) {
            batches.process(event(IntStream.range(0, 10).mapToObj(i -> job("p" + i).toJson()).toList()));
            assertThat(requests("updateItem")).as("the incident, once for the batch's ten").isEqualTo(1);
            assertThat(requests("getItem")).isZero();
            batches.process(event(IntStream.range(10, 20).mapToObj(i -> job("p" + i).toJson()).toList()));
            metrics = out.metricLines();
        }

        assertThat(sent).hasSize(20);
        assertThat(metrics).filteredOn(line -> line.containsKey("TimeToRing")).hasSize(20);
        assertThat(metrics).filteredOn(line -> line.containsKey("TimeToFirstRing")).hasSize(1);
    }

    private static SQSEvent event(List<String> bodies) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + i);
            message.setBody(bodies.get(i));
            message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            records.add(message);
        }
        event.setRecords(records);
        return event;
    }
}
