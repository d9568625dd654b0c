package sosrelay.doctor;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sosrelay.json.Json;
import sosrelay.wiring.SettingsCheck;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * The checks, each printed as it is made: every SSM parameter the template names exists and can be read; every
 * function answers its settings check (reads and checks its own secrets, with its own role); the account's Lambda
 * concurrency fits the reserved concurrency (docs/deploy.md, 2b); Exotel's account API answers the key and token. What
 * is missing is said in plain words, with what to do; no secret value is ever printed.
 */
final class Doctor {
    /** docs/deploy.md, step 2b. */
    static final int CONCURRENCY_QUOTA = 200;
    static final String EXOTEL_DEFAULT_API = "https://api.in.exotel.com";

    private final StackDescription stack;
    private final AwsCredentialsProvider credentials;
    private final PrintStream out;
    private final List<String> problems = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Doctor(StackDescription stack, AwsCredentialsProvider credentials, PrintStream out) {
        this.stack = stack;
        this.credentials = credentials;
        this.out = out;
    }

    /** Runs every check; the problems found (none: all is in place). */
    List<String> examine() {
        out.printf("SOS Relay doctor: stack %s in %s%n", stack.stackName(), stack.region());
        Optional<String> exotelToken;
        try (SsmClient ssm = ssm()) {
            exotelToken = parameters(ssm);
        }
        functions();
        concurrency();
        exotel(exotelToken);
        out.println();
        if (problems.isEmpty()) {
            out.println("Everything checked is in place.");
        } else {
            out.printf("%d problem(s) to fix: %s%n", problems.size(), String.join("; ", problems));
        }
        return List.copyOf(problems);
    }

    /** Each parameter read with decryption (the value is never printed); the Exotel token's value kept for its check. */
    private Optional<String> parameters(SsmClient ssm) {
        out.println();
        out.println("SSM parameters (the SsmParameters output):");
        List<String> names = stack.ssmParameters();
        if (names.isEmpty()) {
            problem("the stack has no SsmParameters output: deploy this version of template.yaml");
        }
        String tokenName = "/" + stack.parameters().getOrDefault("ExotelApiTokenParameterName", "sos-relay/exotel-api-token");
        Optional<String> token = Optional.empty();
        for (String name : names) {
            try {
                String value = ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value();
                if (value == null || value.isBlank()) {
                    problem(name + " is empty");
                } else {
                    ok(name);
                    if (name.equals(tokenName)) {
                        token = Optional.of(value);
                    }
                }
            } catch (ParameterNotFoundException e) {
                problem(name + " is missing: put it (aws ssm put-parameter --name " + name + " --type " + typeOf(name)
                        + " --value '...'; docs/deploy.md, steps 2 and 5)");
            } catch (SsmException e) {
                problem(name + " cannot be read with your credentials: " + e.awsErrorDetails().errorCode()
                        + " (you need ssm:GetParameter and kms:Decrypt on it)");
            } catch (RuntimeException e) {
                problem(name + " cannot be read: " + e.getMessage());
            }
        }
        return token;
    }

    private String typeOf(String name) {
        String flow = "/" + stack.parameters().getOrDefault("ExotelFlowUrlParameterName", "sos-relay/exotel-flow-url");
        return name.equals(flow) ? "String" : name.endsWith("/operator-sign-in") ? "String (the stack writes it: redeploy)" : "SecureString";
    }

    /** Lambda's Invoke with the settings-check payload, each function with its own role; the alias live on AWS. */
    private void functions() {
        out.println();
        out.println("Functions (each reads and checks its own secrets, with its own role):");
        if (stack.functions().isEmpty()) {
            problem("the stack lists no functions");
        }
        URI base = lambdaBase();
        SignedHttp lambda = new SignedHttp(credentials, stack.region());
        stack.functions().forEach((logicalId, name) -> {
            String qualified = stack.local() ? name : name + ":live";
            try {
                HttpResponse<String> response = lambda.send("lambda", "POST",
                        base.resolve("/2015-03-31/functions/" + java.net.URLEncoder.encode(qualified, StandardCharsets.UTF_8) + "/invocations"),
                        Map.of("Content-Type", "application/json"), SettingsCheck.PAYLOAD);
                if (response.statusCode() != 200) {
                    problem(logicalId + ": Lambda refused the invoke (" + response.statusCode() + "): " + message(response.body())
                            + " (you need lambda:InvokeFunction)");
                } else if (SignedHttp.first(response, "X-Amz-Function-Error") != null) {
                    problem(logicalId + ": " + message(response.body()));
                } else {
                    ok(logicalId);
                }
            } catch (RuntimeException e) {
                problem(logicalId + ": not asked: " + e.getMessage());
            }
        });
    }

    /** The account's concurrency quota, which the reserved concurrency needs (AWS only). */
    private void concurrency() {
        out.println();
        out.println("Lambda concurrency (docs/deploy.md, 2b):");
        if (stack.local()) {
            out.println("  -        not on the local stack");
            return;
        }
        try {
            HttpResponse<String> response = new SignedHttp(credentials, stack.region()).send("lambda", "GET",
                    lambdaBase().resolve("/2016-08-19/account-settings/"), Map.of(), null);
            if (response.statusCode() != 200) {
                problem("the account's Lambda settings cannot be read (" + response.statusCode() + "): " + message(response.body()));
                return;
            }
            Object limit = Json.readObject(response.body()).get("AccountLimit");
            long quota = ((Number) ((Map<?, ?>) limit).get("ConcurrentExecutions")).longValue();
            if (quota < CONCURRENCY_QUOTA) {
                problem("the account may run " + quota + " Lambda executions at once; the stack needs " + CONCURRENCY_QUOTA
                        + " (aws service-quotas request-service-quota-increase --service-code lambda --quota-code L-B99A9384 --desired-value 1000)");
            } else {
                ok(quota + " concurrent executions");
            }
        } catch (RuntimeException e) {
            problem("the account's Lambda settings cannot be read: " + e.getMessage());
        }
    }

    /** One authenticated read of Exotel's account API with the stack's key and the token from SSM. */
    private void exotel(Optional<String> token) {
        out.println();
        out.println("Exotel (GET /v1/Accounts/<sid> with the API key and token):");
        String sid = stack.parameters().getOrDefault("ExotelAccountSid", "");
        String key = stack.parameters().getOrDefault("ExotelApiKey", "");
        String base = stack.parameters().getOrDefault("ExotelApiBaseUrl", "");
        if (base.isBlank()) {
            base = EXOTEL_DEFAULT_API;
        }
        if (sid.isBlank() || key.isBlank()) {
            problem("Exotel: the stack has no ExotelAccountSid or ExotelApiKey parameter");
            return;
        }
        if (token.isEmpty()) {
            problem("Exotel: not asked, as the API token's parameter could not be read (above)");
            return;
        }
        String basic = Base64.getEncoder().encodeToString((key + ":" + token.get()).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/Accounts/" + sid))
                    .header("Authorization", "Basic " + basic).header("Accept", "application/json").timeout(Duration.ofSeconds(15)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            switch (response.statusCode()) {
                case 200 -> ok("account " + sid + " at " + base + " answers the key and token");
                case 401 -> problem("Exotel refused the API key and token (401): check ExotelApiKey and the token's parameter ("
                        + "Exotel's dashboard, Settings, API Settings)");
                case 403, 404 -> problem("Exotel does not know account " + sid + " at " + base + " for this key ("
                        + response.statusCode() + "): check ExotelAccountSid and ExotelApiBaseUrl (Mumbai https://api.in.exotel.com,"
                        + " Singapore https://api.exotel.com)");
                default -> problem("Exotel answered " + response.statusCode() + " at " + base + ": try again later");
            }
        } catch (java.io.IOException e) {
            problem("Exotel cannot be reached at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem("Exotel: interrupted");
        }
    }

    private SsmClient ssm() {
        var builder = SsmClient.builder().region(Region.of(stack.region())).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        stack.ssmEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private URI lambdaBase() {
        return stack.lambdaEndpoint().orElse(URI.create("https://lambda." + stack.region() + ".amazonaws.com"));
    }

    /** A Lambda error's errorMessage, else its message, else the body. */
    private static String message(String body) {
        try {
            Map<String, Object> error = Json.readObject(body);
            Object message = error.containsKey("errorMessage") ? error.get("errorMessage") : error.getOrDefault("Message", error.get("message"));
            return message == null ? body : String.valueOf(message).replace("\n", " ");
        } catch (RuntimeException notJson) {
            return body;
        }
    }

    private void ok(String what) {
        out.println("  ok       " + what);
    }

    private void problem(String what) {
        problems.add(what);
        out.println("  PROBLEM  " + what);
    }
}
