package sosrelay.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import sosrelay.directory.PhoneNumbers;
import sosrelay.json.Json;

/** The sandbox Exotel's SMS API: refuses what Exotel refuses (no DLT fields), keeps what it accepts. */
final class SandboxSms {
    /** What Exotel insists on for an SMS to an Indian number. */
    private static final List<String> REQUIRED = List.of("From", "To", "Body", "DltEntityId", "DltTemplateId");

    private final PrintStream console;
    private final List<SandboxExotel.SentSms> sent = new CopyOnWriteArrayList<>();

    SandboxSms(PrintStream console) {
        this.console = console;
    }

    List<SandboxExotel.SentSms> sent() {
        return List.copyOf(sent);
    }

    void send(HttpExchange exchange, Map<String, String> form) throws IOException {
        List<String> missing = SandboxHttp.missing(form, REQUIRED);
        if (!missing.isEmpty()) {
            SandboxHttp.exotelError(exchange, 400, "Missing parameter(s): " + missing);
            return;
        }
        SandboxExotel.SentSms sms = new SandboxExotel.SentSms(UUID.randomUUID().toString().replace("-", ""), form.get("From"),
                form.get("To"), form.get("Body"), form, Instant.now());
        sent.add(sms);
        console.printf("[sandbox exotel] SMS to %s: %s%n", PhoneNumbers.mask(sms.to()), sms.body());
        SandboxHttp.reply(exchange, 200, Json.write(Map.of("SMSMessage", Map.of("Sid", sms.sid(), "Status", "queued",
                "From", sms.from(), "To", sms.to(), "DetailedStatus", "PENDING_TO_OPERATOR"))));
    }
}
