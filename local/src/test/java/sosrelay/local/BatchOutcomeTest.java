package sosrelay.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BatchOutcomeTest {
    private static final Set<String> BATCH = Set.of("m1", "m2", "m3");

    private static SQSBatchResponse failing(String... ids) {
        return new SQSBatchResponse(java.util.Arrays.stream(ids).map(SQSBatchResponse.BatchItemFailure::new).toList());
    }

    @Test
    void deletesAllButTheReportedFailures() {
        assertThat(BatchOutcome.succeeded(BATCH, failing("m2"), true)).containsExactlyInAnyOrder("m1", "m3");
        assertThat(BatchOutcome.succeeded(BATCH, failing(), true)).isEqualTo(BATCH);
        assertThat(BatchOutcome.succeeded(BATCH, null, true)).isEqualTo(BATCH);
    }

    @Test
    void anUnknownOrEmptyIdFailsTheWholeBatch() {
        assertThat(BatchOutcome.succeeded(BATCH, failing("m1", "elsewhere"), true)).isEmpty();
        assertThat(BatchOutcome.succeeded(BATCH, Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", ""))), true)).isEmpty();
    }

    @Test
    void ignoresTheResponseWithoutReportBatchItemFailures() {
        assertThat(BatchOutcome.succeeded(BATCH, failing("m2"), false)).isEqualTo(BATCH);
    }
}
