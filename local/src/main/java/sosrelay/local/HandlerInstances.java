package sosrelay.local;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import sosrelay.config.Env;
import sosrelay.wiring.Wiring;

import java.time.Clock;
import java.util.Map;

/**
 * Creates a handler as the project's handlers expect: given a Wiring over the function's own
 * environment (one JVM hosts several functions with different settings) and SDK clients carrying the
 * function's checks (its IAM role), or with no arguments.
 */
final class HandlerInstances {
    private HandlerInstances() {
    }

    static Object create(Class<?> handlerClass, Map<String, String> environment, ClientOverrideConfiguration clientOverrides)
            throws ReflectiveOperationException {
        try {
            return handlerClass.getConstructor(Wiring.class).newInstance(new Wiring(Env.of(environment), Clock.systemUTC(), clientOverrides));
        } catch (NoSuchMethodException e) {
            return handlerClass.getConstructor().newInstance();
        }
    }
}
