package sosrelay.sms;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import sosrelay.delivery.ProviderHttp;
import sosrelay.delivery.SendResult;
import sosrelay.delivery.Sender;
import sosrelay.delivery.DeliveryJob;
import sosrelay.exotel.ExotelAnswers;

/** Exotel's SMS API: one transactional, DLT-tagged SMS per job. */
public final class ExotelSms implements Sender {
    /** Exotel's limit on {@code Body}; longer texts are shortened by the template, never refused. */
    public static final int MAX_BODY = 2000;

    private final ProviderHttp exotel;
    private final ExotelSmsAccount account;
    private final Function<DeliveryJob, String> texts;
    private final Function<DeliveryJob, String> dltTemplates;
    private final URI endpoint;

    public ExotelSms(HttpClient http, ExotelSmsAccount account, Function<DeliveryJob, String> texts) {
        this(http, account, texts, job -> account.dltTemplateId());
    }

    /** {@code dltTemplates}: the DLT template each job's text is registered as (a notice's is not the alert's). */
    public ExotelSms(HttpClient http, ExotelSmsAccount account, Function<DeliveryJob, String> texts,
                     Function<DeliveryJob, String> dltTemplates) {
        this.exotel = new ProviderHttp(http, "Exotel", account.requestTimeout());
        this.account = account;
        this.texts = texts;
        this.dltTemplates = dltTemplates;
        this.endpoint = ProviderHttp.endpoint(account.apiBaseUrl(), "/v1/Accounts/" + account.accountSid() + "/Sms/send.json");
    }

    @Override
    public SendResult send(DeliveryJob job) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("From", account.senderId());
        form.put("To", job.phone());
        String body = texts.apply(job);
        form.put("Body", body);
        if (SmsEncoding.needsUnicode(body)) {
            form.put("EncodingType", "unicode");
        }
        form.put("DltEntityId", account.dltEntityId());
        form.put("DltTemplateId", dltTemplates.apply(job));
        form.put("SmsType", "transactional");
        form.put("StatusCallback", account.statusCallbackUrl());
        form.put("CustomField", job.customField());
        return exotel.post(endpoint, ProviderHttp.basicAuth(account.apiKey(), account.apiToken().get()), form,
                response -> ExotelAnswers.classify(response, "SMSMessage"));
    }
}
