package sosrelay.wiring;

import sosrelay.config.Env;

/** Builds, once and only on first use, what a function needs; placeholder until the services land. */
public final class Wiring {
    private final Env env;

    public Wiring(Env env) {
        this.env = env;
    }

    public Env env() {
        return env;
    }
}
