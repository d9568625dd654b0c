/**
 * Bringing in the next tier when too few acknowledged in time.
 * <p>{@code Escalation.watch} puts an {@code ESCALATE} timer at the tier's {@code escalateAfter}; {@code fire} re-reads the
 * incident ({@code IncidentProgress}), refreshes its rosters ({@code CurrentRosters.refresh}), dispatches the next tier,
 * moves the active tier with a conditional write (so a duplicate timer is harmless), records it and watches the next.
 * A tier with nobody on duty is passed over at once. When no tier is left and the incident is still unacknowledged it
 * is marked {@code unanswered} and the operators are paged ({@code IncidentMetrics.unanswered}).
 * <p>A step is recorded before it is notified (the advance, or {@code unanswered}, writes {@code unnotifiedSince}; the
 * end of {@code notifyTier}, after the jobs and the next {@code ESCALATE}, clears it). A worker that fails or dies in
 * between leaves the step recorded but untold; whoever next finds the incident moved past its own step takes it over
 * ({@code IncidentProgress.takeOver}, once) if it is older than {@code NOTIFIER_GONE} (35 s, above every function's
 * Timeout, {@code NotifierGoneTest}), else sets an {@code ESCALATE} timer for then. Who that is, for each mover: a timer's
 * failed job comes back (after its backoff, or the queue's 180 s visibility timeout if the Lambda died); a decline (a
 * webhook, never repeated) leaves the declined tier's own {@code ESCALATE} timer, still pending since that tier was
 * notified; a raise whose first tier was empty is raised again by its {@code DISPATCH_CHECK}, and its lost advance
 * resumes. A step whose worker stopped after the next {@code ESCALATE} but before clearing the mark may ring twice:
 * missing a call is worse than a duplicate.
 */
package sosrelay.escalation;
