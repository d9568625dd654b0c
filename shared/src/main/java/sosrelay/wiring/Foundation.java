package sosrelay.wiring;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
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
import sosrelay.timers.Timers;
import sosrelay.web.WebhookSecret;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
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
    final BesideInit besideInit = new BesideInit();
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
        this.webhookSecret = new Lazy<>(() -> SecretReads.webhookSecret(this, settings.webhookSecret()));
        this.gupShupWebhookSecret = new Lazy<>(() -> SecretReads.webhookSecret(this, settings.gupShupWebhookSecret()));
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
                settings.recordings().bucket(), settings.recordings().urlValidity(), get -> aws.signing("S3", "GetObject", get)));
    }

    /**
     * Touches the AWS paths a function's requests take, so SnapStart's snapshot holds them rather than a caller's first
     * request: if the function built its DynamoDB client, a read of an incident that can't exist; if it built its SQS
     * client, an empty batch to the call queue, which SQS refuses (as empty, or as not allowed): nothing is queued either
     * way. A function that uses neither (the board) asks nothing: its role allows neither. What the init started beside
     * ({@link BesideInit}) ends first.
     */
    void warmUpStorage() {
        if (dynamo.built()) {
            incidents.get().find("inc-aaaaaaaaaaaaaaaaaaaa");
        }
        besideInit.await();
        if (sqs.built()) {
            BesideInit.walkQueueing(sqs.get(), settings.queues().call());
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

    /** The secret itself (local only), else its SSM parameter, kept {@code kept} at most ({@link SecretReads#secret}). */
    Supplier<String> secret(SecretSource source, Duration kept) {
        return SecretReads.secret(this, source, kept);
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
