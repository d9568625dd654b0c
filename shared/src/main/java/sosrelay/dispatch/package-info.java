/**
 * Putting jobs on queues: first waves, later tiers, retries.
 * <p>{@code Dispatcher} turns an incident's tier into one {@code DeliveryJob} per person and channel, sent by
 * {@code JobQueue} ({@code SendMessageBatch} by ten, failed entries re-sent; {@code sendLater} for a delayed job).
 * {@code QueueRoutes} says which queue a job goes on (its channel's; a high-priority call's own queue, so an urgent job
 * never goes back among the normal ones). {@code Retries}: {@code stillWanted} (every attempt re-reads the incident, a
 * worker's batch once for all its first attempts, {@code firstAttempts}: a first attempt unless resolved, a later one
 * while open and the person has neither acknowledged nor declined),
 * {@code afterUnanswered} and {@code afterFailedMessage} (a {@code RETRY} timer after the type's {@code retry.after}, up to
 * {@code retry.attempts}), {@code refused} (a provider refused the attempt: a call goes on as an unanswered one, a text
 * becomes a call), {@code fire} (also adds people a roster override newly names, {@code CurrentRosters}).
 * <p>The queues are standard queues (visibility 180 s), each with a DLQ after 16 receives (a try waits at most 30 s for the next); consumers take batches
 * of 10 with no batching window and report per-message failures. template.yaml is where they are declared.
 */
package sosrelay.dispatch;
