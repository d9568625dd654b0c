package sosrelay.web;

import java.util.List;
import java.util.Map;
import sosrelay.json.Json;

/** What a webhook answers. {@code body} is text; HEAD answers keep the headers and drop the body. */
public record WebResponse(int status, Map<String, String> headers, String body) {

    public static WebResponse text(int status, String body) {
        return new WebResponse(status, Map.of("Content-Type", "text/plain"), body);
    }

    public static WebResponse json(int status, String body) {
        return new WebResponse(status, Map.of("Content-Type", "application/json"), body);
    }

    /** The APIs' error answer: {@code {"errors": [...]}}, every problem named. */
    public static WebResponse errors(int status, List<String> problems) {
        return json(status, Json.write(Map.of("errors", problems)));
    }

    public WebResponse withoutBody() {
        return new WebResponse(status, headers, "");
    }
}
