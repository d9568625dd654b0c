package sosrelay.board;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** The operators' board: {@code GET /board} and its files, no authorizer; its data comes from the signed-in routes. */
public final class BoardHandler extends ApiHandler {

    public BoardHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public BoardHandler(Wiring wiring) {
        super(wiring, Wiring::boardPage);
    }
}
