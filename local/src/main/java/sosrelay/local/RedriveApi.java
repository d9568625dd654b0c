package sosrelay.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * {@code POST /local/dead-letters/{queue}/redrive}: re-drives one of the template's dead-letter
 * queues on the running local stack (see {@link DeadLetterRedrive}). Local only; on AWS it is
 * {@code aws sqs start-message-move-task}.
 */
final class RedriveApi {
    static final String PREFIX = "/local/dead-letters/";
    private static final String SUFFIX = "/redrive";

    private final DeadLetterRedrive redrive;

    RedriveApi(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    static boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equalsIgnoreCase("POST") || !path.endsWith(SUFFIX)) {
            HttpExchanges.sendJson(exchange, 404, HttpExchanges.jsonMessage("use POST " + PREFIX + "{queue}" + SUFFIX));
            return;
        }
        String queue = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        DeadLetterRedrive.Moved moved;
        try {
            moved = redrive.redrive(queue);
        } catch (IllegalArgumentException notADeadLetterQueue) {
            HttpExchanges.sendJson(exchange, 404, HttpExchanges.jsonMessage(notADeadLetterQueue.getMessage()));
            return;
        }
        HttpExchanges.sendJson(exchange, 200, "{\"deadLetterQueue\":\"" + HttpExchanges.jsonEscape(moved.deadLetterQueue())
                + "\",\"sourceQueue\":\"" + HttpExchanges.jsonEscape(moved.sourceQueue()) + "\",\"moved\":" + moved.messages() + "}");
    }
}
