package sosrelay.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Logs each attempt to stdout (as functions do), counts attempts per {@code id}, and fails when asked to. */
public class AsyncHandler implements RequestHandler<Map<String, Object>, String> {
    public static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        String id = String.valueOf(input.get("id"));
        int attempt = ATTEMPTS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        System.out.println("attempt " + attempt + " for " + id);
        int logLines = input.get("logLines") instanceof Number n ? n.intValue() : 0;
        for (int i = 0; i < logLines; i++) {
            System.out.println("line " + i + " of a long log for " + id);
        }
        if (Boolean.TRUE.equals(input.get("fail"))) {
            throw new IllegalStateException("deliberate failure of " + id);
        }
        return "done " + id;
    }
}
