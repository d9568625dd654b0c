package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;

/**
 * The board in a real browser (Debian's chromium and chromium-driver, headless) against the local stack: signed in
 * by {@code /board?token=…}, it shows a raised incident's people change state as the sandbox rings them (Nurse A
 * does not answer, then presses 1 on the retry), resolves it, starts a drill and shows its report (Nurse C's number
 * fails: unreachable); a suspect Passthru is marked and stood down with one click; a wrong token shows the sign-in and no data. Screenshots go to target/board-screenshots.
 */
class BoardIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Path SCREENSHOTS = Path.of("target", "board-screenshots");
    private static LocalRelay relay;
    private static Path directory;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        directory = Files.createTempFile("board-it", ".yaml");
        Files.writeString(directory, """
                defaultType: Ward
                people:
                  - {id: nurse-a, name: Nurse A, phone: "+919813000001"}
                  - {id: nurse-b, name: Nurse B, phone: "+919813000002"}
                  - {id: nurse-c, name: Nurse C, phone: "+919813000003"}
                  - {id: nurse-d, name: Nurse D, phone: "+919813000004"}
                rosters:
                  ward-nights:
                    timeZone: Asia/Kolkata
                    rotations:
                      - {people: [nurse-a, nurse-b], shift: 12h, start: "2026-11-01T08:00:00+05:30"}
                types:
                  Ward:
                    retry: {attempts: 2, after: 10s}
                    tiers:
                      - {notify: [nurse-a, nurse-b], required: 1, escalateAfter: 1h}
                  Practice:
                    retry: {attempts: 1}
                    tiers:
                      - {notify: [nurse-b, nurse-c], required: 1, escalateAfter: 1h}
                  Night:
                    tiers:
                      - {notify: [nurse-d], escalateAfter: 1h}
                devices:
                  - {keyId: %s, name: bed-sensors, types: [Ward, Night]}
                """.formatted(sosrelay.local.backends.LocalApiKeys.idOf(LocalRelay.LOCAL_API_KEY)));
        // Our listed ExoPhone is not the sandbox's: every Passthru's call is "to another number", so suspect.
        relay = LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withContactsFile(directory)
                .withEnvironmentOverrides(Map.of("EXOTEL_INBOUND_NUMBERS", "+918047999999")),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()));
        relay.sandbox().orElseThrow().script("+919813000001", List.of("no-answer", "press-1"));
        relay.sandbox().orElseThrow().script("+919813000003", List.of("failed"));
        browser = chromium();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            relay.close();
            Files.deleteIfExists(directory);
        }
    }

    /** The flags the issue names; the binaries Debian installs (.ci/run installs them when missing). */
    private static WebDriver chromium() {
        assertThat(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute())
                .as("/usr/bin/chromium and /usr/bin/chromedriver (apt-get install -y chromium chromium-driver)").isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--window-size=1280,1100");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
    }

    @Test
    void theBoardShowsPeopleChangeStateResolvesStartsADrillAndReadsItsReport() throws IOException {
        browser.get(relay.stack().baseUrl() + "/board?token=" + relay.operatorToken());
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        // The board redraws a card on every poll: an element found just before a redraw is asked again, not failed on.
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
        assertThat(browser.getCurrentUrl()).as("the token is taken off the address").doesNotContain("token=");

        String id = raise("Ward");
        String card = "article[data-incident='" + id + "']";
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(card + " tr[data-person='nurse-a'] td[data-channel='call']"),
                "data-state", "no-answer"));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(card + " tr[data-person='nurse-a'] td[data-answer]"),
                "data-answer", "acknowledged"));
        wait.until(ExpectedConditions.attributeContains(By.cssSelector(card + " [data-acks]"), "data-acks", "1/1"));
        assertThat(browser.findElement(By.cssSelector(card + " tr[data-person='nurse-a']")).getText()).contains("+91").doesNotContain("9813000001");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(card + " .chart .track[data-person='nurse-a'] .mark-acknowledged")));
        assertThat(browser.findElements(By.cssSelector(card + " .chart .track[data-person='nurse-a'] .mark-failed")))
                .as("the unanswered first call on the chart").isNotEmpty();
        screenshot("board.png");

        browser.findElement(By.cssSelector("button[data-resolve='" + id + "']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(card)));
        assertThat(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id, LocalRelay.LOCAL_OPERATOR_KEY).body())
                .contains("\"status\":\"resolved\"");

        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#drill-form select[name='type']"))))
                .selectByValue("Practice");
        browser.findElement(By.cssSelector("#drill-form button[type='submit']")).click();
        By unreachable = By.cssSelector("article[data-drill] tr[data-person='nurse-c'] td[data-reached]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(unreachable, "failed"));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("article[data-drill] tr[data-person='nurse-b'] td[data-reached]"),
                "data-reached", "true"));
        assertThat(browser.findElement(unreachable).getText()).startsWith("not reached");
        assertThat(browser.findElement(unreachable).getAttribute("data-reached")).isEqualTo("false");
        assertThat(browser.findElement(By.cssSelector("article[data-drill] li[data-tier='1']")).getText()).contains("of 1 acknowledged");
        screenshot("drill.png");
    }

    /** Issue 23: a token in the fragment (how it is given on AWS, where ?token= is refused) never leaves the browser. */
    @Test
    void aTokenInTheFragmentSignsInAndIsTakenOffTheAddress() {
        WebDriver other = chromium();
        try {
            other.get(relay.stack().baseUrl() + "/board#token=" + relay.operatorToken());
            new WebDriverWait(other, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));

            assertThat(other.getCurrentUrl()).doesNotContain("token");
        } finally {
            other.quit();
        }
    }

    @Test
    void aSuspectPassthruIsMarkedAndStoodDownWithOneClickByTheOperatorOnly() throws IOException {
        browser.get(relay.stack().baseUrl() + "/board?token=" + relay.operatorToken());
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        Map<String, Object> call = LocalHttp.inboundCall(relay, "+919800000099", "Night");
        String id = ((String) call.get("passthruBody")).substring("OK ".length());
        String card = "article[data-incident='" + id + "']";

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(card + " [data-suspect]")));
        assertThat(browser.findElement(By.cssSelector(card + " [data-suspect]")).getText()).contains("not to our number");
        assertThat(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id, LocalRelay.LOCAL_OPERATOR_KEY).body())
                .as("flagged, not stood down").contains("\"status\":\"open\"");
        screenshot("suspect.png");

        browser.findElement(By.cssSelector("button[data-stand-down='" + id + "']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(card)));
        assertThat(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id, LocalRelay.LOCAL_OPERATOR_KEY).body())
                .contains("\"status\":\"resolved\"");
    }

    @Test
    void aWrongTokenShowsTheSignInAndNoData() {
        // Its own type and person: the other test's people keep their sandbox scripts.
        raise("Night");
        WebDriver other = chromium();
        try {
            other.get(relay.stack().baseUrl() + "/board?token=not-" + relay.operatorToken());
            WebDriverWait wait = new WebDriverWait(other, WAIT);
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-reason"), "not accepted"));

            assertThat(other.findElement(By.id("board")).isDisplayed()).isFalse();
            assertThat(other.findElement(By.id("token-form")).isDisplayed()).isTrue();
            assertThat(other.getPageSource()).doesNotContain("Nurse", "inc-");
        } finally {
            other.quit();
        }
    }

    private static String raise(String type) {
        var raised = LocalHttp.postJson(relay.stack().baseUrl(), "/v1/incidents", LocalRelay.LOCAL_API_KEY,
                "{\"type\":\"" + type + "\",\"message\":\"Patient fell\",\"source\":\"bed-12\",\"location\":\"Ward 3\"}");
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(202);
        return (String) Json.readObject(raised.body()).get("incidentId");
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
