package sosrelay.calls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The voice providers in {@code VOICE_PROVIDERS}' order of preference, the first the primary; and which of them a
 * stored call id belongs to. Exotel's ids are bare (as before there was a second provider); another provider's
 * begin with its name and a dash.
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

    /** The name of the provider whose id this is: a known name and a dash, else Exotel's (a bare CallSid). */
    public static String nameOf(String providerId) {
        if (providerId != null) {
            for (String name : KNOWN) {
                if (!name.equals(EXOTEL) && providerId.startsWith(name + "-")) {
                    return name;
                }
            }
        }
        return EXOTEL;
    }

    /** A provider's own id as we store it: bare for Exotel, {@code <name>-<id>} for every other. */
    public static String storedId(String name, String ownId) {
        return EXOTEL.equals(name) ? ownId : name + "-" + ownId;
    }
}
