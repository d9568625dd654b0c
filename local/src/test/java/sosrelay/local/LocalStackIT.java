package sosrelay.local;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.model.Message;
import sosrelay.local.testhandlers.RecordingSqsHandler;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class LocalStackIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void start() throws URISyntaxException {
        Path template = Path.of(LocalStackIT.class.getResource("/local-test-template.yaml").toURI());
        // Lambda waits 1 and 2 minutes between attempts of a failed asynchronous event; a second here.
        stack = LocalStack.start(LocalStackOptions.forTemplate(template)
                .withEnvironmentOverrides(Map.of(AsyncInvocations.RETRY_DELAYS_VARIABLE, "1,1")));
        stack.printBanner(System.out);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void routesWithPathParametersAndDecodedQueryStrings() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/items/42?q=a+b%26c&tag=x&tag=y&flag")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Echo")).contains("yes");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactlyInAnyOrder("a=1", "b=2");
        Map<String, Object> echo = json(response);
        assertThat(echo).containsEntry("httpMethod", "GET")
                .containsEntry("path", "/items/42")
                .containsEntry("resource", "/items/{id}")
                .containsEntry("resourcePath", "/items/{id}")
                .containsEntry("pathParameters", Map.of("id", "42"))
                .containsEntry("queryStringParameters", Map.of("q", "a b&c", "tag", "y", "flag", ""))
                .containsEntry("multiValueQueryStringParameters", Map.of("q", List.of("a b&c"), "tag", List.of("x", "y"), "flag", List.of("")))
                .containsEntry("stage", "local")
                .containsEntry("sourceIp", "127.0.0.1")
                .containsEntry("functionName", "EchoFunction");
        assertThat(echo.get("body")).isNull();
        assertThat(((Number) echo.get("remainingMillis")).intValue()).isBetween(1, 9000);
    }

    @Test
    void givesEachFunctionItsTemplateEnvironmentResolvedLocally() throws Exception {
        Map<String, Object> echo = json(send(HttpRequest.newBuilder(uri("/items/1")).GET()));

        assertThat(echo).containsEntry("greeting", "namaste")
                .containsEntry("itemsTable", "ItemsTable")
                .containsEntry("workQueueUrl", stack.resources().requireQueue("WorkQueue").url())
                .containsEntry("publicBaseUrl", stack.baseUrl().toString())
                .containsEntry("sqsEndpoint", stack.backends().sqsEndpoint().toString());
    }

    @Test
    void prefersLiteralPathSegmentsOverParameters() throws Exception {
        assertThat(json(send(HttpRequest.newBuilder(uri("/items/special")).GET()))).containsEntry("resource", "/items/special");
    }

    @Test
    void passesAFormBodyAsText() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/forms/f1/submit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("CallSid=abc&Name=Asha+K%C3%A9")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("body", "CallSid=abc&Name=Asha+K%C3%A9")
                .containsEntry("isBase64Encoded", false)
                .containsEntry("contentType", "application/x-www-form-urlencoded")
                .containsEntry("pathParameters", Map.of("formId", "f1"));
    }

    @Test
    void passesBytesThatAreNotUtf8AsBase64OnAGreedyAnyRoute() throws Exception {
        byte[] bytes = {(byte) 0xff, (byte) 0xfe, 0, 1};
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/files/a/b.bin"))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));

        assertThat(json(response)).containsEntry("isBase64Encoded", true)
                .containsEntry("body", Base64.getEncoder().encodeToString(bytes))
                .containsEntry("httpMethod", "PUT")
                .containsEntry("pathParameters", Map.of("proxy", "a/b.bin"));
    }

    @Test
    void answersHeadWithHeadersOnly() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/items/42")).method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Echo")).contains("yes");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void answers404ForUnknownRoutesAndMethods() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/nowhere")).GET()).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/items/42")).DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(json(wrongMethod)).containsKey("message");
    }

    @Test
    void answers502WhenTheHandlerThrowsOrIsMissing() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/boom")).GET());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response)).containsEntry("message", "Internal server error");

        assertThat(send(HttpRequest.newBuilder(uri("/missing")).GET()).statusCode()).isEqualTo(502);
    }

    @Test
    void rejectsBodiesOverTenMegabytes() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/forms/f1/submit"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[HttpExchanges.MAX_BODY_BYTES + 1])));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void pollsTheQueueHonouringPartialBatchFailuresUntilTheDeadLetterQueue() throws Exception {
        String queueUrl = stack.resources().requireQueue("WorkQueue").url();
        String deadLetterUrl = stack.resources().requireQueue("WorkDeadLetterQueue").url();
        String okBody = "ok-" + System.nanoTime();
        String failBody = "fail-" + System.nanoTime();
        stack.sqs().sendMessage(m -> m.queueUrl(queueUrl).messageBody(okBody)
                .messageAttributes(Map.of("kind", software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                        .dataType("String").stringValue("test").build())));
        stack.sqs().sendMessage(m -> m.queueUrl(queueUrl).messageBody(failBody));

        // The failed message comes back after the 1 s visibility timeout; after 2 receives ElasticMQ moves it.
        List<Message> deadLetters = List.of();
        long deadline = System.currentTimeMillis() + 30_000;
        while (deadLetters.isEmpty() && System.currentTimeMillis() < deadline) {
            deadLetters = stack.sqs().receiveMessage(r -> r.queueUrl(deadLetterUrl).waitTimeSeconds(1)).messages();
        }
        assertThat(deadLetters).extracting(Message::body).containsExactly(failBody);
        Thread.sleep(2500); // long enough for an undeleted "ok" message to come back, if it had not been deleted

        List<com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage> seenOk = RecordingSqsHandler.SEEN.stream()
                .filter(m -> m.getBody().equals(okBody)).toList();
        assertThat(seenOk).hasSize(1);
        assertThat(seenOk.get(0).getEventSourceArn()).isEqualTo(stack.resources().requireQueue("WorkQueue").arn());
        assertThat(seenOk.get(0).getEventSource()).isEqualTo("aws:sqs");
        assertThat(seenOk.get(0).getAttributes()).containsEntry("ApproximateReceiveCount", "1").containsKey("SentTimestamp");
        assertThat(seenOk.get(0).getMessageAttributes().get("kind").getStringValue()).isEqualTo("test");
        assertThat(RecordingSqsHandler.SEEN.stream().filter(m -> m.getBody().equals(failBody)))
                .extracting(m -> m.getAttributes().get("ApproximateReceiveCount"))
                .containsExactly("1", "2");
    }

    @Test
    void runsConcurrentBatchesOnSeparateHandlerInstancesUpToTheEventSourcesMaximumConcurrency() throws Exception {
        String queueUrl = stack.resources().requireQueue("WorkQueue").url();
        List<String> bodies = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "slow-" + i + "-" + System.nanoTime()).toList();
        for (String body : bodies) {
            stack.sqs().sendMessage(m -> m.queueUrl(queueUrl).messageBody(body));
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (!RecordingSqsHandler.SEEN_BY.keySet().containsAll(bodies) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }

        assertThat(RecordingSqsHandler.SEEN_BY.keySet()).containsAll(bodies);
        assertThat(RecordingSqsHandler.OVERLAPS).hasValue(0);
        // MaximumConcurrency 2: two pollers, so two environments, each running one batch at a time.
        assertThat(bodies.stream().map(RecordingSqsHandler.SEEN_BY::get).distinct()).hasSize(2);
        assertThat(stack.executionEnvironments("WorkerFunction")).isEqualTo(2);
    }

    @Test
    void redrivesADeadLetterQueueBackToItsSourceQueue() throws Exception {
        String deadLetterUrl = stack.resources().requireQueue("WorkDeadLetterQueue").url();
        String body = "redriven-" + System.nanoTime();
        stack.sqs().sendMessage(m -> m.queueUrl(deadLetterUrl).messageBody(body));

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/local/dead-letters/WorkDeadLetterQueue/redrive"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("deadLetterQueue", "WorkDeadLetterQueue").containsEntry("sourceQueue", "WorkQueue");
        assertThat(((Number) json(response).get("moved")).intValue()).isPositive();
        long deadline = System.currentTimeMillis() + 10_000;
        while (RecordingSqsHandler.SEEN.stream().noneMatch(m -> m.getBody().equals(body)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(RecordingSqsHandler.SEEN.stream().filter(m -> m.getBody().equals(body)))
                .extracting(com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage::getEventSourceArn)
                .containsExactly(stack.resources().requireQueue("WorkQueue").arn());
        assertThat(stack.sqs().receiveMessage(r -> r.queueUrl(deadLetterUrl).waitTimeSeconds(0)).messages())
                .extracting(Message::body).doesNotContain(body);
    }

    @Test
    void refusesToRedriveAQueueThatIsNoDeadLetterQueue() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/local/dead-letters/WorkQueue/redrive"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response)).containsEntry("message", "WorkQueue is not the dead-letter queue of any queue in the template");
    }

    @Test
    void invokesAFunctionByNameOrArn() throws Exception {
        for (String name : List.of("MapFunction", "arn:aws:lambda:ap-south-1:000000000000:function:MapFunction")) {
            HttpResponse<String> response = invoke(name, "{\"a\":1}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Amz-Executed-Version")).contains("$LATEST");
            assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
            assertThat(json(response)).isEqualTo(Map.of("a", 1, "function", "MapFunction", "itemsTable", "ItemsTable"));
        }
    }

    @Test
    void invokesWithAnEventOfTheEventsLibrary() throws Exception {
        String event = "{\"Records\":[{\"messageId\":\"m1\",\"body\":\"fail-now\",\"eventSourceARN\":\"arn:x\"}]}";

        HttpResponse<String> response = invoke("WorkerFunction", event);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m1"))));
    }

    @Test
    void reportsAFunctionErrorAsLambdaDoes() throws Exception {
        HttpResponse<String> response = invoke("MapFunction", "{\"fail\":true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
        assertThat(json(response)).containsEntry("errorMessage", "asked to fail")
                .containsEntry("errorType", "java.lang.IllegalArgumentException");
    }

    @Test
    void anAsynchronousEventThatKeepsFailingIsTriedThreeTimesThenDeadLetteredAndReportedToTheOnFailureDestination() throws Exception {
        String event = "{\"id\":\"async-fail-1\",\"fail\":true}";

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/2015-03-31/functions/AsyncFunction/invocations"))
                .header("X-Amz-Invocation-Type", "Event").POST(HttpRequest.BodyPublishers.ofString(event)));

        assertThat(response.statusCode()).isEqualTo(202);
        Message deadLetter = receiveOne("AsyncDeadLetterQueue");
        assertThat(deadLetter.body()).isEqualTo(event);
        assertThat(deadLetter.messageAttributes().get("ErrorMessage").stringValue()).isEqualTo("deliberate failure of async-fail-1");
        assertThat(deadLetter.messageAttributes().get("ErrorCode").stringValue()).isEqualTo("200");
        assertThat(deadLetter.messageAttributes().get("RequestID").stringValue()).isNotBlank();
        Map<String, Object> record = JSON.std.mapFrom(receiveOne("AsyncFailuresQueue").body());
        assertThat(record).containsEntry("requestPayload", Map.of("id", "async-fail-1", "fail", true));
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) record.get("requestContext");
        assertThat(context).containsEntry("condition", "RetriesExhausted").containsEntry("approximateInvokeCount", 3);
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) record.get("responsePayload");
        assertThat(error).containsEntry("errorType", "java.lang.IllegalStateException");
        assertThat(sosrelay.local.testhandlers.AsyncHandler.ATTEMPTS.get("async-fail-1")).hasValue(3);
    }

    @Test
    void anAsynchronousEventThatSucceedsOnARetryIsNotDeadLettered() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/2015-03-31/functions/AsyncFunction/invocations"))
                .header("X-Amz-Invocation-Type", "Event").POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"async-ok-1\"}")));

        assertThat(response.statusCode()).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!sosrelay.local.testhandlers.AsyncHandler.ATTEMPTS.containsKey("async-ok-1") && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(sosrelay.local.testhandlers.AsyncHandler.ATTEMPTS.get("async-ok-1")).hasValue(1);
    }

    @Test
    void logTypeTailReturnsTheInvocationsLogBase64() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/2015-03-31/functions/AsyncFunction/invocations"))
                .header("X-Amz-Log-Type", "Tail").POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"tail-1\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        String requestId = response.headers().firstValue("X-Amzn-RequestId").orElseThrow();
        String log = new String(Base64.getDecoder().decode(response.headers().firstValue("X-Amz-Log-Result").orElseThrow()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log).startsWith("START RequestId: " + requestId + " Version: $LATEST")
                .contains("attempt 1 for tail-1", "END RequestId: " + requestId, "REPORT RequestId: " + requestId, "Duration: ");
        assertThat(invoke("MapFunction", "{}").headers().firstValue("X-Amz-Log-Result")).isEmpty();
    }

    @Test
    void logTypeTailKeepsTheLast4KilobytesOfALongLogAndShowsAFailure() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/2015-03-31/functions/AsyncFunction/invocations"))
                .header("X-Amz-Log-Type", "Tail")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"tail-2\",\"logLines\":400,\"fail\":true}")));

        byte[] log = Base64.getDecoder().decode(response.headers().firstValue("X-Amz-Log-Result").orElseThrow());
        String text = new String(log, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
        assertThat(log).hasSize(4096);
        assertThat(text).doesNotContain("START RequestId").contains("line 399 of a long log for tail-2",
                "deliberate failure of tail-2", "REPORT RequestId: ");
    }

    @Test
    void answersResourceNotFoundForAnUnknownFunction() throws Exception {
        HttpResponse<String> response = invoke("NoSuchFunction", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).contains("ResourceNotFoundException");
    }

    private static HttpResponse<String> invoke(String functionName, String payload) throws Exception {
        return send(HttpRequest.newBuilder(uri("/2015-03-31/functions/"
                        + java.net.URLEncoder.encode(functionName, java.nio.charset.StandardCharsets.UTF_8) + "/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(payload)));
    }

    private static Message receiveOne(String queueLogicalId) {
        String url = stack.resources().requireQueue(queueLogicalId).url();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<Message> messages = stack.sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(2).messageAttributeNames("All")).messages();
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
        }
        throw new AssertionError("nothing arrived in " + queueLogicalId + " within 30 s");
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(stack.baseUrl() + pathAndQuery);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSON.std.mapFrom(response.body());
    }
}
