package sosrelay.local.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The local stack's pollers add no wait of their own to a job: their receive ({@link SqsBatches#receive}, a long poll)
 * is answered by ElasticMQ as the message arrives, as SQS answers Lambda's pollers, not at the end of the poll's wait
 * nor by a later poll. Counted, not timed: one receive, waiting when the message was sent, returns it.
 */
@Timeout(60)
class SqsLongPollIT {

    @Test
    void aMessageSentWhileAReceiveWaitsIsReturnedByThatReceive() throws Exception {
        AtomicInteger receives = new AtomicInteger();
        CountDownLatch receiveSent = new CountDownLatch(1);
        try (ElasticMqServer elasticMq = ElasticMqServer.start(Optional.empty());
             SqsClient sqs = SqsClient.builder().endpointOverride(elasticMq.endpoint()).region(Region.of(ElasticMqServer.REGION))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(UrlConnectionHttpClient.create())
                     .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                         @Override
                         public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                             if (context.request() instanceof ReceiveMessageRequest) {
                                 receives.incrementAndGet();
                                 receiveSent.countDown();
                             }
                         }
                     })).build()) {
            String queue = sqs.createQueue(c -> c.queueName("jobs")).queueUrl();

            // Twenty seconds, SQS's longest wait: an answer held to the end of the wait would miss the 15 s below.
            CompletableFuture<List<Message>> poll = CompletableFuture.supplyAsync(() -> SqsBatches.receive(sqs, queue, 10, 20));
            assertThat(receiveSent.await(10, TimeUnit.SECONDS)).isTrue();
            sqs.sendMessage(m -> m.queueUrl(queue).messageBody("ring p0001"));

            assertThat(poll.get(15, TimeUnit.SECONDS)).extracting(Message::body).containsExactly("ring p0001");
            assertThat(receives).hasValue(1);
        }
    }
}
