package sosrelay.local.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How far a sandbox call has got: its Exotel status as the call details API reports it, what the
 * person heard, what the ack webhook answered, and every status callback attempt.
 *
 * @param answeredAt null unless the person picked up
 * @param heard      null until the greeting was fetched
 * @param played     null unless the greeting answered a URL, which the player then fetched as Exotel's does: without credentials
 * @param ack        null unless a key was pressed and the ack URL asked
 */
public record CallProgress(String status, Instant updatedAt, Instant answeredAt, String heard, Played played, AckRequest ack,
                           List<CallbackAttempt> callbacks) {
    /** What the recording's URL answered: {@code httpStatus} 0 when nothing answered. */
    public record Played(int httpStatus, String contentType, int bytes) {
        public boolean ok() {
            return httpStatus == 200 && bytes > 0;
        }
    }

    /** {@code httpStatus} 0: the ack URL gave no HTTP answer at all (refused, timed out). */
    public record AckRequest(String digits, int httpStatus) {
    }

    /** One POST of the status callback; {@code httpStatus} 0: no HTTP answer at all. */
    public record CallbackAttempt(String status, int httpStatus) {
        public boolean delivered() {
            return httpStatus >= 200 && httpStatus < 300;
        }
    }

    static CallProgress queued(Instant at) {
        return new CallProgress("queued", at, null, null, null, null, List.of());
    }

    CallProgress withStatus(String newStatus, Instant at) {
        return new CallProgress(newStatus, at, answeredAt, heard, played, ack, callbacks);
    }

    CallProgress answered(Instant at) {
        return new CallProgress("in-progress", at, at, heard, played, ack, callbacks);
    }

    CallProgress withHeard(String text, Played recording) {
        return new CallProgress(status, updatedAt, answeredAt, text, recording, ack, callbacks);
    }

    CallProgress withAck(AckRequest request) {
        return new CallProgress(status, updatedAt, answeredAt, heard, played, request, callbacks);
    }

    CallProgress withCallback(CallbackAttempt attempt) {
        List<CallbackAttempt> more = new ArrayList<>(callbacks);
        more.add(attempt);
        return new CallProgress(status, updatedAt, answeredAt, heard, played, ack, List.copyOf(more));
    }
}
