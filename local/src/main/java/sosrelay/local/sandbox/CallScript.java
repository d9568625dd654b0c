package sosrelay.local.sandbox;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import sosrelay.directory.PhoneNumbers;

/**
 * What each scripted number does on its successive calls: one outcome per call, the last repeating.
 * Numbers are kept in E.164 so a script for {@code +919800000001} also plays for a call to {@code 09800000001}.
 */
public final class CallScript {
    private record Progress(List<CallOutcome> outcomes, AtomicInteger callsSoFar) {
    }

    private final Map<String, Progress> scripts = new ConcurrentHashMap<>();

    /** Replaces the number's script and starts it from its first outcome. */
    void script(String number, List<CallOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a script needs at least one outcome");
        }
        scripts.put(e164(number), new Progress(List.copyOf(outcomes), new AtomicInteger()));
    }

    void clear() {
        scripts.clear();
    }

    /** The outcome of the next call to {@code number}; unscripted numbers answer. */
    CallOutcome next(String number) {
        String key = PhoneNumbers.toE164(number);
        Progress progress = key == null ? null : scripts.get(key);
        if (progress == null) {
            return CallOutcome.ANSWER;
        }
        int call = progress.callsSoFar().getAndIncrement();
        return progress.outcomes().get(Math.min(call, progress.outcomes().size() - 1));
    }

    /**
     * Whether the next call to {@code number} has {@code outcome}, which it then plays (a provider that refuses a number
     * before ringing it); an unscripted number answers, so never refused.
     */
    boolean playsNext(String number, CallOutcome outcome) {
        String key = PhoneNumbers.toE164(number);
        Progress progress = key == null ? null : scripts.get(key);
        if (progress == null) {
            return false;
        }
        synchronized (progress) {
            int call = progress.callsSoFar().get();
            if (progress.outcomes().get(Math.min(call, progress.outcomes().size() - 1)) != outcome) {
                return false;
            }
            progress.callsSoFar().incrementAndGet();
            return true;
        }
    }

    /** The scripts as configured (not how far they have played), by number in order. */
    Map<String, List<CallOutcome>> scripts() {
        Map<String, List<CallOutcome>> configured = new TreeMap<>();
        scripts.forEach((number, progress) -> configured.put(number, progress.outcomes()));
        return configured;
    }

    /** {@code no-answer,no-answer,press-1}: throws naming the bad outcome. */
    public static List<CallOutcome> parseOutcomes(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no outcomes given");
        }
        return Arrays.stream(text.split(",", -1)).map(CallOutcome::parse).toList();
    }

    /**
     * The {@code SOS_SANDBOX_SCRIPT} format, {@code +919800000001=no-answer,press-1;+919800000002=busy};
     * throws naming the bad entry, so a typo stops the start instead of silently answering.
     */
    public static Map<String, List<CallOutcome>> parse(String text) {
        Map<String, List<CallOutcome>> scripts = new LinkedHashMap<>();
        if (text == null) {
            return scripts;
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + entry.strip() + "' is not <number>=<outcome>,<outcome>…");
            }
            String number;
            List<CallOutcome> outcomes;
            try {
                number = e164(entry.substring(0, eq));
                outcomes = parseOutcomes(entry.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + entry.strip() + "': " + e.getMessage(), e);
            }
            if (scripts.put(number, outcomes) != null) {
                throw new IllegalArgumentException(number + " is scripted twice");
            }
        }
        return scripts;
    }

    private static String e164(String number) {
        String e164 = PhoneNumbers.toE164(number);
        if (e164 == null) {
            throw new IllegalArgumentException("'" + number.strip() + "' is not a phone number");
        }
        return e164;
    }
}
