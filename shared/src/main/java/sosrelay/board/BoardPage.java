package sosrelay.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import sosrelay.json.Json;
import sosrelay.log.Log;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;

/**
 * The operators' board: {@code GET /board} (the page) and {@code GET /board/{file}} (its modules and
 * styles), read from the classpath's {@code board/} folder; plain HTML, CSS and JavaScript modules, no
 * build step. The page holds no data: it signs in and reads everything from the operator routes,
 * which API Gateway's Cognito authorizer guards, so a wrong or missing token only ever shows the sign-in.
 */
public final class BoardPage implements Webhook {
    private static final Map<String, String> FILES = Map.of(
            "board.js", "text/javascript; charset=utf-8",
            "sign-in.js", "text/javascript; charset=utf-8",
            "views.js", "text/javascript; charset=utf-8",
            "board.css", "text/css; charset=utf-8");
    /** Scripts and styles from this origin only; the hosted UI's token endpoint is the one other place it talks to. */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self' https://*.amazoncognito.com; form-action 'self' https://*.amazoncognito.com; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final String SIGN_IN_PLACEHOLDER = "{{signIn}}";

    private final Supplier<String> signIn;

    /** {@code signIn}: the page's sign-in settings as JSON, {@code {"hostedUi":…,"clientId":…}} on AWS, {@code {"tokens":true}} locally. */
    public BoardPage(Supplier<String> signIn) {
        this.signIn = signIn;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (!"GET".equals(request.method())) {
            return WebResponse.text(405, "GET only");
        }
        String file = request.pathParameter("file");
        if (file == null) {
            try {
                String settings = signIn.get();
                if (request.parameters().containsKey("token") && !Json.readObject(settings).containsKey("tokens")) {
                    // A token in the query lands in browser history, proxies' and WAF's logs: only the local stack takes it.
                    return WebResponse.text(400, "a token in ?token= is not accepted here: sign in with the hosted UI,"
                            + " or give it as /board#token=… (a fragment never leaves the browser)");
                }
                return page(read("index.html").replace(SIGN_IN_PLACEHOLDER, attribute(settings)), "text/html; charset=utf-8");
            } catch (RuntimeException e) {
                Log.error("board.sign-in-settings", "error", e);
                return WebResponse.text(503, "the board's sign-in settings could not be read; try again");
            }
        }
        String type = FILES.get(file);
        return type == null ? WebResponse.text(404, "no such file") : page(read(file), type);
    }

    private static WebResponse page(String body, String contentType) {
        return new WebResponse(200, Map.of(
                "Content-Type", contentType,
                "Content-Security-Policy", POLICY,
                // A /board?token=… (local) or #token=… address must not travel on to anyone in a Referer.
                "Referrer-Policy", "no-referrer",
                "X-Content-Type-Options", "nosniff",
                "Cache-Control", "no-cache"), body);
    }

    private static String read(String file) {
        try (InputStream in = BoardPage.class.getClassLoader().getResourceAsStream("board/" + file)) {
            if (in == null) {
                throw new IllegalStateException("board/" + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON inside a double-quoted HTML attribute. */
    private static String attribute(String json) {
        return json.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
