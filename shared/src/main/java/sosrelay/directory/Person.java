package sosrelay.directory;

import java.util.List;

/** Someone who can be alerted. {@code phone} is E.164; {@code language} picks their texts. */
public record Person(String id, String name, String phone, List<Channel> channels, Language language) {

    /** Someone whose texts are in English. */
    public Person(String id, String name, String phone, List<Channel> channels) {
        this(id, name, phone, channels, Language.EN);
    }
}
