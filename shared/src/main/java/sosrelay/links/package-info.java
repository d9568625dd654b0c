/**
 * The texts' own recording links: {@code GET|HEAD /r/{token}}.
 * <p>{@code RecordingLinks} owns the {@code LINK#} items: one random 22-character token per incident and person, shared by
 * their SMS and WhatsApp, valid {@code RECORDING_LINK_HOURS}. {@code RecordingLinkWebhook} answers 302 to a fresh presigned
 * URL of our copy; before the copy exists 503 with {@code Retry-After: 60} (not 404: a phone's browser may cache a 404);
 * unknown 404, expired 410; always {@code Cache-Control: no-store}. The token is the only credential.
 */
package sosrelay.links;
