/**
 * Devices that go quiet.
 * <p>{@code Heartbeats.beat} records a beat ({@code HeartbeatStore}, {@code BEAT#}) and ends an open silence of that source
 * (group {@code heartbeat:<source>}). {@code Heartbeats.check} (every minute, {@code HeartbeatCheckFunction}) raises one
 * incident per silence past {@code expectEvery}, id {@code IncidentIds.forSource("heartbeat", source@silentSince)}, so one
 * silence is one incident however many checks see it. See docs/heartbeats.md.
 */
package sosrelay.heartbeat;
