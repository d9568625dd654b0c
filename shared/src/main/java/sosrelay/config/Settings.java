package sosrelay.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import sosrelay.sqs.BatchWorker;

/**
 * One function's settings, typed and checked, with every default (docs/configuration.md lists them; template.yaml
 * passes only what is deployment-specific, its parameters empty for "the default"). Read in groups, each on first
 * use and then kept: a function reads only the groups its own path needs, so it never fails on a variable only
 * other functions are given (each Lambda gets its own environment from template.yaml), and a group that is wrong
 * names every missing or malformed variable of its own in one {@link IllegalStateException}.
 */
public final class Settings {
    /** Exotel's Mumbai cluster; Singapore accounts set {@code https://api.exotel.com}. */
    public static final String EXOTEL_API_BASE_URL = "https://api.in.exotel.com";
    /** Where Exotel keeps its recordings: the default allow-list of recording URLs, narrowed to EXOTEL_ACCOUNT_SID's folder. */
    public static final String EXOTEL_RECORDING_HOSTS = "recordings.exotel.com/exotelrecordings/,"
            + "s3-ap-southeast-1.amazonaws.com/exotelrecordings/,s3-ap-south-1.amazonaws.com/exotelrecordings/";
    public static final String GUPSHUP_API_BASE_URL = "https://media.smsgupshup.com";
    /**
     * Default SMS and WhatsApp text; in India it must match the registered DLT / WhatsApp template word for
     * word. Type, place, time and our recording link ({@code {link}}) only: no caller's number, no free text (texts sit on phones and in
     * providers' logs). {@code {acknowledge}} says how: a reply only where replies can arrive, else press 1 on the call.
     */
    public static final String DEFAULT_MESSAGE_TEMPLATE = "SOS Relay: {type} emergency at {time}. Location: {location}."
            + " Recording: {link} Ref: {ref}. To acknowledge: {acknowledge}.";
    /** Default stand-down text (SMS and WhatsApp); like the alert's, it must match its registered template. */
    public static final String DEFAULT_STAND_DOWN_TEMPLATE = "SOS Relay: {type} emergency covered by {coming}. No action needed. Ref: {ref}.";
    /** Default report-back text to whoever raised the emergency. */
    public static final String DEFAULT_COMING_TEMPLATE = "SOS Relay: {count} coming: {coming}. {type} emergency, ref {ref}.";
    /** The alert in Hindi, for people whose directory {@code language} is {@code hi}, when {@code TEXT_LANGUAGES} has it. */
    public static final String DEFAULT_MESSAGE_TEMPLATE_HI = "SOS Relay: {type} आपातकाल, समय {time}. स्थान: {location}."
            + " रिकॉर्डिंग: {link} संदर्भ: {ref}. पुष्टि के लिए: {acknowledge}.";
    /** The stand-down in Hindi. */
    public static final String DEFAULT_STAND_DOWN_TEMPLATE_HI = "SOS Relay: {type} आपातकाल {coming} ने संभाल लिया है. कोई कार्रवाई नहीं चाहिए. संदर्भ: {ref}.";
    /** The report back in Hindi (sent to whoever raised the emergency, who has no directory language: used only if configured so). */
    public static final String DEFAULT_COMING_TEMPLATE_HI = "SOS Relay: {count} आ रहे हैं: {coming}. {type} आपातकाल, संदर्भ {ref}.";
    /**
     * The waits before the 1st, 2nd, ... retry of a failed job; the last repeats. None is over {@link BatchWorker#MAX_WAIT}
     * (30 s): a call's next try is never minutes away, however many tries failed or timed out.
     */
    public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(30));
    /** The SDK clients' services whose endpoint may be overridden ({@code AWS_ENDPOINT_URL_<SERVICE>}, the SDK's own names). */
    public static final List<String> AWS_SERVICES = List.of("DYNAMODB", "SQS", "SSM", "S3");

    /** The SDK clients: region, endpoint overrides (the local backends), keys (else the container's), timeouts (else the SDK's). */
    public record Aws(String region, Map<String, URI> endpoints, Credentials credentials, Duration callTimeout, Duration attemptTimeout) {
        /** {@code sessionToken} may be null. */
        public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
            @Override
            public String toString() {
                return "Credentials[accessKeyId=" + accessKeyId + "]";
            }
        }

        static Aws read(Env env) {
            Variables v = new Variables(env);
            Map<String, URI> endpoints = new LinkedHashMap<>();
            for (String service : AWS_SERVICES) {
                URI endpoint = v.optionalUrl("AWS_ENDPOINT_URL_" + service);
                if (endpoint != null) {
                    endpoints.put(service, endpoint);
                }
            }
            String keyId = v.optional("AWS_ACCESS_KEY_ID");
            String secret = v.optional("AWS_SECRET_ACCESS_KEY");
            Credentials credentials = keyId == null || secret == null ? null
                    : new Credentials(keyId, secret, v.optional("AWS_SESSION_TOKEN"));
            return v.checked("AWS", new Aws(v.text("AWS_REGION", "ap-south-1"), Map.copyOf(endpoints), credentials,
                    v.optionalMillis("AWS_CALL_TIMEOUT_MS"), v.optionalMillis("AWS_CALL_ATTEMPT_TIMEOUT_MS")));
        }
    }

    /** The single table and the directory's table, named by the template. */
    public record Tables(String incidents, String directory) {
        static Tables read(Env env) {
            Variables v = new Variables(env);
            return v.checked("table", new Tables(v.required("INCIDENTS_TABLE"), v.required("DIRECTORY_TABLE")));
        }
    }

    /** The job queues, one per channel and the urgent calls' own, and the timers' queue. */
    public record Queues(String call, String urgentCall, String sms, String whatsApp, String timer) {
        static Queues read(Env env) {
            Variables v = new Variables(env);
            return v.checked("queue", new Queues(v.required("CALL_QUEUE_URL"), v.required("URGENT_CALL_QUEUE_URL"),
                    v.required("SMS_QUEUE_URL"), v.required("WHATSAPP_QUEUE_URL"), v.required("TIMER_QUEUE_URL")));
        }
    }

    /** How long a read directory is kept; how long a claim on a delivery holds; the waits between a failed job's retries. */
    public record Timing(Duration directoryCache, Duration deliveryClaim, List<Duration> retryBackoff) {
        static Timing read(Env env) {
            Variables v = new Variables(env);
            return v.checked("timing", new Timing(v.seconds("DIRECTORY_CACHE_SECONDS", 30, 0),
                    v.seconds("DELIVERY_CLAIM_SECONDS", 60, 1), v.secondsList("RETRY_BACKOFF_SECONDS", DEFAULT_BACKOFF, BatchWorker.MAX_WAIT)));
        }
    }

    /**
     * The Passthru answers by {@code passthruDeadline} (a 302 at worst: Exotel gives up after about 15 s); a
     * Passthru's CallSid is checked against Exotel's call details unless {@code passthruCallCheck} is off (only for a
     * test stack that replays made-up CallSids), the call to be to one of {@code inboundNumbers} (empty: the number called is not compared).
     */
    public record Triggers(Duration passthruDeadline, boolean passthruCallCheck, Set<String> inboundNumbers) {
        static Triggers read(Env env) {
            Variables v = new Variables(env);
            return v.checked("trigger", new Triggers(v.millis("PASSTHRU_DEADLINE_MS", 6000, 1),
                    v.onOff("PASSTHRU_CALL_CHECK", true), v.set("EXOTEL_INBOUND_NUMBERS")));
        }
    }

    /**
     * Where a caller's recording may come from: {@code hosts} (checked again before a fetch sends the account's
     * credentials), Exotel's folders narrowed to the account {@code accountSid}'s own recordings.
     */
    public record RecordingSources(String hosts, String accountSid) {
        static RecordingSources read(Env env) {
            Variables v = new Variables(env);
            return v.checked("recording source", new RecordingSources(v.text("RECORDING_HOSTS", EXOTEL_RECORDING_HOSTS),
                    v.required("EXOTEL_ACCOUNT_SID")));
        }
    }

    /**
     * Our copies of recordings: the bucket (the template's {@code RecordingsBucket}), how long the greeting's presigned
     * URL of a copy works, and the largest recording fetched from Exotel (a larger one is given up).
     */
    public record Recordings(String bucket, Duration urlValidity, int maxBytes) {
        static Recordings read(Env env) {
            Variables v = new Variables(env);
            return v.checked("recordings", new Recordings(v.required("RECORDINGS_BUCKET"), v.seconds("RECORDING_URL_SECONDS", 300, 1),
                    v.integer("RECORDING_MAX_BYTES", 20_000_000, 1)));
        }
    }

    /**
     * The recording links texts carry ({@code <publicBaseUrl>/r/<token>}, may be null where no text carries one) and
     * how long each plays after it is first texted.
     */
    public record Links(String publicBaseUrl, Duration lifetime) {
        static Links read(Env env) {
            Variables v = new Variables(env);
            return v.checked("recording link", new Links(v.optional("SOS_PUBLIC_BASE_URL"),
                    Duration.ofHours(v.number("RECORDING_LINK_HOURS", 24, 1))));
        }
    }

    /**
     * How many open incidents one device key may hold, and for how long one counts; how many incidents it may raise in a
     * clock hour (raise, resolve, repeat must not become a stream of fan-outs); the API keys that act as operators.
     */
    public record Api(int openIncidentLimit, Duration openIncidentWindow, int raisesPerHour, Set<String> operatorKeyIds) {
        static Api read(Env env) {
            Variables v = new Variables(env);
            return v.checked("API", new Api(v.integer("DEVICE_OPEN_INCIDENT_LIMIT", 10, 1),
                    Duration.ofMinutes(v.number("DEVICE_OPEN_INCIDENT_MINUTES", 60, 1)), v.integer("DEVICE_HOURLY_RAISE_LIMIT", 20, 1),
                    v.set("OPERATOR_API_KEY_IDS")));
        }
    }

    /** The Exotel account, shared by calls and SMS. */
    public record Exotel(String apiBaseUrl, String accountSid, String apiKey, SecretSource apiToken, Duration requestTimeout) {
        static Exotel read(Env env) {
            Variables v = new Variables(env);
            return v.checked("Exotel", new Exotel(v.url("EXOTEL_API_BASE_URL", EXOTEL_API_BASE_URL), v.required("EXOTEL_ACCOUNT_SID"),
                    v.required("EXOTEL_API_KEY"), v.secret("EXOTEL_API_TOKEN", "EXOTEL_API_TOKEN_PARAMETER"),
                    v.millis("EXOTEL_REQUEST_TIMEOUT_MS", 8000, 1)));
        }
    }

    /**
     * The calls: the ExoPhone they come from, the outbound flow (set after deploying, so read at run time), where
     * status callbacks go ({@code publicBaseUrl}, no trailing slash), how long a phone rings, how long a call may
     * last, and how long after the ring time a missing status callback is chased.
     */
    public record Calls(String callerId, SecretSource flowUrl, String publicBaseUrl, Duration ringTimeout, Duration timeLimit,
                        Duration callbackGrace) {
        static Calls read(Env env) {
            Variables v = new Variables(env);
            return v.checked("call", new Calls(v.required("EXOTEL_CALLER_ID"), v.secret("EXOTEL_FLOW_URL", "EXOTEL_FLOW_URL_PARAMETER"),
                    v.url("SOS_PUBLIC_BASE_URL", null), v.seconds("EXOTEL_RING_TIMEOUT_SECONDS", 30, 1),
                    v.seconds("EXOTEL_CALL_TIME_LIMIT_SECONDS", 600, 1), v.seconds("EXOTEL_CALLBACK_GRACE_SECONDS", 90, 0)));
        }
    }

    /** The voice providers an adapter exists for, as {@code VOICE_PROVIDERS} may name them; and any further Exotel account's name. */
    public static final Set<String> VOICE_PROVIDER_NAMES = Set.of("exotel", "plivo");
    /** A further Exotel account in {@code VOICE_PROVIDERS}: {@code exotel:<label>}, its settings {@code EXOTEL_<LABEL>_…}. */
    public static final String EXOTEL_ACCOUNT_NAME = "exotel:[a-z][a-z0-9]{0,11}";

    /**
     * A further Exotel account ({@code exotel:b} in {@code VOICE_PROVIDERS}), a provider of its own with its own budget: its
     * settings are the first account's names with the label after {@code EXOTEL_} ({@code EXOTEL_B_ACCOUNT_SID},
     * {@code EXOTEL_B_API_KEY}, {@code EXOTEL_B_API_TOKEN_PARAMETER} / {@code EXOTEL_B_API_TOKEN}, {@code EXOTEL_B_CALLER_ID},
     * {@code EXOTEL_B_FLOW_URL_PARAMETER} / {@code EXOTEL_B_FLOW_URL}, {@code EXOTEL_B_API_BASE_URL} for its cluster,
     * {@code EXOTEL_B_CALL_LIMIT}); request timeout, ring time and call length are the first account's.
     */
    public record ExotelAccount(String label, Exotel api, String callerId, SecretSource flowUrl, int callLimit) {
        static ExotelAccount read(Env env, String label) {
            Variables v = new Variables(env);
            String prefix = "EXOTEL_" + label.toUpperCase(java.util.Locale.ROOT) + "_";
            Exotel api = new Exotel(v.url(prefix + "API_BASE_URL", EXOTEL_API_BASE_URL), v.required(prefix + "ACCOUNT_SID"),
                    v.required(prefix + "API_KEY"), v.secret(prefix + "API_TOKEN", prefix + "API_TOKEN_PARAMETER"),
                    v.millis("EXOTEL_REQUEST_TIMEOUT_MS", 8000, 1));
            return v.checked("Exotel account " + label, new ExotelAccount(label, api, v.required(prefix + "CALLER_ID"),
                    v.secret(prefix + "FLOW_URL", prefix + "FLOW_URL_PARAMETER"), v.integer(prefix + "CALL_LIMIT", 190, 0)));
        }
    }
    /** Plivo's API. */
    public static final String PLIVO_API_BASE_URL = "https://api.plivo.com";

    /**
     * The Plivo account, read only where {@code VOICE_PROVIDERS} lists {@code plivo} (and by Plivo's webhooks, which check
     * its signatures with the token): the auth id, the auth token (also what Plivo signs callbacks with; {@code new,old}
     * while rotating), the caller ID (a number the account rents, written as Plivo does: {@code 91…}, no {@code +}).
     */
    public record Plivo(String apiBaseUrl, String authId, SecretSource authToken, String callerId, Duration requestTimeout) {
        static Plivo read(Env env) {
            Variables v = new Variables(env);
            return v.checked("Plivo", new Plivo(v.url("PLIVO_API_BASE_URL", PLIVO_API_BASE_URL), v.required("PLIVO_AUTH_ID"),
                    v.secret("PLIVO_AUTH_TOKEN", "PLIVO_AUTH_TOKEN_PARAMETER"), v.required("PLIVO_CALLER_ID"),
                    v.millis("PLIVO_REQUEST_TIMEOUT_MS", 8000, 1)));
        }
    }

    /**
     * Plivo's budget, its India defaults: {@code concurrentCalls} live calls (ringing or connected; one more fails at once with
     * 5030), requested at {@code callsPerSecond} (Plivo queues above that rather than refusing). 0 concurrent calls: off.
     */
    public record PlivoPacing(int concurrentCalls, int callsPerSecond, Duration callHeld) {
        static PlivoPacing read(Env env) {
            Variables v = new Variables(env);
            return v.checked("Plivo pacing", new PlivoPacing(v.integer("PLIVO_CONCURRENT_CALLS", 50, 0),
                    v.integer("PLIVO_CALLS_PER_SECOND", 2, 1), v.seconds("PLIVO_CALL_HELD_SECONDS", 90, 1)));
        }

        /**
         * How long a call counts as live: we never learn in time when each call ends, so a call counts from its request for as
         * long as Plivo's queue may hold it ({@code concurrentCalls / callsPerSecond}: at most that many requests are ever
         * outstanding) plus {@code callHeld} (ring time and a typical answered call). No more than {@code concurrentCalls}
         * requests in any such window keeps the live calls under the limit unless calls run longer than {@code callHeld}.
         */
        public Duration window() {
            return callHeld.plusMillis(1000L * concurrentCalls / callsPerSecond);
        }
    }

    /**
     * What a Plivo webhook needs to check Plivo's {@code X-Plivo-Signature-V3}: the auth token it is signed with, and the
     * public base URL (no trailing slash) the signed URLs were built on; null: the API's own, {@code https://<Host>/<stage>}.
     */
    public record PlivoSignatures(SecretSource authToken, String publicBaseUrl, String stage) {
        static PlivoSignatures read(Env env) {
            Variables v = new Variables(env);
            java.net.URI base = v.optionalUrl("SOS_PUBLIC_BASE_URL");
            return v.checked("Plivo webhook", new PlivoSignatures(v.secret("PLIVO_AUTH_TOKEN", "PLIVO_AUTH_TOKEN_PARAMETER"),
                    base == null ? null : base.toString().replaceAll("/+$", ""), v.text("API_STAGE_NAME", "Prod").trim()));
        }
    }

    /**
     * The voice providers calls go out through, in order of preference ({@code VOICE_PROVIDERS}, e.g. {@code exotel,plivo},
     * or {@code exotel,exotel:b,plivo} with a further Exotel account): the first is the primary. The default, {@code exotel} alone, places every call through Exotel as before.
     */
    public record Voice(List<String> providers) {
        static Voice read(Env env) {
            Variables v = new Variables(env);
            Set<String> allowed = new java.util.HashSet<>(VOICE_PROVIDER_NAMES);
            String listed = v.optional("VOICE_PROVIDERS");
            for (String name : listed == null ? new String[0] : listed.split(",")) {
                if (name.trim().matches(EXOTEL_ACCOUNT_NAME)) {
                    allowed.add(name.trim());
                }
            }
            return v.checked("voice", new Voice(v.orderedChoices("VOICE_PROVIDERS", List.of("exotel"), allowed)));
        }
    }

    /**
     * Exotel's voice API allows 200 requests a minute per account: every call worker, in every Lambda instance,
     * takes its sends from one shared budget of {@code callLimit} (190, room for a send that arrives a little late)
     * in any {@code window} (a minute; shorter only to compress time in tests). 0 turns pacing off, for a stand-in
     * provider that has no limit. A job with no room for over {@code maxWait} goes back on its queue.
     */
    public record Pacing(int callLimit, Duration window, Duration maxWait) {
        static Pacing read(Env env) {
            Variables v = new Variables(env);
            return v.checked("pacing", new Pacing(v.integer("EXOTEL_CALL_LIMIT", 190, 0), v.millis("EXOTEL_CALL_LIMIT_WINDOW_MS", 60000, 1),
                    v.seconds("PACING_MAX_WAIT_SECONDS", 5, 0)));
        }
    }

    /**
     * The SMS: the DLT header they come from, the entity, the DLT templates each language's texts are registered as, where
     * status callbacks go. Only the alert's template is required: a notice whose template is unset is off ({@link SmsNoticesOff}).
     */
    public record Sms(String from, String dltEntityId, DltTemplates english, DltTemplates hindi, String publicBaseUrl) {
        static Sms read(Env env) {
            Variables v = new Variables(env);
            DltTemplates english = new DltTemplates(v.required("EXOTEL_DLT_TEMPLATE_ID"), v.optional("EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID"),
                    v.optional("EXOTEL_DLT_COMING_TEMPLATE_ID"));
            DltTemplates hindi = v.hindi() ? new DltTemplates(v.required("EXOTEL_DLT_TEMPLATE_ID_HI"),
                    v.optional("EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID_HI"), v.optional("EXOTEL_DLT_COMING_TEMPLATE_ID_HI")) : null;
            return v.checked("SMS", new Sms(v.required("EXOTEL_SMS_FROM"), v.required("EXOTEL_DLT_ENTITY_ID"), english, hindi,
                    v.url("SOS_PUBLIC_BASE_URL", null)));
        }
    }

    /** The DLT template ids of one language's three SMS texts: the alert, the stand-down, the report back (null: not registered, off). */
    public record DltTemplates(String alert, String standDown, String coming) {
    }

    /**
     * The SMS notices that are off, by notice ({@code stand-down}, {@code coming}: the report back), each with the
     * variable that is unset: a notice goes out only when its DLT template id is set in every language texts go out
     * in (else a Hindi reader would get no text, or one DLT scrubs). The alert never depends on them. Read by the SMS
     * worker (which sends no job of a notice that is off) and the board, which shows them.
     */
    public record SmsNoticesOff(Map<String, String> off) {
        static SmsNoticesOff read(Env env) {
            Variables v = new Variables(env);
            Map<String, String> off = new java.util.TreeMap<>();
            boolean hindi = v.hindi();
            for (Map.Entry<String, String> notice : Map.of("stand-down", "EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID",
                    "coming", "EXOTEL_DLT_COMING_TEMPLATE_ID").entrySet()) {
                List<String> unset = (hindi ? List.of(notice.getValue(), notice.getValue() + "_HI") : List.of(notice.getValue())).stream()
                        .filter(name -> v.optional(name) == null).toList();
                if (!unset.isEmpty()) {
                    off.put(notice.getKey(), String.join(" and ", unset) + (unset.size() > 1 ? " are" : " is") + " not set");
                }
            }
            return v.checked("SMS notice", new SmsNoticesOff(java.util.Collections.unmodifiableMap(off)));
        }
    }

    /** One language's texts: the alert, the stand-down and (SMS only, else null) the report back. */
    public record Texts(String alert, String standDown, String coming) {
    }

    /**
     * The SMS texts, each as registered with DLT, in English and (null unless {@code TEXT_LANGUAGES} has {@code hi})
     * Hindi, and the two-way number replies reach (null: none, and nobody can answer an alphanumeric DLT header);
     * {@code publicBaseUrl} (may be null) is the only domain a text may link to.
     */
    public record SmsTexts(Texts english, Texts hindi, String replyNumber, String publicBaseUrl) {
        static SmsTexts read(Env env) {
            Variables v = new Variables(env);
            Texts english = new Texts(v.text("SMS_TEMPLATE", DEFAULT_MESSAGE_TEMPLATE),
                    v.text("STAND_DOWN_SMS_TEMPLATE", DEFAULT_STAND_DOWN_TEMPLATE), v.text("COMING_SMS_TEMPLATE", DEFAULT_COMING_TEMPLATE));
            Texts hindi = v.hindi() ? new Texts(v.text("SMS_TEMPLATE_HI", DEFAULT_MESSAGE_TEMPLATE_HI),
                    v.text("STAND_DOWN_SMS_TEMPLATE_HI", DEFAULT_STAND_DOWN_TEMPLATE_HI), v.text("COMING_SMS_TEMPLATE_HI", DEFAULT_COMING_TEMPLATE_HI))
                    : null;
            return v.checked("SMS text", new SmsTexts(english, hindi, v.optional("EXOTEL_SMS_REPLY_NUMBER"), v.optional("SOS_PUBLIC_BASE_URL")));
        }
    }

    /**
     * The GupShup enterprise account and the approved templates' texts, in English and (null unless {@code TEXT_LANGUAGES}
     * has {@code hi}) Hindi (header and footer, if they have them, may be null); {@code repliesArrive}: GupShup's inbound
     * webhook is set to our {@code /gupshup/{secret}/inbound} ({@code GUPSHUP_INBOUND=on}), so a text may ask for a reply.
     */
    public record WhatsApp(String apiBaseUrl, String userId, SecretSource password, Duration requestTimeout, String templateHeader,
                           String templateFooter, Texts english, Texts hindi, boolean repliesArrive) {
        static WhatsApp read(Env env) {
            Variables v = new Variables(env);
            Texts english = new Texts(v.text("WHATSAPP_TEMPLATE", DEFAULT_MESSAGE_TEMPLATE),
                    v.text("STAND_DOWN_WHATSAPP_TEMPLATE", DEFAULT_STAND_DOWN_TEMPLATE), null);
            Texts hindi = v.hindi() ? new Texts(v.text("WHATSAPP_TEMPLATE_HI", DEFAULT_MESSAGE_TEMPLATE_HI),
                    v.text("STAND_DOWN_WHATSAPP_TEMPLATE_HI", DEFAULT_STAND_DOWN_TEMPLATE_HI), null) : null;
            return v.checked("WhatsApp", new WhatsApp(v.url("GUPSHUP_API_BASE_URL", GUPSHUP_API_BASE_URL), v.required("GUPSHUP_USER_ID"),
                    v.secret("GUPSHUP_PASSWORD", "GUPSHUP_PASSWORD_PARAMETER"), v.millis("GUPSHUP_REQUEST_TIMEOUT_MS", 8000, 1),
                    v.optional("GUPSHUP_TEMPLATE_HEADER"), v.optional("GUPSHUP_TEMPLATE_FOOTER"), english, hindi,
                    "on".equals(v.oneOf("GUPSHUP_INBOUND", "off", java.util.Set.of("on", "off")))));
        }
    }

    /**
     * The language the greeting's spoken summary is written in ({@code GREETING_LANGUAGE}, {@code en} or {@code hi}): it must
     * be the language set on the outbound flow's Greeting applet, which is the voice Exotel's text-to-speech reads it in.
     */
    public record Greeting(String language) {
        static Greeting read(Env env) {
            Variables v = new Variables(env);
            return v.checked("greeting", new Greeting(v.oneOf("GREETING_LANGUAGE", "en", Variables.LANGUAGES)));
        }
    }

    /**
     * How long a call we placed can still be on the line: it rings up to {@code EXOTEL_RING_TIMEOUT_SECONDS} and Exotel
     * ends it at {@code EXOTEL_CALL_TIME_LIMIT_SECONDS} (both as {@link Calls} reads them, which sends them to Exotel), plus
     * two minutes for Exotel's webhooks to arrive. A press 1 or a greeting request later than that is not from the call.
     */
    public record CallWindow(Duration lastsAtMost) {
        static CallWindow read(Env env) {
            Variables v = new Variables(env);
            return v.checked("call window", new CallWindow(v.seconds("EXOTEL_RING_TIMEOUT_SECONDS", 30, 1)
                    .plus(v.seconds("EXOTEL_CALL_TIME_LIMIT_SECONDS", 600, 1)).plus(Duration.ofMinutes(2))));
        }
    }

    /**
     * Secrets read from SSM: how long one is kept before it is read again ({@code SECRET_CACHE_SECONDS}, 900: a rotation
     * reaches every instance within it) and how long after an overwrite a webhook secret's previous value is still
     * accepted ({@code SECRET_ROTATION_WINDOW_SECONDS}, 3600; at least the cache time: docs/security.md). Shorter only to
     * compress time in tests.
     */
    public record Secrets(Duration kept, Duration rotationWindow) {
        static Secrets read(Env env) {
            Variables v = new Variables(env);
            Duration kept = v.seconds("SECRET_CACHE_SECONDS", 900, 1);
            Duration window = v.seconds("SECRET_ROTATION_WINDOW_SECONDS", 3600, 0);
            if (window.compareTo(kept) < 0) {
                v.problem("SECRET_ROTATION_WINDOW_SECONDS (" + window.toSeconds() + ") is shorter than SECRET_CACHE_SECONDS ("
                        + kept.toSeconds() + "): a value handed out before a rotation would be refused while instances still hand it out");
            }
            return v.checked("secret", new Secrets(kept, window));
        }
    }

    private final Env env;
    /** Each group once it has been read. */
    private final Map<String, Object> groups = new ConcurrentHashMap<>();

    public Settings(Env env) {
        this.env = env;
    }

    /** The environment itself, for what no group covers (the local stack's test handlers read their own variables). */
    public Env env() {
        return env;
    }

    public Aws aws() {
        return group("aws", Aws::read);
    }

    public Tables tables() {
        return group("tables", Tables::read);
    }

    public Queues queues() {
        return group("queues", Queues::read);
    }

    public Timing timing() {
        return group("timing", Timing::read);
    }

    public Triggers triggers() {
        return group("triggers", Triggers::read);
    }

    public RecordingSources recordingSources() {
        return group("recordingSources", RecordingSources::read);
    }

    public Api api() {
        return group("api", Api::read);
    }

    public Recordings recordings() {
        return group("recordings", Recordings::read);
    }

    public Links links() {
        return group("links", Links::read);
    }

    /** SOS_WEBHOOK_SECRET itself (local only), else the SSM SecureString SOS_WEBHOOK_SECRET_PARAMETER names. */
    public SecretSource webhookSecret() {
        return group("webhook", Settings::readWebhookSecret);
    }

    /** GupShup's own webhook secret (one per provider, each rotatable): SOS_GUPSHUP_WEBHOOK_SECRET (local only), else its SSM parameter. */
    public SecretSource gupShupWebhookSecret() {
        return group("gupshup-webhook", Settings::readGupShupWebhookSecret);
    }

    public Exotel exotel() {
        return group("exotel", Exotel::read);
    }

    public Calls calls() {
        return group("calls", Calls::read);
    }

    /** What Plivo's webhooks check a signature with: the auth token ({@code new,old} while rotating) and the URL Plivo was given. */
    public PlivoSignatures plivoSignatures() {
        return group("plivoSignatures", PlivoSignatures::read);
    }

    public Plivo plivo() {
        return group("plivo", Plivo::read);
    }

    /** The further Exotel account {@code exotel:<label>} ({@link ExotelAccount}). */
    public ExotelAccount exotelAccount(String label) {
        return group("exotel:" + label, env -> ExotelAccount.read(env, label));
    }

    public PlivoPacing plivoPacing() {
        return group("plivoPacing", PlivoPacing::read);
    }

    public Voice voice() {
        return group("voice", Voice::read);
    }

    public Pacing pacing() {
        return group("pacing", Pacing::read);
    }

    public Sms sms() {
        return group("sms", Sms::read);
    }

    public SmsNoticesOff smsNoticesOff() {
        return group("smsNoticesOff", SmsNoticesOff::read);
    }

    public SmsTexts smsTexts() {
        return group("smsTexts", SmsTexts::read);
    }

    public WhatsApp whatsApp() {
        return group("whatsApp", WhatsApp::read);
    }

    public CallWindow callWindow() {
        return group("callWindow", CallWindow::read);
    }

    public Greeting greeting() {
        return group("greeting", Greeting::read);
    }

    public Secrets secrets() {
        return group("secrets", Secrets::read);
    }

    /** Each secret's plain variable (local only) and the variable that names its SSM parameter. */
    public static final Map<String, String> SECRET_VARIABLES = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Map.of(
            "SOS_WEBHOOK_SECRET", "SOS_WEBHOOK_SECRET_PARAMETER",
            "SOS_GUPSHUP_WEBHOOK_SECRET", "SOS_GUPSHUP_WEBHOOK_SECRET_PARAMETER",
            "EXOTEL_API_TOKEN", "EXOTEL_API_TOKEN_PARAMETER",
            "EXOTEL_FLOW_URL", "EXOTEL_FLOW_URL_PARAMETER",
            "GUPSHUP_PASSWORD", "GUPSHUP_PASSWORD_PARAMETER",
            "OPERATOR_SIGN_IN", "OPERATOR_SIGN_IN_PARAMETER")));

    /** The secrets this function's environment names, by plain variable, each as its value (local) or its parameter. */
    public Map<String, SecretSource> secretSources() {
        Map<String, SecretSource> sources = new java.util.TreeMap<>();
        SECRET_VARIABLES.forEach((plain, parameter) -> {
            if (env.get(plain) != null || env.get(parameter) != null) {
                Variables v = new Variables(env);
                SecretSource source = v.secret(plain, parameter);
                if (source != null) {
                    sources.put(plain, source);
                }
            }
        });
        return sources;
    }

    /**
     * The board's sign-in settings (the hosted UI's address and app client id, as JSON): {@code OPERATOR_SIGN_IN} itself
     * (local), else the SSM parameter {@code OPERATOR_SIGN_IN_PARAMETER} names, which the stack writes once the app
     * client exists.
     */
    public SecretSource operatorSignIn() {
        return group("board", Settings::readOperatorSignIn);
    }

    private static SecretSource readOperatorSignIn(Env env) {
        Variables v = new Variables(env);
        return v.checked("board", v.secret("OPERATOR_SIGN_IN", "OPERATOR_SIGN_IN_PARAMETER"));
    }

    private static SecretSource readWebhookSecret(Env env) {
        Variables v = new Variables(env);
        return v.checked("webhook", v.secret("SOS_WEBHOOK_SECRET", "SOS_WEBHOOK_SECRET_PARAMETER"));
    }

    private static SecretSource readGupShupWebhookSecret(Env env) {
        Variables v = new Variables(env);
        return v.checked("gupshup-webhook", v.secret("SOS_GUPSHUP_WEBHOOK_SECRET", "SOS_GUPSHUP_WEBHOOK_SECRET_PARAMETER"));
    }

    /**
     * The group, read on first use and then kept; one that is wrong throws and is not kept, so each use names its
     * problems again. Each group's reader is linked only when the group is first asked for: a function loads nothing
     * for the groups it never reads (its cold start pays for its own settings only).
     */
    @SuppressWarnings("unchecked")
    private <T> T group(String name, Function<Env, T> read) {
        return (T) groups.computeIfAbsent(name, n -> read.apply(env));
    }
}
