package sosrelay.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import sosrelay.config.Env;
import sosrelay.config.Settings;
import sosrelay.directory.Directory;
import sosrelay.directory.DirectoryStore;
import sosrelay.directory.PhoneNumbers;
import sosrelay.directoryimport.DirectoryFile;
import sosrelay.local.backends.LocalApiKeys;
import sosrelay.local.sandbox.CallOutcome;
import sosrelay.local.sandbox.CallScript;
import sosrelay.local.sandbox.SandboxExotel;
import sosrelay.local.sandbox.SandboxExotelAccounts;
import sosrelay.local.sandbox.SandboxGupShup;
import sosrelay.local.sandbox.SandboxOutage;
import sosrelay.local.sandbox.SandboxPlivo;
import sosrelay.sms.DltTemplate;

/**
 * The local stack as a newcomer runs it: {@link LocalStack} plus a sandbox Exotel (unless
 * {@code EXOTEL_API_BASE_URL} points at a real one) and a sandbox GupShup (unless
 * {@code GUPSHUP_API_BASE_URL} does), a webhook secret, and a directory to ring.
 */
public final class LocalRelay implements AutoCloseable {
    /** The webhook secret the local stack uses unless SOS_WEBHOOK_SECRET says otherwise. */
    public static final String LOCAL_SECRET = "local-webhook-secret";
    /** GupShup's webhook secret on the local stack unless SOS_GUPSHUP_WEBHOOK_SECRET says otherwise. */
    public static final String LOCAL_GUPSHUP_SECRET = "local-gupshup-secret";
    /** The device API key the local stack accepts unless SOS_API_KEYS says otherwise. */
    public static final String LOCAL_API_KEY = "local-device-key";
    /** The operator API key the local stack accepts: it reads and resolves every incident, not only its own. */
    public static final String LOCAL_OPERATOR_KEY = "local-operator-key";
    /** What the sandbox Exotel's people do, e.g. {@code +919800000001=no-answer,press-1;+919800000002=busy}. */
    public static final String SANDBOX_SCRIPT_VARIABLE = "SOS_SANDBOX_SCRIPT";
    /** Where the stack writes its outputs for tools/doctor ({@link #writeOutputs}), as describe-stacks gives them on AWS. */
    public static final String OUTPUTS_VARIABLE = "SOS_LOCAL_OUTPUTS";
    /** A scripted provider outage, e.g. {@code exotel@20s+60s} (see {@link SandboxOutage}). */
    public static final String SANDBOX_OUTAGE_VARIABLE = "SOS_SANDBOX_OUTAGE";
    /** Seconds after an inbound call ends before the sandbox's call details list it (404 before), as Exotel's lag. */
    public static final String SANDBOX_CALL_DETAILS_LAG_VARIABLE = "SOS_SANDBOX_CALL_DETAILS_LAG_SECONDS";
    private static final String DEMO_DIRECTORY = "demo-directory.yaml";
    private static final String SANDBOX_CALLER_ID = "08047000000";
    private static final String SANDBOX_SMS_FROM = "SOSRLY";
    private static final String SANDBOX_DLT_ENTITY_ID = "1101000000000000001";
    private static final String SANDBOX_DLT_TEMPLATE_ID = "1107000000000000001";
    private static final String SANDBOX_DLT_STAND_DOWN_TEMPLATE_ID = "1107000000000000002";
    private static final String SANDBOX_DLT_COMING_TEMPLATE_ID = "1107000000000000003";
    private static final String SANDBOX_DLT_TEMPLATE_ID_HI = "1107000000000000101";
    private static final String SANDBOX_DLT_STAND_DOWN_TEMPLATE_ID_HI = "1107000000000000102";
    private static final String SANDBOX_DLT_COMING_TEMPLATE_ID_HI = "1107000000000000103";

    private static final String DEMO_RECORDING = "demo-recording.mp3";

    private final LocalStack stack;
    private final Optional<SandboxExotel> sandbox;
    private final Optional<SandboxGupShup> sandboxGupShup;
    private final Optional<SandboxPlivo> sandboxPlivo;
    private final SandboxExotelAccounts furtherExotels;
    private final Directory directory;
    private final String secret;
    private final String apiKey;
    private final String operatorToken;

    private LocalRelay(LocalStack stack, Optional<SandboxExotel> sandbox, Optional<SandboxGupShup> sandboxGupShup,
                       Optional<SandboxPlivo> sandboxPlivo, SandboxExotelAccounts furtherExotels, Directory directory, String secret,
                       String apiKey, String operatorToken) {
        this.sandboxPlivo = sandboxPlivo;
        this.furtherExotels = furtherExotels;
        this.operatorToken = operatorToken;
        this.stack = stack;
        this.sandbox = sandbox;
        this.sandboxGupShup = sandboxGupShup;
        this.directory = directory;
        this.secret = secret;
        this.apiKey = apiKey;
    }

    /** {@code processEnvironment} decides whether the sandbox is needed; pass {@code System.getenv()} outside tests. */
    public static LocalRelay start(LocalStackOptions options, Map<String, String> processEnvironment, PrintStream console) {
        String secret = processEnvironment.getOrDefault("SOS_WEBHOOK_SECRET", LOCAL_SECRET);
        Map<String, String> overrides = new HashMap<>(options.environmentOverrides());
        overrides.putIfAbsent("SOS_WEBHOOK_SECRET", secret);
        // GupShup's own secret, as on AWS (one per provider): a GupShup URL with Exotel's secret is refused.
        overrides.putIfAbsent("SOS_GUPSHUP_WEBHOOK_SECRET", processEnvironment.getOrDefault("SOS_GUPSHUP_WEBHOOK_SECRET", LOCAL_GUPSHUP_SECRET));
        overrides.putIfAbsent(LocalStack.API_KEYS_VARIABLE, LOCAL_API_KEY + "," + LOCAL_OPERATOR_KEY);
        overrides.putIfAbsent("OPERATOR_API_KEY_IDS", LocalApiKeys.idOf(LOCAL_OPERATOR_KEY));
        // The board's sign-in: the operator's own tokens, else one made up now and printed, never a fixed default.
        overrides.putIfAbsent(OperatorTokens.VARIABLE, processEnvironment.getOrDefault(OperatorTokens.VARIABLE, OperatorTokens.generate()));
        String operatorToken = OperatorTokens.parse(processEnvironment.getOrDefault(OperatorTokens.VARIABLE,
                        overrides.get(OperatorTokens.VARIABLE))).tokens().stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException(OperatorTokens.VARIABLE + " holds no token"));
        DemoCredentials.refuseWhereExposed(options.host(),
                processEnvironment.getOrDefault("EXOTEL_API_BASE_URL", overrides.get("EXOTEL_API_BASE_URL")),
                processEnvironment.getOrDefault("SOS_WEBHOOK_SECRET", overrides.get("SOS_WEBHOOK_SECRET")),
                processEnvironment.getOrDefault(LocalStack.API_KEYS_VARIABLE, overrides.get(LocalStack.API_KEYS_VARIABLE)));
        Optional<SandboxExotel> sandbox = Optional.empty();
        if (!overrides.containsKey("EXOTEL_API_BASE_URL") && processEnvironment.get("EXOTEL_API_BASE_URL") == null) {
            Map<String, List<CallOutcome>> scripts = sandboxScripts(processEnvironment);
            java.time.Duration detailsLag = callDetailsLag(processEnvironment);
            SandboxExotel exotel = startSandbox(console, options.dataDir().map(dir -> dir.resolve("sandbox-exotel-calls.jsonl")));
            exotel.scriptAll(scripts);
            exotel.callDetailsLag(detailsLag);
            sandbox = Optional.of(exotel);
            overrides.put("EXOTEL_API_BASE_URL", exotel.baseUrl());
            overrides.put("EXOTEL_ACCOUNT_SID", SandboxExotel.ACCOUNT_SID);
            overrides.put("EXOTEL_API_KEY", SandboxExotel.API_KEY);
            overrides.put("EXOTEL_API_TOKEN", SandboxExotel.API_TOKEN);
            overrides.put("EXOTEL_CALLER_ID", SANDBOX_CALLER_ID);
            overrides.put("EXOTEL_FLOW_URL", "http://my.exotel.com/" + SandboxExotel.ACCOUNT_SID + "/exoml/start_voice/1");
            overrides.put("EXOTEL_SMS_FROM", SANDBOX_SMS_FROM);
            overrides.put("EXOTEL_DLT_ENTITY_ID", SANDBOX_DLT_ENTITY_ID);
            overrides.put("EXOTEL_DLT_TEMPLATE_ID", SANDBOX_DLT_TEMPLATE_ID);
            // A notice's template may be left out (set blank): that notice is then off, as on a real account.
            overrides.putIfAbsent("EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID", SANDBOX_DLT_STAND_DOWN_TEMPLATE_ID);
            overrides.putIfAbsent("EXOTEL_DLT_COMING_TEMPLATE_ID", SANDBOX_DLT_COMING_TEMPLATE_ID);
            // The demo sends Hindi too (the directory's Dr. Iyer reads Hindi), under templates of its own as DLT requires.
            overrides.putIfAbsent("TEXT_LANGUAGES", "en,hi");
            overrides.put("EXOTEL_DLT_TEMPLATE_ID_HI", SANDBOX_DLT_TEMPLATE_ID_HI);
            overrides.putIfAbsent("EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID_HI", SANDBOX_DLT_STAND_DOWN_TEMPLATE_ID_HI);
            overrides.putIfAbsent("EXOTEL_DLT_COMING_TEMPLATE_ID_HI", SANDBOX_DLT_COMING_TEMPLATE_ID_HI);
            // The sandbox's recordings are http on loopback: allowed beside Exotel's own hosts, not instead of them.
            overrides.putIfAbsent("RECORDING_HOSTS", Settings.EXOTEL_RECORDING_HOSTS + "," + exotel.baseUrl() + "/exotelrecordings/");
        }
        // Decided on its own: a laptop with a real Exotel must still never send WhatsApp through a real GupShup by default.
        Optional<SandboxGupShup> sandboxGupShup = Optional.empty();
        if (!overrides.containsKey("GUPSHUP_API_BASE_URL") && processEnvironment.get("GUPSHUP_API_BASE_URL") == null) {
            sandboxGupShup = Optional.of(startSandboxGupShup(console, sandbox));
            overrides.put("GUPSHUP_API_BASE_URL", sandboxGupShup.get().baseUrl());
            overrides.put("GUPSHUP_USER_ID", SandboxGupShup.USER_ID);
            overrides.put("GUPSHUP_PASSWORD", SandboxGupShup.PASSWORD);
        }
        // With plivo in VOICE_PROVIDERS and no PLIVO_API_BASE_URL, a sandbox Plivo: never a real account by default.
        Optional<SandboxPlivo> sandboxPlivo = Optional.empty();
        if (processEnvironment.getOrDefault("VOICE_PROVIDERS", overrides.getOrDefault("VOICE_PROVIDERS", "")).contains("plivo")
                && !overrides.containsKey("PLIVO_API_BASE_URL") && processEnvironment.get("PLIVO_API_BASE_URL") == null) {
            sandboxPlivo = Optional.of(startSandboxPlivo(console, sandboxScripts(processEnvironment)));
            overrides.put("PLIVO_API_BASE_URL", sandboxPlivo.get().baseUrl());
            overrides.put("PLIVO_AUTH_ID", SandboxPlivo.AUTH_ID);
            overrides.put("PLIVO_AUTH_TOKEN", SandboxPlivo.AUTH_TOKEN);
            overrides.put("PLIVO_CALLER_ID", SandboxPlivo.CALLER_ID);
        }
        // Each further Exotel account of VOICE_PROVIDERS (exotel:b) without its own API base URL: an Exotel of its own.
        SandboxExotelAccounts furtherExotels = SandboxExotelAccounts.start(processEnvironment.getOrDefault("VOICE_PROVIDERS",
                overrides.get("VOICE_PROVIDERS")), overrides, processEnvironment, console);
        furtherExotels.scriptAll(sandboxScripts(processEnvironment));
        Runnable closeFirstSandboxes = closer(sandbox, sandboxGupShup, sandboxPlivo);
        Runnable closeSandboxes = () -> {
            furtherExotels.close();
            closeFirstSandboxes.run();
        };
        SandboxOutage outage;
        try {
            outage = SandboxOutage.parse(processEnvironment.get(SANDBOX_OUTAGE_VARIABLE));
        } catch (IllegalArgumentException e) {
            closeSandboxes.run();
            throw new IllegalArgumentException(SANDBOX_OUTAGE_VARIABLE + ": " + e.getMessage(), e);
        }
        sandbox.ifPresent(exotel -> exotel.followOutage(outage));
        sandboxGupShup.ifPresent(gupShup -> gupShup.followOutage(outage));
        sandboxPlivo.ifPresent(plivo -> plivo.followOutage(outage));
        furtherExotels.followOutage(outage);
        // With SOS_LOCAL_SSM=on the secrets go into the local Parameter Store, as the deploy steps put them, and no function
        // gets them as plain variables: each reads its *_PARAMETER through its SsmClient, as on AWS.
        boolean ssm = LocalParameters.asked(overrides, processEnvironment);
        Map<String, String> secrets = Map.of();
        Map<String, String> stackEnvironment = processEnvironment;
        if (ssm) {
            secrets = new HashMap<>(LocalParameters.takeSecrets(overrides, processEnvironment));
            secrets.putIfAbsent(LocalStack.BOARD_SIGN_IN_VARIABLE, LocalStack.BOARD_SIGN_IN_TOKENS);
            stackEnvironment = LocalParameters.withoutPlainSecrets(processEnvironment);
        }
        LocalStack stack;
        try {
            stack = LocalStack.create(options.withEnvironmentOverrides(overrides), stackEnvironment);
        } catch (RuntimeException e) {
            closeSandboxes.run();
            throw e;
        }
        if (ssm) {
            try {
                LocalParameters.put(stack.backends().ssm(), secrets, stack);
            } catch (RuntimeException e) {
                stack.close();
                closeSandboxes.run();
                throw e;
            }
        }
        String currentSecret = (ssm ? secrets.get("SOS_WEBHOOK_SECRET") : stack.environment("ExotelGreetingFunction").get("SOS_WEBHOOK_SECRET"))
                .split(",")[0].trim();
        String webhooks = stack.baseUrl() + "/exotel/" + currentSecret;
        String gupShupSecret = (ssm ? secrets.get("SOS_GUPSHUP_WEBHOOK_SECRET")
                : stack.environment("GupShupDeliveryFunction").get("SOS_GUPSHUP_WEBHOOK_SECRET")).split(",")[0].trim();
        // As an operator sets them in GupShup's console (docs/providers-setup.md).
        sandboxGupShup.ifPresent(gupShup -> {
            gupShup.deliveryReportsTo(stack.baseUrl() + "/gupshup/" + gupShupSecret + "/delivery");
            gupShup.inboundMessagesTo(stack.baseUrl() + "/gupshup/" + gupShupSecret + "/inbound");
        });
        furtherExotels.answerWith(webhooks);
        sandbox.ifPresent(exotel -> {
            exotel.answerCallsWith(webhooks + "/greeting");
            exotel.acknowledgeWith(webhooks + "/ack");
            // A front desk's call: a CallSid Exotel's call details know, so the Passthru's check finds it real.
            exotel.receiveCallsOn(SANDBOX_CALLER_ID, webhooks + "/passthru", DEMO_RECORDING);
            // The sandbox's DLT knows the templates the stack sends, as the operator registered them.
            Settings sms = new Settings(Env.of(stack.environment("SmsJobFunction")));
            String publicBaseUrl = sms.smsTexts().publicBaseUrl();
            registerDlt(exotel, sms.sms().english(), sms.smsTexts().english(), publicBaseUrl);
            if (sms.sms().hindi() != null) {
                registerDlt(exotel, sms.sms().hindi(), sms.smsTexts().hindi(), publicBaseUrl);
            }
            // The deployment's domain, as its README asks the operator to whitelist with DLT.
            exotel.whitelistDltUrls(publicBaseUrl);
        });
        try {
            String apiKey = processEnvironment.getOrDefault(LocalStack.API_KEYS_VARIABLE, overrides.get(LocalStack.API_KEYS_VARIABLE))
                    .split(",")[0].trim();
            Directory directory = loadDirectory(stack, options);
            // Only now: a request that came in during start-up has waited for the directory instead of getting a 503.
            stack.serve();
            // From now, as a user reads SOS_SANDBOX_OUTAGE: however long the start-up took.
            outage.begin();
            LocalRelay relay = new LocalRelay(stack, sandbox, sandboxGupShup, sandboxPlivo, furtherExotels, directory, secret, apiKey,
                    operatorToken);
            String outputs = processEnvironment.get(OUTPUTS_VARIABLE);
            if (outputs != null && !outputs.isBlank()) {
                relay.writeOutputs(java.nio.file.Path.of(outputs));
            }
            return relay;
        } catch (RuntimeException e) {
            stack.close();
            closeSandboxes.run();
            throw e;
        }
    }

    /**
     * What tools/doctor reads of a deployed stack, for this one ({@code --outputs FILE}): its name and region, the
     * template's parameters as this stack has them (the defaults, and the Exotel account the functions are given), its
     * outputs, its functions, and where its Lambda Invoke API and SSM answer, with the local credentials.
     */
    public void writeOutputs(java.nio.file.Path file) {
        Map<String, String> exotel = stack.environment("CallJobFunction");
        Map<String, String> parameters = new java.util.TreeMap<>(stack.template().parameterDefaults());
        parameters.put("ExotelAccountSid", exotel.getOrDefault("EXOTEL_ACCOUNT_SID", ""));
        parameters.put("ExotelApiKey", exotel.getOrDefault("EXOTEL_API_KEY", ""));
        parameters.put("ExotelApiBaseUrl", exotel.getOrDefault("EXOTEL_API_BASE_URL", ""));
        parameters.put("VoiceProviders", exotel.getOrDefault("VOICE_PROVIDERS", ""));
        Map<String, String> functions = new java.util.TreeMap<>();
        stack.template().functions().forEach(function -> functions.put(function.logicalId(), function.logicalId()));
        Map<String, String> endpoints = new java.util.TreeMap<>();
        endpoints.put("lambda", stack.baseUrl().toString());
        stack.backends().ssmEndpoint().ifPresent(ssm -> endpoints.put("ssm", ssm.toString()));
        Map<String, Object> description = new java.util.LinkedHashMap<>();
        description.put("StackName", sosrelay.local.backends.LocalBackends.STACK_NAME);
        description.put("Region", sosrelay.local.backends.LocalBackends.REGION.id());
        description.put("Parameters", parameters);
        description.put("Outputs", stack.outputs());
        description.put("Functions", functions);
        description.put("Endpoints", endpoints);
        description.put("Credentials", Map.of("AccessKeyId", sosrelay.local.backends.LocalBackends.ACCESS_KEY_ID,
                "SecretAccessKey", sosrelay.local.backends.LocalBackends.SECRET_ACCESS_KEY));
        try {
            java.nio.file.Files.writeString(file, sosrelay.json.Json.write(description));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stack's outputs to " + file, e);
        }
    }

    /** One language's SMS texts, each under its own DLT template id, as the operator registered them (a notice's may be unset). */
    private static void registerDlt(SandboxExotel exotel, Settings.DltTemplates ids, Settings.Texts texts, String publicBaseUrl) {
        exotel.registerDltTemplate(ids.alert(), DltTemplate.registered(texts.alert(), publicBaseUrl));
        if (ids.standDown() != null) {
            exotel.registerDltTemplate(ids.standDown(), DltTemplate.registered(texts.standDown(), publicBaseUrl));
        }
        if (ids.coming() != null) {
            exotel.registerDltTemplate(ids.coming(), DltTemplate.registered(texts.coming(), publicBaseUrl));
        }
    }

    private static Runnable closer(Optional<SandboxExotel> exotel, Optional<SandboxGupShup> gupShup, Optional<SandboxPlivo> plivo) {
        return () -> {
            exotel.ifPresent(SandboxExotel::close);
            gupShup.ifPresent(SandboxGupShup::close);
            plivo.ifPresent(SandboxPlivo::close);
        };
    }

    private static SandboxPlivo startSandboxPlivo(PrintStream console, Map<String, List<CallOutcome>> scripts) {
        try {
            SandboxPlivo plivo = SandboxPlivo.start(console);
            plivo.scriptAll(scripts);
            return plivo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code --contacts} replaces the directory; without it a data dir keeps its own, and a fresh stack gets the demo. */
    private static Directory loadDirectory(LocalStack stack, LocalStackOptions options) {
        DirectoryStore store = new DirectoryStore(stack.dynamoDb(), stack.resources().tableName("DirectoryTable").orElseThrow(),
                Clock.systemUTC(), Duration.ZERO);
        if (options.contactsFile().isPresent()) {
            return store.replace(DirectoryFile.read(options.contactsFile().get()));
        }
        try {
            return store.current();
        } catch (IllegalStateException noneYet) {
            return store.replace(demoDirectory());
        }
    }

    /** The demo directory bundled with the local stack. */
    private static Map<String, Object> demoDirectory() {
        try (InputStream in = LocalRelay.class.getClassLoader().getResourceAsStream(DEMO_DIRECTORY)) {
            return DirectoryFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEMO_DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo directory is missing from the jar", e);
        }
    }

    /** Read before the sandbox starts, so a typo stops the start rather than quietly answering every call. */
    private static Map<String, List<CallOutcome>> sandboxScripts(Map<String, String> processEnvironment) {
        try {
            return CallScript.parse(processEnvironment.get(SANDBOX_SCRIPT_VARIABLE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SANDBOX_SCRIPT_VARIABLE + ": " + e.getMessage()
                    + " (expected e.g. +919800000001=no-answer,press-1;+919800000002=busy)", e);
        }
    }

    /** With the demo's recording ready (a second of tone), private as Exotel's are: the Passthru the welcome prints names it. */
    private static SandboxExotel startSandbox(PrintStream console, Optional<java.nio.file.Path> callHistory) {
        try (java.io.InputStream recording = LocalRelay.class.getResourceAsStream("/" + DEMO_RECORDING)) {
            SandboxExotel exotel = SandboxExotel.start(console, Duration.ofSeconds(1), callHistory);
            exotel.addRecording(DEMO_RECORDING, recording.readAllBytes(), "audio/mpeg");
            return exotel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sandbox Exotel", e);
        }
    }

    private static SandboxGupShup startSandboxGupShup(PrintStream console, Optional<SandboxExotel> startedBefore) {
        try {
            return SandboxGupShup.start(console);
        } catch (IOException e) {
            startedBefore.ifPresent(SandboxExotel::close);
            throw new UncheckedIOException("cannot start the sandbox GupShup", e);
        }
    }

    public LocalStack stack() {
        return stack;
    }

    public Optional<SandboxExotel> sandbox() {
        return sandbox;
    }

    public Optional<SandboxGupShup> sandboxGupShup() {
        return sandboxGupShup;
    }

    /** The sandbox Plivo, started when {@code VOICE_PROVIDERS} lists plivo and no {@code PLIVO_API_BASE_URL} is set. */
    public Optional<SandboxPlivo> sandboxPlivo() {
        return sandboxPlivo;
    }

    /** The sandbox acting as the further Exotel account {@code exotel:<label>}, when one was started for it. */
    public Optional<SandboxExotel> sandboxExotel(String label) {
        return furtherExotels.account(label);
    }

    public Directory directory() {
        return directory;
    }

    /** A token the board and the operator routes accept (the first of {@code SOS_OPERATOR_TOKENS}). */
    public String operatorToken() {
        return operatorToken;
    }

    /** The stack's banner, then what the newcomer needs next: whom the demo rings and a Passthru to replay. */
    public void printWelcome(PrintStream out) {
        stack.printBanner(out);
        out.println();
        out.printf("Directory: %d people, types %s (default %s)%s%n", directory.people().size(), directory.types().keySet(),
                directory.defaultType(), stack.options().contactsFile().map(f -> " from " + f).orElse(""));
        out.println(sandbox.map(s -> "Exotel: sandbox at " + s.baseUrl() + " (set EXOTEL_API_BASE_URL and friends for a real account)")
                .orElse("Exotel: the account in EXOTEL_API_BASE_URL"));
        sandbox.ifPresent(s -> out.println(describeScripts(s.scripts())));
        sandboxPlivo.ifPresent(s -> out.println("Plivo: sandbox at " + s.baseUrl() + " (set PLIVO_API_BASE_URL and friends for a real account)"));
        out.println(sandboxGupShup.map(s -> "GupShup: sandbox at " + s.baseUrl() + " (set GUPSHUP_API_BASE_URL and friends for a real account)")
                .orElse("GupShup: the account in GUPSHUP_API_BASE_URL"));
        out.println();
        out.printf("Operator board: %s/board?token=%s%n", stack.baseUrl(), operatorToken);
        out.printf("  (the operator routes take it as 'Authorization: Bearer %s'; set %s to choose your own)%n",
                operatorToken, OperatorTokens.VARIABLE);
        out.println();
        sandbox.ifPresentOrElse(s -> {
            out.println("A front desk calls the emergency line for a Heart emergency (the sandbox places the inbound call");
            out.println("and asks the Passthru as Exotel's incoming flow would):");
            out.println();
            out.printf("  curl -X POST '%s/sandbox/inbound-calls' -d 'From=09800000099' -d 'EmergencyType=Heart'%n", s.baseUrl());
        }, () -> out.printf("Call your ExoPhone: its incoming flow's Passthru is %s/exotel/%s/passthru%n", stack.baseUrl(), secret));
        out.println();
        out.println("A device raising a fire alarm, and reading it back:");
        out.println();
        out.printf("  curl -X POST '%s/v1/incidents' -H 'x-api-key: %s' -H 'Content-Type: application/json' \\%n",
                stack.baseUrl(), apiKey);
        out.println("    -d '{\"type\":\"Fire\",\"message\":\"Smoke detected\",\"source\":\"panel-7\",\"location\":\"Ward 3\",\"dedupKey\":\"panel-7-0001\"}'");
        out.printf("  curl '%s/v1/incidents/<incidentId>' -H 'x-api-key: %s'%n", stack.baseUrl(), apiKey);
        out.printf("A device key sees only its own incidents; the operator key %s sees and resolves every one.%n", LOCAL_OPERATOR_KEY);
        out.println();
        out.println("A CloudWatch alarm (SNS or direct action), through Lambda's Invoke API:");
        out.println();
        out.printf("  aws lambda invoke --endpoint-url %s --function-name AlarmFunction \\%n", stack.baseUrl());
        out.println("    --cli-binary-format raw-in-base64-out --payload file://events/alarm-direct.json /dev/stdout");
        out.println();
    }

    private static String describeScripts(Map<String, List<CallOutcome>> scripts) {
        if (scripts.isEmpty()) {
            return "  every sandbox call is answered; script numbers with " + SANDBOX_SCRIPT_VARIABLE
                    + "=+919800000001=no-answer,press-1;+919800000002=busy";
        }
        return "  " + SANDBOX_SCRIPT_VARIABLE + ": " + scripts.entrySet().stream()
                .map(e -> PhoneNumbers.mask(e.getKey()) + " " + e.getValue().stream().map(CallOutcome::scriptName)
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining("; "));
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            furtherExotels.close();
            closer(sandbox, sandboxGupShup, sandboxPlivo).run();
        }
    }

    /** {@code SOS_SANDBOX_CALL_DETAILS_LAG_SECONDS}, e.g. {@code 90}; unset: no lag. Throws naming the variable. */
    private static java.time.Duration callDetailsLag(Map<String, String> environment) {
        String text = environment.get(SANDBOX_CALL_DETAILS_LAG_VARIABLE);
        if (text == null || text.isBlank()) {
            return java.time.Duration.ZERO;
        }
        try {
            long seconds = Long.parseLong(text.trim());
            if (seconds >= 0 && seconds <= 3600) {
                return java.time.Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException notANumber) {
            // named below
        }
        throw new IllegalArgumentException(SANDBOX_CALL_DETAILS_LAG_VARIABLE + ": '" + text + "' is not 0-3600 seconds");
    }
}
