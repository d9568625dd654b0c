package sosrelay.whatsapp;

import java.net.http.HttpClient;
import java.util.Map;
import sosrelay.delivery.ProviderHttp;
import sosrelay.delivery.SendResult;
import sosrelay.log.Log;

/**
 * GupShup's {@code method=OPT_IN&channel=WHATSAPP}: template messages reach only numbers opted in. The person gave
 * consent when the hospital put them on the rota; each success is recorded per person ({@link WhatsAppOptIns}), so the
 * sender opts in only a number not yet recorded. Asked by the directory import for everyone with WhatsApp, and by the
 * WhatsApp sender before a first message to a number the import missed.
 */
public final class GupShupOptIn {
    private final ProviderHttp gupShup;
    private final GupShupAccount account;
    private final WhatsAppOptIns optIns;

    public GupShupOptIn(HttpClient http, GupShupAccount account, WhatsAppOptIns optIns) {
        this.gupShup = new ProviderHttp(http, "GupShup", account.requestTimeout());
        this.account = account;
        this.optIns = optIns;
    }

    /** Accepted (and recorded) when GupShup took it; otherwise GupShup's refusal, classified as a send's would be. */
    public SendResult optIn(String personId, String phone) {
        Map<String, String> form = account.form("OPT_IN");
        form.put("phone_number", GupShupAccount.number(phone));
        form.put("channel", "WHATSAPP");
        SendResult result = gupShup.post(account.endpoint(), null, form, GupShupAnswers::classify);
        if (result instanceof SendResult.Accepted) {
            optIns.optedIn(personId, phone);
            Log.info("whatsapp.opted-in", "personId", personId);
        }
        return result;
    }
}
