package sosrelay.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.SendResult;
import sosrelay.delivery.Sender;
import sosrelay.log.Log;

/**
 * The call sender over several voice providers ({@code VOICE_PROVIDERS=exotel,plivo}): each attempt goes to the first
 * provider in order whose {@link ProviderHealth} admits it and whose own budget has room ({@link VoiceBudgets}); one that
 * refuses it as busy or down ({@link SendResult.Transient}: no call was placed) is passed over at once for the next, which
 * takes its own send first, so while the primary is failing new attempts reach the next provider within the same claim.
 * The claim is the attempt's, not a provider's.
 *
 * <p>A request that got no answer ({@link SendResult.Unknown}, a timeout) may have rung, so the provider that was asked,
 * and only it, is asked at once what it placed to the number since: nothing, and the next provider is tried; a call, and
 * the attempt is left unsure for the worker, which sorts out whose call it is before anything is sent again (asking again
 * only the providers its unanswered requests went to, {@link #sentSince(DeliveryJob, Instant, Set)}). A permanent refusal
 * (a number a provider calls invalid) ends the attempt as today.
 */
public final class FailoverCalls implements Sender {
    private final VoiceProviders providers;
    private final ProviderHealth health;
    private final VoiceBudgets budgets;

    public FailoverCalls(VoiceProviders providers, ProviderHealth health, VoiceBudgets budgets) {
        this.providers = providers;
        this.health = health;
        this.budgets = budgets;
    }

    @Override
    public SendResult send(DeliveryJob job) {
        return send(job, null);
    }

    /**
     * {@code route}: the provider whose own budget the worker took this send from ({@link VoiceBudgets}), asked first. Any
     * other provider, tried after a refusal, takes a send from its own budget first; one with no room now is passed over.
     */
    @Override
    public SendResult send(DeliveryJob job, String route) {
        Tries tries = new Tries();
        List<VoiceProvider> order = providers.inOrder();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).name().equals(route) && tries.attempt(order.get(i), job, i < order.size() - 1)) {
                return tries.result();
            }
        }
        boolean anyAdmitted = false;
        for (int i = 0; i < order.size(); i++) {
            VoiceProvider provider = order.get(i);
            // Asked only when its turn comes: an open provider's probe is taken only by a request that goes to it.
            if (!provider.name().equals(route) && health.admits(provider.name())) {
                anyAdmitted = true;
                if (!budgets.takeNow(provider.name(), job)) {
                    health.probeUnused(provider.name());
                    continue;
                }
                if (tries.attempt(provider, job, i < order.size() - 1)) {
                    return tries.result();
                }
            }
        }
        if (!anyAdmitted) {
            // Every other provider is open: try them all anyway, in order; never a call left unplaced on our own say-so.
            for (int i = 0; i < order.size(); i++) {
                VoiceProvider provider = order.get(i);
                if (!provider.name().equals(route) && budgets.takeNow(provider.name(), job)
                        && tries.attempt(provider, job, i < order.size() - 1)) {
                    return tries.result();
                }
            }
        }
        return tries.result();
    }

    /** One attempt's requests, provider after provider. */
    private final class Tries {
        private SendResult last;
        /** A provider that got the request, did not answer, and could not say whether it placed the call. */
        private String unresolved;

        /** True when this result ends the attempt (taken, refused for good, or possibly placed). */
        boolean attempt(VoiceProvider provider, DeliveryJob job, boolean nextToTry) {
            Instant sentAt = health.now();
            last = provider.send(job);
            if (last instanceof SendResult.Transient failure) {
                health.failed(provider.name());
                if (failure.retryAfter() != null) {
                    budgets.of(provider.name()).pushBack(failure.retryAfter());
                }
                Log.warn("voice.provider-failed", "provider", provider.name(), "incidentId", job.incidentId(), "personId", job.personId(),
                        "attempt", job.attempt(), "reason", failure.reason());
                return false;
            }
            if (!(last instanceof SendResult.Unknown unknown)) {
                health.succeeded(provider.name());
                return true;
            }
            health.timedOut(provider.name());
            if (!nextToTry) {
                last = unknown.askedOf(provider.name());
                return true;
            }
            try {
                List<String> placed = provider.sentSince(job, sentAt.minus(Sender.CLOCK_SKEW));
                Log.warn("voice.provider-unanswered", "provider", provider.name(), "incidentId", job.incidentId(), "personId",
                        job.personId(), "attempt", job.attempt(), "reason", unknown.reason(), "placed", placed.size());
                if (!placed.isEmpty()) {
                    // It may have rung (or that is another delivery's call): never another provider for this attempt now.
                    last = unknown.askedOf(provider.name());
                    return true;
                }
                last = new SendResult.Transient(provider.name() + " placed no call after: " + unknown.reason(), null);
            } catch (IllegalStateException cannotSay) {
                // Its look-up failed too (down or timing out as well): missing a call is worse than a duplicate, so the next
                // provider rings the person; the worker still asks this one later if the attempt stays unsure.
                Log.warn("voice.provider-unanswered", "provider", provider.name(), "incidentId", job.incidentId(), "personId",
                        job.personId(), "attempt", job.attempt(), "reason", unknown.reason(), "lookup", cannotSay.getMessage());
                unresolved = unresolved == null ? provider.name() : "";
                last = new SendResult.Transient(provider.name() + " did not answer and could not say whether it placed the call", null);
            }
            return false;
        }

        /**
         * What the attempt came to: a provider whose look-up failed leaves it unsure (its own name for the worker to ask)
         * unless another provider took it; unsure at two providers at once, every provider is asked.
         */
        SendResult result() {
            if (last == null) {
                return new SendResult.Transient("no voice provider had room in its budget", null);
            }
            if (unresolved == null || last instanceof SendResult.Accepted || last instanceof SendResult.Permanent) {
                return last;
            }
            if (last instanceof SendResult.Unknown unknown) {
                return unknown.provider() != null && unknown.provider().equals(unresolved) ? unknown : new SendResult.Unknown(unknown.reason());
            }
            return unresolved.isEmpty() ? new SendResult.Unknown(((SendResult.Transient) last).reason())
                    : new SendResult.Unknown(((SendResult.Transient) last).reason(), unresolved);
        }
    }

    /** What every provider placed to the job's number since {@code since}: asked when it is not known which one was asked. */
    @Override
    public List<String> sentSince(DeliveryJob job, Instant since) {
        return sentSince(job, since, Set.of());
    }

    /**
     * What the providers the unanswered requests went to ({@code asked}; every provider when empty) placed to the job's
     * number since {@code since}. One that can't say makes the answer unknown; one never asked is not asked now (down, it
     * would hold up an attempt it had no part in).
     */
    @Override
    public List<String> sentSince(DeliveryJob job, Instant since, Set<String> asked) {
        List<String> sent = new ArrayList<>();
        for (VoiceProvider provider : providers.inOrder()) {
            if (asked.isEmpty() || asked.contains(provider.name())) {
                sent.addAll(provider.sentSince(job, since));
            }
        }
        return sent;
    }
}
