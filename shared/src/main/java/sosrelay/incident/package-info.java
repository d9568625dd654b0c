/**
 * The incident: its snapshot, its progress, its timeline.
 * <ul>
 * <li>{@code Incident} is the snapshot taken at the raise ({@code of}: recipients, tiers, retry policy, rosters,
 * priority); {@code Trigger} says who or what raised it; {@code Recording} what plays.
 * <li>{@code IncidentStore} owns the {@code INC#}/{@code INCIDENT} item: {@code create} (conditional put; a repeat is a
 * no-op unless the first writer's dispatch lease ran out undispatched), {@code createInGroup} and {@code closeGroup}
 * ({@code OPEN#}), {@code markDispatched}, {@code recordCopy}, {@code addRecipients}.
 * <li>{@code IncidentProgress} owns status and tier ({@code open}, {@code acknowledged}, {@code unanswered},
 * {@code resolved}), the {@code ACK#} and {@code DECLINE#} items, and which worker batch reports the first ring
 * ({@code firstWave}). {@code AcceptanceTimes}: when calls were first and last accepted (the deliveries carry theirs;
 * older incidents' are on their item). {@code Timeline} owns the {@code EVT#} items.
 * <li>{@code IncidentIds}: the idempotency keys (a hash of source and reference, e.g. {@code exotel-call} + CallSid).
 * {@code RecordingPolicy} and {@code BucketRecordingPolicy} decide which recordings are accepted;
 * {@code OpenIncidentSlots} caps a key's open incidents; {@code CurrentRosters} reads the incident's rosters as the
 * directory has them now; {@code IncidentList} backs {@code GET /v1/incidents}.
 * </ul>
 */
package sosrelay.incident;
