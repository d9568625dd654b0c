package sosrelay.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.web.FormEncoding;
import sosrelay.web.WebRequest;

class GupShupDeliveryReportsTest {
    private static final String EVENTS = """
            [{"externalId":"3562707498794989059-328736121207676738","eventType":"DELIVERED","eventTs":1526347800000,
              "destAddr":"919892488888","srcAddr":"TESTIN","cause":"SUCCESS","errCode":"000","channel":"WHATSAPP"},
             {"externalId":"3798318073013708082-252169030017029882","eventType":"FAILED","eventTs":1526347800000,
              "destAddr":"919892377777","cause":"Message undeliverable","errCode":"131026","channel":"WHATSAPP"}]""";

    @Test
    void aPostedArrayOfEventsIsEveryReportInOurWords() {
        List<GupShupDeliveryReports.Report> reports = GupShupDeliveryReports.of(post("application/json", EVENTS));

        assertThat(reports).containsExactly(
                new GupShupDeliveryReports.Report("3562707498794989059-328736121207676738", "delivered", "SUCCESS", "000"),
                new GupShupDeliveryReports.Report("3798318073013708082-252169030017029882", "failed", "Message undeliverable", "131026"));
        assertThat(reports.get(1).detail()).isEqualTo("Message undeliverable (131026)");
    }

    @Test
    void theArrayIsReadAfterResponseEqualsAsTheDocumentationWritesItAndAsAFormField() {
        assertThat(GupShupDeliveryReports.of(post("text/plain", "response=" + EVENTS))).hasSize(2);
        assertThat(GupShupDeliveryReports.of(post("application/x-www-form-urlencoded", FormEncoding.encode(Map.of("response", EVENTS)))))
                .hasSize(2);
        assertThat(GupShupDeliveryReports.of(post("application/json", "{\"response\":" + EVENTS + "}"))).hasSize(2);
    }

    @Test
    void aGetCarriesOneReportInTheQuery() {
        WebRequest get = new WebRequest("GET", Map.of("secret", "s"), Map.of("externalId", List.of("4937213891437419583-1"),
                "deliveredTS", List.of("1526347800000"), "status", List.of("SUCCESS"), "cause", List.of("SUCCESS"),
                "phoneNo", List.of("919800000001"), "errCode", List.of("000")), Map.of(), null, false, null);

        assertThat(GupShupDeliveryReports.of(get)).containsExactly(
                new GupShupDeliveryReports.Report("4937213891437419583-1", "delivered", "SUCCESS", "000"));
    }

    @Test
    void sentIsHandedOnNotYetDeliveredAndReadFollowsDelivery() {
        assertThat(GupShupDeliveryReports.state("SENT")).isEqualTo("submitted");
        assertThat(GupShupDeliveryReports.state("read")).isEqualTo("read");
        assertThat(GupShupDeliveryReports.state("ENQUEUED")).as("a word we do not know stays GupShup's").isEqualTo("enqueued");
    }

    @Test
    void aBodyWithoutReportsHasNone() {
        assertThat(GupShupDeliveryReports.of(post("application/json", "[{\"eventType\":\"READ\"}]"))).isEmpty();
        assertThat(GupShupDeliveryReports.of(post("application/json", "not json"))).isEmpty();
        assertThat(GupShupDeliveryReports.of(post("application/json", ""))).isEmpty();
    }

    /**
     * Issue 23: the form is decoded once, not again for each of its fields. With 20,000 fields the old quadratic
     * reading took minutes; once, it takes milliseconds.
     */
    @Test
    void aHugeFormIsDecodedOnceNotOnceAField() {
        StringBuilder form = new StringBuilder("externalId=big-1&status=DELIVERED");
        for (int i = 0; i < 20_000; i++) {
            form.append("&f").append(i).append("=x");
        }

        List<GupShupDeliveryReports.Report> reports = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> GupShupDeliveryReports.of(post("application/x-www-form-urlencoded", form.toString())));

        assertThat(reports).containsExactly(new GupShupDeliveryReports.Report("big-1", "delivered", null, null));
    }

    private static WebRequest post(String contentType, String body) {
        return new WebRequest("POST", Map.of("secret", "s"), Map.of(), Map.of("Content-Type", List.of(contentType)), body, false, null);
    }
}
