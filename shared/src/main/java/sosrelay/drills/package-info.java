/**
 * Exercises: test calls and drills, which travel the real raise chain but say they are exercises.
 * <p>{@code DrillApi} ({@code POST /v1/people/{id}/test-call}, {@code POST /v1/drills}, {@code GET /v1/drills/{id}}).
 * {@code TestCall}: an incident of one person, call only, one attempt, that speaks the name and asks for a 1.
 * {@code Drill}: the type's whole chain, type {@code DRILL <type>}, no report back, no operator paging.
 * {@code DrillReport}: reached or not, acknowledged, time to acknowledge, per person; {@code required} met, per tier.
 * {@code ScheduledDrills}: the directory's {@code drills:} due in the last two minutes, each raised once
 * ({@code IncidentIds.forSource("drill-schedule", type@minute)}).
 */
package sosrelay.drills;
