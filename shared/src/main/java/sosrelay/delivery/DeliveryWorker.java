package sosrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import sosrelay.directory.PhoneNumbers;
import sosrelay.log.Log;
import sosrelay.pacing.Pacing;
import sosrelay.sqs.MessageProcessor;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Claim, send, record: one job through one provider, exactly once per attempt. A request that got no answer
 * may still have rung the phone, so before such an attempt is sent again the provider is asked what it
 * sent since (for calls, Exotel's call records by number); what it finds and nobody else owns is this
 * attempt's, and nothing is sent. Every attempt goes out
 * only while it is still wanted (see {@link StillWanted}): a resolved incident's queued jobs, a flood's
 * backlog included, are dropped when their turn comes instead of spending the provider's rate.
 *
 * <p>The DynamoDB requests of a first attempt: before the provider request, the incident's state once per incident
 * and batch ({@link #forBatch}), and the budget's send and the claim in one transaction (a claim that fails spends no
 * send); after it, one transaction recording the acceptance, its time and the provider's id, which also tells whether a
 * status report came first ({@link EarlyReports}).
 */
public final class DeliveryWorker implements MessageProcessor {

    /** Whether an attempt is still worth sending: a first attempt unless its incident was resolved, a retry while nobody has it in hand. */
    @FunctionalInterface
    public interface StillWanted {
        boolean test(DeliveryJob job);

        /**
         * For a batch, asked once per incident (and whether its first wave): whether the incident's first attempts are
         * wanted, and whether {@code batch} reports its first ring (TimeToFirstRing). By default {@link #test} on the first
         * job asked about, and no first ring.
         */
        default FirstAttempts firstAttempts(DeliveryJob job, String batch) {
            return new FirstAttempts(test(job), false);
        }

        /** The batch that was to report the incident's first ring placed none of its calls: another batch may. */
        default void firstRingNotReported(String incidentId, String batch) {
        }

        /** A provider refused the attempt for good ({@code why}, e.g. an invalid number): what may still reach the person is tried. */
        default void refused(DeliveryJob job, String why) {
        }
    }

    /** What a batch learnt of an incident's first attempts: {@code wanted}, and whether it reports the first ring. */
    public record FirstAttempts(boolean wanted, boolean reportsFirstRing) {
    }

    /** Told of every attempt the provider accepted (a call's sender uses it to watch for a lost callback). */
    @FunctionalInterface
    public interface OnAccepted {
        void accepted(DeliveryJob job, String providerId);
    }

    /** Status reports that may arrive before the worker records the provider's id ({@link PendingReports}). */
    public interface EarlyReports {
        /** A condition written with the id: that no report is kept for it; null to check nothing. */
        TransactWriteItem noneKept(String providerId);

        /** Applies the report kept for the id, if one is. */
        void applyKept(String providerId);

        EarlyReports NONE = new EarlyReports() {
            @Override
            public TransactWriteItem noneKept(String providerId) {
                return null;
            }

            @Override
            public void applyKept(String providerId) {
                // none kept
            }
        };
    }

    /**
     * How long after a request began the provider may still act on it though our client gave up (a request
     * queued behind others at a slow provider): asking what was sent before then could miss a call still
     * being placed, and ring the person twice. With Exotel's default 8 s client timeout this has passed already.
     */
    static final Duration PROVIDER_SETTLES = Duration.ofSeconds(6);
    /** How often a look-up the provider could not answer is tried again (after the backoff) before sending anyway. */
    private static final int MAX_UNANSWERED_LOOKUPS = 2;

    private final DeliveryStore deliveries;
    private final Sender sender;
    private final StillWanted stillWanted;
    private final OnAccepted onAccepted;
    private final EarlyReports reports;
    private final Pacing pacing;
    private final Clock clock;

    public DeliveryWorker(DeliveryStore deliveries, Sender sender, StillWanted stillWanted, OnAccepted onAccepted, Pacing pacing,
                          Clock clock) {
        this(deliveries, sender, stillWanted, onAccepted, EarlyReports.NONE, pacing, clock);
    }

    public DeliveryWorker(DeliveryStore deliveries, Sender sender, StillWanted stillWanted, OnAccepted onAccepted,
                          EarlyReports reports, Pacing pacing, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.stillWanted = stillWanted;
        this.onAccepted = onAccepted;
        this.reports = reports;
        this.pacing = pacing;
        this.clock = clock;
    }

    /** One job on its own, as a batch of one. */
    @Override
    public Retry process(String body) {
        Batch batch = new Batch();
        try {
            return batch.process(body);
        } finally {
            batch.batchDone();
        }
    }

    /**
     * The jobs of one batch: what they share is asked once. The incident's state for its first attempts is read once
     * per incident (the jobs of a batch go side by side: each would have read it at the same moment), and one batch
     * per incident reports its first ring.
     */
    @Override
    public Batch forBatch() {
        return new Batch();
    }

    /** See {@link #forBatch}. */
    public final class Batch implements MessageProcessor {
        private final String id = UUID.randomUUID().toString();
        private final Map<String, CompletableFuture<FirstAttempts>> firstAttempts = new ConcurrentHashMap<>();
        private final Set<String> firstRings = ConcurrentHashMap.newKeySet();

        private Batch() {
        }

        @Override
        public Retry process(String body) {
            return DeliveryWorker.this.process(DeliveryJob.fromJson(body), this);
        }

        @Override
        public void batchDone() {
            firstAttempts.forEach((key, asked) -> {
                FirstAttempts found = asked.getNow(null);
                String incidentId = key.substring(key.indexOf(':') + 1);
                if (found != null && found.reportsFirstRing() && !firstRings.contains(incidentId)) {
                    try {
                        stillWanted.firstRingNotReported(incidentId, id);
                    } catch (RuntimeException e) {
                        Log.warn("time-to-ring.first-ring-not-handed-on", "incidentId", incidentId, "error", e);
                    }
                }
            });
        }

        boolean wanted(DeliveryJob job) {
            if (job.attempt() > 1) {
                return stillWanted.test(job);
            }
            String key = (job.incidentCreatedAt() != null ? "wave:" : "first:") + job.incidentId();
            CompletableFuture<FirstAttempts> asked = new CompletableFuture<>();
            CompletableFuture<FirstAttempts> earlier = firstAttempts.putIfAbsent(key, asked);
            if (earlier != null) {
                return earlier.join().wanted();
            }
            try {
                asked.complete(stillWanted.firstAttempts(job, id));
            } catch (RuntimeException e) {
                asked.completeExceptionally(e);
                firstAttempts.remove(key, asked);
            }
            return asked.join().wanted();
        }

        /** True for the batch's first acceptance of a first-wave job of an incident whose first ring this batch reports. */
        boolean firstRing(DeliveryJob job) {
            CompletableFuture<FirstAttempts> asked = firstAttempts.get("wave:" + job.incidentId());
            FirstAttempts found = asked == null ? null : asked.getNow(null);
            return found != null && found.reportsFirstRing() && firstRings.add(job.incidentId());
        }
    }

    private Retry process(DeliveryJob job, Batch batch) {
        if (!batch.wanted(job)) {
            Log.info("delivery.not-needed", "incidentId", job.incidentId(), "personId", job.personId(),
                    "channel", job.channel().id(), "attempt", job.attempt());
            return null;
        }
        String off = sender.off(job);
        if (off != null) {
            DeliveryMetrics.off(job);
            Log.info("delivery.off", "incidentId", job.incidentId(), "personId", job.personId(), "channel", job.channel().id(),
                    "why", off);
            return null;
        }
        return send(job, batch);
    }

    /**
     * The claim and the budget's send: together in one transaction, when the budget writes one and the attempt is
     * clean (new, or given back with no request unanswered); a claim that fails so spends no send. An attempt that is
     * not clean is claimed alone, and takes its send before it goes out.
     */
    private Retry send(DeliveryJob job, Batch batch) {
        Pacing.Admitted admitted = pacing.admit(job, () -> deliveries.claimWithSend(job));
        if (admitted instanceof Pacing.Admitted.Requeued) {
            return null;
        }
        boolean sendTaken = !(admitted instanceof Pacing.Admitted.Refused);
        // Where the send was taken (a voice provider's own budget): the send goes there.
        String route = admitted instanceof Pacing.Admitted.Go go ? go.route() : null;
        DeliveryStore.Claim claim;
        if (admitted instanceof Pacing.Admitted.Go go && go.withWritten()) {
            claim = new DeliveryStore.Claim.Granted(null, 0);
        } else if (admitted instanceof Pacing.Admitted.Refused refused) {
            claim = deliveries.refused(job, refused.found()).orElseGet(() -> deliveries.claim(job));
        } else {
            claim = deliveries.claim(job);
        }
        if (claim instanceof DeliveryStore.Claim.AlreadyDone done) {
            Log.info("delivery.skip-duplicate", "incidentId", job.incidentId(), "personId", job.personId(),
                    "channel", job.channel().id(), "attempt", job.attempt(), "state", done.state());
            return null;
        }
        if (claim instanceof DeliveryStore.Claim.HeldElsewhere held) {
            return new Retry(held.remaining().plusSeconds(1));
        }
        DeliveryStore.Claim.Granted granted = (DeliveryStore.Claim.Granted) claim;
        Instant unsureSince = granted.unsureSince();
        String to = PhoneNumbers.mask(job.phone());
        if (unsureSince != null && clock.instant().isBefore(unsureSince.plus(PROVIDER_SETTLES))) {
            deliveries.unsure(job, "waiting for the provider to finish the unanswered request before asking", unsureSince,
                    granted.unansweredLookups(), granted.askedProviders());
            return new Retry(Duration.between(clock.instant(), unsureSince.plus(PROVIDER_SETTLES)).plusMillis(999));
        }
        if (unsureSince != null) {
            // The look-up is a request to the provider too (Exotel counts call details in its voice limit): its own slot.
            if (!pacing.admit(job)) {
                deliveries.unsure(job, "queued again for a slot to ask the provider what was sent", unsureSince, granted.unansweredLookups(),
                        granted.askedProviders());
                return null;
            }
            try {
                Optional<String> earlier = sentEarlier(job, unsureSince, granted.askedProviders());
                if (earlier.isPresent()) {
                    accepted(job, earlier.get(), to, "delivery.found-sent", batch);
                    return null;
                }
            } catch (IllegalStateException cannotSay) {
                // Asked again after the backoff a couple of times; then a second call is better than none.
                boolean askAgain = granted.unansweredLookups() < MAX_UNANSWERED_LOOKUPS;
                Log.warn("delivery.sent-unknown", "incidentId", job.incidentId(), "personId", job.personId(),
                        "channel", job.channel().id(), "attempt", job.attempt(), "then", askAgain ? "ask again" : "send again",
                        "error", cannotSay);
                if (askAgain) {
                    deliveries.unsure(job, "the provider could not say what was sent", unsureSince, granted.unansweredLookups() + 1,
                            granted.askedProviders());
                    return new Retry(null);
                }
            }
        }
        if (!sendTaken) {
            if (!(pacing.admit(job, () -> null) instanceof Pacing.Admitted.Go go)) {
                String why = "queued again for a slot to send";
                if (unsureSince != null) {
                    deliveries.unsure(job, why, unsureSince, granted.unansweredLookups(), granted.askedProviders());
                } else {
                    deliveries.release(job, why);
                }
                return null;
            }
            route = go.route();
        }
        Instant sentAt = clock.instant();
        SendResult result = sender.send(job, route);
        if (result instanceof SendResult.Accepted accepted) {
            accepted(job, accepted.providerId(), to, "delivery.accepted", batch);
            return null;
        }
        if (result instanceof SendResult.Unknown unknown) {
            deliveries.unsure(job, unknown.reason(), unsureSince != null && unsureSince.isBefore(sentAt) ? unsureSince : sentAt, 0,
                    asked(unsureSince == null ? null : granted.askedProviders(), unknown.provider()));
            DeliveryMetrics.retried(job);
            Log.warn("delivery.unanswered", "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                    "channel", job.channel().id(), "attempt", job.attempt(), "reason", unknown.reason());
            // Back once the provider has settled this request, so the look-up then sees a call it placed late.
            Duration settling = Duration.between(clock.instant(), sentAt.plus(PROVIDER_SETTLES));
            return new Retry(settling.isNegative() ? null : settling.plusMillis(999));
        }
        if (result instanceof SendResult.Permanent permanent) {
            // Before the failure is recorded: should this throw, the redelivered job is refused again and asks again.
            stillWanted.refused(job, permanent.reason());
            deliveries.failed(job, permanent.reason());
            DeliveryMetrics.failed(job);
            Log.error("delivery.failed", "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                    "channel", job.channel().id(), "attempt", job.attempt(), "reason", permanent.reason());
            return null;
        }
        SendResult.Transient failure = (SendResult.Transient) result;
        if (failure.retryAfter() != null) {
            pacing.providerAskedToWait(failure.retryAfter());
        }
        if (unsureSince != null) {
            // An earlier request of this attempt is still unaccounted for: the next claim asks about it again.
            deliveries.unsure(job, failure.reason(), unsureSince, granted.unansweredLookups(), granted.askedProviders());
        } else {
            deliveries.release(job, failure.reason());
        }
        DeliveryMetrics.retried(job);
        Log.warn("delivery.retry", "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                "channel", job.channel().id(), "attempt", job.attempt(), "reason", failure.reason());
        return new Retry(failure.retryAfter());
    }

    /**
     * After the provider took the attempt: one transaction records it, its time and the id (and finds whether a status
     * report came first, which is then applied); the watchers are told, and time-to-ring is published for a first-wave
     * job (TimeToFirstRing too for the incident's first ring, by the batch that reports it). Never throws past the
     * record: the call is placed.
     */
    private void accepted(DeliveryJob job, String providerId, String to, String event, Batch batch) {
        Instant at = clock.instant();
        boolean reportKept = deliveries.accepted(job, providerId, at, reports.noneKept(providerId));
        onAccepted.accepted(job, providerId);
        if (reportKept) {
            reports.applyKept(providerId);
        }
        DeliveryMetrics.accepted(job);
        if (job.incidentCreatedAt() != null) {
            DeliveryMetrics.rung(job, Duration.between(job.incidentCreatedAt(), at), batch.firstRing(job));
        }
        Log.info(event, "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                "channel", job.channel().id(), "attempt", job.attempt(), "providerId", providerId);
    }

    /**
     * The providers an attempt's unanswered requests went to, after one more to {@code provider}: empty (every provider is
     * asked) when either is not known ({@code before} null: no earlier request unanswered).
     */
    private static Set<String> asked(Set<String> before, String provider) {
        if (provider == null || before != null && before.isEmpty()) {
            return Set.of();
        }
        Set<String> asked = new java.util.TreeSet<>(before == null ? Set.of() : before);
        asked.add(provider);
        return asked;
    }

    /**
     * What was sent to the job's recipient since the unanswered request began, less the clocks' possible skew, that is no
     * other delivery's; only the providers the unanswered requests went to are asked, when known ({@code asked}).
     * {@link IllegalStateException} when a provider can't say.
     */
    private Optional<String> sentEarlier(DeliveryJob job, Instant unsureSince, Set<String> asked) {
        return sender.sentSince(job, unsureSince.minus(Sender.CLOCK_SKEW), asked).stream()
                .filter(providerId -> deliveries.byProviderId(providerId).isEmpty())
                .findFirst();
    }
}
