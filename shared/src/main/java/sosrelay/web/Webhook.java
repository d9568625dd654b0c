package sosrelay.web;

/** Anything that answers an HTTP request: the Exotel webhooks and the incident API. */
@FunctionalInterface
public interface Webhook {
    WebResponse handle(WebRequest request);
}
