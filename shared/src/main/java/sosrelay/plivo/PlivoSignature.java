package sosrelay.plivo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plivo's {@code X-Plivo-Signature-V3}: base64(HMAC-SHA256(auth token, S + "." + nonce)). For a POST, S is the URL without
 * its query, {@code ?}, the query sorted as {@code k=v&…} (then {@code .} if there was one), then every POST parameter as
 * key and value, sorted by key, with no separators; for a GET, the URL with its query and parameters merged and sorted
 * as {@code ?k=v&…} (nothing when there are none). A rotation has two tokens ({@code new,old}); a header may carry several
 * signatures: any token's signature among them passes.
 */
public final class PlivoSignature {
    private PlivoSignature() {
    }

    /** {@code url}: scheme, host and path as Plivo requested them; {@code query} and {@code form}: the request's parameters. */
    public static boolean valid(String method, String url, Map<String, String> query, Map<String, String> form, String nonce,
                                String signatures, String tokens) {
        if (nonce == null || nonce.isBlank() || signatures == null || signatures.isBlank() || tokens == null) {
            return false;
        }
        for (String token : tokens.split(",")) {
            if (token.isBlank()) {
                continue;
            }
            byte[] expected = sign(method, url, query, form, nonce, token.trim()).getBytes(StandardCharsets.US_ASCII);
            for (String signature : signatures.split(",")) {
                if (MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The signature Plivo would send. */
    public static String sign(String method, String url, Map<String, String> query, Map<String, String> form, String nonce, String token) {
        StringBuilder signed = new StringBuilder(url);
        if ("GET".equalsIgnoreCase(method)) {
            Map<String, String> all = new TreeMap<>(query);
            all.putAll(form);
            if (!all.isEmpty()) {
                signed.append('?').append(pairs(all));
            }
        } else {
            signed.append('?');
            if (!query.isEmpty()) {
                signed.append(pairs(new TreeMap<>(query))).append('.');
            }
            new TreeMap<>(form).forEach((key, value) -> signed.append(key).append(value));
        }
        signed.append('.').append(nonce);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String pairs(Map<String, String> sorted) {
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }
}
