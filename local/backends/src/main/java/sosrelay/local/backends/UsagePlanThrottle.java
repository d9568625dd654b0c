package sosrelay.local.backends;

/**
 * The throttle of an {@code AWS::Serverless::Api}'s usage plan ({@code Auth.UsagePlan.Throttle}): each API key
 * may make {@code ratePerSecond} requests a second on average and {@code burst} at once (a token bucket)
 * before API Gateway answers 429.
 */
public record UsagePlanThrottle(double ratePerSecond, int burst) {
}
