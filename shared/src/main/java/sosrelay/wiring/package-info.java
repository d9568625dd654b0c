/**
 * The composition root and the handlers' base classes.
 * <p>{@code Wiring}, one per Lambda instance, builds on first use ({@code Lazy}) from {@code Settings} the SDK clients
 * ({@code AwsClients}), one {@code HttpClient}, the pools, stores, queues, services and webhooks; a function builds only
 * what its path touches. {@code ApiHandler} (API Gateway event to {@code WebRequest} to a {@code Webhook} and back) and
 * {@code SqsJobHandler} ({@code SQSEvent} to {@code BatchWorker} to {@code SQSBatchResponse}) are what the 17-line
 * handlers extend. {@code SnapStartPriming} registers each handler's warm-up for SnapStart's snapshot.
 */
package sosrelay.wiring;
