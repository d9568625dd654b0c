package sosrelay.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.SendResult;

class VoiceProvidersTest {
    /** A provider that answers with its name: which one was asked is all these tests look at. */
    private record Named(String name) implements VoiceProvider {
        @Override
        public SendResult send(DeliveryJob job) {
            return new SendResult.Accepted(VoiceProviders.storedId(name, "id"));
        }

        @Override
        public String status(String providerId) {
            return name + " says completed";
        }
    }

    @Test
    void theFirstInTheOrderOfPreferenceIsThePrimary() {
        VoiceProviders providers = new VoiceProviders(List.of(new Named("plivo"), new Named("exotel")));

        assertThat(providers.primary().name()).isEqualTo("plivo");
        assertThat(providers.inOrder()).extracting(VoiceProvider::name).containsExactly("plivo", "exotel");
    }

    @Test
    void exotelsIdsStayBareAndEveryOtherProvidersCarryItsName() {
        assertThat(VoiceProviders.storedId("exotel", "b6cfaf0a")).isEqualTo("b6cfaf0a");
        assertThat(VoiceProviders.storedId("plivo", "9f1c-22")).isEqualTo("plivo-9f1c-22");
        assertThat(VoiceProviders.nameOf("plivo-9f1c-22")).isEqualTo("plivo");
        // Every id stored before there was a second provider is Exotel's, whatever it looks like.
        assertThat(VoiceProviders.nameOf("b6cfaf0a")).isEqualTo("exotel");
        assertThat(VoiceProviders.nameOf("exo-1")).isEqualTo("exotel");
        assertThat(VoiceProviders.nameOf("plivo")).isEqualTo("exotel");
    }

    @Test
    void aFurtherExotelAccountsIdsCarryItsNameAndItsCallbacksFindOnlyThem() {
        assertThat(VoiceProviders.storedId("exotel:b", "b6cfaf0a")).isEqualTo("exotel_b-b6cfaf0a");
        assertThat(VoiceProviders.nameOf("exotel_b-b6cfaf0a")).isEqualTo("exotel:b");
        assertThat(VoiceProviders.ownId("exotel:b", "exotel_b-b6cfaf0a")).isEqualTo("b6cfaf0a");
        assertThat(VoiceProviders.isExotel("exotel:b")).isTrue();
        assertThat(VoiceProviders.isExotel("plivo")).isFalse();

        assertThat(VoiceProviders.exotelCall(null, "b6cfaf0a")).as("the first account's callbacks name none").isEqualTo("b6cfaf0a");
        assertThat(VoiceProviders.exotelCall("b", "b6cfaf0a")).isEqualTo("exotel_b-b6cfaf0a");
        assertThat(VoiceProviders.exotelCall("B; drop", "b6cfaf0a")).as("no account could have this name").isNull();
    }

    @Test
    void aCallIsAskedAboutOfTheProviderThatPlacedIt() {
        VoiceProviders providers = new VoiceProviders(List.of(new Named("exotel"), new Named("exotel:b"), new Named("plivo")));

        assertThat(providers.status("b6cfaf0a")).isEqualTo("exotel says completed");
        assertThat(providers.status("exotel_b-b6cfaf0a")).isEqualTo("exotel:b says completed");
        assertThat(providers.status("plivo-9f1c")).isEqualTo("plivo says completed");
    }

    @Test
    void aCallOfAProviderNoLongerListedIsNotAskedOfAnother() {
        VoiceProviders exotelOnly = new VoiceProviders(List.of(new Named("exotel")));

        assertThatThrownBy(() -> exotelOnly.status("plivo-9f1c")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("placed through plivo");
    }

    @Test
    void noProviderOrOneTwiceIsRefused() {
        assertThatThrownBy(() -> new VoiceProviders(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoiceProviders(List.of(new Named("exotel"), new Named("exotel"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
