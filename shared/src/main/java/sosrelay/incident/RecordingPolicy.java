package sosrelay.incident;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which recording URLs we ever fetch with the Exotel account's credentials (and copy to play): https on an
 * allow-listed host and path prefix, Exotel's narrowed to this account's folder ({@link #forAccount}). Entries are {@code host}, {@code host/path-prefix}, or with an explicit
 * scheme and port ({@code http://127.0.0.1:8089/}) for a sandbox.
 */
public final class RecordingPolicy {
    private static final int MAX_LENGTH = 2048;
    /** Exotel's recordings folder on each of its recording hosts; one sub-folder per account. */
    private static final String EXOTEL_FOLDER = "/exotelrecordings/";

    private record Allowed(String scheme, String host, int port, String pathPrefix) {
    }

    /** The accepted URL, or null with the reason it was refused. */
    public record Verdict(String url, String refusal) {
    }

    private final List<Allowed> allowed;

    private RecordingPolicy(List<Allowed> allowed) {
        this.allowed = allowed;
    }

    /**
     * The allow-list narrowed to one Exotel account: an entry ending in Exotel's {@code /exotelrecordings/} folder
     * allows only {@code /exotelrecordings/<accountSid>/}, where Exotel keeps this account's recordings (the same
     * hosts hold every other account's). Entries with any other path are taken as written.
     */
    public static RecordingPolicy forAccount(String commaSeparated, String accountSid) {
        if (accountSid == null || !accountSid.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("an Exotel account sid is letters, digits, - and _, not '" + accountSid + "'");
        }
        List<Allowed> narrowed = of(commaSeparated).allowed.stream()
                .map(a -> a.pathPrefix().endsWith(EXOTEL_FOLDER)
                        ? new Allowed(a.scheme(), a.host(), a.port(), a.pathPrefix() + accountSid + "/") : a)
                .toList();
        return new RecordingPolicy(narrowed);
    }

    /** Parses a comma-separated allow-list such as {@code recordings.exotel.com/exotelrecordings/}. */
    public static RecordingPolicy of(String commaSeparated) {
        List<Allowed> entries = new ArrayList<>();
        for (String raw : commaSeparated == null ? new String[0] : commaSeparated.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            URI uri = URI.create(entry.contains("://") ? entry : "https://" + entry);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            entries.add(new Allowed(uri.getScheme().toLowerCase(Locale.ROOT), uri.getHost().toLowerCase(Locale.ROOT),
                    effectivePort(uri), path));
        }
        return new RecordingPolicy(List.copyOf(entries));
    }

    public Verdict check(String url) {
        if (url == null || url.isBlank()) {
            return new Verdict(null, null);
        }
        String text = url.trim();
        if (text.length() > MAX_LENGTH) {
            return refuse("longer than " + MAX_LENGTH + " characters");
        }
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return refuse("it contains spaces, control or non-ASCII characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return refuse("not a valid URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return refuse("not an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return refuse("it carries credentials");
        }
        if (uri.getRawFragment() != null) {
            return refuse("it has a fragment");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (climbsOut(path)) {
            return refuse("its path climbs out of the allowed folder");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = effectivePort(uri);
        for (Allowed a : allowed) {
            if (a.scheme().equals(scheme) && a.host().equals(host) && a.port() == port && path.startsWith(a.pathPrefix())) {
                return new Verdict(text, null);
            }
        }
        if (!"https".equals(scheme)) {
            return refuse("it is not https");
        }
        return refuse("host " + host + " is not on the recording allow-list");
    }

    /**
     * A {@code ..} segment, with its dots or the slash around it percent-encoded or not ({@code .%2E},
     * {@code ..%2F}): a server that decodes before it normalises would leave the allowed folder.
     */
    private static boolean climbsOut(String rawPath) {
        String decoded = rawPath.replaceAll("(?i)%2e", ".").replaceAll("(?i)%2f|%5c", "/");
        return java.util.Arrays.asList(decoded.split("/", -1)).contains("..");
    }

    private static Verdict refuse(String why) {
        return new Verdict(null, "recording URL refused: " + why);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }
}
