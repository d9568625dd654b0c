package sosrelay.pacing;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One provider account's budget, shared by every sender in every Lambda instance: never more than the limit in
 * any window (Exotel: 190 of its 200 a minute), and otherwise no waiting at all.
 * <p>
 * The budget is a small DynamoDB item per allowed send (a token: {@code RATE#<name>} / {@code TOKEN#0042}, when
 * it was last used and by whom). A send takes a token unused for a whole window with one conditional write, so
 * each token is used at most once in any window and no window holds more than {@code limit} sends, whatever the
 * senders' views, restarts or interleaving. Which token to try, and whether this ask may have one at all, is
 * decided on this instance's view of the tokens: read with one query at most once a second, kept up to date by
 * its own writes, and corrected by the item a lost race returns (an old view may say "wait", which stays true;
 * it never says "take" without a read in the last second; the asks of one instance that find it old together share
 * one read). A provider's Retry-After is one more item in the same partition ({@code HOLD}) that every view reads.
 * <p>
 * A caller's own conditional write may go with the token in one {@code TransactWriteItems} ({@link #take(Ask,
 * TransactWriteItem)}): the call worker's claim, so that a job that may not send (already placed, held by another
 * worker) spends no token, and the claim and the token cost one request.
 */
public final class SlidingWindowBudget implements Pacer {
    /** A view older than this is read again before deciding: other instances take tokens meanwhile. */
    private static final long VIEW_MAX_AGE_MILLIS = 1000;
    private static final String AT = "usedAt";
    private static final String BY = "usedBy";
    private static final String HOLD_UNTIL = "holdUntil";
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    /** A transaction's cancellation reasons this class answers; any other (throttling, validation) is thrown. */
    private static final Set<String> ANSWERED = Set.of("None", CONDITION_FAILED, "TransactionConflict");
    /** Transactions that found an item busy in another, in a row, before giving up (each is asked again at once). */
    private static final int MAX_CONFLICTS = 10;

    private record View(BudgetWindow window, long readAt) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final String partition;
    private final BudgetShares shares;
    private final Clock clock;
    private final RandomGenerator random;
    private volatile View view;
    private final Object reading = new Object();

    public SlidingWindowBudget(DynamoDbClient dynamo, String table, String name, BudgetShares shares, Clock clock,
                               RandomGenerator random) {
        this.dynamo = dynamo;
        this.table = table;
        this.partition = TableKeys.budget(name);
        this.shares = shares;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Admission take(Ask ask) {
        return take(ask, null);
    }

    @Override
    public boolean takesWithWrite() {
        return true;
    }

    /**
     * {@inheritDoc} One {@code TransactWriteItems} (the token and {@code with}) instead of two requests: a job whose claim
     * fails (a redelivered job already placed, one held by another worker) spends no token, and a token lost to another
     * sender leaves no claim behind.
     */
    @Override
    public Admission take(Ask ask, TransactWriteItem with) {
        String source = BudgetWindow.sourceKey(ask.fairnessKey());
        int conflicts = 0;
        while (true) {
            long now = clock.millis();
            View seen = view;
            BudgetWindow.Verdict verdict = seen == null ? null : seen.window().judge(ask, shares, now, random);
            // A wait read from an old view still holds (tokens never come free early, holds only lengthen);
            // a take is decided again on a fresh one, so that it counts what the other instances took.
            if (verdict == null || verdict instanceof BudgetWindow.Verdict.Take && now - seen.readAt() > VIEW_MAX_AGE_MILLIS) {
                seen = read(now);
                verdict = seen.window().judge(ask, shares, now, random);
            }
            if (verdict instanceof BudgetWindow.Verdict.Wait wait) {
                return new Admission.NotBefore(wait.until());
            }
            int token = ((BudgetWindow.Verdict.Take) verdict).token();
            Update take = Update.builder().tableName(table).key(key(token)).updateExpression("SET #at = :now, #by = :source")
                    .conditionExpression("attribute_not_exists(#at) OR #at <= :cutoff")
                    .expressionAttributeNames(Map.of("#at", AT, "#by", BY))
                    .expressionAttributeValues(Map.of(":now", number(now), ":source", AttributeValue.fromS(source),
                            ":cutoff", number(now - shares.window().toMillis())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
            Map<String, AttributeValue> lostTo;
            try {
                if (with == null) {
                    dynamo.updateItem(b -> b.tableName(table).key(take.key()).updateExpression(take.updateExpression())
                            .conditionExpression(take.conditionExpression()).expressionAttributeNames(take.expressionAttributeNames())
                            .expressionAttributeValues(take.expressionAttributeValues())
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                } else {
                    dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(take).build(), with));
                }
                seen.window().learn(token, new BudgetWindow.Use(now, source));
                return GRANTED;
            } catch (ConditionalCheckFailedException lost) {
                lostTo = lost.hasItem() ? lost.item() : Map.of();
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
                if (reasons.size() != 2 || reasons.stream().anyMatch(r -> !ANSWERED.contains(String.valueOf(r.code())))) {
                    throw cancelled;
                }
                CancellationReason ours = reasons.get(0);
                CancellationReason theirs = reasons.get(1);
                if (CONDITION_FAILED.equals(theirs.code())) {
                    return new Admission.Refused(theirs.hasItem() ? theirs.item() : Map.of());
                }
                if (!CONDITION_FAILED.equals(ours.code())) {
                    // Another transaction held one of the items (the same token, the same claim) at that moment: ask again.
                    if (++conflicts > MAX_CONFLICTS) {
                        throw cancelled;
                    }
                    continue;
                }
                lostTo = ours.hasItem() ? ours.item() : Map.of();
            }
            // Someone took that token first: note when, and decide again.
            if (lostTo.containsKey(AT)) {
                seen.window().learn(token, use(lostTo));
            } else {
                view = null;
            }
        }
    }

    @Override
    public void pushBack(Duration wait) {
        // +1: millis truncates; "not before" must round up.
        long until = clock.millis() + 1 + wait.toMillis();
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(TableKeys.HOLD)).updateExpression("SET #until = :until")
                    .conditionExpression("attribute_not_exists(#until) OR #until < :until")
                    .expressionAttributeNames(Map.of("#until", HOLD_UNTIL))
                    .expressionAttributeValues(Map.of(":until", number(until))));
        } catch (ConditionalCheckFailedException alreadyLater) {
            // someone holds everyone back longer already
        }
        view = null;
    }

    /**
     * The budget as it stands, read at or after {@code now}: the jobs of a batch ask side by side, and those that find
     * the view old at the same moment share one read instead of each making its own.
     */
    private View read(long now) {
        synchronized (reading) {
            View current = view;
            if (current != null && current.readAt() >= now) {
                return current;
            }
            long readAt = clock.millis();
            Map<Integer, BudgetWindow.Use> uses = new HashMap<>();
            long[] holdUntil = {0};
            dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))).items().forEach(item -> {
                        String sk = item.get("sk").s();
                        if (sk.equals(TableKeys.HOLD)) {
                            holdUntil[0] = Long.parseLong(item.get(HOLD_UNTIL).n());
                        } else if (sk.startsWith(TableKeys.TOKENS) && item.containsKey(AT)) {
                            uses.put(Integer.parseInt(sk.substring(TableKeys.TOKENS.length())), use(item));
                        }
                    });
            View read = new View(new BudgetWindow(uses, holdUntil[0]), readAt);
            view = read;
            return read;
        }
    }

    private static BudgetWindow.Use use(Map<String, AttributeValue> item) {
        return new BudgetWindow.Use(Long.parseLong(item.get(AT).n()), item.containsKey(BY) ? item.get(BY).s() : "");
    }

    private Map<String, AttributeValue> key(int token) {
        return key(TableKeys.token(token));
    }

    private Map<String, AttributeValue> key(String sk) {
        return TableKeys.key(partition, sk);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
