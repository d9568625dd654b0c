package sosrelay.incident;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Exotel writes times in IST with no offset, in two shapes: {@code Fri, 16 Jul 2021 15:47:25} and {@code 2021-07-16 15:41:28}. */
public final class ExotelTimes {
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH));

    private ExotelTimes() {
    }

    /** The instant, or null when the text is absent or in neither shape. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : FORMATS) {
            try {
                return LocalDateTime.parse(text.trim(), format).atZone(IST).toInstant();
            } catch (DateTimeParseException notThisShape) {
                // try the next shape
            }
        }
        return null;
    }
}
