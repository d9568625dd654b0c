package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;
import sosrelay.local.sandbox.SandboxGupShup;

/**
 * The demo's Heart passthru over HTTP reaches dr-rao (channels call, sms, whatsapp) once on each channel and dr-iyer
 * (language hi) by a Hindi SMS through the sandboxes, and the GupShup password shows up in no URL and no output line.
 */
class SandboxMessagesIT {
    @RegisterExtension
    static final CapturedRelay stack = CapturedRelay.withEnvironment(Map.of("EXOTEL_SMS_REPLY_NUMBER", "08047000001"))
            .replayingMadeUpCallSids();

    @Test
    void drRaoGetsOneCallOneDltTaggedSmsAndOneWhatsAppDrIyerAHindiSmsAndNoSecretLeaks() {
        LocalRelay relay = stack.relay();
        SandboxExotel exotel = relay.sandbox().orElseThrow();
        SandboxGupShup gupShup = relay.sandboxGupShup().orElseThrow();

        assertThat(LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                LocalHttp.exotelPassthru("fd7a090139691d5ed3exxg", "Heart")).statusCode()).isEqualTo(200);
        LocalHttp.await("20 calls, dr-rao's and dr-iyer's SMS and dr-rao's WhatsApp", Duration.ofSeconds(30),
                () -> exotel.calls().size() == 20 && exotel.smsMessages().size() == 2 && gupShup.messages().size() == 1);
        // Redeliveries or stragglers would arrive within a poll or two.
        sleep(Duration.ofSeconds(2));

        assertThat(exotel.calls()).filteredOn(call -> call.from().equals("+919800000001")).hasSize(1);
        assertThat(exotel.smsMessages()).filteredOn(sms -> sms.to().equals("+919800000002")).singleElement().satisfies(sms -> {
            assertThat(sms.form()).as("dr-iyer reads Hindi: the Hindi text, under its own DLT template, as unicode")
                    .containsEntry("DltTemplateId", "1107000000000000101").containsEntry("EncodingType", "unicode");
            assertThat(sms.body()).startsWith("SOS Relay: Heart आपातकाल, समय ").contains("रिकॉर्डिंग: " + relay.stack().baseUrl() + "/r/")
                    .matches(".*संदर्भ: inc-f4ozhr7np263xfwdrpb2\\. पुष्टि के लिए: [1-9][0-9]{5} को 08047000001 पर भेजें\\.");
        });
        assertThat(exotel.smsMessages()).filteredOn(sms -> sms.to().equals("+919800000001")).singleElement().satisfies(sms -> {
            assertThat(sms.form()).containsEntry("From", "SOSRLY").containsEntry("SmsType", "transactional")
                    .containsEntry("DltEntityId", "1101000000000000001").containsEntry("DltTemplateId", "1107000000000000001")
                    .containsEntry("CustomField", "inc-f4ozhr7np263xfwdrpb2:dr-rao");
            assertThat(sms.body()).startsWith("SOS Relay: Heart emergency at ")
                    .as("Exotel's recording URL plays for nobody without the account's credentials: never texted; our own link is")
                    .contains("Recording: " + relay.stack().baseUrl() + "/r/").doesNotContain("exotelrecordings")
                    .as("the reply number is set, so the text asks for the code")
                    .matches(".*Ref: inc-f4ozhr7np263xfwdrpb2\\. To acknowledge: Reply [1-9][0-9]{5} to 08047000001\\.")
                    .as("not the caller's number").doesNotContain("0932419");
        });
        String drRaosSms = exotel.smsMessages().stream().filter(sms -> sms.to().equals("+919800000001")).findFirst().orElseThrow().body();
        String code = drRaosSms.replaceAll(".*Reply ([0-9]{6}) to .*", "$1");
        assertThat(gupShup.messages()).singleElement().satisfies(message -> {
            assertThat(message.sendTo()).isEqualTo("919800000001");
            String smsLink = drRaosSms.replaceAll(".*Recording: (\\S+) Ref: .*", "$1");
            assertThat(message.msg()).as("the SMS's link, dr-rao's own").contains("Recording: " + smsLink + " Ref: ")
                    .startsWith("SOS Relay: Heart emergency")
                    .as("WhatsApp replies are not received: press 1").endsWith("Ref: inc-f4ozhr7np263xfwdrpb2. To acknowledge: Press 1 on the call.");
        });
        assertThat(LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/sms-reply",
                java.util.Map.of("From", "09800000001", "Body", code)).body()).isEqualTo("Acknowledged. Thank you.");

        assertThat(gupShup.optedIn()).containsExactly("919800000001");
        assertThat(gupShup.requestUrls()).as("the opt-in, then the message").hasSize(2).allSatisfy(url -> assertThat(url)
                .isEqualTo("/GatewayAPI/rest").doesNotContain(SandboxGupShup.PASSWORD));
        String output = stack.output();
        assertThat(output).contains("[sandbox exotel] SMS to +91******0001: SOS Relay: Heart emergency")
                .contains("[sandbox gupshup] +91******0001 opted in to WhatsApp")
                .contains("[sandbox gupshup] WhatsApp to +91******0001: SOS Relay: Heart emergency")
                .as("both texts match the templates registered with the sandbox's DLT").doesNotContain("failed DLT scrubbing")
                .doesNotContain(SandboxGupShup.PASSWORD).doesNotContain(SandboxExotel.API_TOKEN)
                .doesNotContain("9800000001");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
