package sosrelay.local.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/**
 * Exotel's bulk call details ({@code GET .../Calls.json?From=...}) answered truthfully by a WireMock that stands in
 * for Exotel: the calls it accepted on {@code Calls/connect.json} from that number. Without it a stand-in would deny
 * a call it accepted but answered too late for the worker's timeout, and the worker, unsure, would rightly ring the
 * person again; real Exotel lists the call. Stub the listing {@code .withTransformers(NAME)}.
 */
final class AcceptedCallsListing implements ResponseDefinitionTransformerV2 {
    static final String NAME = "accepted-calls-listing";

    private final Supplier<WireMockServer> exotel;

    AcceptedCallsListing(Supplier<WireMockServer> exotel) {
        this.exotel = exotel;
    }

    @Override
    public ResponseDefinition transform(ServeEvent listing) {
        String from = listing.getRequest().queryParameter("From").firstValue();
        List<Map<String, Object>> calls = exotel.get().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/Calls/connect.json") && e.getResponse().getStatus() == 200)
                .filter(e -> from.equals(FormEncoding.decode(e.getRequest().getBodyAsString()).get("From").get(0)))
                .map(e -> Json.readObject(e.getResponse().getBodyAsString()).get("Call"))
                .filter(Map.class::isInstance).map(call -> ((Map<?, ?>) call).get("Sid")).filter(Objects::nonNull)
                .map(sid -> Map.<String, Object>of("Sid", sid, "From", from, "Status", "in-progress"))
                .toList();
        return ResponseDefinitionBuilder.like(listing.getResponseDefinition()).but()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(Json.write(Map.of("Calls", calls)))
                .build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
