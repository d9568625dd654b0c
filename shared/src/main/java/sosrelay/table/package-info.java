/**
 * {@code TableKeys} spells every key of {@code IncidentsTable}; the owners build their keys with it.
 * <p>Item kinds and their owners (all under {@code pk}/{@code sk}, every kind expires through {@code expiresAt} except
 * the budget's {@code RATE#} items, which hold no personal data):
 * <ul>
 * <li>{@code INC#<id>}/{@code INCIDENT}: {@code incident.IncidentStore} (status, tier and the batch reporting the first
 * ring: {@code IncidentProgress}; acceptance times of incidents from before they moved to the deliveries, read only:
 * {@code AcceptanceTimes}). 180 days.
 * <li>{@code INC#<id>}/{@code DEL#<person>#<channel>} (its acceptance times too) and {@code PROVIDER#<Sid>}:
 * {@code delivery.DeliveryStore}; the call worker's claim is written in one transaction with a budget token, its
 * acceptance with the check that no {@code PENDING#} report is kept for its Sid (each item built by its owner).
 * <li>{@code PENDING#<Sid or GupShup id>}/{@code REPORT}: {@code delivery.PendingReports}, one day.
 * <li>{@code INC#<id>}/{@code ACK#<person>}, {@code DECLINE#<person>}: {@code incident.IncidentProgress}.
 * <li>{@code INC#<id>}/{@code EVT#<instant>#<random>}: {@code incident.Timeline}.
 * <li>{@code OPEN#<group>}/{@code OPEN}: {@code incident.IncidentStore} (alarm and heartbeat groups).
 * <li>{@code LINK#<token>} and {@code INC#<id>}/{@code LINK#<person>}: {@code links.RecordingLinks}.
 * <li>{@code ACKCODE#<code>} and {@code INC#<id>}/{@code ACKCODE#<person>}: {@code ack.AckCodes}, 12 hours.
 * <li>{@code KEY#<key id>}/{@code SLOT#<n>}: {@code incident.OpenIncidentSlots}.
 * <li>{@code QUOTA#<operator or key>}/{@code HOUR#<hour>} and {@code QUIET#test-call:<person>}: {@code quota.Quotas}.
 * <li>{@code REACHED}/{@code PEOPLE}: {@code people.ReachedPeople}. {@code BEAT#<source>}: {@code heartbeat.HeartbeatStore}.
 * {@code OPTIN#<person>}: {@code whatsapp.WhatsAppOptIns}.
 * <li>{@code RATE#exotel-calls} (and each other voice provider's, {@code RATE#plivo-calls})/{@code TOKEN#n} and {@code HOLD}: {@code pacing.SlidingWindowBudget}.
 * </ul>
 */
package sosrelay.table;
