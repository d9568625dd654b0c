package sosrelay.wiring;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import sosrelay.ack.AckCodes;
import sosrelay.config.SecretSource;
import sosrelay.config.Settings;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Channel;
import sosrelay.directory.DirectoryStore;
import sosrelay.dispatch.Dispatcher;
import sosrelay.dispatch.JobQueue;
import sosrelay.dispatch.QueueRoutes;
import sosrelay.incident.AcceptanceTimes;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.OpenIncidentSlots;
import sosrelay.incident.RecordingPolicy;
import sosrelay.incident.Timeline;
import sosrelay.links.RecordingLinks;
import sosrelay.people.ReachedPeople;
import sosrelay.recordings.RecordingsBucket;
import sosrelay.secrets.SecretValue;
import sosrelay.timers.Timers;
import sosrelay.web.WebhookSecret;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * What every family of functions stands on: the settings, the clock, the SDK clients, the HTTP client and the
 * pools, the stores of each table item kind, the queues and the secrets. Each is built on first use.
 */
final class Foundation {
    private static final int CONCURRENT_SENDS = 10;

    final Settings settings;
    final Clock clock;
    final AwsClients aws;
    final Lazy<DynamoDbClient> dynamo;
    final Lazy<SqsClient> sqs;
    final Lazy<SsmClient> ssm;
    final Lazy<HttpClient> http;
    final Lazy<ExecutorService> executor;
    final Lazy<ExecutorService> queueing;
    final Lazy<WebhookSecret> webhookSecret;
    final Lazy<WebhookSecret> gupShupWebhookSecret;
    final Lazy<IncidentStore> incidents;
    final Lazy<DirectoryStore> directory;
    final Lazy<DeliveryStore> deliveries;
    final Lazy<AcceptanceTimes> acceptanceTimes;
    final Lazy<IncidentProgress> progress;
    final Lazy<Timeline> timeline;
    final Lazy<AckCodes> ackCodes;
    final Lazy<OpenIncidentSlots> openSlots;
    final Lazy<Timers> timers;
    final Lazy<JobQueue> jobQueue;
    final Lazy<QueueRoutes> routes;
    final Lazy<Dispatcher> dispatcher;
    final Lazy<RecordingsBucket> recordingsBucket;

    Foundation(Settings settings, Clock clock, ClientOverrideConfiguration clientOverrides) {
        this.settings = settings;
        this.clock = clock;
        this.aws = new AwsClients(settings::aws, clientOverrides);
        this.dynamo = new Lazy<>(() -> aws.build(DynamoDbClient.builder(), "DYNAMODB"));
        this.sqs = new Lazy<>(() -> aws.build(SqsClient.builder(), "SQS"));
        this.ssm = new Lazy<>(() -> aws.build(SsmClient.builder(), "SSM"));
        this.http = new Lazy<>(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                // A provider or recording URL that redirects is refused, never followed: a redirect could
                // take the account's credentials or a doctor's phone somewhere off the allow-list.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        this.executor = new Lazy<>(() -> pool("sos-send"));
        // Its own pool: the tasks on the executor wait for the queueing (a timer's dispatch), so were it queued on
        // the same pool, a full batch of such tasks would wait for ever on work queued behind themselves.
        this.queueing = new Lazy<>(() -> pool("sos-queue"));
        // Exotel's and GupShup's path secrets: each SOS_*_SECRET itself (local only), else the SSM SecureString its
        // *_PARAMETER names. A value given in the environment is checked at init (16 characters or more); one in SSM is
        // read after SnapStart's restore, never into the snapshot, and checked when first read.
        this.webhookSecret = new Lazy<>(() -> webhookSecret(settings.webhookSecret()));
        this.gupShupWebhookSecret = new Lazy<>(() -> webhookSecret(settings.gupShupWebhookSecret()));
        this.incidents = new Lazy<>(() -> new IncidentStore(dynamo.get(), incidentsTable(), clock, IncidentStore.DISPATCH_LEASE));
        this.directory = new Lazy<>(() -> new DirectoryStore(dynamo.get(), settings.tables().directory(), clock,
                settings.timing().directoryCache()));
        this.deliveries = new Lazy<>(() -> new DeliveryStore(dynamo.get(), incidentsTable(), clock, settings.timing().deliveryClaim()));
        this.acceptanceTimes = new Lazy<>(() -> new AcceptanceTimes(dynamo.get(), incidentsTable()));
        this.progress = new Lazy<>(() -> new IncidentProgress(dynamo.get(), incidentsTable(), clock));
        this.timeline = new Lazy<>(() -> new Timeline(dynamo.get(), incidentsTable(), clock));
        this.ackCodes = new Lazy<>(() -> new AckCodes(dynamo.get(), incidentsTable(), clock));
        this.openSlots = new Lazy<>(() -> new OpenIncidentSlots(dynamo.get(), incidentsTable(), clock,
                settings.api().openIncidentLimit(), settings.api().openIncidentWindow()));
        this.timers = new Lazy<>(() -> new Timers(sqs.get(), settings.queues().timer(), clock));
        this.jobQueue = new Lazy<>(() -> new JobQueue(sqs.get(), queueing.get()));
        this.routes = new Lazy<>(this::queueRoutes);
        this.dispatcher = new Lazy<>(() -> new Dispatcher(jobQueue.get(), routes.get()));
        this.recordingsBucket = new Lazy<>(() -> new RecordingsBucket(new Lazy<>(aws::s3), aws.s3Presigner(),
                settings.recordings().bucket(), settings.recordings().urlValidity()));
    }

    /**
     * Touches the AWS paths a function's requests take, so SnapStart's snapshot holds them rather than a caller's first
     * request: a DynamoDB read of an incident that can't exist; if the function built its SQS client, an empty batch to
     * the call queue, which SQS refuses (as empty, or as not allowed): nothing is queued either way.
     */
    void warmUpStorage() {
        incidents.get().find("inc-aaaaaaaaaaaaaaaaaaaa");
        if (sqs.built()) {
            try {
                sqs.get().sendMessageBatch(b -> b.queueUrl(settings.queues().call()).entries(List.of()));
            } catch (SqsException refused) {
                // The refusal is the expected answer: the request went the whole way and back.
            }
        }
    }

    String incidentsTable() {
        return settings.tables().incidents();
    }

    /** The texts' recording links: issued by the SMS and WhatsApp workers, read by the link's function. */
    RecordingLinks recordingLinks() {
        Settings.Links links = settings.links();
        return new RecordingLinks(dynamo.get(), incidentsTable(), clock, links.lifetime(), links.publicBaseUrl());
    }

    /** Who has answered something: written by every acknowledgement, read by the board's desk. */
    ReachedPeople reachedPeople() {
        return new ReachedPeople(dynamo.get(), incidentsTable(), clock);
    }

    RecordingPolicy recordingPolicy() {
        return RecordingPolicy.forAccount(settings.recordingSources().hosts(), settings.recordingSources().accountSid());
    }

    /**
     * The secret itself (local only), else its SSM parameter, read when first needed and again after {@code kept}
     * ({@code SECRET_CACHE_SECONDS} at most).
     */
    Supplier<String> secret(SecretSource source, Duration kept) {
        return source.isPlain() ? source::value : new SecretValue(ssm, source.parameterName(), clock, kept(kept));
    }

    private Duration kept(Duration kept) {
        Duration most = settings.secrets().kept();
        return kept.compareTo(most) < 0 ? kept : most;
    }

    /** From SSM, the parameter's previous version stays accepted for the rotation window after an overwrite. */
    private WebhookSecret webhookSecret(SecretSource source) {
        if (source.isPlain()) {
            return WebhookSecret.checked(source::value);
        }
        SecretValue value = new SecretValue(ssm, source.parameterName(), clock, kept(SecretValue.KEPT), settings.secrets().rotationWindow());
        return new WebhookSecret(value::versions, clock);
    }

    /**
     * Reads each secret the function's environment names, now (a fresh read, with the function's own SDK client and so
     * its role), and checks it as its user will: a webhook secret's length, the flow URL's form, the sign-in's JSON.
     * The problems name variables and parameters, never a value.
     */
    List<String> secretProblems() {
        List<String> problems = new java.util.ArrayList<>();
        settings.secretSources().forEach((variable, source) -> {
            String where = source.isPlain() ? variable : variable + "_PARAMETER " + source.parameterName();
            try {
                String value = source.isPlain() ? source.value() : new SecretValue(ssm, source.parameterName(), clock, Duration.ZERO).get();
                String wrong = wrongValue(variable, value);
                if (wrong != null) {
                    problems.add(where + ": " + wrong);
                }
            } catch (RuntimeException e) {
                problems.add(where + ": " + e.getMessage());
            }
        });
        return problems;
    }

    private static String wrongValue(String variable, String value) {
        if (value == null || value.isBlank()) {
            return "empty";
        }
        switch (variable) {
            case "SOS_WEBHOOK_SECRET", "SOS_GUPSHUP_WEBHOOK_SECRET" -> {
                try {
                    WebhookSecret.checked(() -> value);
                } catch (IllegalStateException e) {
                    return e.getMessage();
                }
            }
            case "EXOTEL_FLOW_URL" -> {
                if (!value.startsWith("http://") && !value.startsWith("https://")) {
                    return "not an http(s) URL (the outbound flow's http://my.exotel.com/<sid>/exoml/start_voice/<app id>)";
                }
            }
            case "OPERATOR_SIGN_IN" -> {
                if (!value.trim().startsWith("{")) {
                    return "not the JSON the stack writes ({\"hostedUi\":...,\"clientId\":...})";
                }
            }
            default -> {
                // the provider's token or password: any value; a wrong one shows at the provider (tools/doctor asks Exotel)
            }
        }
        return null;
    }

    String callbackUrl(String publicBaseUrl, String name) {
        return publicBaseUrl + "/exotel/" + webhookSecret.get().current() + "/" + name;
    }

    String queueUrl(Channel channel) {
        Settings.Queues queues = settings.queues();
        return switch (channel) {
            case CALL -> queues.call();
            case SMS -> queues.sms();
            case WHATSAPP -> queues.whatsApp();
        };
    }

    private QueueRoutes queueRoutes() {
        Map<Channel, String> queues = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            queues.put(channel, queueUrl(channel));
        }
        // High-priority calls' own queue, with its own pollers: a Code Blue is never received behind a fan-out.
        return new QueueRoutes(queues, settings.queues().urgentCall());
    }

    private static ExecutorService pool(String name) {
        return Executors.newFixedThreadPool(CONCURRENT_SENDS, daemon(name));
    }

    /** A pool of its own for work a request thread waits on with a deadline: it grows rather than queue behind the sends. */
    static ExecutorService daemonThreads(String name) {
        return Executors.newCachedThreadPool(daemon(name));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
