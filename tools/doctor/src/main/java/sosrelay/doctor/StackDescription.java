package sosrelay.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sosrelay.json.Json;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What the doctor knows of a deployed stack: its parameters and outputs (describe-stacks), its functions by logical id
 * with their names (list-stack-resources), and, for the local stack's outputs file, where its Lambda and SSM answer.
 * {@code local} stacks have no alias {@code live} and no account settings to read.
 */
record StackDescription(String stackName, String region, Map<String, String> parameters, Map<String, String> outputs,
                        Map<String, String> functions, Optional<URI> lambdaEndpoint, Optional<URI> ssmEndpoint,
                        Optional<AwsCredentialsProvider> credentials, boolean local) {

    /** The file the local stack writes ({@code SOS_LOCAL_OUTPUTS}, {@code LocalRelay.writeOutputs}). */
    static StackDescription fromFile(Path file) {
        Map<String, Object> json;
        try {
            json = Json.readObject(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stack's outputs " + file, e);
        }
        Map<String, String> endpoints = strings(json.get("Endpoints"));
        Map<String, String> keys = strings(json.get("Credentials"));
        Optional<AwsCredentialsProvider> credentials = keys.containsKey("AccessKeyId")
                ? Optional.of(StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.get("AccessKeyId"), keys.get("SecretAccessKey"))))
                : Optional.empty();
        return new StackDescription(String.valueOf(json.get("StackName")), String.valueOf(json.get("Region")),
                strings(json.get("Parameters")), strings(json.get("Outputs")), strings(json.get("Functions")),
                Optional.ofNullable(endpoints.get("lambda")).map(URI::create), Optional.ofNullable(endpoints.get("ssm")).map(URI::create),
                credentials, true);
    }

    /**
     * The SSM parameters the template names ({@code SsmParameters} output), in its order, then Plivo's token
     * ({@code PlivoSsmParameters}) when the stack's VoiceProviders names plivo, and the second Exotel account's
     * ({@code ExotelBSsmParameters}) when it names exotel:b: only then do the functions read them.
     */
    java.util.List<String> ssmParameters() {
        java.util.List<String> names = new java.util.ArrayList<>(listed("SsmParameters"));
        java.util.List<String> providers = java.util.Arrays.stream(parameters.getOrDefault("VoiceProviders", "").split(","))
                .map(String::trim).toList();
        if (providers.contains("plivo")) {
            names.addAll(listed("PlivoSsmParameters"));
        }
        if (providers.contains("exotel:b")) {
            names.addAll(listed("ExotelBSsmParameters"));
        }
        return java.util.List.copyOf(names);
    }

    private java.util.List<String> listed(String output) {
        return java.util.Arrays.stream(outputs.getOrDefault(output, "").split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).toList();
    }

    private static Map<String, String> strings(Object value) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, v) -> strings.put(String.valueOf(key), v == null ? "" : String.valueOf(v)));
        }
        return strings;
    }
}
