/**
 * HTTP in and out of the handlers: {@code WebRequest} and {@code WebResponse} (what a {@code Webhook} takes and gives),
 * {@code ApiGateway} (the API Gateway event, both ways), {@code FormEncoding}, {@code CallbackFields} (multipart, JSON or
 * form; the shapes of provider ids), {@code WebhookSecret} (the path secret, compared in constant time; 403).
 */
package sosrelay.web;
