package sosrelay.local;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON as the Lambda Java runtime does it: the events library's classes through their own
 * serializers (field names such as {@code Records} and {@code eventSourceARN}), everything else
 * through the runtime's Jackson.
 */
final class LambdaJson {
    /** Building a serializer builds an ObjectMapper; do it once per type. */
    private static final Map<Type, PojoSerializer<Object>> SERIALIZERS = new ConcurrentHashMap<>();

    private LambdaJson() {
    }

    static Object fromJson(String json, Type type) {
        return serializer(type).fromJson(json);
    }

    static String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        PojoSerializer<Object> serializer = serializer(value.getClass());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type) {
        return SERIALIZERS.computeIfAbsent(type, t -> t instanceof Class<?> cls && LambdaEventSerializers.isLambdaSupportedEvent(cls.getName())
                ? LambdaEventSerializers.serializerFor((Class<Object>) cls, LambdaJson.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(t));
    }

    /** Reshapes a value into another type, as if it had crossed the wire as JSON. */
    static Object convert(Object value, Type type) {
        Type raw = type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type;
        // An Object parameter gets what the runtime would give it: maps and lists, not our event classes.
        if (raw instanceof Class<?> cls && cls != Object.class && cls.isInstance(value)) {
            return value;
        }
        return fromJson(toJson(value), type);
    }
}
