package sosrelay.local;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The local stack's built-in webhook secret and API keys are printed in the README: anyone can use them. They are
 * refused whenever the stack could be reached or could ring real people: bound beyond loopback (another machine can
 * post a Passthru), or with a real Exotel ({@code EXOTEL_API_BASE_URL} on a host that is not loopback; a stand-in
 * such as WireMock on 127.0.0.1 is not one).
 */
final class DemoCredentials {
    private DemoCredentials() {
    }

    /**
     * Throws {@link IllegalArgumentException} naming what to set when the demo secret or keys would be used where they
     * must not; {@code secret} and {@code apiKeys} are the values the stack would run with (comma-separated).
     */
    static void refuseWhereExposed(String host, String exotelBaseUrl, String secret, String apiKeys) {
        List<String> why = new ArrayList<>();
        if (!loopback(host)) {
            why.add("it is bound to " + host + ", beyond loopback");
        }
        if (exotelBaseUrl != null && !exotelBaseUrl.isBlank() && !loopback(URI.create(exotelBaseUrl.trim()).getHost())) {
            why.add("it uses a real Exotel (EXOTEL_API_BASE_URL " + exotelBaseUrl.trim() + ")");
        }
        if (why.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (values(secret).contains(LocalRelay.LOCAL_SECRET)) {
            problems.add("set SOS_WEBHOOK_SECRET to a secret of your own (openssl rand -hex 24), not " + LocalRelay.LOCAL_SECRET);
        }
        List<String> keys = values(apiKeys);
        if (keys.contains(LocalRelay.LOCAL_API_KEY) || keys.contains(LocalRelay.LOCAL_OPERATOR_KEY)) {
            problems.add("set " + LocalStack.API_KEYS_VARIABLE + " to keys of your own, not " + LocalRelay.LOCAL_API_KEY + " or "
                    + LocalRelay.LOCAL_OPERATOR_KEY);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the local stack refuses its demo credentials because " + String.join(" and ", why)
                    + ": " + String.join("; ", problems));
        }
    }

    private static List<String> values(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
    }

    private static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
