package sosrelay.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.backends.SamTemplate;

/** template.yaml's WAF rate rules as the local stack plays them: providers' webhooks pass, a flooding address does not. */
class WebAclRateRulesTest {
    private static final String EXOTEL = "203.0.113.10";
    private static final String GUPSHUP = "203.0.113.20";
    private static final String FLOODER = "198.51.100.66";

    private final MovableClock clock = new MovableClock();
    private final WebAclRateRules webAcl = WebAclRateRules.of(SamTemplate.load(LocalTemplate.findTemplate()), clock);

    @Test
    void everyCallbackOfA200PersonFanOutPassesWhileOneFloodingAddressIsBlocked() {
        int webhookLimit = limit("exotel-webhooks-rate");
        assertThat(webhookLimit).as("far above a fan-out's 1,000 webhooks").isGreaterThanOrEqualTo(5 * 1000);

        // Three fan-outs of 200 people within the window, all from one Exotel and one GupShup address:
        // per person greeting (GET and the HEAD Exotel sends first), ack, call status, SMS status; delivery and inbound.
        for (int fanOut = 0; fanOut < 3; fanOut++) {
            for (int person = 0; person < 200; person++) {
                for (String route : List.of("greeting", "greeting", "ack", "call-status", "sms-status")) {
                    assertThat(webAcl.admit(EXOTEL, "/Prod/exotel/s3cr3t/" + route)).as("fan-out %d person %d %s", fanOut, person, route).isTrue();
                }
                for (String route : List.of("delivery", "inbound")) {
                    assertThat(webAcl.admit(GUPSHUP, "/Prod/gupshup/s3cr3t/" + route)).isTrue();
                }
            }
            clock.advance(Duration.ofSeconds(30));
        }

        long admitted = IntStream.range(0, webhookLimit + 50).filter(i -> webAcl.admit(FLOODER, "/Prod/exotel/guess-" + i + "/passthru")).count();
        assertThat(admitted).as("the flood's requests past the limit are blocked").isEqualTo(webhookLimit);
        assertThat(webAcl.admit(FLOODER, "/Prod/exotel/guess/passthru")).isFalse();
        assertThat(webAcl.admit(EXOTEL, "/Prod/exotel/s3cr3t/passthru")).as("Exotel's next Passthru, meanwhile").isTrue();

        clock.advance(WebAclRateRules.WINDOW);
        assertThat(webAcl.admit(FLOODER, "/Prod/exotel/guess/passthru")).as("once its rate falls, as WAF does").isTrue();
    }

    @Test
    void recordingLinksAndTheBoardHaveALowPerAddressLimitAndTheDeviceApiNone() {
        int publicLimit = limit("public-routes-rate");
        assertThat(publicLimit).isLessThan(limit("exotel-webhooks-rate"));

        for (int i = 0; i < publicLimit; i++) {
            assertThat(webAcl.admit(FLOODER, i % 2 == 0 ? "/Prod/r/token-" + i : "/Prod/board/app.js")).isTrue();
        }
        assertThat(webAcl.admit(FLOODER, "/Prod/r/token-x")).isFalse();
        assertThat(webAcl.admit(FLOODER, "/Prod/board")).isFalse();
        assertThat(webAcl.admit(FLOODER, "/Prod/v1/incidents")).as("keys and the usage plan guard the device API").isTrue();
        assertThat(webAcl.admit(EXOTEL, "/Prod/r/token-y")).as("per address").isTrue();
    }

    private int limit(String rule) {
        return webAcl.rules().stream().filter(r -> r.name().equals(rule)).findFirst().orElseThrow().limit();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
