/**
 * One delivery per incident, person and channel: its job message, its state, its worker.
 * <ul>
 * <li>{@code DeliveryJob} owns the SQS job body ({@code incidentId personId phone channel attempt}, optional
 * {@code slot} once the budget queued it again).
 * <li>{@code DeliveryStore} owns the {@code DEL#} and {@code PROVIDER#} items: {@code claim} (a redelivered job never
 * sends twice; {@code claimWithSend}, the same as a write in the budget's transaction, {@code refused} telling why it
 * failed), {@code accepted} (one transaction: the state, when, the {@code PROVIDER#} item and, from {@code PendingReports},
 * that no early report is kept), {@code failed}, {@code release}, {@code unsure} (a request that may have placed a call:
 * the next claim asks {@code Sender.sentSince} before sending again), {@code progress} (forward only, by
 * {@code DeliveryStates} rank, same attempt).
 * <li>{@code DeliveryWorker} runs one job of a batch: {@code Retries.stillWanted} (first attempts: once per incident and
 * batch), the budget's send with the claim, the {@code Sender} over {@code ProviderHttp}, the {@code SendResult}
 * (accepted, transient, unknown, permanent: {@code Retries.refused}), then the acceptance, {@code DeliveryMetrics} (time-to-ring; one batch per
 * incident reports its first ring) and, only when one was kept, the early report ({@code DeliveryOutcomes.applyKept}).
 * Per first attempt: 3 DynamoDB requests at most before the provider request, 1 after (the bench counts them).
 * <li>{@code DeliveryOutcomes} applies status reports (callbacks, call details, GupShup): {@code progress}, the timeline,
 * and an unanswered call or failed text to {@code Retries}. {@code PendingReports} keeps a report that beat the
 * worker's write ({@code PENDING#}, one day).
 * <li>{@code Notice} is a text or call about an incident that is not the alert (stand-down, report back).
 * </ul>
 */
package sosrelay.delivery;
