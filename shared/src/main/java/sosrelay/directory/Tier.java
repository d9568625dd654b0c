package sosrelay.directory;

import java.util.List;

/** A group of people notified together. */
public record Tier(List<String> personIds) {
}
