package sosrelay.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sosrelay.directory.Channel;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.pacing.Pacing;
import sosrelay.pacing.SteppedClock;
import sosrelay.sqs.MessageProcessor;

/**
 * A call request that got no answer may still be placed by the provider after our client gave up: the worker asks
 * what was placed only once the provider could have finished it, and then takes the late call as this attempt's
 * instead of ringing the person again. On DynamoDB Local, with a provider that places its call late.
 */
class UnansweredRequestIT {
    private static final Instant START = Instant.parse("2026-12-03T09:00:00Z");
    private static LocalTemplate stack;
    private final SteppedClock clock = new SteppedClock(START.toEpochMilli());
    private final List<String> requests = new ArrayList<>();
    private final List<Instant> lookups = new ArrayList<>();
    private final List<java.util.Set<String>> askedOf = new ArrayList<>();
    private DeliveryWorker worker;
    private DeliveryStore deliveries;

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void slowProvider() {
        stack.reset();
        deliveries = new DeliveryStore(stack.backends().dynamoDb(), stack.tableName("IncidentsTable"), clock,
                Duration.ofSeconds(60));
        Sender placesLate = new Sender() {
            @Override
            public SendResult send(DeliveryJob job) {
                requests.add(job.personId());
                return requests.size() == 1 ? new SendResult.Unknown("Exotel did not answer within 800 ms")
                        : new SendResult.Accepted("call-second");
            }

            @Override
            public List<String> sentSince(DeliveryJob job, Instant since, java.util.Set<String> asked) {
                askedOf.add(asked);
                return sentSince(job, since);
            }

            @Override
            public List<String> sentSince(DeliveryJob job, Instant since) {
                lookups.add(clock.instant());
                // The first request's call exists from 1.5 s after it was made: the provider was slow, not deaf.
                return clock.instant().isAfter(START.plusMillis(1500)) ? List.of("call-late") : List.of();
            }
        };
        worker = new DeliveryWorker(deliveries, placesLate, job -> true, (job, id) -> { }, Pacing.none(clock), clock);
    }

    @Test
    void theLookUpWaitsForTheProviderToSettleAndTakesTheLateCall() {
        String body = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "+919800000001", Channel.CALL, 1).toJson();

        MessageProcessor.Retry first = worker.process(body);
        assertThat(first.after()).as("back once the provider has settled the request")
                .isBetween(DeliveryWorker.PROVIDER_SETTLES, DeliveryWorker.PROVIDER_SETTLES.plusSeconds(1));

        clock.set(START.plusSeconds(1).toEpochMilli());
        MessageProcessor.Retry early = worker.process(body);
        assertThat(early).as("redelivered early (a shorter backoff): wait, neither ask nor call").isNotNull();
        assertThat(lookups).isEmpty();

        clock.set(START.plus(DeliveryWorker.PROVIDER_SETTLES).plusSeconds(1).toEpochMilli());
        assertThat(worker.process(body)).as("found: done").isNull();

        assertThat(requests).as("one request: the late call is this attempt's").containsExactly("dr-rao");
        assertThat(lookups).hasSize(1);
        assertThat(new DeliveryStore(stack.backends().dynamoDb(), stack.tableName("IncidentsTable"), clock, Duration.ofSeconds(60))
                .byProviderId("call-late")).isPresent();
    }

    @Test
    void theProviderTheUnansweredRequestWentToIsKeptSoThatOnlyItIsAskedAndAClaimThatRanOutAsksEvery() {
        DeliveryJob job = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-iyer", "+919800000002", Channel.CALL, 1);
        assertThat(deliveries.claim(job)).isEqualTo(new DeliveryStore.Claim.Granted(null, 0));
        deliveries.unsure(job, "Exotel did not answer within 8000 ms", START, 0, java.util.Set.of("exotel"));

        assertThat(deliveries.claim(job)).isEqualTo(new DeliveryStore.Claim.Granted(START, 0, java.util.Set.of("exotel")));

        clock.set(START.plusSeconds(61).toEpochMilli());
        assertThat(deliveries.claim(job)).as("the claim above ran out: whoever held it may have asked any provider")
                .isEqualTo(new DeliveryStore.Claim.Granted(START, 0, java.util.Set.of()));
    }

    @Test
    void theWorkerAsksOnlyTheProviderItsUnansweredRequestWentTo() {
        Sender timesOutAtPlivo = new Sender() {
            @Override
            public SendResult send(DeliveryJob job) {
                requests.add(job.personId());
                return requests.size() == 1 ? new SendResult.Unknown("Plivo did not answer within 8000 ms", "plivo")
                        : new SendResult.Accepted("call-second");
            }

            @Override
            public List<String> sentSince(DeliveryJob job, Instant since, java.util.Set<String> asked) {
                askedOf.add(asked);
                return List.of();
            }
        };
        DeliveryWorker plivoWorker = new DeliveryWorker(deliveries, timesOutAtPlivo, job -> true, (job, id) -> { }, Pacing.none(clock), clock);
        String body = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-khan", "+919800000003", Channel.CALL, 1).toJson();

        plivoWorker.process(body);
        clock.set(START.plus(DeliveryWorker.PROVIDER_SETTLES).plusSeconds(1).toEpochMilli());
        assertThat(plivoWorker.process(body)).as("nothing found: sent again, and taken").isNull();

        assertThat(askedOf).containsExactly(java.util.Set.of("plivo"));
        assertThat(requests).containsExactly("dr-khan", "dr-khan");
    }
}
