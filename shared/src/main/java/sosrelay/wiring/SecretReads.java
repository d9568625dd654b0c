package sosrelay.wiring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import sosrelay.config.SecretSource;
import sosrelay.secrets.SecretValue;
import sosrelay.web.WebhookSecret;

/**
 * How a function reads its secrets: the value itself (local only), else its SSM parameter, read when first needed and
 * again after its TTL ({@code SECRET_CACHE_SECONDS} at most); a webhook secret with its previous version for the
 * rotation window; and tools/doctor's check of every secret the function names.
 */
final class SecretReads {
    private SecretReads() {
    }

    static Supplier<String> secret(Foundation base, SecretSource source, Duration kept) {
        return source.isPlain() ? source::value : new SecretValue(base.ssm, source.parameterName(), base.clock, kept(base, kept));
    }

    /**
     * A value in the environment is checked now (16 characters or more); one in SSM is read after SnapStart's restore,
     * never into the snapshot, checked when first read, and its previous version stays accepted for the rotation window.
     */
    static WebhookSecret webhookSecret(Foundation base, SecretSource source) {
        if (source.isPlain()) {
            return WebhookSecret.checked(source::value);
        }
        SecretValue value = new SecretValue(base.ssm, source.parameterName(), base.clock, kept(base, SecretValue.KEPT),
                base.settings.secrets().rotationWindow());
        return new WebhookSecret(value::versions, base.clock);
    }

    private static Duration kept(Foundation base, Duration kept) {
        Duration most = base.settings.secrets().kept();
        return kept.compareTo(most) < 0 ? kept : most;
    }

    /**
     * Reads each secret the function's environment names, now (a fresh read, with the function's own SDK client and so
     * its role), and checks it as its user will: a webhook secret's length, the flow URL's form, the sign-in's JSON.
     * The problems name variables and parameters, never a value.
     */
    static List<String> problems(Foundation base) {
        List<String> problems = new ArrayList<>();
        base.settings.secretSources().forEach((variable, source) -> {
            String where = source.isPlain() ? variable : variable + "_PARAMETER " + source.parameterName();
            try {
                String value = source.isPlain() ? source.value() : new SecretValue(base.ssm, source.parameterName(), base.clock, Duration.ZERO).get();
                String wrong = wrongValue(variable, value);
                if (wrong != null) {
                    problems.add(where + ": " + wrong);
                }
            } catch (RuntimeException e) {
                problems.add(where + ": " + e.getMessage());
            }
        });
        return problems;
    }

    private static String wrongValue(String variable, String value) {
        if (value == null || value.isBlank()) {
            return "empty";
        }
        switch (variable) {
            case "SOS_WEBHOOK_SECRET", "SOS_GUPSHUP_WEBHOOK_SECRET" -> {
                try {
                    WebhookSecret.checked(() -> value);
                } catch (IllegalStateException e) {
                    return e.getMessage();
                }
            }
            case "EXOTEL_FLOW_URL" -> {
                if (!value.startsWith("http://") && !value.startsWith("https://")) {
                    return "not an http(s) URL (the outbound flow's http://my.exotel.com/<sid>/exoml/start_voice/<app id>)";
                }
            }
            case "OPERATOR_SIGN_IN" -> {
                if (!value.trim().startsWith("{")) {
                    return "not the JSON the stack writes ({\"hostedUi\":...,\"clientId\":...})";
                }
            }
            default -> {
                // the provider's token or password: any value; a wrong one shows at the provider (tools/doctor asks Exotel)
            }
        }
        return null;
    }
}
