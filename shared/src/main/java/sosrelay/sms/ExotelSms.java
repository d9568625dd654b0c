package sosrelay.sms;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import sosrelay.delivery.ProviderHttp;
import sosrelay.delivery.SendResult;
import sosrelay.delivery.Sender;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.Notice;
import sosrelay.directory.Language;
import sosrelay.exotel.ExotelAnswers;
import sosrelay.messages.Text;

/** Exotel's SMS API: one transactional, DLT-tagged SMS per job. */
public final class ExotelSms implements Sender {
    /** Exotel's limit on {@code Body}; longer texts are shortened by the template, never refused. */
    public static final int MAX_BODY = 2000;

    private final ProviderHttp exotel;
    private final ExotelSmsAccount account;
    private final Function<DeliveryJob, Text> texts;
    private final BiFunction<DeliveryJob, Language, String> dltTemplates;
    private final URI endpoint;
    private final Map<String, String> noticesOff;

    /** Every text registered as the account's one DLT template. */
    public ExotelSms(HttpClient http, ExotelSmsAccount account, Function<DeliveryJob, Text> texts) {
        this(http, account, texts, (job, language) -> account.dltTemplateId(), Map.of());
    }

    /**
     * {@code dltTemplates}: the DLT template each job's text is registered as, by the text's language (a notice's is not
     * the alert's, a Hindi text's not the English one's); {@code noticesOff}: the notices (by {@link Notice.Kind#id()}) with
     * no registered template, each with why, which are not sent (the alert always is).
     */
    public ExotelSms(HttpClient http, ExotelSmsAccount account, Function<DeliveryJob, Text> texts,
                     BiFunction<DeliveryJob, Language, String> dltTemplates, Map<String, String> noticesOff) {
        this.exotel = new ProviderHttp(http, "Exotel", account.requestTimeout());
        this.account = account;
        this.texts = texts;
        this.dltTemplates = dltTemplates;
        this.endpoint = ProviderHttp.endpoint(account.apiBaseUrl(), "/v1/Accounts/" + account.accountSid() + "/Sms/send.json");
        this.noticesOff = Map.copyOf(noticesOff);
    }

    @Override
    public String off(DeliveryJob job) {
        String why = job.notice() == null ? null : noticesOff.get(job.notice().kind().id());
        return why == null ? null : "the " + job.notice().kind().id() + " SMS is off: " + why;
    }

    @Override
    public SendResult send(DeliveryJob job) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("From", account.senderId());
        form.put("To", job.phone());
        Text text = texts.apply(job);
        String body = text.body();
        form.put("Body", body);
        if (SmsEncoding.needsUnicode(body)) {
            form.put("EncodingType", "unicode");
        }
        form.put("DltEntityId", account.dltEntityId());
        form.put("DltTemplateId", dltTemplates.apply(job, text.language()));
        form.put("SmsType", "transactional");
        form.put("StatusCallback", account.statusCallbackUrl().get());
        form.put("CustomField", job.customField());
        return exotel.post(endpoint, ProviderHttp.basicAuth(account.apiKey(), account.apiToken().get()), form,
                response -> ExotelAnswers.classify(response, "SMSMessage"));
    }
}
