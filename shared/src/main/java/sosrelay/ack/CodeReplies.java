package sosrelay.ack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sosrelay.directory.Person;
import sosrelay.directory.PhoneNumbers;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.log.Log;

/**
 * A text reply carrying an acknowledgement code, however it came (an SMS to Exotel's two-way number, a WhatsApp
 * message to GupShup): the one place that decides whether it acknowledges. A live, unused six-digit code
 * acknowledges the incident for the person it was issued to, if the reply comes from that person's phone; the
 * code is then spent. Only its own person's phone spends a code: a guess from another number burns nothing.
 */
public final class CodeReplies {
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    /** What became of a reply. */
    public enum Outcome {
        /** The text holds no six-digit code. */
        NO_CODE,
        /** No live code of this number's person: unknown, spent, expired, or another person's. */
        NOT_WAITING,
        ACKNOWLEDGED,
        /** It could not be recorded now (storage): the code is kept for another try. */
        FAILED
    }

    /** The outcome and the code the text held (null with {@link Outcome#NO_CODE}). */
    public record Result(Outcome outcome, String code) {
    }

    private final AckCodes codes;
    private final IncidentStore incidents;
    private final Acknowledgements acknowledgements;

    public CodeReplies(AckCodes codes, IncidentStore incidents, Acknowledgements acknowledgements) {
        this.codes = codes;
        this.incidents = incidents;
        this.acknowledgements = acknowledgements;
    }

    /** {@code from}: E.164; {@code via}: how it came, on the timeline ({@code sms}, {@code whatsapp}). */
    public Result reply(String from, String text, String via) {
        Matcher found = CODE.matcher(text == null ? "" : text);
        if (!found.find()) {
            return new Result(Outcome.NO_CODE, null);
        }
        String code = found.group(1);
        try {
            Optional<AckCodes.Holder> holder = codes.holder(code);
            Incident incident = holder.flatMap(h -> incidents.find(h.incidentId())).orElse(null);
            Person person = incident == null ? null : incident.recipient(holder.get().personId());
            if (person == null || !person.hasNumber(from)) {
                Log.warn(via + "-ack.refused", "from", PhoneNumbers.mask(from));
                return new Result(Outcome.NOT_WAITING, code);
            }
            // Spent after the acknowledgement is recorded (which counts once per person anyway), so a failure keeps it.
            acknowledgements.acknowledge(incident.id(), person.id(), via);
            codes.use(code);
            return new Result(Outcome.ACKNOWLEDGED, code);
        } catch (RuntimeException e) {
            Log.error(via + "-ack.failed", "from", PhoneNumbers.mask(from), "error", e);
            return new Result(Outcome.FAILED, code);
        }
    }
}
