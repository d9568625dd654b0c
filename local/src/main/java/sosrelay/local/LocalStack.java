package sosrelay.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import sosrelay.local.backends.ApiEvent;
import sosrelay.local.backends.FunctionEnvironment;
import sosrelay.local.backends.LocalBackends;
import sosrelay.local.backends.LocalResources;
import sosrelay.local.backends.SamTemplate;
import sosrelay.local.backends.SqsEventSource;
import sosrelay.local.backends.TemplateFunction;
import sosrelay.local.backends.TemplateResources;
import sosrelay.local.iam.AccessDenials;
import sosrelay.local.iam.FunctionRoles;
import sosrelay.local.iam.LocalArns;
import sosrelay.local.iam.GrantedRequests;
import sosrelay.local.iam.RequestHooks;
import sosrelay.local.iam.RoleEnforcement;
import sosrelay.local.iam.ServerSideEncryption;
import sosrelay.local.iam.RolePolicy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The template's functions in one JVM: their Api events on an HTTP port (plus Lambda's Invoke
 * API), their SQS events polled from ElasticMQ, and their tables in DynamoDB Local.
 */
public final class LocalStack implements AutoCloseable {
    /** Where the functions are told their public URLs start: here, the local API. */
    public static final String PUBLIC_BASE_URL_VARIABLE = "SOS_PUBLIC_BASE_URL";
    /** The API keys routes with {@code ApiKeyRequired} accept, comma-separated, as API Gateway's usage plan would. */
    public static final String API_KEYS_VARIABLE = "SOS_API_KEYS";
    /**
     * {@code off}: no usage-plan throttle, for a test whose every request must reach the functions (the hostile
     * corpus); FloodIT and everyone else get the template's throttle, as on AWS.
     */
    public static final String THROTTLE_VARIABLE = "SOS_LOCAL_API_THROTTLE";
    /** The tokens routes with a Cognito authorizer accept, comma-separated, as API Gateway would a user pool's ID tokens. */
    public static final String OPERATOR_TOKENS_VARIABLE = OperatorTokens.VARIABLE;
    /** The board's sign-in settings, which on AWS come from the SSM parameter the template writes. */
    static final String BOARD_SIGN_IN_VARIABLE = "OPERATOR_SIGN_IN";
    /** The board's sign-in here: the tokens this gateway accepts for Cognito's authorizer. */
    static final String BOARD_SIGN_IN_TOKENS = "{\"tokens\":true}";
    /** {@code on}: the local Parameter Store runs and the secrets live there ({@link LocalParameters}). */
    public static final String SSM_VARIABLE = LocalParameters.VARIABLE;

    private final LocalStackOptions options;
    private final SamTemplate template;
    private final HttpServer server;
    private final ExecutorService workers;
    private final LocalBackends backends;
    private final LocalResources resources;
    private final Map<String, LocalFunction> functions;
    private final Map<String, List<String>> unresolvedVariables;
    private final ApiGateway api;
    private final AsyncInvocations asyncInvocations;
    private final AccessDenials accessDenials;
    private final GrantedRequests grantedRequests;
    private final RequestHooks requestHooks;
    private final Map<String, RolePolicy> roles;
    private final java.util.Optional<java.time.Duration> scheduleEvery;
    private SqsEventSourceMappings sqsMappings;
    private ScheduledInvocations schedules;

    private LocalStack(LocalStackOptions options, SamTemplate template, HttpServer server, ExecutorService workers,
                       LocalBackends backends, LocalResources resources, Map<String, LocalFunction> functions,
                       Map<String, List<String>> unresolvedVariables, ApiGateway api, AsyncInvocations asyncInvocations,
                       AccessDenials accessDenials, GrantedRequests grantedRequests, RequestHooks requestHooks,
                       Map<String, RolePolicy> roles, java.util.Optional<java.time.Duration> scheduleEvery) {
        this.scheduleEvery = scheduleEvery;
        this.options = options;
        this.template = template;
        this.server = server;
        this.workers = workers;
        this.backends = backends;
        this.resources = resources;
        this.functions = functions;
        this.unresolvedVariables = unresolvedVariables;
        this.api = api;
        this.asyncInvocations = asyncInvocations;
        this.accessDenials = accessDenials;
        this.grantedRequests = grantedRequests;
        this.requestHooks = requestHooks;
        this.roles = roles;
    }

    /** A stack configured by this process's environment, already serving. */
    public static LocalStack start(LocalStackOptions options) {
        LocalStack stack = create(options, System.getenv());
        stack.serve();
        return stack;
    }

    /**
     * Backends, tables, queues and functions, with the port bound but nothing served and nothing
     * polled yet: a request that arrives meanwhile waits in the port's backlog until {@link #serve()},
     * so callers can finish their own set-up (a directory, say) before anyone is answered.
     * {@code processEnvironment} is what every function reads on top of the template ({@code System.getenv()} outside tests).
     */
    public static LocalStack create(LocalStackOptions options, Map<String, String> processEnvironment) {
        SamTemplate template = SamTemplate.load(options.template());
        // Bind first: the port is part of the functions' environment, and a taken port should fail fast.
        HttpServer server = bind(options);
        ExecutorService workers = workerThreads();
        LocalBackends backends = null;
        try {
            // The local Parameter Store (a Python process) only when asked for: the README's stack needs none.
            boolean ssm = LocalParameters.asked(options.environmentOverrides(), processEnvironment);
            backends = LocalBackends.start(options.dataDir(), ssm);
            LocalResources resources = TemplateResources.create(template, backends);
            URI baseUrl = baseUrl(options.host(), server.getAddress().getPort());

            Map<String, String> overrides = new HashMap<>();
            overrides.put(PUBLIC_BASE_URL_VARIABLE, baseUrl.toString());
            if (!ssm) {
                // The board signs in with the tokens this gateway plays Cognito's authorizer with, not a hosted UI (with
                // SSM, that setting is in the parameter the template names, as the stack writes it on AWS).
                overrides.put(BOARD_SIGN_IN_VARIABLE, BOARD_SIGN_IN_TOKENS);
            }
            overrides.putAll(options.environmentOverrides());
            FunctionEnvironment environments = FunctionEnvironment.of(template, resources, backends);
            LocalArns arns = new LocalArns(LocalBackends.REGION.id(), LocalBackends.ACCOUNT_ID);
            Map<String, RolePolicy> roles = FunctionRoles.of(template, environments, arns);
            ServerSideEncryption encryption = ServerSideEncryption.of(template, environments, arns);
            AccessDenials accessDenials = new AccessDenials();
            GrantedRequests grantedRequests = new GrantedRequests();
            RequestHooks requestHooks = new RequestHooks();
            Map<String, LocalFunction> functions = new LinkedHashMap<>();
            Map<String, List<String>> unresolved = new LinkedHashMap<>();
            List<String> cannotStart = new ArrayList<>();
            for (TemplateFunction definition : template.functions()) {
                FunctionEnvironment.Resolved environment = environments.resolve(definition, overrides, processEnvironment);
                RoleEnforcement enforcement = new RoleEnforcement(roles.get(definition.logicalId()), encryption, accessDenials, grantedRequests,
                        requestHooks);
                try {
                    functions.put(definition.logicalId(), LocalFunction.load(definition, environment.variables(), enforcement));
                } catch (IllegalStateException e) {
                    // Every function is tried, so one start names every setting to fix, not only the first.
                    cannotStart.add(e.getMessage());
                }
                if (!environment.unresolved().isEmpty()) {
                    unresolved.put(definition.logicalId(), environment.unresolved());
                }
            }
            if (!cannotStart.isEmpty()) {
                throw new IllegalStateException("the local stack cannot start: " + cannotStart.size() + " function(s) failed their init\n"
                        + String.join("\n", cannotStart));
            }

            ApiGateway api = new ApiGateway(routes(functions), apiKeys(overrides, processEnvironment),
                    template.usagePlanThrottle()
                            .filter(on -> !"off".equals(processEnvironment.getOrDefault(THROTTLE_VARIABLE, overrides.get(THROTTLE_VARIABLE))))
                            .map(throttle -> new ApiKeyThrottle(throttle, java.time.Clock.systemUTC())),
                    template.usagePlanQuota().map(quota -> new ApiKeyQuota(quota, java.time.Clock.systemUTC())),
                    OperatorTokens.parse(processEnvironment.getOrDefault(OperatorTokens.VARIABLE, overrides.get(OperatorTokens.VARIABLE))));
            AsyncInvocations asyncInvocations = new AsyncInvocations(template, resources, backends.sqs(),
                    AsyncInvocations.retryDelays(processEnvironment.getOrDefault(AsyncInvocations.RETRY_DELAYS_VARIABLE,
                            overrides.get(AsyncInvocations.RETRY_DELAYS_VARIABLE))));
            InvokeApi invokeApi = new InvokeApi(functions, asyncInvocations);
            RedriveApi redriveApi = new RedriveApi(new DeadLetterRedrive(backends.sqs(), template, resources));
            WebAclRateRules webAcl = WebAclRateRules.of(template, java.time.Clock.systemUTC());
            server.createContext("/", exchange -> dispatch(exchange, webAcl, api, invokeApi, redriveApi));
            server.setExecutor(workers);
            return new LocalStack(options, template, server, workers, backends, resources, functions, unresolved, api,
                    asyncInvocations, accessDenials, grantedRequests, requestHooks, roles, ScheduledInvocations.override(processEnvironment.getOrDefault(
                            ScheduledInvocations.EVERY_VARIABLE, overrides.get(ScheduledInvocations.EVERY_VARIABLE))));
        } catch (RuntimeException | Error e) {
            server.stop(0);
            workers.shutdownNow();
            if (backends != null) {
                backends.close();
            }
            throw e;
        }
    }

    /** Answers the HTTP port, starts polling the queues and running the schedules; "Ready" is true from here on. */
    public synchronized void serve() {
        if (sqsMappings != null) {
            throw new IllegalStateException("the local stack is already serving");
        }
        server.start();
        sqsMappings = SqsEventSourceMappings.start(backends.sqs(), sqsMappings(functions, resources));
        schedules = new ScheduledInvocations(functions.values(), asyncInvocations, scheduleEvery);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The API's base URL; routes are at its root, with no stage prefix. */
    public URI baseUrl() {
        return baseUrl(options.host(), port());
    }

    public LocalStackOptions options() {
        return options;
    }

    public SamTemplate template() {
        return template;
    }

    public LocalBackends backends() {
        return backends;
    }

    public LocalResources resources() {
        return resources;
    }

    public SqsClient sqs() {
        return backends.sqs();
    }

    public DynamoDbClient dynamoDb() {
        return backends.dynamoDb();
    }

    /** The environment a function was started with. */
    public Map<String, String> environment(String functionLogicalId) {
        LocalFunction function = functions.get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + functionLogicalId + " in the template");
        }
        return function.environment();
    }

    /** How many execution environments (handler instances, each a cold start) a function has started. */
    public int executionEnvironments(String functionLogicalId) {
        LocalFunction function = functions.get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + functionLogicalId + " in the template");
        }
        return function.environmentsStarted();
    }

    /**
     * The template's outputs as this stack has them, where they can be known here (the execute-api URLs cannot): what
     * {@code describe-stacks} answers on AWS.
     */
    public Map<String, String> outputs() {
        FunctionEnvironment environment = FunctionEnvironment.of(template, resources, backends);
        Map<String, String> outputs = new LinkedHashMap<>();
        template.rawOutputValues().forEach((name, value) -> environment.localValue(value).ifPresent(v -> outputs.put(name, v)));
        return outputs;
    }

    /** The requests the functions' IAM roles (their template Policies) refused so far. */
    public AccessDenials accessDenials() {
        return accessDenials;
    }

    /** What the functions' roles were asked for and allowed: what tests exercised of each role. */
    public GrantedRequests grantedRequests() {
        return grantedRequests;
    }

    /** What tests run just before a function's allowed SDK request is sent: one side of a race, driven on purpose. */
    public RequestHooks requestHooks() {
        return requestHooks;
    }

    /**
     * Runs the SnapStart warm-up of every function that has SnapStart (its own or Globals' {@code ApplyOn:
     * PublishedVersions}) once, in one of its execution environments and under its role, as Lambda does when it
     * publishes a version: the requests the warm-up makes before the snapshot are the role's too. The stack does
     * not do it by itself (a warm-up's requests would be in every test's logs and access denials); returns the
     * functions it primed.
     */
    public List<String> primeSnapStart() {
        List<String> primed = new ArrayList<>();
        for (LocalFunction function : functions.values()) {
            if (function.loadError().isEmpty() && snapStart(function.logicalId()) && function.primeSnapStart()) {
                primed.add(function.logicalId());
            }
        }
        return primed;
    }

    private boolean snapStart(String functionLogicalId) {
        Object own = mapOf(template.rawResource(functionLogicalId).get("Properties")).get("SnapStart");
        Object snapStart = own != null ? own : template.rawFunctionGlobals().get("SnapStart");
        return "PublishedVersions".equals(mapOf(snapStart).get("ApplyOn"));
    }

    private static Map<?, ?> mapOf(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    /** Each function's role as SAM would generate it, by logical id. */
    public Map<String, RolePolicy> roles() {
        return roles;
    }

    /** Where everything is; callers may print more after it. */
    public void printBanner(PrintStream out) {
        new Banner(this, api.routes(), functions.values(), unresolvedVariables,
                sqsMappings == null ? List.of() : sqsMappings.mappings(),
                schedules == null ? List.of() : schedules.schedules()).print(out);
    }

    @Override
    public void close() {
        try {
            server.stop(0);
            if (schedules != null) {
                schedules.close();
            }
            if (sqsMappings != null) {
                sqsMappings.close();
            }
            asyncInvocations.close();
            workers.shutdownNow();
        } finally {
            backends.close();
        }
    }

    private static void dispatch(HttpExchange exchange, WebAclRateRules webAcl, ApiGateway api, InvokeApi invokeApi,
                                 RedriveApi redriveApi) throws IOException {
        try (exchange) {
            if (InvokeApi.handles(exchange.getRequestURI().getPath())) {
                invokeApi.handle(exchange);
            } else if (RedriveApi.handles(exchange.getRequestURI().getPath())) {
                redriveApi.handle(exchange);
            } else if (!webAcl.admit(exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getRequestURI().getPath())) {
                // AWS WAF's default block, before API Gateway: the function is never invoked.
                HttpExchanges.sendJson(exchange, 403, HttpExchanges.jsonMessage("Forbidden"));
            } else {
                api.handle(exchange);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println(exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
            throw e;
        }
    }

    /** API Gateway's keys, played by SOS_API_KEYS (comma-separated): the process environment's, else the overrides'. */
    private static java.util.Set<String> apiKeys(Map<String, String> overrides, Map<String, String> processEnvironment) {
        String keys = processEnvironment.getOrDefault(API_KEYS_VARIABLE, overrides.get(API_KEYS_VARIABLE));
        return keys == null ? java.util.Set.of() : java.util.Arrays.stream(keys.split(",")).map(String::trim)
                .filter(k -> !k.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static List<ApiRoute> routes(Map<String, LocalFunction> functions) {
        List<ApiRoute> routes = new ArrayList<>();
        for (LocalFunction function : functions.values()) {
            for (ApiEvent event : function.definition().apiEvents()) {
                routes.add(new ApiRoute(event.path(), event.method(), function, event.apiKeyRequired(), event.cognitoAuthorizer()));
            }
        }
        return routes;
    }

    /** Functions whose handler is missing get no pollers: they would only push every message into the DLQ. */
    private static List<SqsEventSourceMappings.Mapping> sqsMappings(Map<String, LocalFunction> functions, LocalResources resources) {
        List<SqsEventSourceMappings.Mapping> mappings = new ArrayList<>();
        for (LocalFunction function : functions.values()) {
            if (function.loadError().isPresent()) {
                continue;
            }
            for (SqsEventSource source : function.definition().sqsEvents()) {
                mappings.add(new SqsEventSourceMappings.Mapping(resources.requireQueue(source.queueLogicalId()), source,
                        function, SqsEventSourceMappings.pollers(source)));
            }
        }
        return mappings;
    }

    private static HttpServer bind(LocalStackOptions options) {
        try {
            return HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port(), e);
        }
    }

    private static ExecutorService workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-api-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static URI baseUrl(String host, int port) {
        String shown = host.equals("127.0.0.1") || host.equals("0.0.0.0") ? "localhost" : host;
        return URI.create("http://" + shown + ":" + port);
    }
}
