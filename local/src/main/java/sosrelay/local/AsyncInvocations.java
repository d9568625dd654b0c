package sosrelay.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import sosrelay.local.backends.AsyncInvokeConfig;
import sosrelay.local.backends.LocalBackends;
import sosrelay.local.backends.LocalResources;
import sosrelay.local.backends.SamTemplate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Lambda's asynchronous invocation, as the template configures it: an event that fails is tried
 * again after a minute and again two minutes later (or as many times as {@code EventInvokeConfig}'s
 * {@code MaximumRetryAttempts} says, while younger than {@code MaximumEventAgeInSeconds}), then sent to
 * the function's dead-letter queue (the event as it came, with Lambda's RequestID, ErrorCode and
 * ErrorMessage attributes) and to its on-failure destination (Lambda's invocation record). With
 * neither, it is dropped, loudly, as Lambda drops it.
 */
final class AsyncInvocations implements AutoCloseable {
    /** Lambda's waits before the second and third attempts. */
    static final List<Duration> LAMBDA_RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));
    /** Shorter waits for tests and impatient people, e.g. {@code 1,2} (seconds). */
    static final String RETRY_DELAYS_VARIABLE = "SOS_LOCAL_ASYNC_RETRY_SECONDS";
    private static final int ERROR_MESSAGE_LIMIT = 1024;

    private final SamTemplate template;
    private final LocalResources resources;
    private final SqsClient sqs;
    private final List<Duration> retryDelays;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "local-async-invoke");
        thread.setDaemon(true);
        return thread;
    });

    AsyncInvocations(SamTemplate template, LocalResources resources, SqsClient sqs, List<Duration> retryDelays) {
        this.template = template;
        this.resources = resources;
        this.sqs = sqs;
        this.retryDelays = List.copyOf(retryDelays);
    }

    /** {@code 60,120}-style seconds, or Lambda's own waits when unset. */
    static List<Duration> retryDelays(String configured) {
        return configured == null || configured.isBlank() ? LAMBDA_RETRY_DELAYS
                : Arrays.stream(configured.split(",")).map(String::trim).map(Long::parseLong).map(Duration::ofSeconds).toList();
    }

    /** Queues the event and returns at once, as Lambda answers 202 before running anything. */
    void submit(LocalFunction function, String payload) {
        Invocation invocation = new Invocation(function, payload, UUID.randomUUID().toString(), Instant.now(),
                template.asyncInvokeConfig(function.logicalId()));
        scheduler.execute(() -> attempt(invocation, 1));
    }

    private record Invocation(LocalFunction function, String payload, String requestId, Instant receivedAt, AsyncInvokeConfig config) {
    }

    private void attempt(Invocation invocation, int attempt) {
        try {
            invocation.function().invokeJson(invocation.payload());
        } catch (Throwable failure) {
            boolean young = Instant.now().isBefore(invocation.receivedAt().plusSeconds(invocation.config().maximumEventAgeSeconds()));
            if (attempt <= invocation.config().maximumRetryAttempts() && young) {
                Duration wait = retryDelays.get(Math.min(attempt, retryDelays.size()) - 1);
                System.err.println("Asynchronous invoke of " + invocation.function().logicalId() + " failed (attempt " + attempt
                        + "), trying again in " + wait.toSeconds() + " s: " + failure);
                scheduler.schedule(() -> attempt(invocation, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            System.err.println("Asynchronous invoke of " + invocation.function().logicalId() + " failed for good after "
                    + attempt + " attempts:");
            failure.printStackTrace();
            deliverFailure(invocation, attempt, failure);
        }
    }

    private void deliverFailure(Invocation invocation, int attempts, Throwable failure) {
        AsyncInvokeConfig config = invocation.config();
        config.deadLetterQueue().ifPresent(queue -> send(queue, invocation.payload(), Map.of(
                "RequestID", text(invocation.requestId()),
                "ErrorCode", MessageAttributeValue.builder().dataType("Number").stringValue("200").build(),
                "ErrorMessage", text(truncate(String.valueOf(failure.getMessage()))))));
        config.onFailureQueue().ifPresent(queue -> send(queue, invocationRecord(invocation, attempts, failure), Map.of()));
        if (config.deadLetterQueue().isEmpty() && config.onFailureQueue().isEmpty()) {
            System.err.println("  " + invocation.function().logicalId() + " has no DeadLetterQueue and no OnFailure destination:"
                    + " the event is dropped, as on Lambda. Payload: " + invocation.payload());
        }
    }

    private void send(String queueLogicalId, String body, Map<String, MessageAttributeValue> attributes) {
        String url = resources.requireQueue(queueLogicalId).url();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(body).messageAttributes(attributes));
        System.err.println("  the event is kept in " + queueLogicalId);
    }

    /** Lambda's on-failure record: request, condition, attempts, and the error as the runtime reports it. */
    private static String invocationRecord(Invocation invocation, int attempts, Throwable failure) {
        String functionArn = "arn:aws:lambda:" + LocalBackends.REGION.id() + ":" + LocalBackends.ACCOUNT_ID + ":function:"
                + invocation.function().logicalId() + ":$LATEST";
        return "{\"version\":\"1.0\",\"timestamp\":\"" + Instant.now() + "\","
                + "\"requestContext\":{\"requestId\":\"" + invocation.requestId() + "\",\"functionArn\":\"" + functionArn + "\","
                + "\"condition\":\"RetriesExhausted\",\"approximateInvokeCount\":" + attempts + "},"
                + "\"requestPayload\":" + invocation.payload() + ","
                + "\"responseContext\":{\"statusCode\":200,\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"},"
                + "\"responsePayload\":" + InvokeApi.errorJson(failure) + "}";
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static String truncate(String message) {
        return message.length() <= ERROR_MESSAGE_LIMIT ? message : message.substring(0, ERROR_MESSAGE_LIMIT);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
