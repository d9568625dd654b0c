/**
 * The raise chain shared by every trigger.
 * <p>{@code IncidentRaiser.raise}: {@code IncidentStore.create} (the idempotency key; a repeat is a no-op), then beside the
 * caller, on the pool, the timeline's {@code raised}, the escalation timer and each {@code Watch} (the recording copy, the
 * Passthru's CallSid check); on the caller's thread the {@code Dispatcher} sends the first wave, then
 * {@code markDispatched}. Nothing that can happen beside the first wave runs before it. Beside the first write a
 * {@code DISPATCH_CHECK} timer is set: {@code DispatchGuard} resumes a raise that was recorded but stopped (a frozen or
 * dead instance after the Passthru's 302), so no repeated request is needed for it to ring.
 */
package sosrelay.raise;
