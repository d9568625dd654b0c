package sosrelay.local;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import sosrelay.config.Env;
import sosrelay.wiring.SnapStartPriming;
import sosrelay.wiring.Wiring;

import java.time.Clock;
import java.util.Map;

/**
 * Creates a handler as the project's handlers expect: given a Wiring over the function's own
 * environment (one JVM hosts several functions with different settings) and SDK clients carrying the
 * function's checks (its IAM role), or with no arguments. With {@code SOS_LOCAL_SNAPSTART=on} each new one is primed
 * as SnapStart primes a version before its snapshot (its registered warm-up), so what it then serves is what a restored
 * instance serves: whatever the warm-up read is kept, and anything it did not (the secrets) is read when first needed.
 */
final class HandlerInstances {
    static final String SNAPSTART_VARIABLE = "SOS_LOCAL_SNAPSTART";

    private HandlerInstances() {
    }

    static Object create(Class<?> handlerClass, Map<String, String> environment, ClientOverrideConfiguration clientOverrides)
            throws ReflectiveOperationException {
        Object handler;
        try {
            handler = handlerClass.getConstructor(Wiring.class).newInstance(new Wiring(Env.of(environment), Clock.systemUTC(), clientOverrides));
        } catch (NoSuchMethodException e) {
            handler = handlerClass.getConstructor().newInstance();
        }
        if ("on".equalsIgnoreCase(environment.get(SNAPSTART_VARIABLE)) && handler instanceof SnapStartPriming.Primed primed) {
            SnapStartPriming.prime(primed);
        }
        return handler;
    }
}
