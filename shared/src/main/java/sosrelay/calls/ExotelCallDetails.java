package sosrelay.calls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import sosrelay.delivery.ProviderHttp;
import sosrelay.json.Json;

/** Exotel's call details API: how a call stands, for when its status callback never came. */
public final class ExotelCallDetails {
    private final HttpClient http;
    private final ExotelAccount account;

    public ExotelCallDetails(HttpClient http, ExotelAccount account) {
        this.http = http;
        this.account = account;
    }

    /** Exotel's status word for the call; {@link IllegalStateException} when Exotel can't say. */
    public String status(String callSid) {
        URI uri = ProviderHttp.endpoint(account.apiBaseUrl(), "/v1/Accounts/" + account.accountSid() + "/Calls/" + callSid + ".json");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(account.requestTimeout())
                .header("Authorization", ProviderHttp.basicAuth(account.apiKey(), account.apiToken().get()))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Exotel call details answered " + response.statusCode());
            }
            if (Json.readObject(response.body()).get("Call") instanceof Map<?, ?> call && call.get("Status") instanceof String status) {
                return status;
            }
            throw new IllegalStateException("Exotel call details without a Call.Status");
        } catch (IOException e) {
            throw new IllegalStateException("Exotel call details unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
