package sosrelay.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.DeliveryStore;
import sosrelay.delivery.DeliveryWorker;
import sosrelay.delivery.SendResult;
import sosrelay.directory.Channel;
import sosrelay.directory.Priority;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.pacing.BudgetShares;
import sosrelay.pacing.Pacer;
import sosrelay.pacing.Pacing;
import sosrelay.pacing.SlidingWindowBudget;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The call worker over two providers, each with its own budget on DynamoDB Local: a call takes its token from the budget
 * of the provider it goes to, the claim in the same transaction; a provider whose budget is spent passes the call to the
 * next with room; a redelivered job spends nothing anywhere; an open provider's budget is not touched; a provider tried
 * after a refusal takes its own token first, and with none to take the attempt is released, nobody rung.
 */
class ProviderBudgetsIT {
    private static final String INCIDENT = "inc-bbbbbbbbbbbbbbbbbbbb";
    private static final Instant CREATED = Instant.parse("2026-12-07T03:00:00Z");
    private static final SendResult DOWN = new SendResult.Transient("503", null);
    private static LocalTemplate stack;

    private final List<String> requeued = Collections.synchronizedList(new ArrayList<>());
    private final ProviderHealth health = new ProviderHealth(Clock.systemUTC());
    private String table;

    /** A provider that answers as scripted (then accepts), and notes who it rang. */
    private static final class Scripted implements VoiceProvider {
        private final String name;
        private final Deque<SendResult> script = new ArrayDeque<>();
        private final List<String> rang = Collections.synchronizedList(new ArrayList<>());

        Scripted(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public SendResult send(DeliveryJob job) {
            SendResult next = script.poll();
            if (next != null) {
                return next;
            }
            rang.add(job.personId());
            return new SendResult.Accepted(VoiceProviders.storedId(name, job.personId()));
        }

        @Override
        public String status(String providerId) {
            return "completed";
        }
    }

    private final Scripted exotel = new Scripted("exotel");
    private final Scripted plivo = new Scripted("plivo");

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
        table = stack.tableName("IncidentsTable");
    }

    private SlidingWindowBudget budget(String name, int limit) {
        return new SlidingWindowBudget(stack.backends().dynamoDb(), table, name, BudgetShares.of(limit, Duration.ofSeconds(60)),
                Clock.systemUTC(), new Random(7));
    }

    /** The call worker as wired for {@code VOICE_PROVIDERS=exotel,plivo}, Exotel's budget {@code exotelLimit}, Plivo's {@code plivoLimit}. */
    private DeliveryWorker worker(int exotelLimit, int plivoLimit) {
        Map<String, Pacer> budgets = new LinkedHashMap<>();
        budgets.put("exotel", budget("exotel-calls", exotelLimit));
        budgets.put("plivo", budget("plivo-calls", plivoLimit));
        VoiceBudgets voiceBudgets = new VoiceBudgets(budgets, health);
        FailoverCalls calls = new FailoverCalls(new VoiceProviders(List.of(exotel, plivo)), health, voiceBudgets);
        return new DeliveryWorker(new DeliveryStore(stack.backends().dynamoDb(), table, Clock.systemUTC(), Duration.ofSeconds(60)),
                calls, job -> true, (job, id) -> { },
                new Pacing(voiceBudgets, Duration.ofSeconds(5), (priority, body, delay) -> requeued.add(body), Clock.systemUTC()),
                Clock.systemUTC());
    }

    private static DeliveryJob job(String personId) {
        return new DeliveryJob(INCIDENT, personId, "+9198000000" + Math.abs(personId.hashCode() % 100), Channel.CALL, 1, CREATED,
                Priority.HIGH, null, "device:ward-3");
    }

    /** Sends a budget has handed out: its tokens ever used. */
    private long spent(String budget) {
        return stack.backends().dynamoDb().query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.budget(budget)))))
                .items().stream().filter(item -> item.containsKey("usedAt")).count();
    }

    /** The delivery's item, empty when there is none. */
    private Map<String, AttributeValue> delivery(String personId) {
        Map<String, AttributeValue> item = stack.backends().dynamoDb().getItem(b -> b.tableName(table).consistentRead(true)
                .key(TableKeys.key(TableKeys.incident(INCIDENT), TableKeys.delivery(personId, "call")))).item();
        return item == null ? Map.of() : item;
    }

    @Test
    void eachCallSpendsTheBudgetOfItsProviderAndASpentBudgetPassesCallsToTheNextWithRoom() {
        DeliveryWorker worker = worker(3, 2);
        for (int i = 1; i <= 6; i++) {
            assertThat(worker.process(job("p" + i).toJson())).isNull();
        }

        assertThat(exotel.rang).containsExactly("p1", "p2", "p3");
        assertThat(plivo.rang).as("Exotel's budget spent: the next provider with room, not a wait").containsExactly("p4", "p5");
        assertThat(spent("exotel-calls")).isEqualTo(3);
        assertThat(spent("plivo-calls")).isEqualTo(2);
        assertThat(requeued).as("no room anywhere: back on the queue, nothing spent").hasSize(1);
        assertThat(delivery("p6")).as("no claim left behind").isEmpty();
    }

    @Test
    void aRedeliveredJobAlreadyPlacedSpendsNoTokenInAnyBudget() {
        DeliveryWorker worker = worker(3, 2);
        String body = job("dr-rao").toJson();
        worker.process(body);
        worker.process(body);

        assertThat(exotel.rang).containsExactly("dr-rao");
        assertThat(plivo.rang).isEmpty();
        assertThat(spent("exotel-calls") + spent("plivo-calls")).isEqualTo(1);
    }

    @Test
    void whileThePrimaryIsOpenCallsSpendTheNextProvidersBudgetOnly() {
        health.failed("exotel");
        health.failed("exotel");
        DeliveryWorker worker = worker(3, 2);
        worker.process(job("p1").toJson());
        worker.process(job("p2").toJson());

        assertThat(plivo.rang).containsExactly("p1", "p2");
        assertThat(spent("exotel-calls")).isZero();
        assertThat(spent("plivo-calls")).isEqualTo(2);
    }

    @Test
    void aProviderTriedAfterARefusalTakesItsOwnTokenAndWithNoneLeftTheAttemptIsReleasedUnrung() {
        exotel.script.addAll(List.of(DOWN, DOWN));
        DeliveryWorker worker = worker(3, 1);

        assertThat(worker.process(job("p1").toJson())).isNull();
        assertThat(plivo.rang).containsExactly("p1");
        assertThat(spent("exotel-calls")).as("the refused request went out: its token stays spent").isEqualTo(1);
        assertThat(spent("plivo-calls")).isEqualTo(1);

        assertThat(worker.process(job("p2").toJson())).as("retried after the backoff").isNotNull();
        assertThat(exotel.rang).isEmpty();
        assertThat(plivo.rang).containsExactly("p1");
        assertThat(delivery("p2").get("claimUntil").n()).as("the claim given back for the retry").isEqualTo("0");
    }
}
