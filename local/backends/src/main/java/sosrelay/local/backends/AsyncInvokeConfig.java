package sosrelay.local.backends;

import java.util.Optional;

/**
 * What Lambda does with a function's asynchronous invocations ({@code --invocation-type Event}, SNS,
 * CloudWatch alarm actions): {@code EventInvokeConfig}'s retries and event age, and where a failed
 * event goes, the function's {@code DeadLetterQueue} and/or its {@code OnFailure} destination (SQS
 * queues of the template, by logical id; other target types do not exist locally).
 */
public record AsyncInvokeConfig(int maximumRetryAttempts, int maximumEventAgeSeconds,
                                Optional<String> deadLetterQueue, Optional<String> onFailureQueue) {
    /** Lambda's defaults: two retries, events kept six hours, failures dropped. */
    public static final AsyncInvokeConfig LAMBDA_DEFAULT = new AsyncInvokeConfig(2, 21_600, Optional.empty(), Optional.empty());
}
