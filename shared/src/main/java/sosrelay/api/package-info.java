/**
 * The device and operator HTTP APIs.
 * <ul>
 * <li>{@code IncidentApi}: {@code POST /v1/incidents} ({@code DeviceIncidentRequest} lists every problem, 400;
 * {@code Directory.chooseTypeForDevice}; {@code BucketRecordingPolicy}; an id from
 * {@code IncidentIds.forSource("device:<key id>", dedupKey)}; the raise chain), {@code GET /v1/incidents/{id}}
 * ({@code IncidentView}: incident, deliveries, timeline; a key sees only its own incidents, others get 404) and
 * {@code POST /v1/incidents/{id}/resolve}. Operators (Cognito claims) see every incident and never raise.
 * <li>{@code DeviceApi} routes device requests; {@code HeartbeatApi} takes {@code POST /v1/heartbeats/{source}}.
 * <li>{@code OperatorApi}: {@code GET /v1/desk} ({@code DeskView}), roster overrides, maintenance windows.
 * </ul>
 */
package sosrelay.api;
