package sosrelay.timers;

import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Timers on an SQS queue: a message delayed until it is due (SQS delays at most 15 minutes; a longer
 * timer is sent on again by the worker that receives it early). The same queue runs the same way on
 * the local stack's ElasticMQ, so what is tested is what deploys.
 */
public final class Timers {
    static final long MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    public Timers(SqsClient sqs, String queueUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    public void schedule(TimerJob job) {
        long seconds = Math.max(0, (long) Math.ceil(Duration.between(clock.instant(), job.dueAt()).toMillis() / 1000.0));
        int delay = (int) Math.min(MAX_DELAY_SECONDS, seconds);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(job.toJson()).delaySeconds(delay));
    }
}
