package sosrelay.local.backends;

import java.time.Duration;

/**
 * The quota of an {@code AWS::Serverless::Api}'s usage plan ({@code Auth.UsagePlan.Quota}): how many
 * requests each API key may make per period before API Gateway answers 429.
 */
public record UsagePlanQuota(long limit, Duration period) {

    static UsagePlanQuota of(long limit, String period) {
        return new UsagePlanQuota(limit, switch (period) {
            case "DAY" -> Duration.ofDays(1);
            case "WEEK" -> Duration.ofDays(7);
            case "MONTH" -> Duration.ofDays(30);
            default -> throw new IllegalArgumentException("usage plan quota period must be DAY, WEEK or MONTH, not " + period);
        });
    }
}
