package sosrelay.directory;

import java.util.Locale;

/** How a person can be reached; each channel is its own job and its own queue. */
public enum Channel {
    CALL, SMS, WHATSAPP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel named {@code text} (call, sms, whatsapp), or null. */
    public static Channel parse(String text) {
        for (Channel channel : values()) {
            if (channel.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return channel;
            }
        }
        return null;
    }
}
