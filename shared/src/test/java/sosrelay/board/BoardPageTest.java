package sosrelay.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;

class BoardPageTest {
    private static final BoardPage PAGE = new BoardPage(() -> "{\"hostedUi\":\"https://desk.auth.ap-south-1.amazoncognito.com\",\"clientId\":\"abc<\"}");

    private static WebResponse get(String file) {
        return PAGE.handle(new WebRequest("GET", file == null ? null : Map.of("file", file), null, null, null, false, null));
    }

    @Test
    void servesThePageWithItsSignInSettingsEscapedIntoAnAttribute() {
        WebResponse page = get(null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers()).containsEntry("Content-Type", "text/html; charset=utf-8").containsEntry("Referrer-Policy", "no-referrer");
        assertThat(page.headers().get("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(page.body()).contains("content=\"{&quot;hostedUi&quot;:&quot;https://desk.auth.ap-south-1.amazoncognito.com&quot;,"
                + "&quot;clientId&quot;:&quot;abc&lt;&quot;}\"").doesNotContain("{{signIn}}");
    }

    @Test
    void servesItsOwnModulesAndStylesAndNothingElse() {
        assertThat(get("board.js").headers()).containsEntry("Content-Type", "text/javascript; charset=utf-8");
        assertThat(get("board.js").body()).contains("import");
        assertThat(get("views.js").status()).isEqualTo(200);
        assertThat(get("sign-in.js").status()).isEqualTo(200);
        assertThat(get("board.css").headers()).containsEntry("Content-Type", "text/css; charset=utf-8");
        assertThat(get("index.html").status()).isEqualTo(404);
        assertThat(get("../sosrelay/board/BoardPage.class").status()).isEqualTo(404);
        assertThat(PAGE.handle(new WebRequest("POST", null, null, null, "x", false, null)).status()).isEqualTo(405);
    }

    @Test
    void saysSoWhenItsSignInSettingsCannotBeRead() {
        BoardPage page = new BoardPage(() -> {
            throw new IllegalStateException("parameter store down");
        });

        assertThat(page.handle(new WebRequest("GET", null, null, null, null, false, null)).status()).isEqualTo(503);
    }

    /** Issue 23: on AWS (hosted UI settings) a ?token= is refused, so nobody gets used to putting tokens in URLs; locally it works. */
    @Test
    void aTokenInTheQueryIsRefusedExceptOnTheLocalStack() {
        WebResponse onAws = PAGE.handle(new WebRequest("GET", null, Map.of("token", java.util.List.of("eyJ.x.y")), null, null, false, null));
        BoardPage local = new BoardPage(() -> "{\"tokens\":true}");

        assertThat(onAws.status()).isEqualTo(400);
        assertThat(onAws.body()).contains("#token=").doesNotContain("eyJ");
        assertThat(local.handle(new WebRequest("GET", null, Map.of("token", java.util.List.of("t")), null, null, false, null)).status())
                .isEqualTo(200);
    }
}
