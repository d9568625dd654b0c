package sosrelay.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The smallest Java Lambda there is: returns a constant. Its cold start is the JVM's own, the
 * floor any handler's cold start is compared with. Run in a fresh JVM by {@code ColdStart}.
 */
public final class MinimalHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return "OK";
    }

    public static void main(String[] args) {
        String answer = new MinimalHandler().handleRequest(Map.of(), null);
        System.out.println("response " + answer + " " + System.currentTimeMillis());
    }
}
