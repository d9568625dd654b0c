package sosrelay.wiring;

import java.util.ArrayList;
import java.util.List;
import sosrelay.calls.ExotelAccount;
import sosrelay.calls.ExotelCalls;
import sosrelay.calls.FailoverCalls;
import sosrelay.calls.PlivoAccount;
import sosrelay.calls.PlivoCalls;
import sosrelay.calls.ProviderHealth;
import sosrelay.calls.VoiceProvider;
import sosrelay.calls.VoiceProviders;
import sosrelay.config.Settings;
import sosrelay.delivery.Sender;
import sosrelay.secrets.SecretValue;

/** The voice providers of {@code VOICE_PROVIDERS}, each behind the {@link VoiceProvider} port, in order of preference. */
final class Voices {
    private Voices() {
    }

    /** Reads only the settings of the providers listed: with the default {@code exotel}, nothing of any other provider's. */
    static VoiceProviders providers(Foundation base, ExotelAccount exotel) {
        List<VoiceProvider> providers = new ArrayList<>();
        for (String name : base.settings.voice().providers()) {
            providers.add(switch (name) {
                case VoiceProviders.EXOTEL -> new ExotelCalls(base.http.get(), exotel);
                case PlivoCalls.NAME -> new PlivoCalls(base.http.get(), plivoAccount(base));
                default -> throw new IllegalStateException("VOICE_PROVIDERS names " + name + ", which has no adapter");
            });
        }
        return new VoiceProviders(providers);
    }

    /** The call worker's sender: the one provider as it is, or several with failover between them ({@link FailoverCalls}). */
    static Sender sender(Foundation base, VoiceProviders providers) {
        return providers.inOrder().size() == 1 ? providers.primary() : new FailoverCalls(providers, new ProviderHealth(base.clock));
    }

    /**
     * Plivo's answer and hangup URLs name the delivery ({@code ref=<incident>:<person>}, as Exotel's CustomField): Plivo
     * signs the whole URL, so the name is Plivo's word, and a hangup that beats the worker's own write finds its delivery.
     */
    static PlivoAccount plivoAccount(Foundation base) {
        Settings.Plivo plivo = base.settings.plivo();
        Settings.Calls calls = base.settings.calls();
        return new PlivoAccount(plivo.apiBaseUrl(), plivo.authId(), base.secret(plivo.authToken(), SecretValue.KEPT), plivo.callerId(),
                hook -> calls.publicBaseUrl() + "/plivo/" + base.webhookSecret.get().current() + "/" + hook.name()
                        + "?ref=" + hook.job().customField(),
                (int) calls.ringTimeout().toSeconds(), (int) calls.timeLimit().toSeconds(), plivo.requestTimeout());
    }
}
