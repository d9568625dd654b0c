package sosrelay.local;

import sosrelay.local.backends.TemplateFunction;
import sosrelay.local.iam.RoleEnforcement;
import sosrelay.wiring.SnapStartPriming;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * One function of the template and its execution environments: as on Lambda, each invocation runs alone on
 * one handler instance, and concurrent invocations (several pollers, several HTTP requests) on as many
 * instances, each with its own clients and pools, so local figures and concurrency bugs are Lambda's.
 */
final class LocalFunction {
    private final TemplateFunction definition;
    private final Map<String, String> environment;
    private final RoleEnforcement role;
    private final ExecutionEnvironments environments;
    private final Method method;
    private final String loadError;

    private LocalFunction(TemplateFunction definition, Map<String, String> environment, RoleEnforcement role,
                          ExecutionEnvironments environments, Method method, String loadError) {
        this.definition = definition;
        this.environment = environment;
        this.role = role;
        this.environments = environments;
        this.method = method;
        this.loadError = loadError;
    }

    /**
     * A function whose class is not on the classpath (the function modules not built yet) still
     * gets its routes; invoking it fails with the reason.
     */
    static LocalFunction load(TemplateFunction definition, Map<String, String> environment, RoleEnforcement role) {
        try {
            Class<?> handlerClass = Class.forName(definition.handlerClass(), true, LocalFunction.class.getClassLoader());
            Method method = handlerMethod(handlerClass, definition.handlerMethod());
            method.setAccessible(true);
            ExecutionEnvironments environments = new ExecutionEnvironments(
                    () -> HandlerInstances.create(handlerClass, environment, role.clientOverrides()));
            return new LocalFunction(definition, environment, role, environments, method, null);
        } catch (ClassNotFoundException e) {
            return new LocalFunction(definition, environment, role, null, null,
                    "handler class " + definition.handlerClass() + " is not on the classpath");
        } catch (InvocationTargetException e) {
            // The handler's constructor, its init, threw: a setting it needs is missing or malformed (the message names it).
            throw new IllegalStateException(definition.logicalId() + " cannot start: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot load " + definition.logicalId() + " (" + definition.handlerClass() + "): " + e, e);
        }
    }

    /** The handler method taking (input, Context) or (input); bridge methods would erase the input type. */
    private static Method handlerMethod(Class<?> handlerClass, String name) throws NoSuchMethodException {
        return Arrays.stream(handlerClass.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && (m.getParameterCount() == 1 || m.getParameterCount() == 2))
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new NoSuchMethodException(handlerClass.getName() + "::" + name));
    }

    String logicalId() {
        return definition.logicalId();
    }

    TemplateFunction definition() {
        return definition;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** The function's role, also checked for what Lambda does with it on the function's behalf. */
    RoleEnforcement role() {
        return role;
    }

    Optional<String> loadError() {
        return Optional.ofNullable(loadError);
    }

    Type inputType() {
        requireLoaded();
        return method.getGenericParameterTypes()[0];
    }

    /** Invokes the handler with the event reshaped into its input type; rethrows what the handler throws. */
    Object invoke(Object event) throws Throwable {
        requireLoaded();
        Object input = LambdaJson.convert(event, inputType());
        LocalLambdaContext context = new LocalLambdaContext(definition.logicalId(), definition.timeoutSeconds(), definition.memorySize());
        Object handler = environments.acquire();
        try {
            return method.getParameterCount() == 2 ? method.invoke(handler, input, context) : method.invoke(handler, input);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            environments.release(handler);
        }
    }

    /**
     * Runs the handler's SnapStart warm-up ({@link SnapStartPriming.Primed}) in a new execution environment, right
     * after its init, as Lambda does before the snapshot; false when the handler has none. A warm-up that fails is
     * logged and ignored, as {@link SnapStartPriming} does: it only costs the first caller some time.
     */
    boolean primeSnapStart() {
        requireLoaded();
        Object handler = environments.acquireNew();
        try {
            if (!(handler instanceof SnapStartPriming.Primed primed)) {
                return false;
            }
            SnapStartPriming.warmUp(primed);
            return true;
        } finally {
            environments.release(handler);
        }
    }

    /** How many execution environments the function has started (each one a cold start). */
    int environmentsStarted() {
        return environments == null ? 0 : environments.started();
    }

    /** Invokes with a JSON payload, as the Invoke API does. */
    Object invokeJson(String payload) throws Throwable {
        requireLoaded();
        return invoke(LambdaJson.fromJson(payload, inputType()));
    }

    private void requireLoaded() {
        if (loadError != null) {
            throw new IllegalStateException(definition.logicalId() + ": " + loadError);
        }
    }
}
