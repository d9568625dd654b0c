/**
 * Exotel's Passthru: a front-desk call becomes an incident.
 * <p>{@code PassthruWebhook}: the webhook secret, {@code CallbackFields} (the {@code CallSid}), the directory's type (by
 * {@code EmergencyType} or {@code digits}), {@code RecordingPolicy}, then the raise chain; it answers 200 with the
 * incident id, or 302 (the desk's fallback branch) when it could not record the emergency within
 * {@code PassthruDeadline}. {@code PassthruCallCheck} asks Exotel's call details about the Passthru's CallSid beside the
 * first wave ({@code PASSTHRU_CHECK} timers, again across Exotel's lag) and {@code CallSidVerdict} reads the answer.
 * It never stands anything down: a call it cannot confirm is flagged suspect and pages the operators, who decide.
 */
package sosrelay.passthru;
