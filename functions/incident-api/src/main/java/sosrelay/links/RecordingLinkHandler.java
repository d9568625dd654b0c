package sosrelay.links;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code GET|HEAD /r/{token}}: a text's recording link, no key (the token is the credential), 302 to our copy. */
public final class RecordingLinkHandler extends ApiHandler {

    public RecordingLinkHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public RecordingLinkHandler(Wiring wiring) {
        super(wiring, Wiring::recordingLinkWebhook);
    }
}
