package sosrelay.local.backends;

import java.util.Map;
import java.util.Optional;

/** The template's tables and queues as they exist in the local backends, by logical id. */
public record LocalResources(Map<String, String> tableNames, Map<String, Queue> queues) {

    public LocalResources {
        tableNames = Map.copyOf(tableNames);
        queues = Map.copyOf(queues);
    }

    public record Queue(String logicalId, String name, String url, String arn) {
    }

    public Optional<String> tableName(String logicalId) {
        return Optional.ofNullable(tableNames.get(logicalId));
    }

    public Optional<Queue> queue(String logicalId) {
        return Optional.ofNullable(queues.get(logicalId));
    }

    public Queue requireQueue(String logicalId) {
        return queue(logicalId).orElseThrow(() -> new IllegalArgumentException("no queue " + logicalId + " in the template"));
    }
}
