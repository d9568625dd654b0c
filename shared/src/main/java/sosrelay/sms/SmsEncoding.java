package sosrelay.sms;

/**
 * Whether a text fits the GSM 7-bit alphabet; anything else (a Hindi name, a curly quote) must go as
 * {@code EncodingType=unicode}, or the operator replaces it with question marks.
 */
public final class SmsEncoding {
    private static final String GSM_7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
            + "^{}\\[~]|€";

    private SmsEncoding() {
    }

    public static boolean needsUnicode(String text) {
        return text.chars().anyMatch(c -> GSM_7.indexOf(c) < 0);
    }
}
