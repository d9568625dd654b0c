package sosrelay.local;

import sosrelay.config.Env;
import sosrelay.wiring.Wiring;

import java.util.Map;

/**
 * Creates a handler as the project's handlers expect: given a Wiring over the function's own
 * environment (one JVM hosts several functions with different settings), or with no arguments.
 */
final class HandlerInstances {
    private HandlerInstances() {
    }

    static Object create(Class<?> handlerClass, Map<String, String> environment) throws ReflectiveOperationException {
        try {
            return handlerClass.getConstructor(Wiring.class).newInstance(new Wiring(Env.of(environment)));
        } catch (NoSuchMethodException e) {
            return handlerClass.getConstructor().newInstance();
        }
    }
}
