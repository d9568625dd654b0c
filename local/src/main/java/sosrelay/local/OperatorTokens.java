package sosrelay.local;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack accepts where API Gateway's Cognito authorizer would check a user pool's ID
 * token: the tokens in {@code SOS_OPERATOR_TOKENS} (comma-separated). Each signs in as
 * {@code local-operator-<n>}, the claims a route's function sees under {@code requestContext.authorizer.claims}.
 */
final class OperatorTokens {
    /** The variable the local stack reads; unset, it makes up one token at start-up and prints it. */
    static final String VARIABLE = "SOS_OPERATOR_TOKENS";

    private final Map<String, String> usernames;

    private OperatorTokens(Map<String, String> usernames) {
        this.usernames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(usernames));
    }

    static OperatorTokens parse(String variable) {
        Map<String, String> usernames = new LinkedHashMap<>();
        if (variable != null) {
            for (String token : variable.split(",")) {
                if (!token.isBlank()) {
                    usernames.putIfAbsent(token.strip(), "local-operator-" + (usernames.size() + 1));
                }
            }
        }
        return new OperatorTokens(usernames);
    }

    /** A fresh token for a stack started without any: 24 random bytes, URL-safe, so it fits {@code /board?token=…}. */
    static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    List<String> tokens() {
        return List.copyOf(usernames.keySet());
    }

    /**
     * The claims for an {@code Authorization} header holding a known token (bare, or after {@code Bearer },
     * both of which API Gateway's Cognito authorizer takes); empty for anything else, which API Gateway answers 401.
     */
    Optional<Map<String, String>> claims(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, String> known : usernames.entrySet()) {
            // Constant time per token: the desk's token is not to be guessed a character at a time.
            if (MessageDigest.isEqual(presented, known.getKey().getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(Map.of("cognito:username", known.getValue(), "sub", known.getValue(), "token_use", "id"));
            }
        }
        return Optional.empty();
    }
}
