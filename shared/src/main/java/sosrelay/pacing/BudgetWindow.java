package sosrelay.pacing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The budget as one sender last saw it: one token per send the limit allows, each holding when it was last
 * used and by which source. A token used at {@code t} is free again at {@code t + window}; a token is taken
 * only by a conditional write that checks exactly that, so the view may be stale without ever letting more
 * than the limit through (a stale view only costs a failed write).
 * <p>
 * A provider's Retry-After holds every send back until it has passed.
 * <p>
 * The tokens are numbered in three ranges: the general ones, then those kept for newcomers, then those kept
 * for high priority (see {@link BudgetShares}). An ask takes from the least reserved range it may use, so
 * the reserved ones stay free for whoever needs them.
 */
final class BudgetWindow {
    /** How long a dominant source yields, as a part of the window: a second of Exotel's minute. */
    private static final long YIELD_PARTS = 60;

    /** One token's last use: when, and by which source. */
    record Use(long at, String source) {
    }

    private final Map<Integer, Use> uses;
    private final long holdUntil;

    /** @param holdUntil no send before this (a provider's Retry-After), or 0 */
    BudgetWindow(Map<Integer, Use> uses, long holdUntil) {
        this.uses = new ConcurrentHashMap<>(uses);
        this.holdUntil = holdUntil;
    }

    /** What this sender learnt since it read the budget: a token it took, or one another took first. */
    void learn(int token, Use use) {
        uses.merge(token, use, (old, now) -> now.at() >= old.at() ? now : old);
    }

    /** What this ask may do now: take a token (its number), or wait until a time. */
    sealed interface Verdict {
        record Take(int token) implements Verdict {
        }

        record Wait(Instant until) implements Verdict {
        }
    }

    Verdict judge(Pacer.Ask ask, BudgetShares shares, long now, RandomGenerator random) {
        long window = shares.window().toMillis();
        if (holdUntil > now) {
            return new Verdict.Wait(Instant.ofEpochMilli(holdUntil));
        }
        String source = sourceKey(ask.fairnessKey());
        long held = uses.values().stream().filter(u -> u.at() > now - window && u.source().equals(source)).count();
        boolean dominant = held >= shares.sourceShare();
        boolean firstAttempt = !ask.waited() && !dominant;
        int general = shares.limit() - shares.highReserve() - shares.newcomerReserve();
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] {0, general});
        if (firstAttempt) {
            ranges.add(new int[] {general, general + shares.newcomerReserve()});
        }
        if (ask.priority() == sosrelay.directory.Priority.HIGH) {
            ranges.add(new int[] {general + shares.newcomerReserve(), shares.limit()});
        }
        long soonest = Long.MAX_VALUE;
        for (int[] range : ranges) {
            List<Integer> free = new ArrayList<>();
            for (int token = range[0]; token < range[1]; token++) {
                Use use = uses.get(token);
                long freeAt = use == null ? Long.MIN_VALUE : use.at() + window;
                if (freeAt <= now) {
                    free.add(token);
                } else {
                    soonest = Math.min(soonest, freeAt);
                }
            }
            if (!free.isEmpty()) {
                // Senders with the same view pick different tokens rather than all racing for the first.
                return new Verdict.Take(free.get(random.nextInt(free.size())));
            }
        }
        // A source already holding its share comes back a moment after the others, so when sends free up the
        // sources with less go first; with nobody else waiting it loses only that moment.
        return new Verdict.Wait(Instant.ofEpochMilli(soonest + (dominant ? window / YIELD_PARTS : 0)));
    }

    /** Sources are kept short in the items: a key, an alarm name or the Passthru, cut to a bound. */
    static String sourceKey(String fairnessKey) {
        return fairnessKey.length() <= 64 ? fairnessKey : fairnessKey.substring(0, 64);
    }
}
