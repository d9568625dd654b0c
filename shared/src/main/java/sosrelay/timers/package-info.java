/**
 * Delayed work on {@code TimersQueue}: retries, lost-callback checks, escalations, recording copies, CallSid checks,
 * dispatch checks.
 * <p>{@code TimerJob} owns the body ({@code kind dueAt incidentId personId channel attempt tier providerId round}).
 * {@code Timers.schedule} sends it with {@code DelaySeconds} until due; SQS stops at 15 minutes, so a later timer arrives
 * early and {@code TimerWorker} sends it on. {@code TimerWorker} routes by kind: {@code RETRY} to {@code Retries.fire},
 * {@code CALL_CHECK} to {@code LostCallbackCheck}, {@code ESCALATE} to {@code Escalation}, {@code RECORDING_FETCH} to
 * {@code RecordingCopies}, {@code PASSTHRU_CHECK} to {@code PassthruCallCheck}, {@code DISPATCH_CHECK} to
 * {@code DispatchGuard}. Every action re-reads the incident and acts
 * only if still needed, so a duplicate or early timer is harmless.
 */
package sosrelay.timers;
