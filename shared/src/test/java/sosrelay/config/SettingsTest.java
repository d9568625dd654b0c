package sosrelay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {
    /** What template.yaml gives the call worker, with the local stack's plain secrets instead of SSM parameters. */
    private static final Map<String, String> CALL_WORKER = Map.of(
            "EXOTEL_ACCOUNT_SID", "acme",
            "EXOTEL_API_KEY", "acme-key",
            "EXOTEL_API_TOKEN_PARAMETER", "/sos-relay/exotel-api-token",
            "EXOTEL_CALLER_ID", "08047000000",
            "EXOTEL_FLOW_URL_PARAMETER", "/sos-relay/exotel-flow-url",
            "SOS_PUBLIC_BASE_URL", "https://sos.example.in/Prod/");

    @Test
    void unsetAndEmptyVariablesTakeTheDefaults() {
        // Empty is how template.yaml passes a parameter left to its default.
        Settings settings = new Settings(Env.of(Map.of("RECORDING_HOSTS", "", "SMS_TEMPLATE", " ", "EXOTEL_CALL_LIMIT", "",
                "EXOTEL_ACCOUNT_SID", "acme", "PASSTHRU_CALL_CHECK", "")));

        assertThat(settings.pacing()).isEqualTo(new Settings.Pacing(190, Duration.ofMinutes(1), Duration.ofSeconds(5)));
        assertThat(settings.timing()).isEqualTo(new Settings.Timing(Duration.ofSeconds(30), Duration.ofSeconds(60),
                List.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
                        Duration.ofSeconds(20), Duration.ofSeconds(30))));
        assertThat(settings.triggers()).as("the Passthru's CallSid checked by default")
                .isEqualTo(new Settings.Triggers(Duration.ofMillis(6000), true, Set.of()));
        assertThat(settings.recordingSources()).isEqualTo(new Settings.RecordingSources(Settings.EXOTEL_RECORDING_HOSTS, "acme"));
        assertThat(settings.api()).isEqualTo(new Settings.Api(10, Duration.ofMinutes(60), 20, java.util.Set.of()));
        assertThat(settings.smsTexts()).isEqualTo(new Settings.SmsTexts(new Settings.Texts(Settings.DEFAULT_MESSAGE_TEMPLATE,
                Settings.DEFAULT_STAND_DOWN_TEMPLATE, Settings.DEFAULT_COMING_TEMPLATE), null, null, null));
        assertThat(settings.aws().region()).isEqualTo("ap-south-1");
        assertThat(settings.aws().endpoints()).isEmpty();
        assertThat(settings.aws().credentials()).as("none in the environment: the container's").isNull();
        assertThat(settings.aws().callTimeout()).as("the SDK's own").isNull();
    }

    @Test
    void onlyTheAlertsDltTemplateIsRequiredANoticeWithoutOneIsOff() {
        Map<String, String> alertOnly = Map.of("EXOTEL_SMS_FROM", "SOSRLY", "EXOTEL_DLT_ENTITY_ID", "1101", "EXOTEL_DLT_TEMPLATE_ID", "1107",
                "EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID", " ", "SOS_PUBLIC_BASE_URL", "https://sos.example.in");
        Settings settings = new Settings(Env.of(alertOnly));

        assertThat(settings.sms().english()).isEqualTo(new Settings.DltTemplates("1107", null, null));
        assertThat(settings.smsNoticesOff().off()).containsExactly(Map.entry("coming", "EXOTEL_DLT_COMING_TEMPLATE_ID is not set"),
                Map.entry("stand-down", "EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID is not set"));
        assertThat(new Settings(Env.of(Map.of("EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID", "1108", "EXOTEL_DLT_COMING_TEMPLATE_ID", "1109")))
                .smsNoticesOff().off()).isEmpty();
        assertThatThrownBy(() -> new Settings(Env.of(Map.of("EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID", "1108"))).sms())
                .hasMessageContaining("EXOTEL_DLT_TEMPLATE_ID is not set");
    }

    @Test
    void hindiTextsNeedTheirOwnDltTemplatesAndAnUnshippedLanguageIsNamed() {
        Map<String, String> hindi = new java.util.HashMap<>(Map.of("TEXT_LANGUAGES", "en,hi", "EXOTEL_SMS_FROM", "SOSRLY",
                "EXOTEL_DLT_ENTITY_ID", "1101", "EXOTEL_DLT_TEMPLATE_ID", "1107", "EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID", "1108",
                "EXOTEL_DLT_COMING_TEMPLATE_ID", "1109", "SOS_PUBLIC_BASE_URL", "https://sos.example.in"));
        assertThatThrownBy(() -> new Settings(Env.of(hindi)).sms()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EXOTEL_DLT_TEMPLATE_ID_HI is not set").hasMessageNotContaining("COMING");
        assertThat(new Settings(Env.of(hindi)).smsNoticesOff().off()).as("a notice goes only in every language texts go out in")
                .containsEntry("coming", "EXOTEL_DLT_COMING_TEMPLATE_ID_HI is not set")
                .containsEntry("stand-down", "EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID_HI is not set");
        assertThat(new Settings(Env.of(hindi)).smsTexts().hindi().alert()).isEqualTo(Settings.DEFAULT_MESSAGE_TEMPLATE_HI);
        assertThat(new Settings(Env.of(Map.of())).smsTexts().hindi()).as("English only until Hindi is switched on").isNull();

        assertThatThrownBy(() -> new Settings(Env.of(Map.of("TEXT_LANGUAGES", "en,ta"))).smsTexts())
                .hasMessageContaining("TEXT_LANGUAGES names 'ta', which is not one of en, hi");
        assertThatThrownBy(() -> new Settings(Env.of(Map.of("GREETING_LANGUAGE", "fr"))).greeting())
                .hasMessageContaining("GREETING_LANGUAGE 'fr' is not one of en, hi");
        assertThat(new Settings(Env.of(Map.of())).greeting().language()).isEqualTo("en");
    }

    @Test
    void aGroupReadsItsVariablesWithTheirDefaults() {
        Settings settings = new Settings(Env.of(CALL_WORKER));

        assertThat(settings.exotel()).isEqualTo(new Settings.Exotel(Settings.EXOTEL_API_BASE_URL, "acme", "acme-key",
                new SecretSource(null, "/sos-relay/exotel-api-token"), Duration.ofMillis(8000)));
        assertThat(settings.calls()).isEqualTo(new Settings.Calls("08047000000", new SecretSource(null, "/sos-relay/exotel-flow-url"),
                "https://sos.example.in/Prod", Duration.ofSeconds(30), Duration.ofSeconds(600), Duration.ofSeconds(90)));
        assertThat(settings.calls()).as("read once, then kept").isSameAs(settings.calls());
    }

    @Test
    void everyProblemOfAGroupIsNamedInOneException() {
        Map<String, String> env = new HashMap<>(CALL_WORKER);
        env.remove("EXOTEL_CALLER_ID");
        env.remove("EXOTEL_FLOW_URL_PARAMETER");
        env.put("SOS_PUBLIC_BASE_URL", "sos.example.in");
        env.put("EXOTEL_RING_TIMEOUT_SECONDS", "3O");
        env.put("EXOTEL_CALLBACK_GRACE_SECONDS", "-5");
        Settings settings = new Settings(Env.of(env));

        assertThatThrownBy(settings::calls)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("""
                        the call settings have 5 problem(s):
                          - EXOTEL_CALLER_ID is not set
                          - EXOTEL_FLOW_URL_PARAMETER is not set (nor, locally, EXOTEL_FLOW_URL)
                          - SOS_PUBLIC_BASE_URL 'sos.example.in' is not an http(s) URL with a host
                          - EXOTEL_RING_TIMEOUT_SECONDS '3O' is not a whole number
                          - EXOTEL_CALLBACK_GRACE_SECONDS is -5, below its least allowed value 0""");
    }

    @Test
    void aTypoInAListOfNumbersNamesTheVariableAndTheWrongPart() {
        Settings settings = new Settings(Env.of(Map.of("RETRY_BACKOFF_SECONDS", "2,5,l0", "DELIVERY_CLAIM_SECONDS", "0")));

        assertThatThrownBy(settings::timing)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 problem(s)")
                .hasMessageContaining("RETRY_BACKOFF_SECONDS '2,5,l0' is not whole numbers: 'l0'")
                .hasMessageContaining("DELIVERY_CLAIM_SECONDS is 0, below its least allowed value 1");
        assertThat(new Settings(Env.of(Map.of("RETRY_BACKOFF_SECONDS", " 1, 1,3"))).timing().retryBackoff())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void noRetryWaitsOverThirtySeconds() {
        assertThatThrownBy(() -> new Settings(Env.of(Map.of("RETRY_BACKOFF_SECONDS", "2,5,60"))).timing())
                .hasMessageContaining("RETRY_BACKOFF_SECONDS '2,5,60' has a wait over 30 s, the most a retry may wait");
        assertThat(Settings.DEFAULT_BACKOFF).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void aFunctionReadsOnlyTheGroupsItAsksFor() {
        List<String> read = new ArrayList<>();
        Env whatsAppWorker = name -> {
            read.add(name);
            return Map.of("GUPSHUP_USER_ID", "2000123456", "GUPSHUP_PASSWORD_PARAMETER", "/sos-relay/gupshup-password").get(name);
        };
        Settings settings = new Settings(whatsAppWorker);

        assertThat(read).as("nothing is read before it is asked for").isEmpty();
        assertThat(settings.whatsApp().userId()).isEqualTo("2000123456");
        assertThat(settings.whatsApp().apiBaseUrl()).isEqualTo(Settings.GUPSHUP_API_BASE_URL);
        assertThat(read).allMatch(name -> name.startsWith("GUPSHUP_") || name.endsWith("WHATSAPP_TEMPLATE") || name.equals("TEXT_LANGUAGES"));
        assertThatThrownBy(settings::calls).hasMessageContaining("EXOTEL_CALLER_ID is not set");
    }

    @Test
    void aPlainSecretWinsOverItsParameterAndWithNeitherBothAreNamed() {
        Map<String, String> env = new HashMap<>(CALL_WORKER);
        env.put("EXOTEL_API_TOKEN", "token-from-the-shell");
        assertThat(new Settings(Env.of(env)).exotel().apiToken()).isEqualTo(new SecretSource("token-from-the-shell", null));
        assertThat(new Settings(Env.of(env)).exotel().apiToken().toString()).doesNotContain("token-from-the-shell");

        env.remove("EXOTEL_API_TOKEN");
        env.remove("EXOTEL_API_TOKEN_PARAMETER");
        assertThatThrownBy(() -> new Settings(Env.of(env)).exotel())
                .hasMessageContaining("EXOTEL_API_TOKEN_PARAMETER is not set (nor, locally, EXOTEL_API_TOKEN)");
        assertThatThrownBy(() -> new Settings(Env.of(Map.of())).webhookSecret())
                .hasMessageContaining("SOS_WEBHOOK_SECRET_PARAMETER is not set (nor, locally, SOS_WEBHOOK_SECRET)");
    }

    @Test
    void theSdkIsPointedWhereTheEnvironmentSays() {
        Settings settings = new Settings(Env.of(Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_SQS", "http://localhost:9324",
                "AWS_ACCESS_KEY_ID", "key", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_CALL_TIMEOUT_MS", "4000")));

        assertThat(settings.aws().region()).isEqualTo("us-east-1");
        assertThat(settings.aws().endpoints()).isEqualTo(Map.of("SQS", URI.create("http://localhost:9324")));
        assertThat(settings.aws().credentials()).isEqualTo(new Settings.Aws.Credentials("key", "secret", null));
        assertThat(settings.aws().callTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThatThrownBy(() -> new Settings(Env.of(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "localhost:8000"))).aws())
                .hasMessageContaining("AWS_ENDPOINT_URL_DYNAMODB 'localhost:8000' is not an http(s) URL with a host");
    }

    @Test
    void recordingsNeedTheirBucketAndTakeTheirLimitsFromTheEnvironment() {
        assertThat(new Settings(Env.of(Map.of("RECORDINGS_BUCKET", "sos-recordings"))).recordings())
                .isEqualTo(new Settings.Recordings("sos-recordings", Duration.ofMinutes(5), 20_000_000));
        assertThat(new Settings(Env.of(Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000"))).aws().endpoints())
                .isEqualTo(Map.of("S3", URI.create("http://127.0.0.1:9000")));
        assertThatThrownBy(() -> new Settings(Env.of(Map.of("RECORDING_URL_SECONDS", "5m", "RECORDING_MAX_BYTES", "0"))).recordings())
                .hasMessageContaining("RECORDINGS_BUCKET").hasMessageContaining("RECORDING_URL_SECONDS '5m'")
                .hasMessageContaining("RECORDING_MAX_BYTES");
    }

    @Test
    void thePassthrusCallSidCheckIsOnOrOffAndAnythingElseIsNamed() {
        assertThat(new Settings(Env.of(Map.of("PASSTHRU_CALL_CHECK", "OFF"))).triggers().passthruCallCheck()).isFalse();
        assertThat(new Settings(Env.of(Map.of("PASSTHRU_CALL_CHECK", "on"))).triggers().passthruCallCheck()).isTrue();

        assertThatThrownBy(() -> new Settings(Env.of(Map.of("PASSTHRU_CALL_CHECK", "no"))).triggers())
                .hasMessageContaining("PASSTHRU_CALL_CHECK 'no' is neither on nor off");
    }

    @Test
    void recordingSourcesNeedTheAccountWhoseFolderTheyAreNarrowedTo() {
        assertThatThrownBy(() -> new Settings(Env.of(Map.of())).recordingSources()).hasMessageContaining("EXOTEL_ACCOUNT_SID is not set");
    }

    @Test
    void voiceProvidersDefaultToExotelAloneAndANameOutsideTheAdaptersOrTwiceIsNamed() {
        assertThat(new Settings(Env.of(Map.of("VOICE_PROVIDERS", " "))).voice()).isEqualTo(new Settings.Voice(List.of("exotel")));
        assertThat(new Settings(Env.of(Map.of("VOICE_PROVIDERS", " exotel , "))).voice().providers()).containsExactly("exotel");
        assertThatThrownBy(() -> new Settings(Env.of(Map.of("VOICE_PROVIDERS", "exotel,twilio,exotel"))).voice())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("VOICE_PROVIDERS names 'twilio', which is not one of")
                .hasMessageContaining("names a provider twice");
    }

    @Test
    void furtherExotelAccountsAreNamedByALabelAndReadTheirOwnVariables() {
        assertThat(new Settings(Env.of(Map.of("VOICE_PROVIDERS", "exotel,exotel:b,plivo"))).voice().providers())
                .containsExactly("exotel", "exotel:b", "plivo");
        assertThatThrownBy(() -> new Settings(Env.of(Map.of("VOICE_PROVIDERS", "exotel,exotel:B!"))).voice())
                .hasMessageContaining("VOICE_PROVIDERS names 'exotel:B!'");
        Settings.ExotelAccount b = new Settings(Env.of(Map.of("EXOTEL_B_ACCOUNT_SID", "acme-b", "EXOTEL_B_API_KEY", "key-b",
                "EXOTEL_B_API_TOKEN_PARAMETER", "/sos-relay/exotel-b-api-token", "EXOTEL_B_CALLER_ID", "08047000001",
                "EXOTEL_B_FLOW_URL", "http://my.exotel.com/acme-b/exoml/start_voice/7", "EXOTEL_B_API_BASE_URL", "https://api.exotel.com")))
                .exotelAccount("b");
        assertThat(b.api().accountSid()).isEqualTo("acme-b");
        assertThat(b.api().apiBaseUrl()).as("its own cluster").isEqualTo("https://api.exotel.com");
        assertThat(b.callerId()).isEqualTo("08047000001");
        assertThat(b.callLimit()).as("its own budget, Exotel's default").isEqualTo(190);
        assertThatThrownBy(() -> new Settings(Env.of(Map.of("EXOTEL_ACCOUNT_SID", "acme"))).exotelAccount("b"))
                .hasMessageContaining("EXOTEL_B_ACCOUNT_SID is not set").hasMessageContaining("EXOTEL_B_CALLER_ID");
    }

    @Test
    void plivosBudgetIsItsIndiaLimitsAndCountsACallForItsQueueTimeAndItsLength() {
        Settings.PlivoPacing plivo = new Settings(Env.of(Map.of("PLIVO_CONCURRENT_CALLS", ""))).plivoPacing();
        assertThat(plivo).isEqualTo(new Settings.PlivoPacing(50, 2, Duration.ofSeconds(90)));
        assertThat(plivo.window()).as("50 queued at 2 a second: 25 s, then 90 s of ringing and talk").isEqualTo(Duration.ofSeconds(115));
        assertThatThrownBy(() -> new Settings(Env.of(Map.of("PLIVO_CALLS_PER_SECOND", "0"))).plivoPacing())
                .hasMessageContaining("PLIVO_CALLS_PER_SECOND");
    }

    @Test
    void operatorKeyIdsAreAListWithBlanksLeftOut() {
        assertThat(new Settings(Env.of(Map.of("OPERATOR_API_KEY_IDS", " key-a, ,key-b,"))).api().operatorKeyIds())
                .containsExactlyInAnyOrder("key-a", "key-b");
    }

    @Test
    void secretsAreKeptFifteenMinutesAndARotationWindowShorterThanThatIsNamed() {
        assertThat(new Settings(Env.of(Map.of())).secrets())
                .isEqualTo(new Settings.Secrets(java.time.Duration.ofMinutes(15), java.time.Duration.ofHours(1)));
        assertThatThrownBy(() -> new Settings(Env.of(Map.of("SECRET_CACHE_SECONDS", "60", "SECRET_ROTATION_WINDOW_SECONDS", "30"))).secrets())
                .hasMessageContaining("SECRET_ROTATION_WINDOW_SECONDS (30) is shorter than SECRET_CACHE_SECONDS (60)");
    }

    @Test
    void theSecretsAFunctionNamesAreItsPlainValuesOrItsParameters() {
        Map<String, sosrelay.config.SecretSource> sources = new Settings(Env.of(Map.of("SOS_WEBHOOK_SECRET_PARAMETER", "/sos-relay/webhook-secret",
                "EXOTEL_API_TOKEN", "token", "INCIDENTS_TABLE", "t"))).secretSources();

        assertThat(sources).containsOnlyKeys("SOS_WEBHOOK_SECRET", "EXOTEL_API_TOKEN");
        assertThat(sources.get("SOS_WEBHOOK_SECRET").parameterName()).isEqualTo("/sos-relay/webhook-secret");
        assertThat(sources.get("EXOTEL_API_TOKEN").isPlain()).isTrue();
    }
}
