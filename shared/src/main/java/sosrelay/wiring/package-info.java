/**
 * The composition root and the handlers' base classes.
 * <p>{@code Wiring}, one per Lambda instance, is what handlers name one method of; it only delegates. The building is
 * split by family, each part built on first use ({@code Lazy}) from {@code Settings}: {@code Foundation} (the SDK
 * clients through {@code AwsClients}, one {@code HttpClient}, the pools, the stores of each item kind, the queues and
 * the secrets), {@code Processes} (the raise chain, escalation, retries, outcomes, acknowledgements, the voice budget),
 * {@code Webhooks} (the providers' callbacks and the recording link), {@code Workers} (the SQS workers and their texts)
 * and {@code Apis} (devices, operators, board, drills, heartbeats, alarms). A function builds only what its path
 * touches. {@code ApiHandler} (API Gateway event to {@code WebRequest} to a {@code Webhook} and back) and
 * {@code SqsJobHandler} ({@code SQSEvent} to {@code BatchWorker} to {@code SQSBatchResponse}) and {@code ScheduleHandler}
 * (a scheduled run) are what the 17-line handlers extend. {@code SnapStartPriming} registers each handler's warm-up for SnapStart's snapshot.
 * {@code BesideInit} runs what a first request would build (the Passthru's SQS client) on a side thread of the init.
 */
package sosrelay.wiring;
