package sosrelay.pacing;

import java.time.Duration;

/**
 * How one provider budget ({@code limit} sends in any {@code window}) is shared. Every send may use it, except
 * that some of it is kept for others:
 * <ul>
 *   <li>normal-priority jobs leave the last {@code highReserve} sends to high-priority ones, so a Code Blue never
 *       queues behind a server alarm's fan-out;</li>
 *   <li>a backlog (a job that has already been put back to wait) and a source already holding
 *       {@code sourceShare} of the window leave a further {@code newcomerReserve} to first attempts from
 *       other sources, so a new incident's first wave goes before a flood's backlog and no one source can
 *       take all of it.</li>
 * </ul>
 */
public record BudgetShares(int limit, Duration window, int highReserve, int newcomerReserve, int sourceShare) {
    /** Token items above this would make the budget's single DynamoDB item too large to write cheaply. */
    public static final int MAX_LIMIT = 2000;

    public BudgetShares {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("the provider limit must be between 1 and " + MAX_LIMIT + " sends a window, not " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the provider limit's window must be positive, not " + window);
        }
        if (highReserve < 0 || newcomerReserve < 0 || highReserve + newcomerReserve >= limit) {
            throw new IllegalArgumentException("the reserves (" + highReserve + " for high priority, " + newcomerReserve
                    + " for newcomers) must leave part of the limit of " + limit + " to everyone");
        }
        if (sourceShare < 1 || sourceShare > limit) {
            throw new IllegalArgumentException("a source's share must be between 1 and the limit of " + limit + ", not " + sourceShare);
        }
    }

    /** The defaults: a tenth of the limit kept for high priority, a tenth for newcomers, the reserve for newcomers past half. */
    public static BudgetShares of(int limit, Duration window) {
        return new BudgetShares(limit, window, limit / 10, limit / 10, Math.max(1, limit / 2));
    }
}
