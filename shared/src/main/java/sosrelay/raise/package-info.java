/**
 * The raise chain shared by every trigger.
 * <p>{@code IncidentRaiser.raise}: {@code IncidentStore.create} (the idempotency key; a repeat is a no-op), then beside the
 * caller, on the pool, the timeline's {@code raised}, the escalation timer and each {@code Watch} (the recording copy, the
 * Passthru's CallSid check); on the caller's thread the {@code Dispatcher} sends the first wave, then
 * {@code markDispatched}. Nothing that can happen beside the first wave runs before it.
 */
package sosrelay.raise;
