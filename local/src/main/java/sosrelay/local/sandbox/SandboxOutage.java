package sosrelay.local.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sosrelay.directory.Durations;

/**
 * A provider down on a schedule, as the stack must survive: every API request to it (Exotel's calls, SMS and call
 * details; GupShup's sends and opt-ins) is answered 503 from {@code start} for {@code length}, then it is back.
 * Scripted by {@code SOS_SANDBOX_OUTAGE} ({@code exotel@20s+60s,gupshup@0s+2m}: 20 s after the stack is ready, for
 * 60 s) or by tests. Exotel's recording host stays up: it is a different service.
 *
 * <p>{@code exotel-timeout@0s+3m} is Exotel timing out instead: its API answers nothing for {@link #HANGS_FOR} (past any
 * client timeout), then 504, and places no call.
 */
public final class SandboxOutage {
    /** The providers an outage can take down. */
    public enum Provider {
        EXOTEL, GUPSHUP, PLIVO
    }

    /** How long a timing-out provider leaves a request unanswered. */
    public static final Duration HANGS_FOR = Duration.ofSeconds(30);

    private record Window(Provider provider, Instant from, Instant until, boolean timesOut) {
    }

    private record Planned(Provider provider, Duration after, Duration length, boolean timesOut) {
    }

    private static final Pattern ONE = Pattern.compile("\\s*([a-z]+)(-timeout)?@([0-9]+[smh])\\+([0-9]+[smh])\\s*");

    private final List<Window> windows = new CopyOnWriteArrayList<>();
    private final List<Planned> plan = new CopyOnWriteArrayList<>();

    /** Down from {@code after} from now, for {@code length}. */
    public void schedule(Provider provider, Duration after, Duration length) {
        schedule(provider, after, length, false);
    }

    /** As {@link #schedule(Provider, Duration, Duration)}; {@code timesOut}: its requests hang instead (Exotel only). */
    public void schedule(Provider provider, Duration after, Duration length, boolean timesOut) {
        Instant from = Instant.now().plus(after);
        windows.add(new Window(provider, from, from.plus(length), timesOut));
    }

    /** The outages read from {@code SOS_SANDBOX_OUTAGE} begin: their start times count from now. */
    public void begin() {
        plan.forEach(p -> schedule(p.provider(), p.after(), p.length(), p.timesOut()));
        plan.clear();
    }

    boolean isDown(Provider provider, Instant now) {
        return windows.stream().anyMatch(w -> w.provider() == provider && !w.timesOut() && !now.isBefore(w.from()) && now.isBefore(w.until()));
    }

    boolean timesOut(Provider provider, Instant now) {
        return windows.stream().anyMatch(w -> w.provider() == provider && w.timesOut() && !now.isBefore(w.from()) && now.isBefore(w.until()));
    }

    /**
     * Reads {@code SOS_SANDBOX_OUTAGE}, to {@link #begin} once the stack is ready; blank: no outage. Throws naming the
     * part it cannot read.
     */
    public static SandboxOutage parse(String spec) {
        SandboxOutage outage = new SandboxOutage();
        if (spec == null || spec.isBlank()) {
            return outage;
        }
        for (String part : spec.split(",")) {
            Matcher m = ONE.matcher(part.toLowerCase(Locale.ROOT));
            Provider provider = m.matches() ? provider(m.group(1)) : null;
            if (provider == null) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not <exotel|gupshup|plivo>@<start>+<length>, e.g. exotel@20s+60s"
                        + " (or exotel-timeout@0s+3m)");
            }
            boolean timesOut = m.group(2) != null;
            if (timesOut && provider != Provider.EXOTEL) {
                throw new IllegalArgumentException("'" + part.strip() + "': only exotel can be made to time out (exotel-timeout@0s+3m)");
            }
            outage.plan.add(new Planned(provider, Durations.parse(m.group(3)), Durations.parse(m.group(4)), timesOut));
        }
        return outage;
    }

    private static Provider provider(String name) {
        return switch (name) {
            case "exotel" -> Provider.EXOTEL;
            case "gupshup" -> Provider.GUPSHUP;
            case "plivo" -> Provider.PLIVO;
            default -> null;
        };
    }
}
