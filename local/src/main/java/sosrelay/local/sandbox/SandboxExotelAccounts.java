package sosrelay.local.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sosrelay.config.Settings;

/**
 * The further Exotel accounts of {@code VOICE_PROVIDERS} ({@code exotel,exotel:b,plivo}): for each {@code exotel:<label>}
 * whose {@code EXOTEL_<LABEL>_API_BASE_URL} is not given, an Exotel of its own ({@link SandboxExotel#startAccount}), and
 * the account's variables pointing at it. Its flow's greeting and keypress URLs name the account ({@code ?account=b}), as the
 * operator sets them in that account's flow.
 */
public final class SandboxExotelAccounts implements AutoCloseable {
    /** The further account's caller id in the sandbox: an ExoPhone of its own. */
    private static final String CALLER_ID = "08047000099";

    private final Map<String, SandboxExotel> byLabel;

    private SandboxExotelAccounts(Map<String, SandboxExotel> byLabel) {
        this.byLabel = byLabel;
    }

    /** Starts them and puts their variables in {@code overrides}; none when no further account is listed. */
    public static SandboxExotelAccounts start(String voiceProviders, Map<String, String> overrides, Map<String, String> environment,
                                              PrintStream console) {
        Map<String, SandboxExotel> started = new LinkedHashMap<>();
        for (String name : voiceProviders == null ? new String[0] : voiceProviders.split(",")) {
            String trimmed = name.trim();
            if (!trimmed.matches(Settings.EXOTEL_ACCOUNT_NAME)) {
                continue;
            }
            String label = trimmed.substring(trimmed.indexOf(':') + 1);
            String prefix = "EXOTEL_" + label.toUpperCase(Locale.ROOT) + "_";
            if (overrides.containsKey(prefix + "API_BASE_URL") || environment.get(prefix + "API_BASE_URL") != null) {
                continue;
            }
            try {
                SandboxExotel exotel = SandboxExotel.startAccount(console, Duration.ofSeconds(1), label);
                started.put(label, exotel);
                String sid = SandboxExotel.accountSid(label);
                overrides.put(prefix + "API_BASE_URL", exotel.baseUrl());
                overrides.put(prefix + "ACCOUNT_SID", sid);
                overrides.put(prefix + "API_KEY", sid + "-key");
                overrides.put(prefix + "API_TOKEN", sid + "-token");
                overrides.put(prefix + "CALLER_ID", CALLER_ID);
                overrides.put(prefix + "FLOW_URL", "http://my.exotel.com/" + sid + "/exoml/start_voice/1");
            } catch (IOException e) {
                started.values().forEach(SandboxExotel::close);
                throw new UncheckedIOException("could not start a sandbox Exotel for " + trimmed, e);
            }
        }
        return new SandboxExotelAccounts(started);
    }

    /** Each account's flow, as its operator sets it: the greeting and the keypress under our webhooks, naming the account. */
    public void answerWith(String webhooks) {
        byLabel.forEach((label, exotel) -> {
            exotel.answerCallsWith(webhooks + "/greeting?account=" + label);
            exotel.acknowledgeWith(webhooks + "/ack?account=" + label);
        });
    }

    /** What each number does when rung, as {@code SOS_SANDBOX_SCRIPT} says: whichever account rings it. */
    public void scriptAll(Map<String, java.util.List<CallOutcome>> scripts) {
        byLabel.values().forEach(exotel -> exotel.scriptAll(scripts));
    }

    public void followOutage(SandboxOutage outage) {
        byLabel.values().forEach(exotel -> exotel.followOutage(outage));
    }

    /** The sandbox acting as {@code exotel:<label>}. */
    public Optional<SandboxExotel> account(String label) {
        return Optional.ofNullable(byLabel.get(label));
    }

    @Override
    public void close() {
        byLabel.values().forEach(SandboxExotel::close);
    }
}
