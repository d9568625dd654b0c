package sosrelay.wiring;

import java.util.ArrayList;
import java.util.List;
import sosrelay.calls.ExotelAccount;
import sosrelay.calls.ExotelCalls;
import sosrelay.calls.VoiceProvider;
import sosrelay.calls.VoiceProviders;

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
                default -> throw new IllegalStateException("VOICE_PROVIDERS names " + name + ", which has no adapter");
            });
        }
        return new VoiceProviders(providers);
    }
}
