package sosrelay.local.backends.junit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import sosrelay.local.backends.LocalTemplate;

/**
 * A test's product in one field: template.yaml's tables and queues on fresh local backends ({@link LocalTemplate}),
 * WireMock standing in for Exotel and GupShup, and the environment one template function gets there, its accounts
 * pointed at that WireMock. Build the function's Wiring from {@link #environment()}:
 * <pre>
 * &#64;RegisterExtension
 * static final TemplateStack stack = TemplateStack.of("CallJobFunction").with("EXOTEL_RING_TIMEOUT_SECONDS", "1");
 * ... new Wiring(Env.of(stack.environment())) ...
 * </pre>
 * On a static field it lives for the class's tests, on an instance field for one test.
 */
public final class TemplateStack implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    public static final String WEBHOOK_SECRET = "local-webhook-secret";
    /** GupShup's own (one secret per provider). */
    public static final String GUPSHUP_WEBHOOK_SECRET = "local-gupshup-secret";
    public static final String PUBLIC_BASE_URL = "https://sos.example";
    public static final String EXOTEL_ACCOUNT_SID = "acme";
    /** Where Exotel places calls, on the stand-in. */
    public static final String EXOTEL_CONNECT = "/v1/Accounts/" + EXOTEL_ACCOUNT_SID + "/Calls/connect.json";
    public static final String EXOTEL_CALLER_ID = "08047000000";
    public static final String EXOTEL_FLOW_URL = "http://my.exotel.com/" + EXOTEL_ACCOUNT_SID + "/exoml/start_voice/926";

    private final String function;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private LocalTemplate template;
    private WireMockServer provider;
    private boolean perTest;

    private TemplateStack(String function) {
        this.function = function;
    }

    /** For the template function {@code logicalId}. */
    public static TemplateStack of(String logicalId) {
        return new TemplateStack(logicalId);
    }

    /** A variable on top of the template's and the stand-in accounts'. */
    public TemplateStack with(String name, String value) {
        overrides.put(name, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (template == null) {
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** The function's environment: the template's, the stand-in accounts', and {@link #with} on top. */
    public Map<String, String> environment() {
        return environmentOf(function);
    }

    /** Another function's, with the same accounts and overrides: a test that follows a job from one function to the next. */
    public Map<String, String> environmentOf(String logicalId) {
        Map<String, String> variables = new LinkedHashMap<>(accounts());
        variables.putAll(overrides);
        return template().environmentOf(logicalId, variables);
    }

    public LocalTemplate template() {
        if (template == null) {
            throw new IllegalStateException("the stack starts before the tests: register it with @RegisterExtension");
        }
        return template;
    }

    /** The WireMock that stands in for Exotel and GupShup (response templating on, for a fresh Sid per call). */
    public WireMockServer provider() {
        template();
        return provider;
    }

    /** Every table and queue emptied, and the provider's stubs and requests forgotten. */
    public void reset() {
        template().reset();
        provider.resetAll();
    }

    /** Plain secrets and the sandbox's accounts, every provider URL at the WireMock: never a real account from a test. */
    private Map<String, String> accounts() {
        return Map.ofEntries(
                Map.entry("SOS_WEBHOOK_SECRET", WEBHOOK_SECRET),
                Map.entry("SOS_GUPSHUP_WEBHOOK_SECRET", GUPSHUP_WEBHOOK_SECRET),
                Map.entry("SOS_PUBLIC_BASE_URL", PUBLIC_BASE_URL),
                Map.entry("EXOTEL_API_BASE_URL", provider.baseUrl()),
                Map.entry("EXOTEL_ACCOUNT_SID", EXOTEL_ACCOUNT_SID),
                Map.entry("EXOTEL_API_KEY", "key"),
                Map.entry("EXOTEL_API_TOKEN", "token"),
                Map.entry("EXOTEL_CALLER_ID", EXOTEL_CALLER_ID),
                Map.entry("EXOTEL_FLOW_URL", EXOTEL_FLOW_URL),
                Map.entry("EXOTEL_SMS_FROM", "SOSRLY"),
                Map.entry("EXOTEL_DLT_ENTITY_ID", "1101000000000000001"),
                Map.entry("EXOTEL_DLT_TEMPLATE_ID", "1107000000000000001"),
                Map.entry("EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID", "1107000000000000002"),
                Map.entry("EXOTEL_DLT_COMING_TEMPLATE_ID", "1107000000000000003"),
                Map.entry("GUPSHUP_API_BASE_URL", provider.baseUrl()),
                Map.entry("GUPSHUP_USER_ID", "2000123456"),
                Map.entry("GUPSHUP_PASSWORD", "gupshup-secret"));
    }

    private void start() {
        provider = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));
        provider.start();
        warmUp(provider);
        try {
            template = LocalTemplate.start();
        } catch (RuntimeException e) {
            provider.stop();
            throw e;
        }
    }

    /**
     * One request before any test: a cold Jetty and a cold HTTP client on a loaded two-core machine (modules build
     * side by side) can take longer than the function's provider timeout for the first call, which a test would then
     * read as the provider not answering. Exotel and GupShup are never cold that way.
     */
    private static void warmUp(WireMockServer provider) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/__admin/health")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException("the stand-in provider did not answer its warm-up request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted warming up the stand-in provider", e);
        }
    }

    private void stop() {
        if (provider != null) {
            provider.stop();
        }
        if (template != null) {
            template.close();
        }
        template = null;
        provider = null;
    }
}
