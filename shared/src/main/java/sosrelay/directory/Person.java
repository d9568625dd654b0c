package sosrelay.directory;

import java.util.List;

/** Someone who can be alerted. {@code phone} is E.164. */
public record Person(String id, String name, String phone, List<Channel> channels) {
}
