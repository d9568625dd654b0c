package sosrelay.bench;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import sosrelay.delivery.DeliveryJob;
import sosrelay.directory.Channel;
import sosrelay.directory.Priority;
import sosrelay.table.TableKeys;

/**
 * The AWS requests one call-only incident costs end to end, on the real budget: from the Passthru to the last call
 * placed and its job deleted from the queue; the call worker's split into those before each provider request and those
 * after it. Then one of its jobs is delivered again (SQS may): what that costs, whether it spent a send of the budget
 * and whether it rang anyone. Status callbacks are not included (the stand-in does not send them); nor are the SQS
 * pollers' ReceiveMessage requests, which Lambda's pollers make whether or not anything happens.
 */
public final class AwsRequestsPerIncident {
    /** Long enough for what follows the last connect: the worker's own writes and the poller's delete. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final String BUDGET = TableKeys.budget("exotel-calls");

    /** What the incident cost, by request and by the worker's phase; and what one redelivered job of it cost. */
    public record Counted(Map<AwsRequestCounter.Key, Long> requests, Map<AwsRequestCounter.PhaseKey, Long> phases,
                          Map<AwsRequestCounter.Key, Long> redelivered, long redeliveredSends, int redeliveredConnects) {
    }

    private final BenchStack stack;
    private final SlowExotel exotel;

    public AwsRequestsPerIncident(BenchStack stack, SlowExotel exotel) {
        this.stack = stack;
        this.exotel = exotel;
    }

    public Counted count(int people) {
        // One incident first: the directory is then in the function's cache, as on a warm Lambda.
        raise(people);
        BenchStack.pause(SETTLE);
        AwsRequestCounter.reset();
        String incidentId = raise(people);
        BenchStack.pause(SETTLE);
        Map<AwsRequestCounter.Key, Long> requests = withoutPollerReceives(AwsRequestCounter.snapshot());
        Map<AwsRequestCounter.PhaseKey, Long> phases = AwsRequestCounter.phases();

        // The first person's job once more, as SQS may deliver it: the call was placed, so nothing may be spent on it.
        exotel.forget();
        long redeliveredAt = System.currentTimeMillis();
        AwsRequestCounter.reset();
        String url = stack.relay().stack().resources().requireQueue("CallJobsQueue").url();
        String body = new DeliveryJob(incidentId, "p0000", "+919876000000", Channel.CALL, 1, null, Priority.NORMAL, null,
                "exotel-call").toJson();
        stack.relay().stack().sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
        BenchStack.await("the redelivered job", Duration.ofSeconds(30), stack::callQueueEmpty);
        BenchStack.pause(SETTLE);
        return new Counted(requests, phases, withoutPollerReceives(AwsRequestCounter.snapshot()), sendsSince(redeliveredAt),
                exotel.connects());
    }

    /** One incident of {@code people}, its queue drained; its id. */
    private String raise(int people) {
        exotel.forget();
        String incidentId = stack.passthruIncident("aws-" + ProcessHandle.current().pid() + "-" + System.nanoTime(),
                BenchStack.typeFor(people));
        BenchStack.await(people + " connects", Duration.ofSeconds(60), () -> exotel.lastArrivalMillis(people).isPresent());
        BenchStack.await("the call queue to drain", Duration.ofSeconds(60), stack::callQueueEmpty);
        return incidentId;
    }

    /** Sends the budget has handed out since {@code since} (epoch millis): its tokens used since. */
    private long sendsSince(long since) {
        String table = stack.relay().stack().resources().tableName("IncidentsTable").orElseThrow();
        return stack.relay().stack().dynamoDb().query(b -> b.tableName(table)
                        .consistentRead(true).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(BUDGET))))
                .items().stream().filter(item -> item.containsKey("usedAt") && Long.parseLong(item.get("usedAt").n()) >= since).count();
    }

    private static Map<AwsRequestCounter.Key, Long> withoutPollerReceives(Map<AwsRequestCounter.Key, Long> counts) {
        counts.keySet().removeIf(key -> key.caller() == AwsRequestCounter.Caller.POLLER && key.operation().equals("ReceiveMessage"));
        return counts;
    }
}
