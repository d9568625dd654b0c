package sosrelay.plivo;

/** Plivo's webhooks, each its own route and function: {@code /plivo/{secret}/answer|input|hangup}. */
public enum PlivoRoute {
    ANSWER, INPUT, HANGUP
}
