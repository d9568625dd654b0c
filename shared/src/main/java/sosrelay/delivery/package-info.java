/**
 * One delivery per incident, person and channel: its job message, its state, its worker.
 * <ul>
 * <li>{@code DeliveryJob} owns the SQS job body ({@code incidentId personId phone channel attempt}, optional
 * {@code slot} once the budget queued it again).
 * <li>{@code DeliveryStore} owns the {@code DEL#} and {@code PROVIDER#} items: {@code claim} (a redelivered job never
 * sends twice), {@code accepted}, {@code failed}, {@code release}, {@code unsure} (a request that may have placed a call:
 * the next claim asks {@code Sender.sentSince} before sending again), {@code progress} (forward only, by
 * {@code DeliveryStates} rank, same attempt).
 * <li>{@code DeliveryWorker} runs one job: {@code Retries.stillWanted}, the pacer, the claim, the {@code Sender} over
 * {@code ProviderHttp}, the {@code SendResult} (accepted, transient, unknown, permanent), then {@code TimeToRing},
 * {@code DeliveryMetrics} and, for texts, {@code DeliveryOutcomes.applyKept}.
 * <li>{@code DeliveryOutcomes} applies status reports (callbacks, call details, GupShup): {@code progress}, the timeline,
 * and an unanswered call or failed text to {@code Retries}. {@code PendingReports} keeps a report that beat the
 * worker's write ({@code PENDING#}, one day).
 * <li>{@code Notice} is a text or call about an incident that is not the alert (stand-down, report back).
 * </ul>
 */
package sosrelay.delivery;
