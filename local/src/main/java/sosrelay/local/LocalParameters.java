package sosrelay.local;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * With {@code SOS_LOCAL_SSM=on} the local stack keeps its secrets as AWS does: each in the local Parameter Store under the
 * name template.yaml gives its {@code *_PARAMETER} variable, never as a plain variable, so the functions read them through
 * their SDK's SsmClient, with their role's grants, as deployed (docs/testing.md).
 */
final class LocalParameters {
    /** On: the local Parameter Store (moto's server) is started and the secrets go into it. */
    static final String VARIABLE = "SOS_LOCAL_SSM";

    /** A secret's plain variable (local only), the variable that names its parameter, and the parameter's type. */
    record Secret(String plainVariable, String parameterVariable, ParameterType type) {
    }

    static final List<Secret> SECRETS = List.of(
            new Secret("SOS_WEBHOOK_SECRET", "SOS_WEBHOOK_SECRET_PARAMETER", ParameterType.SECURE_STRING),
            new Secret("SOS_GUPSHUP_WEBHOOK_SECRET", "SOS_GUPSHUP_WEBHOOK_SECRET_PARAMETER", ParameterType.SECURE_STRING),
            new Secret("EXOTEL_API_TOKEN", "EXOTEL_API_TOKEN_PARAMETER", ParameterType.SECURE_STRING),
            new Secret("EXOTEL_FLOW_URL", "EXOTEL_FLOW_URL_PARAMETER", ParameterType.STRING),
            new Secret("GUPSHUP_PASSWORD", "GUPSHUP_PASSWORD_PARAMETER", ParameterType.SECURE_STRING),
            new Secret("PLIVO_AUTH_TOKEN", "PLIVO_AUTH_TOKEN_PARAMETER", ParameterType.SECURE_STRING),
            new Secret("OPERATOR_SIGN_IN", "OPERATOR_SIGN_IN_PARAMETER", ParameterType.STRING));

    private LocalParameters() {
    }

    static boolean asked(Map<String, String> overrides, Map<String, String> processEnvironment) {
        return "on".equalsIgnoreCase(processEnvironment.getOrDefault(VARIABLE, overrides.getOrDefault(VARIABLE, "off")));
    }

    /** The secrets' values, taken out of {@code variables} (the process's own win over the stack's defaults). */
    static Map<String, String> takeSecrets(Map<String, String> overrides, Map<String, String> processEnvironment) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Secret secret : SECRETS) {
            String value = processEnvironment.getOrDefault(secret.plainVariable(), overrides.remove(secret.plainVariable()));
            if (value != null && !value.isBlank()) {
                values.put(secret.plainVariable(), value);
            }
        }
        return values;
    }

    /** The process environment without the secrets' plain variables: on AWS no function has them. */
    static Map<String, String> withoutPlainSecrets(Map<String, String> processEnvironment) {
        Map<String, String> rest = new HashMap<>(processEnvironment);
        SECRETS.forEach(secret -> rest.remove(secret.plainVariable()));
        return rest;
    }

    /** Puts each value under the parameter name the functions' environments give it (as the deploy steps do). */
    static void put(SsmClient ssm, Map<String, String> values, LocalStack stack) {
        for (Secret secret : SECRETS) {
            String value = values.get(secret.plainVariable());
            Optional<String> name = parameterName(stack, secret);
            if (value != null && name.isPresent()) {
                ssm.putParameter(b -> b.name(name.get()).type(secret.type()).value(value).overwrite(true));
            }
        }
    }

    /** The name template.yaml gives the secret's parameter, as the first function that reads it has it. */
    static Optional<String> parameterName(LocalStack stack, Secret secret) {
        return stack.template().functions().stream()
                .map(function -> stack.environment(function.logicalId()).get(secret.parameterVariable()))
                .filter(name -> name != null && !name.isBlank())
                .findFirst();
    }
}
