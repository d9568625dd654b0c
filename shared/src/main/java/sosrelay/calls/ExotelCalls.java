package sosrelay.calls;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.delivery.ProviderHttp;
import sosrelay.delivery.SendResult;
import sosrelay.delivery.DeliveryJob;
import sosrelay.exotel.ExotelAnswers;

/**
 * Exotel's "connect a number to a call flow" API: rings {@code From} and, when they pick up, runs
 * the outbound flow, whose Dynamic Greeting asks us what to play. The {@link VoiceProvider} named {@code exotel}.
 */
public final class ExotelCalls implements VoiceProvider {
    private final ProviderHttp exotel;
    private final ExotelAccount account;
    private final URI endpoint;
    private final ExotelCallDetails details;
    private final String name;

    /** The first account's calls, named {@code exotel}, their ids bare. */
    public ExotelCalls(HttpClient http, ExotelAccount account) {
        this(http, account, VoiceProviders.EXOTEL);
    }

    /** {@code name}: {@code exotel}, or a further account's {@code exotel:<label>}, whose ids are kept as {@code exotel_<label>-<CallSid>}. */
    public ExotelCalls(HttpClient http, ExotelAccount account, String name) {
        this.name = name;
        this.exotel = new ProviderHttp(http, "Exotel", account.requestTimeout());
        this.details = new ExotelCallDetails(http, account);
        this.account = account;
        this.endpoint = ProviderHttp.endpoint(account.apiBaseUrl(), "/v1/Accounts/" + account.accountSid() + "/Calls/connect.json");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SendResult send(DeliveryJob job) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("From", job.phone());
        form.put("CallerId", account.callerId());
        form.put("Url", account.flowUrl().get());
        form.put("CallType", "trans");
        form.put("TimeOut", Integer.toString(account.ringTimeoutSeconds()));
        form.put("TimeLimit", Integer.toString(account.timeLimitSeconds()));
        form.put("CustomField", job.customField());
        form.put("StatusCallback", account.statusCallbackUrl().get());
        // The terminal event carries CustomField and the legs as well: enough to place the callback
        // even if the CallSid were unknown to us.
        form.put("StatusCallbackEvents[0]", "terminal");
        SendResult result = exotel.post(endpoint, ProviderHttp.basicAuth(account.apiKey(), account.apiToken().get()), form,
                response -> ExotelAnswers.classify(response, "Call"));
        return result instanceof SendResult.Accepted accepted
                ? new SendResult.Accepted(VoiceProviders.storedId(name, accepted.providerId())) : result;
    }

    @Override
    public List<String> sentSince(DeliveryJob job, Instant since) {
        return details.placedSince(job.phone(), since).stream().map(sid -> VoiceProviders.storedId(name, sid)).toList();
    }

    @Override
    public String status(String providerId) {
        return details.status(VoiceProviders.ownId(name, providerId));
    }
}
