package sosrelay.local.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The nasty values the hostile corpus puts into parameters, fields, paths and headers. */
final class HostileValues {
    static final String HUGE = "x".repeat(100 * 1024);
    static final String TEN_KB = "y".repeat(10 * 1024);

    /** Script, injection, traversal, header-splitting and encoding tricks, and the empty string. */
    static final List<String> INJECTIONS = List.of(
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "${jndi:ldap://x}",
            "../../etc/passwd",
            "a\r\nSet-Cookie: injected=1",
            "nul\0byte",
            "\uD800 lone high surrogate",
            "lone low surrogate \uDFFF",
            "%00%0d%0a",
            "{{7*7}}",
            "%s%s%s%n",
            "\u202Egnp.exe",
            "\uD83D\uDE00".repeat(40),
            "");

    /** Dates Exotel never sends: the epoch, the far future, days that don't exist, negatives, junk. */
    static final List<String> ABSURD_DATES = List.of(
            "1970-01-01 00:00:00",
            "Thu, 1 Jan 1970 00:00:00",
            "9999-12-31 23:59:59",
            "Fri, 31 Dec 9999 23:59:59",
            "2021-02-30 10:00:00",
            "Tue, 30 Feb 2021 10:00:00",
            "2021-13-45 99:99:99",
            "-1",
            "-2021-07-16 15:41:28",
            "+999999999-12-31 23:59:59",
            "0",
            "now",
            TEN_KB);

    /**
     * Recording URLs the allow-list must refuse (and two look-alikes it may accept): other hosts,
     * plain http, credentials, other schemes, IP literals, IDN look-alikes, encoded dots and slashes.
     */
    static final List<String> FORGED_RECORDING_URLS = List.of(
            "https://evil.example.com/exotelrecordings/xx_0.mp3",
            "http://s3-ap-southeast-1.amazonaws.com/exotelrecordings/xx_0.mp3",
            "https://user:pw@recordings.exotel.com/a.mp3",
            "https://recordings.exotel.com@evil.example.com/a.mp3",
            "https://recordings.exotel.com.evil.example.com/a.mp3",
            "javascript:alert(document.cookie)",
            "data:audio/mpeg;base64,SUQzBAAAAAAA",
            "file:///etc/passwd",
            "ftp://recordings.exotel.com/a.mp3",
            "https://127.0.0.1/a.mp3",
            "https://169.254.169.254/latest/meta-data/",
            "https://[::1]/a.mp3",
            "https://2130706433/a.mp3",
            "https://xn--recordings-exotl-5qb.com/a.mp3",
            "https://recordings.ex\u043Etel.com/a.mp3",
            "https://recordings.exotel.com./a.mp3",
            "https://recordings.exotel.com:8443/a.mp3",
            "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/../other-bucket/a.mp3",
            "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/%2e%2e/other-bucket/a.mp3",
            "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/.%2E/other-bucket/a.mp3",
            "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/..%2Fother-bucket/a.mp3",
            "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/%2E./other-bucket/a.mp3",
            "https://s3-ap-southeast-1.amazonaws.com/exotelrecordingsX/a.mp3",
            "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/a.mp3#frag",
            "https://recordings.exotel.com/a.mp3\r\nX-Injected: 1",
            "https://recordings.exotel.com/a b.mp3",
            "//recordings.exotel.com/a.mp3",
            "https:recordings.exotel.com/a.mp3",
            "HTTPS://RECORDINGS.EXOTEL.COM/a.mp3",
            "https://recordings.exotel.com/" + HUGE.substring(0, 3000));

    /** Secrets as they appear on the wire: empty, one character off, very long, with slashes and escapes. */
    static final List<String> WRONG_SECRETS = List.of(
            "",
            "local-webhook-secreT",
            "local-webhook-secre",
            "local-webhook-secrett",
            "LOCAL-WEBHOOK-SECRET",
            "local-webhook-secret%20",
            "local-webhook-secret%00",
            "local-webhook%2Fsecret",
            "local-webhook/secret",
            "..",
            "%2e%2e",
            "%zz",
            "%C3%28",
            "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D",
            "s".repeat(4000));

    /** x-api-key header lines that must not pass: absent (the empty list), empty, one off, huge, injected. */
    static final List<List<String>> WRONG_API_KEY_HEADERS = List.of(
            List.of(),
            List.of("x-api-key:"),
            List.of("x-api-key: guessed-key"),
            List.of("x-api-key: local-device-ke"),
            List.of("x-api-key: local-device-keyy"),
            List.of("x-api-key: LOCAL-DEVICE-KEY"),
            List.of("x-api-key: local-device\u0000key"),
            List.of("x-api-key: ' OR 1=1 --"),
            List.of("x-api-key: ${jndi:ldap://x}"),
            List.of("x-api-key: " + "k".repeat(8000)),
            List.of("x-api-key-x: local-device-key"),
            List.of("api-key: local-device-key"));

    /** Percent-escapes that are not escapes, or not UTF-8, or a lone surrogate's bytes. */
    static final List<String> BROKEN_ESCAPES = List.of("%zz", "%C3%28", "%ED%A0%80", "%", "%%", "%u0041", "%0", "%F0%9F",
            "%FF%FE", "%C0%AF");

    private HostileValues() {
    }

    /** CustomFields Exotel never set: unknown or malformed ids, other people's incidents, URLs, huge and traversal strings. */
    static List<String> forgedCustomFields(Random random, List<String> realIncidentIds) {
        List<String> fields = new ArrayList<>(List.of(
                "", ":", "::::", "dr-rao", "inc-x:../../", "inc-x:../../etc/passwd",
                "inc-AAAAAAAAAAAAAAAAAAAA:dr-rao", "inc-aaaaaaaaaaaaaaaaaaaa", "inc-aaaaaaaaaaaaaaaaaaaa:",
                "inc-aaaaaaaaaaaaaaaaaaaaa:dr-rao", "inc-aaaaaaaaaaaaaaaaaaaa\n:dr-rao",
                "https://evil.example.com/a.mp3", "https://recordings.exotel.com/a.mp3",
                "javascript:alert(1)", TEN_KB, "inc-" + TEN_KB + ":dr-rao"));
        for (int i = 0; i < 4; i++) {
            fields.add(randomIncidentId(random) + ":dr-rao");
        }
        realIncidentIds.forEach(id -> fields.add(id + ":nobody-" + random.nextInt(1000)));
        INJECTIONS.forEach(injection -> fields.add("inc-aaaaaaaaaaaaaaaaaaaa:" + injection));
        return fields;
    }

    /** A well-formed incident id that (almost surely) names no incident. */
    static String randomIncidentId(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder id = new StringBuilder("inc-");
        for (int i = 0; i < 20; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    static String randomCallSid(Random random) {
        return "hostile" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    }
}
