package sosrelay.directory;

import java.util.List;

/**
 * Someone who can be alerted. {@code phone} is E.164, their first number: texts go to it; {@code phones} are all their
 * numbers in the order a call tries them ({@code phones: [mobile, desk]}), {@code phone} first. {@code language} picks
 * their texts.
 *
 * <p>Call attempts go round the numbers: attempt 1 rings the first, attempt 2 the second, and so on; one round of the
 * type's retry policy is one try of each number ({@link #phoneFor}, {@link #round}).
 */
public record Person(String id, String name, String phone, List<Channel> channels, Language language, List<String> phones) {

    public Person {
        phones = phones == null || phones.isEmpty() ? List.of(phone) : List.copyOf(phones);
        if (!phones.get(0).equals(phone)) {
            throw new IllegalArgumentException("a person's first number is their phone");
        }
    }

    /** Someone with one number. */
    public Person(String id, String name, String phone, List<Channel> channels, Language language) {
        this(id, name, phone, channels, language, null);
    }

    /** Someone with one number, whose texts are in English. */
    public Person(String id, String name, String phone, List<Channel> channels) {
        this(id, name, phone, channels, Language.EN);
    }

    /** The number call attempt {@code attempt} (1, 2, ...) rings. */
    public String phoneFor(int attempt) {
        return phones.get(Math.floorMod(attempt - 1, phones.size()));
    }

    /** The round of the retry policy call attempt {@code attempt} belongs to (1, 2, ...): one try of each number. */
    public int round(int attempt) {
        return (Math.max(attempt, 1) - 1) / phones.size() + 1;
    }

    /** Whether call attempt {@code attempt} rang the last of the numbers: only then does a retry wait. */
    public boolean lastNumber(int attempt) {
        return Math.floorMod(attempt, phones.size()) == 0;
    }

    /** The first attempt of the round after the one {@code attempt} belongs to (0: none yet): it rings the first number. */
    public int nextRoundAfter(int attempt) {
        return attempt <= 0 ? 1 : round(attempt) * phones.size() + 1;
    }

    /** Whether {@code e164} is one of their numbers (never for null: a caller that is no phone number). */
    public boolean hasNumber(String e164) {
        return e164 != null && phones.contains(e164);
    }
}
