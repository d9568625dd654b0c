package sosrelay.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.SendResult;
import sosrelay.delivery.Sender;
import sosrelay.log.Log;

/**
 * The call sender over several voice providers ({@code VOICE_PROVIDERS=exotel,plivo}): each attempt goes to the first
 * provider in order whose {@link ProviderHealth} admits it and whose own budget has room ({@link VoiceBudgets}); one that
 * refuses it as busy or down ({@link SendResult.Transient}: no call was placed) is passed over at once for the next, which
 * takes its own send first, so while the primary is failing new attempts reach the next provider within the same claim.
 * The claim is the attempt's, not a provider's: a request that may have rung ({@link SendResult.Unknown}) is never sent to
 * another provider; the worker asks what was sent ({@link #sentSince}, every provider) before anything is sent again. A permanent refusal (a number a provider calls invalid) ends the attempt as today.
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
        SendResult last = null;
        for (VoiceProvider provider : providers.inOrder()) {
            if (provider.name().equals(route)) {
                last = attempt(provider, job);
                if (!(last instanceof SendResult.Transient)) {
                    return last;
                }
            }
        }
        boolean anyAdmitted = false;
        for (VoiceProvider provider : providers.inOrder()) {
            // Asked only when its turn comes: an open provider's probe is taken only by a request that goes to it.
            if (!provider.name().equals(route) && health.admits(provider.name())) {
                anyAdmitted = true;
                if (!budgets.takeNow(provider.name(), job)) {
                    health.probeUnused(provider.name());
                    continue;
                }
                last = attempt(provider, job);
                if (!(last instanceof SendResult.Transient)) {
                    return last;
                }
            }
        }
        if (!anyAdmitted) {
            // Every other provider is open: try them all anyway, in order; never a call left unplaced on our own say-so.
            for (VoiceProvider provider : providers.inOrder()) {
                if (!provider.name().equals(route) && budgets.takeNow(provider.name(), job)) {
                    last = attempt(provider, job);
                    if (!(last instanceof SendResult.Transient)) {
                        return last;
                    }
                }
            }
        }
        return last != null ? last : new SendResult.Transient("no voice provider had room in its budget", null);
    }

    private SendResult attempt(VoiceProvider provider, DeliveryJob job) {
        SendResult result = provider.send(job);
        if (result instanceof SendResult.Transient failure) {
            health.failed(provider.name());
            if (failure.retryAfter() != null) {
                budgets.of(provider.name()).pushBack(failure.retryAfter());
            }
            Log.warn("voice.provider-failed", "provider", provider.name(), "incidentId", job.incidentId(), "personId", job.personId(),
                    "attempt", job.attempt(), "reason", failure.reason());
        } else if (result instanceof SendResult.Unknown) {
            health.failed(provider.name());
        } else {
            health.succeeded(provider.name());
        }
        return result;
    }

    /**
     * What any provider placed to the job's number since {@code since}: the worker asks before an unanswered request is
     * sent again, and the request may have gone to any of them. One that can't say makes the answer unknown.
     */
    @Override
    public List<String> sentSince(DeliveryJob job, Instant since) {
        List<String> sent = new ArrayList<>();
        for (VoiceProvider provider : providers.inOrder()) {
            sent.addAll(provider.sentSince(job, since));
        }
        return sent;
    }
}
