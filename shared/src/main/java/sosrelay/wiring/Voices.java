package sosrelay.wiring;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.calls.ExotelAccount;
import sosrelay.calls.ExotelCalls;
import sosrelay.calls.FailoverCalls;
import sosrelay.calls.PlivoAccount;
import sosrelay.calls.PlivoCalls;
import sosrelay.calls.ProviderHealth;
import sosrelay.calls.VoiceBudgets;
import sosrelay.calls.VoiceProvider;
import sosrelay.calls.VoiceProviders;
import sosrelay.config.SecretSource;
import sosrelay.config.Settings;
import sosrelay.delivery.Sender;
import sosrelay.pacing.BudgetShares;
import sosrelay.pacing.Pacer;
import sosrelay.pacing.SlidingWindowBudget;
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
                default -> new ExotelCalls(base.http.get(), exotelAccount(base, label(name)), name);
            });
        }
        return new VoiceProviders(providers);
    }

    /** The call worker's sender: the one provider as it is, or several with failover between them ({@link FailoverCalls}). */
    static Sender sender(VoiceProviders providers, ProviderHealth health, VoiceBudgets budgets) {
        return providers.inOrder().size() == 1 ? providers.primary() : new FailoverCalls(providers, health, budgets);
    }

    /** The call worker's pacer: the one provider's budget as it is, or each provider's behind {@link VoiceBudgets}. */
    static Pacer pacer(Foundation base, VoiceBudgets budgets) {
        List<String> names = base.settings.voice().providers();
        return names.size() == 1 ? budgets.of(names.get(0)) : budgets;
    }

    /** Each listed provider's own budget, in order of preference. */
    static VoiceBudgets budgets(Foundation base, ProviderHealth health) {
        Map<String, Pacer> budgets = new LinkedHashMap<>();
        for (String name : base.settings.voice().providers()) {
            budgets.put(name, switch (name) {
                case VoiceProviders.EXOTEL -> budget(base, "exotel-calls", base.settings.pacing().callLimit(), base.settings.pacing().window());
                case PlivoCalls.NAME -> budget(base, "plivo-calls", base.settings.plivoPacing().concurrentCalls(),
                        base.settings.plivoPacing().window());
                default -> budget(base, "exotel-" + label(name) + "-calls", base.settings.exotelAccount(label(name)).callLimit(),
                        base.settings.pacing().window());
            });
        }
        return new VoiceBudgets(budgets, health);
    }

    /** {@code limit} sends in any {@code window}, shared by every worker; 0: not paced. */
    private static Pacer budget(Foundation base, String name, int limit, Duration window) {
        if (limit == 0) {
            return Pacer.NONE;
        }
        // Drawn fresh from the OS: instances restored from one SnapStart snapshot must not pick the same tokens.
        return new SlidingWindowBudget(base.dynamo.get(), base.incidentsTable(), name, BudgetShares.of(limit, window), base.clock,
                new SecureRandom());
    }

    /** {@code b} of a further Exotel account's {@code exotel:b} (Settings has checked the name). */
    private static String label(String name) {
        if (!VoiceProviders.isExotel(name) || !name.contains(":")) {
            throw new IllegalStateException("VOICE_PROVIDERS names " + name + ", which has no adapter");
        }
        return name.substring(name.indexOf(':') + 1);
    }

    /**
     * A further Exotel account ({@code exotel:b}): its own credentials, caller id and flow; its status callbacks name it
     * ({@code ?account=b}), so they are matched only to its own calls.
     */
    static ExotelAccount exotelAccount(Foundation base, String label) {
        Settings.ExotelAccount account = base.settings.exotelAccount(label);
        return exotelAccount(base, account.api(), account.callerId(), account.flowUrl(), "?account=" + label);
    }

    /**
     * An Exotel account's calls: {@code callbackQuery} follows its status callback URL ("" for the first account). Ring
     * time and call length are the same for every account.
     */
    static ExotelAccount exotelAccount(Foundation base, Settings.Exotel api, String callerId, SecretSource flowUrl,
                                       String callbackQuery) {
        Settings.Calls calls = base.settings.calls();
        return new ExotelAccount(api.apiBaseUrl(), api.accountSid(), api.apiKey(), base.secret(api.apiToken(), SecretValue.KEPT),
                callerId, base.secret(flowUrl, ExotelAccount.FLOW_URL_KEPT),
                () -> base.callbackUrl(calls.publicBaseUrl(), "call-status") + callbackQuery,
                (int) calls.ringTimeout().toSeconds(), (int) calls.timeLimit().toSeconds(), api.requestTimeout());
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
