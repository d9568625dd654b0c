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
 */
public final class SandboxOutage {
    /** The providers an outage can take down. */
    public enum Provider {
        EXOTEL, GUPSHUP, PLIVO
    }

    private record Window(Provider provider, Instant from, Instant until) {
    }

    private record Planned(Provider provider, Duration after, Duration length) {
    }

    private static final Pattern ONE = Pattern.compile("\\s*([a-z]+)@([0-9]+[smh])\\+([0-9]+[smh])\\s*");

    private final List<Window> windows = new CopyOnWriteArrayList<>();
    private final List<Planned> plan = new CopyOnWriteArrayList<>();

    /** Down from {@code after} from now, for {@code length}. */
    public void schedule(Provider provider, Duration after, Duration length) {
        Instant from = Instant.now().plus(after);
        windows.add(new Window(provider, from, from.plus(length)));
    }

    /** The outages read from {@code SOS_SANDBOX_OUTAGE} begin: their start times count from now. */
    public void begin() {
        plan.forEach(p -> schedule(p.provider(), p.after(), p.length()));
        plan.clear();
    }

    boolean isDown(Provider provider, Instant now) {
        return windows.stream().anyMatch(w -> w.provider() == provider && !now.isBefore(w.from()) && now.isBefore(w.until()));
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
                throw new IllegalArgumentException("'" + part.strip() + "' is not <exotel|gupshup|plivo>@<start>+<length>, e.g. exotel@20s+60s");
            }
            outage.plan.add(new Planned(provider, Durations.parse(m.group(2)), Durations.parse(m.group(3))));
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
