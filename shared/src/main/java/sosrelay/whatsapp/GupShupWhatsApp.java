package sosrelay.whatsapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import sosrelay.delivery.ProviderHttp;
import sosrelay.delivery.SendResult;
import sosrelay.delivery.Sender;
import sosrelay.dispatch.DeliveryJob;

/**
 * GupShup's enterprise WhatsApp API: one approved-template (HSM) message per job. The credentials
 * go in the form body: GupShup also takes them in the query string, where every proxy and access
 * log would keep them.
 */
public final class GupShupWhatsApp implements Sender {
    /** WhatsApp's limit on a template message's body; longer texts are shortened, never refused. */
    public static final int MAX_BODY = 1024;

    private final ProviderHttp gupShup;
    private final GupShupAccount account;
    private final Function<DeliveryJob, String> texts;
    private final URI endpoint;

    public GupShupWhatsApp(HttpClient http, GupShupAccount account, Function<DeliveryJob, String> texts) {
        this.gupShup = new ProviderHttp(http, "GupShup", account.requestTimeout());
        this.account = account;
        this.texts = texts;
        this.endpoint = ProviderHttp.endpoint(account.apiBaseUrl(), "/GatewayAPI/rest");
    }

    @Override
    public SendResult send(DeliveryJob job) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("method", "SendMessage");
        form.put("userid", account.userId());
        form.put("password", account.password().get());
        form.put("send_to", gupShupNumber(job.phone()));
        form.put("msg_type", "HSM");
        form.put("isTemplate", "true");
        form.put("msg", texts.apply(job));
        form.put("v", "1.1");
        form.put("auth_scheme", "plain");
        form.put("format", "json");
        return gupShup.post(endpoint, null, form, GupShupAnswers::classify);
    }

    /** GupShup wants the country code and number without the plus: {@code +919800000001} is {@code 919800000001}. */
    static String gupShupNumber(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}
