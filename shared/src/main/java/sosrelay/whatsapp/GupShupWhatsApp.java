package sosrelay.whatsapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import sosrelay.delivery.ProviderHttp;
import sosrelay.delivery.SendResult;
import sosrelay.delivery.Sender;
import sosrelay.messages.Text;
import sosrelay.delivery.DeliveryJob;
import sosrelay.log.Log;

/**
 * GupShup's enterprise WhatsApp API: one approved-template (HSM) message per job. Template messages
 * reach only numbers opted in with GupShup, so a person not yet opted in on this number is opted in
 * first ({@code method=OPT_IN}), and again if GupShup says the opt-in is gone. The credentials go in
 * the form body: GupShup also takes them in the query string, where every proxy and access log would
 * keep them.
 */
public final class GupShupWhatsApp implements Sender {
    /** WhatsApp's limit on a template message's body; longer texts are shortened, never refused. */
    public static final int MAX_BODY = 1024;
    /** Marks GupShup's "not opted in" answer apart from every other result. */
    private static final SendResult NOT_OPTED_IN = new SendResult.Transient("GupShup: the number is not opted in", null);

    private final ProviderHttp gupShup;
    private final GupShupAccount account;
    private final Function<DeliveryJob, Text> texts;
    private final WhatsAppOptIns optIns;
    private final URI endpoint;

    public GupShupWhatsApp(HttpClient http, GupShupAccount account, Function<DeliveryJob, Text> texts, WhatsAppOptIns optIns) {
        this.gupShup = new ProviderHttp(http, "GupShup", account.requestTimeout());
        this.account = account;
        this.texts = texts;
        this.optIns = optIns;
        this.endpoint = ProviderHttp.endpoint(account.apiBaseUrl(), "/GatewayAPI/rest");
    }

    @Override
    public SendResult send(DeliveryJob job) {
        if (!optIns.isOptedIn(job.personId(), job.phone())) {
            SendResult optIn = optIn(job);
            if (!(optIn instanceof SendResult.Accepted)) {
                return optIn;
            }
        }
        SendResult sent = sendMessage(job);
        if (sent != NOT_OPTED_IN) {
            return sent;
        }
        Log.warn("whatsapp.not-opted-in", "incidentId", job.incidentId(), "personId", job.personId());
        optIns.forget(job.personId());
        SendResult optIn = optIn(job);
        if (!(optIn instanceof SendResult.Accepted)) {
            return optIn;
        }
        SendResult again = sendMessage(job);
        return again == NOT_OPTED_IN ? new SendResult.Permanent("GupShup refuses the number even after opting it in") : again;
    }

    /** {@code method=OPT_IN}: the person gave consent when the hospital put them on the rota. */
    public SendResult optIn(DeliveryJob job) {
        Map<String, String> form = credentials("OPT_IN");
        form.put("phone_number", gupShupNumber(job.phone()));
        form.put("channel", "WHATSAPP");
        SendResult result = gupShup.post(endpoint, null, form, GupShupAnswers::classify);
        if (result instanceof SendResult.Accepted) {
            optIns.optedIn(job.personId(), job.phone());
            Log.info("whatsapp.opted-in", "personId", job.personId());
        }
        return result;
    }

    private SendResult sendMessage(DeliveryJob job) {
        Map<String, String> form = credentials("SendMessage");
        form.put("send_to", gupShupNumber(job.phone()));
        form.put("msg_type", "HSM");
        form.put("isTemplate", "true");
        form.put("msg", texts.apply(job).body());
        if (account.header() != null && !account.header().isBlank()) {
            form.put("header", account.header());
        }
        if (account.footer() != null && !account.footer().isBlank()) {
            form.put("footer", account.footer());
        }
        return gupShup.post(endpoint, null, form, response -> GupShupAnswers.notOptedIn(response)
                ? NOT_OPTED_IN : GupShupAnswers.classify(response));
    }

    private Map<String, String> credentials(String method) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("method", method);
        form.put("userid", account.userId());
        form.put("password", account.password().get());
        form.put("v", "1.1");
        form.put("auth_scheme", "plain");
        form.put("format", "json");
        return form;
    }

    /** GupShup wants the country code and number without the plus: {@code +919800000001} is {@code 919800000001}. */
    static String gupShupNumber(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}
