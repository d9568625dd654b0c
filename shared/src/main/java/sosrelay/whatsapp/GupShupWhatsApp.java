package sosrelay.whatsapp;

import java.net.URI;
import java.net.http.HttpClient;
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
    private final GupShupOptIn optIn;
    private final URI endpoint;

    public GupShupWhatsApp(HttpClient http, GupShupAccount account, Function<DeliveryJob, Text> texts, WhatsAppOptIns optIns) {
        this.gupShup = new ProviderHttp(http, "GupShup", account.requestTimeout());
        this.account = account;
        this.texts = texts;
        this.optIns = optIns;
        this.optIn = new GupShupOptIn(http, account, optIns);
        this.endpoint = account.endpoint();
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

    /** Opts the job's person in on the job's number, and records it. */
    private SendResult optIn(DeliveryJob job) {
        return optIn.optIn(job.personId(), job.phone());
    }

    private SendResult sendMessage(DeliveryJob job) {
        Map<String, String> form = account.form("SendMessage");
        form.put("send_to", GupShupAccount.number(job.phone()));
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
}
