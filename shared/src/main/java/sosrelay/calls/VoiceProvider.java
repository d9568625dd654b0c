package sosrelay.calls;

import sosrelay.delivery.Sender;

/**
 * A company that places our calls: the port each voice adapter implements (Exotel's, Plivo's). As a {@link Sender} it
 * rings a job's person ({@code send}) and says which of its calls went to that number since a moment
 * ({@code sentSince}, asked before an unanswered request is sent again); it also says how one of its calls stands, for
 * a status callback that never came.
 *
 * <p>Its ids are its own: Exotel's CallSids as Exotel gives them, every other provider's behind its name and a dash
 * ({@code plivo-<request_uuid>}), so a stored id always says which provider to ask about it ({@link VoiceProviders#nameOf}).
 */
public interface VoiceProvider extends Sender {
    /** Its name in {@code VOICE_PROVIDERS}: {@code exotel}, {@code plivo}. */
    String name();

    /**
     * The provider's word for how the call {@code providerId} (one of its own ids) stands, in the words
     * {@code DeliveryStates.normalise} reads ({@code completed}, {@code no-answer}, {@code busy}, {@code failed}, or one of
     * a call still going); {@link IllegalStateException} when the provider can't say.
     */
    String status(String providerId);
}
