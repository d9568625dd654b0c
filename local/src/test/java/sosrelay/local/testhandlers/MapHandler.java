package sosrelay.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import sosrelay.wiring.Wiring;

import java.util.LinkedHashMap;
import java.util.Map;

/** Map in, map out; fails when asked to. */
public class MapHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Wiring wiring;

    public MapHandler(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        if (Boolean.TRUE.equals(input.get("fail"))) {
            throw new IllegalArgumentException("asked to fail");
        }
        Map<String, Object> output = new LinkedHashMap<>(input);
        output.put("function", context.getFunctionName());
        output.put("itemsTable", wiring.env().get("ITEMS_TABLE"));
        return output;
    }
}
