package sosrelay.local;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which messages of a batch Lambda deletes after the handler returned. With ReportBatchItemFailures,
 * every message except the listed failures; a malformed response (an unknown or empty id) fails the
 * whole batch. Without it, the response is ignored and a normal return deletes everything.
 */
final class BatchOutcome {
    private BatchOutcome() {
    }

    /** The ids to delete. */
    static Set<String> succeeded(Set<String> batchIds, Object handlerOutput, boolean reportBatchItemFailures) {
        if (!reportBatchItemFailures || handlerOutput == null) {
            return batchIds;
        }
        Object response = LambdaJson.convert(handlerOutput, Map.class);
        Object failures = response instanceof Map<?, ?> map ? map.get("batchItemFailures") : null;
        if (failures == null) {
            return batchIds;
        }
        if (!(failures instanceof List<?> list)) {
            return Set.of();
        }
        Set<String> failed = list.stream()
                .map(item -> item instanceof Map<?, ?> entry ? entry.get("itemIdentifier") : null)
                .map(id -> id == null ? "" : id.toString())
                .collect(Collectors.toSet());
        if (!batchIds.containsAll(failed)) {
            return Set.of();
        }
        return batchIds.stream().filter(id -> !failed.contains(id)).collect(Collectors.toSet());
    }
}
