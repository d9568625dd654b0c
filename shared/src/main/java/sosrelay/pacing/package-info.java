/**
 * Each voice provider's call budget, shared by every worker ({@code calls.VoiceBudgets} picks the provider).
 * <p>{@code SlidingWindowBudget} (a {@code Pacer}) holds one {@code RATE#exotel-calls}/{@code TOKEN#n} item per call the
 * window allows (each provider its own partition: {@code RATE#plivo-calls}, {@code RATE#exotel-b-calls}); a call takes a token whose last use is a window old (conditional write), so no window ever holds more
 * than the limit, whatever the concurrency, restarts or interleaving; the call worker's claim goes in the same
 * transaction ({@code Pacing.admit(job, with)}), so a job that may not send spends no token. Which token to try is
 * decided on the instance's view (one query at most once a second, shared by the asks that find it old together, kept
 * current by its own writes and by the item a lost race returns). A provider's {@code Retry-After} is a {@code HOLD} item in the same partition: nobody sends before it.
 * {@code BudgetWindow} and {@code BudgetShares} are its rules (high priority has a reserve; no single source starves
 * the others). {@code Pacing} asks it for a {@code PacedJob}; a job with no room
 * for over 5 s goes back on its own queue, delayed, and asks again as a backlog. {@code BudgetWait} says how long.
 */
package sosrelay.pacing;
