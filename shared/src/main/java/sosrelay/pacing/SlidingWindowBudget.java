package sosrelay.pacing;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

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
 * it never says "take" without a read in the last second). A provider's Retry-After is one more item in
 * the same partition ({@code HOLD}) that every view reads.
 */
public final class SlidingWindowBudget implements Pacer {
    /** A view older than this is read again before deciding: other instances take tokens meanwhile. */
    private static final long VIEW_MAX_AGE_MILLIS = 1000;
    private static final String AT = "usedAt";
    private static final String BY = "usedBy";
    private static final String HOLD_UNTIL = "holdUntil";

    private record View(BudgetWindow window, long readAt) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final String partition;
    private final BudgetShares shares;
    private final Clock clock;
    private final RandomGenerator random;
    private volatile View view;

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
        String source = BudgetWindow.sourceKey(ask.fairnessKey());
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
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key(token)).updateExpression("SET #at = :now, #by = :source")
                        .conditionExpression("attribute_not_exists(#at) OR #at <= :cutoff")
                        .expressionAttributeNames(Map.of("#at", AT, "#by", BY))
                        .expressionAttributeValues(Map.of(":now", number(now), ":source", AttributeValue.fromS(source),
                                ":cutoff", number(now - shares.window().toMillis())))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                seen.window().learn(token, new BudgetWindow.Use(now, source));
                return GRANTED;
            } catch (ConditionalCheckFailedException lost) {
                // Someone took that token first: note when, and decide again.
                if (lost.hasItem() && lost.item().containsKey(AT)) {
                    seen.window().learn(token, use(lost.item()));
                } else {
                    view = null;
                }
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

    private View read(long now) {
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
        View read = new View(new BudgetWindow(uses, holdUntil[0]), now);
        view = read;
        return read;
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
