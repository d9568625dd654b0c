/**
 * Bringing in the next tier when too few acknowledged in time.
 * <p>{@code Escalation.watch} puts an {@code ESCALATE} timer at the tier's {@code escalateAfter}; {@code fire} re-reads the
 * incident ({@code IncidentProgress}), refreshes its rosters ({@code CurrentRosters.refresh}), dispatches the next tier,
 * moves the active tier with a conditional write (so a duplicate timer is harmless), records it and watches the next.
 * A tier with nobody on duty is passed over at once. When no tier is left and the incident is still unacknowledged it
 * is marked {@code unanswered} and the operators are paged ({@code IncidentMetrics.unanswered}).
 */
package sosrelay.escalation;
