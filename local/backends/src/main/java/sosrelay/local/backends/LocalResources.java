package sosrelay.local.backends;

import java.util.Map;
import java.util.Optional;

/** The template's tables, queues and buckets as they exist in the local backends, by logical id. */
public record LocalResources(Map<String, String> tableNames, Map<String, Queue> queues, Map<String, String> bucketNames) {

    public LocalResources {
        tableNames = Map.copyOf(tableNames);
        queues = Map.copyOf(queues);
        bucketNames = Map.copyOf(bucketNames);
    }

    public record Queue(String logicalId, String name, String url, String arn) {
    }

    public Optional<String> tableName(String logicalId) {
        return Optional.ofNullable(tableNames.get(logicalId));
    }

    public Optional<String> bucketName(String logicalId) {
        return Optional.ofNullable(bucketNames.get(logicalId));
    }

    public Optional<Queue> queue(String logicalId) {
        return Optional.ofNullable(queues.get(logicalId));
    }

    public Queue requireQueue(String logicalId) {
        return queue(logicalId).orElseThrow(() -> new IllegalArgumentException("no queue " + logicalId + " in the template"));
    }
}
