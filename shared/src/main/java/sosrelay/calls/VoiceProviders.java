package sosrelay.calls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The voice providers in {@code VOICE_PROVIDERS}' order of preference, the first the primary; and which of them a
 * stored call id belongs to. Exotel's ids are bare (as before there was a second provider); another provider's
 * begin with its name and a dash (a further Exotel account's too: {@code exotel_b-<CallSid>} for {@code exotel:b}).
 */
public final class VoiceProviders {
    /** Every provider an adapter exists for; {@code exotel} is the default and the owner of every bare id. */
    public static final List<String> KNOWN = List.of("exotel", "plivo");
    public static final String EXOTEL = "exotel";

    private final Map<String, VoiceProvider> byName = new LinkedHashMap<>();

    /** {@code providers} in order of preference, each name once. */
    public VoiceProviders(List<? extends VoiceProvider> providers) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("no voice provider");
        }
        for (VoiceProvider provider : providers) {
            if (byName.putIfAbsent(provider.name(), provider) != null) {
                throw new IllegalArgumentException("voice provider " + provider.name() + " named twice");
            }
        }
    }

    /** The first in the order of preference. */
    public VoiceProvider primary() {
        return byName.values().iterator().next();
    }

    /** In the order of preference. */
    public List<VoiceProvider> inOrder() {
        return List.copyOf(byName.values());
    }

    /** The provider a stored call id is from; {@link IllegalStateException} when that provider is not configured here. */
    public VoiceProvider of(String providerId) {
        String name = nameOf(providerId);
        VoiceProvider provider = byName.get(name);
        if (provider == null) {
            throw new IllegalStateException("call " + providerId + " was placed through " + name + ", which VOICE_PROVIDERS does not list");
        }
        return provider;
    }

    /** How the call stands, asked of the provider that placed it ({@link VoiceProvider#status}). */
    public String status(String providerId) {
        return of(providerId).status(providerId);
    }

    /** Whether {@code name} is an Exotel account: the first ({@code exotel}) or a further one ({@code exotel:<label>}). */
    public static boolean isExotel(String name) {
        return EXOTEL.equals(name) || name.startsWith(EXOTEL + ":");
    }

    /**
     * The stored id of an Exotel callback's {@code CallSid}, by the account its URL names ({@code ?account=b}, as we gave a
     * further account's status callback and as its flow's greeting and keypress URLs are set): bare for the first account,
     * {@code exotel_b-<CallSid>} for a further one, so a callback is matched only to a call placed through its own account.
     * Null for an account name no account could have.
     */
    public static String exotelCall(String account, String callSid) {
        if (account == null || account.isBlank() || callSid == null) {
            return callSid;
        }
        String name = EXOTEL + ":" + account;
        return name.matches(sosrelay.config.Settings.EXOTEL_ACCOUNT_NAME) ? storedId(name, callSid) : null;
    }

    /**
     * The name of the provider whose id this is: a further Exotel account's ({@code exotel_b-…}: {@code exotel:b}), a known name and a dash,
     * else Exotel's (a bare CallSid).
     */
    public static String nameOf(String providerId) {
        if (providerId != null && providerId.startsWith(EXOTEL + "_") && providerId.indexOf('-') > 0) {
            return EXOTEL + ":" + providerId.substring(EXOTEL.length() + 1, providerId.indexOf('-'));
        }
        if (providerId != null) {
            for (String name : KNOWN) {
                if (!name.equals(EXOTEL) && providerId.startsWith(name + "-")) {
                    return name;
                }
            }
        }
        return EXOTEL;
    }

    /**
     * A provider's own id as we store it: bare for Exotel, {@code <name>-<id>} for every other, a further Exotel account's
     * {@code exotel_b-<id>} (no colon: a stored id is letters, digits, '-' and '_', as callbacks are checked).
     */
    public static String storedId(String name, String ownId) {
        return EXOTEL.equals(name) ? ownId : name.replace(':', '_') + "-" + ownId;
    }

    /** The provider's own id in a stored one ({@link #storedId}'s reverse). */
    public static String ownId(String name, String storedId) {
        return EXOTEL.equals(name) ? storedId : storedId.substring(name.length() + 1);
    }
}
