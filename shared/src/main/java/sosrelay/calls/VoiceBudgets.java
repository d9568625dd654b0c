package sosrelay.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.delivery.DeliveryJob;
import sosrelay.pacing.Pacer;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Each voice provider's own budget (Exotel's 190 a minute per account, Plivo's concurrent calls), behind the one
 * {@link Pacer} the call worker asks: a send is taken from the first provider, in {@code VOICE_PROVIDERS}' order, that its
 * {@link ProviderHealth} admits and whose budget has room now, and is granted with that provider's name as its route, so the
 * call goes where its token was taken ({@link FailoverCalls#send(DeliveryJob, String)}). A provider whose budget is spent is
 * passed over for the next with room rather than waited for; with no room anywhere the ask waits for the soonest.
 * <p>The claim goes in the same transaction as the chosen provider's token: a claim that fails ({@link Admission.Refused})
 * is the attempt's, whatever the provider, and nothing is asked of the others.
 */
public final class VoiceBudgets implements Pacer {
    private final List<String> order;
    private final Map<String, Pacer> budgets;
    private final ProviderHealth health;

    /** {@code budgets}: each provider's, in order of preference. */
    public VoiceBudgets(Map<String, ? extends Pacer> budgets, ProviderHealth health) {
        if (budgets.isEmpty()) {
            throw new IllegalArgumentException("no voice provider");
        }
        this.budgets = new LinkedHashMap<>(budgets);
        this.order = List.copyOf(budgets.keySet());
        this.health = health;
    }

    /** The budget of {@code provider}. */
    public Pacer of(String provider) {
        Pacer budget = budgets.get(provider);
        if (budget == null) {
            throw new IllegalStateException("no budget for voice provider " + provider);
        }
        return budget;
    }

    /**
     * The budget a look-up at {@code provider} takes its turn in: an Exotel account's own, each account's (Exotel counts every voice API in
     * its 200 a minute); none for Plivo, whose call budget counts live calls only, nor for a provider no longer listed.
     */
    public Pacer forLookups(String provider) {
        return VoiceProviders.isExotel(provider) && budgets.containsKey(provider) ? budgets.get(provider) : Pacer.NONE;
    }

    /** A send from {@code provider}'s budget for a provider tried after another failed: taken now, or not at all. */
    boolean takeNow(String provider, DeliveryJob job) {
        return of(provider).take(new Ask(job.priority(), job.fairnessKey(), job.slot() != null)) instanceof Admission.Granted;
    }

    @Override
    public Admission take(Ask ask) {
        return take(ask, null);
    }

    /** Only when every provider's budget can write the claim beside its send; else the worker claims alone first. */
    @Override
    public boolean takesWithWrite() {
        return budgets.values().stream().allMatch(Pacer::takesWithWrite);
    }

    @Override
    public Admission take(Ask ask, TransactWriteItem with) {
        // Open is passed over; once its open time is over it is asked again without taking a probe: a send granted here may
        // never go out (a look-up's turn, a claim that fails), and a probe taken but never used would keep it open. The first
        // such send to fail opens it again at once (its failures were never reset), and fails over. Every provider open: ask
        // them all anyway, in order; never a call left unplaced on our own say-so.
        List<String> admitted = order.stream().filter(provider -> !health.isOpen(provider)).toList();
        Instant soonest = null;
        for (String provider : admitted.isEmpty() ? order : admitted) {
            Admission admission = takeFrom(provider, ask, with);
            if (!(admission instanceof Admission.NotBefore later)) {
                return admission;
            }
            soonest = soonest == null || later.at().isBefore(soonest) ? later.at() : soonest;
        }
        return new Admission.NotBefore(soonest);
    }

    private Admission takeFrom(String provider, Ask ask, TransactWriteItem with) {
        Admission admission = with == null ? of(provider).take(ask) : of(provider).take(ask, with);
        return admission instanceof Admission.Granted ? new Admission.Granted(provider) : admission;
    }

    /**
     * Nothing here: a Retry-After is its provider's, and {@link FailoverCalls} holds that provider's own budget back when it
     * answers with one; the worker, which tells this pacer, does not know which provider it was.
     */
    @Override
    public void pushBack(Duration wait) {
        // each provider's own budget was held back where its answer was read
    }
}
