package sosrelay.config;

/**
 * Where a secret comes from: the value itself (the local stack, tests) or the name of the SSM parameter that
 * holds it (AWS), which is read when first needed and again as it expires. Exactly one of the two is set.
 */
public record SecretSource(String value, String parameterName) {

    static SecretSource plain(String value) {
        return new SecretSource(value, null);
    }

    static SecretSource parameter(String name) {
        return new SecretSource(null, name);
    }

    public boolean isPlain() {
        return value != null;
    }

    @Override
    public String toString() {
        return isPlain() ? "SecretSource[value=(set)]" : "SecretSource[parameterName=" + parameterName + "]";
    }
}
