/**
 * Acknowledgements and declines: a keypress on a call we placed, or a text reply with a live code.
 * <p>{@code KeypressAckWebhook} ({@code /exotel/{secret}/ack}) finds the person from {@code DeliveryStore.byProviderId}:
 * only a call we placed counts, and a {@code CustomField} must agree with it; it answers 200 (thanks) or 302 (ask
 * again), never an error page, since someone is on the line. {@code SmsReplyAckWebhook} and
 * {@code WhatsAppReplyWebhook} (with {@code GupShupInbound}, GupShup's {@code type: message} event or flat
 * {@code mobile}/{@code text} fields) hand a reply to {@code CodeReplies}, the one place that decides a text reply:
 * the code's holder ({@code AckCodes}), the sender must be the code's person, then {@code Acknowledgements.acknowledge}
 * and {@code AckCodes.use}.
 * <p>{@code Acknowledgements} records one acknowledgement per person ({@code IncidentProgress}), writes
 * {@code ReachedPeople} (the board's "verified"), moves the incident to {@code acknowledged} when the active tier's
 * {@code required} is met, and stands down whoever is still rung. {@code AckCodes} owns the {@code ACKCODE#} items:
 * six random digits, conditional put so no two live codes are alike, issued only when a text shows one.
 */
package sosrelay.ack;
