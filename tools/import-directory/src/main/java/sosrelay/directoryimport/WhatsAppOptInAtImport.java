package sosrelay.directoryimport;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import sosrelay.config.Env;
import sosrelay.config.Settings;
import sosrelay.delivery.SendResult;
import sosrelay.directory.Channel;
import sosrelay.directory.Directory;
import sosrelay.directory.Person;
import sosrelay.directory.PhoneNumbers;
import sosrelay.secrets.SecretValue;
import sosrelay.whatsapp.GupShupAccount;
import sosrelay.whatsapp.GupShupOptIn;
import sosrelay.whatsapp.WhatsAppOptIns;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * After an import, everyone with WhatsApp is opted in with GupShup ({@code method=OPT_IN}) and recorded per person in
 * the incidents table ({@code OPTIN#<person>}, which the WhatsApp worker reads), so a first alert never waits for an
 * opt-in, nor fails on one. GupShup's account comes from the same variables the WhatsApp function reads
 * ({@code GUPSHUP_USER_ID}, {@code GUPSHUP_PASSWORD_PARAMETER} (read from SSM with the operator's credentials) or
 * {@code GUPSHUP_PASSWORD}, {@code GUPSHUP_API_BASE_URL}). A person already recorded on the same number is skipped; a
 * person GupShup refuses is listed, and the import stands: the worker opts them in before their first message.
 */
final class WhatsAppOptInAtImport {
    /** How it went: opted in now, recorded before, refused (each with its reason, on the error stream). */
    record Outcome(int optedIn, int alreadyOptedIn, int refused) {
    }

    private final GupShupOptIn gupShup;
    private final WhatsAppOptIns optIns;

    WhatsAppOptInAtImport(GupShupOptIn gupShup, WhatsAppOptIns optIns) {
        this.gupShup = gupShup;
        this.optIns = optIns;
    }

    /** Throws {@link IllegalStateException} naming every missing or malformed GUPSHUP_* variable. */
    static WhatsAppOptInAtImport of(Env env, DynamoDbClient dynamo, String incidentsTable, Supplier<SsmClient> ssm) {
        Settings.WhatsApp settings = new Settings(env).whatsApp();
        Clock clock = Clock.systemUTC();
        Supplier<String> password = settings.password().isPlain() ? settings.password()::value
                : new SecretValue(ssm, settings.password().parameterName(), clock, SecretValue.KEPT);
        GupShupAccount account = new GupShupAccount(settings.apiBaseUrl(), settings.userId(), password, settings.requestTimeout());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        WhatsAppOptIns optIns = new WhatsAppOptIns(dynamo, incidentsTable, clock);
        return new WhatsAppOptInAtImport(new GupShupOptIn(http, account, optIns), optIns);
    }

    static List<Person> withWhatsApp(Directory directory) {
        return directory.people().values().stream().filter(p -> p.channels().contains(Channel.WHATSAPP)).toList();
    }

    Outcome optInEveryone(Directory directory, PrintStream out, PrintStream err) {
        int optedIn = 0;
        int already = 0;
        int refused = 0;
        for (Person person : withWhatsApp(directory)) {
            try {
                if (optIns.isOptedIn(person.id(), person.phone())) {
                    already++;
                    continue;
                }
                SendResult result = gupShup.optIn(person.id(), person.phone());
                if (result instanceof SendResult.Accepted) {
                    optedIn++;
                } else {
                    refused++;
                    err.printf("WhatsApp opt-in of %s (%s) failed: %s%n", person.id(), PhoneNumbers.mask(person.phone()), reason(result));
                }
            } catch (RuntimeException e) {
                refused++;
                err.printf("WhatsApp opt-in of %s (%s) failed: %s%n", person.id(), PhoneNumbers.mask(person.phone()), e.getMessage());
            }
        }
        out.printf("WhatsApp: %d opted in with GupShup, %d already opted in, %d failed%s.%n", optedIn, already, refused,
                refused == 0 ? "" : " (listed above; each is opted in again before their first message)");
        return new Outcome(optedIn, already, refused);
    }

    private static String reason(SendResult result) {
        if (result instanceof SendResult.Transient t) {
            return t.reason();
        }
        if (result instanceof SendResult.Permanent p) {
            return p.reason();
        }
        return result instanceof SendResult.Unknown u ? u.reason() : String.valueOf(result);
    }
}
