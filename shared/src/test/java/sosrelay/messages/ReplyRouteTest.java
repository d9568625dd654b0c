package sosrelay.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.config.Settings;
import sosrelay.directory.Language;

class ReplyRouteTest {

    @Test
    void withoutAReplyNumberTheTextSaysPressOneAndATemplateAskingForACodeIsRefused() {
        Map<Placeholder, String> values = IncidentValues.unknownIncident("inc-9", "482913", Language.EN);

        assertThat(ReplyRoute.replyTo(values, null, Language.EN).get(Placeholder.ACKNOWLEDGE)).isEqualTo("Press 1 on the call");
        assertThatThrownBy(() -> ReplyRoute.check("Reply {ackCode} to acknowledge", "SMS_TEMPLATE", false,
                "EXOTEL_SMS_REPLY_NUMBER is not set"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SMS_TEMPLATE asks for a reply with {ackCode} but EXOTEL_SMS_REPLY_NUMBER is not set");
        ReplyRoute.check(Settings.DEFAULT_MESSAGE_TEMPLATE, "SMS_TEMPLATE", false, "no reply number");
    }

    @Test
    void withAReplyNumberTheTextAsksForTheCodeAtThatNumber() {
        Map<Placeholder, String> values = IncidentValues.unknownIncident("inc-9", "482913", Language.EN);

        assertThat(ReplyRoute.replyTo(values, "08047000111", Language.EN).get(Placeholder.ACKNOWLEDGE))
                .isEqualTo("Reply " + values.get(Placeholder.ACK_CODE) + " to 08047000111").hasSizeLessThanOrEqualTo(30);
        ReplyRoute.check("Reply {ackCode}", "SMS_TEMPLATE", true, "");
    }

    @Test
    void aWhatsAppTextAsksForTheCodeAsItsAnswerOnlyWhereRepliesArrive() {
        Map<Placeholder, String> values = IncidentValues.unknownIncident("inc-9", "482913", Language.EN);
        Map<Placeholder, String> hindi = IncidentValues.unknownIncident("inc-9", "482913", Language.HI);

        assertThat(ReplyRoute.replyHere(values, true, Language.EN).get(Placeholder.ACKNOWLEDGE)).isEqualTo("Reply 482913 to this message");
        assertThat(ReplyRoute.replyHere(values, false, Language.EN).get(Placeholder.ACKNOWLEDGE)).isEqualTo("Press 1 on the call");
        assertThat(ReplyRoute.replyHere(hindi, true, Language.HI).get(Placeholder.ACKNOWLEDGE)).contains("482913")
                .doesNotContain("Reply");
    }
}
