package sosrelay.wiring;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import sosrelay.ack.AckCodes;
import sosrelay.ack.Acknowledgements;
import sosrelay.ack.KeypressAckWebhook;
import sosrelay.ack.CodeReplies;
import sosrelay.ack.SmsReplyAckWebhook;
import sosrelay.ack.WhatsAppReplyWebhook;
import sosrelay.callbacks.GupShupDeliveryWebhook;
import sosrelay.alarm.AlarmTrigger;
import sosrelay.board.BoardPage;
import sosrelay.api.DeviceApi;
import sosrelay.api.HeartbeatApi;
import sosrelay.api.IncidentApi;
import sosrelay.api.OperatorApi;
import sosrelay.callbacks.StatusCallbackWebhook;
import sosrelay.calls.ExotelCallDetails;
import sosrelay.calls.LostCallbackCheck;
import sosrelay.calls.VoiceApiTurns;
import sosrelay.calls.ExotelAccount;
import sosrelay.calls.ExotelCalls;
import sosrelay.config.Env;
import sosrelay.config.SecretSource;
import sosrelay.config.Settings;
import sosrelay.delivery.DeliveryOutcomes;
import sosrelay.delivery.DeliveryStore;
import sosrelay.delivery.DeliveryWorker;
import sosrelay.delivery.PendingReports;
import sosrelay.delivery.Sender;
import sosrelay.delivery.TimeToRing;
import sosrelay.directory.Channel;
import sosrelay.directory.Language;
import sosrelay.directory.DirectoryStore;
import sosrelay.directory.PhoneNumbers;
import sosrelay.drills.DrillApi;
import sosrelay.drills.ScheduledDrills;
import sosrelay.delivery.DeliveryJob;
import sosrelay.dispatch.Dispatcher;
import sosrelay.dispatch.JobQueue;
import sosrelay.delivery.Notice;
import sosrelay.dispatch.QueueRoutes;
import sosrelay.dispatch.Retries;
import sosrelay.escalation.Escalation;
import sosrelay.greeting.GreetingWebhook;
import sosrelay.heartbeat.HeartbeatStore;
import sosrelay.heartbeat.Heartbeats;
import sosrelay.incident.AcceptanceTimes;
import sosrelay.incident.IncidentList;
import sosrelay.incident.IncidentProgress;
import sosrelay.raise.IncidentRaiser;
import sosrelay.incident.CurrentRosters;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.OpenIncidentSlots;
import sosrelay.incident.BucketRecordingPolicy;
import sosrelay.incident.RecordingPolicy;
import sosrelay.incident.Timeline;
import sosrelay.links.RecordingLinkWebhook;
import sosrelay.links.RecordingLinks;
import sosrelay.messages.IncidentMessages;
import sosrelay.messages.MessageTemplate;
import sosrelay.messages.ReplyRoute;
import sosrelay.metrics.IncidentMetrics;
import sosrelay.notices.ReportBack;
import sosrelay.notices.StandDown;
import sosrelay.pacing.Pacing;
import sosrelay.pacing.BudgetShares;
import sosrelay.pacing.Pacer;
import sosrelay.pacing.SlidingWindowBudget;
import sosrelay.passthru.PassthruCallCheck;
import sosrelay.passthru.PassthruDeadline;
import sosrelay.passthru.PassthruWebhook;
import sosrelay.people.ReachedPeople;
import sosrelay.recordings.ExotelRecordingFetch;
import sosrelay.recordings.RecordingCopies;
import sosrelay.recordings.RecordingsBucket;
import sosrelay.secrets.SecretValue;
import sosrelay.sms.DltTemplate;
import sosrelay.sms.ExotelSms;
import sosrelay.sms.ExotelSmsAccount;
import sosrelay.sqs.BatchWorker;
import sosrelay.timers.TimerJob;
import sosrelay.timers.TimerWorker;
import sosrelay.timers.Timers;
import sosrelay.web.WebhookSecret;
import sosrelay.whatsapp.GupShupAccount;
import sosrelay.whatsapp.GupShupWhatsApp;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import sosrelay.whatsapp.WhatsAppOptIns;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The composition root: everything a function needs, built from its {@link Settings} on first use and then kept
 * for the life of the Lambda instance. It reads no variable itself. Handlers take a Wiring; the local stack
 * builds one per function from the env template.yaml gives that function, as Lambda would.
 */
public final class Wiring {
    private static final int CONCURRENT_SENDS = 10;

    private final Settings settings;
    private final Clock clock;
    private final AwsClients aws;

    private final Lazy<DynamoDbClient> dynamo;
    private final Lazy<SqsClient> sqs;
    private final Lazy<SsmClient> ssm;
    private final Lazy<HttpClient> http;
    private final Lazy<ExecutorService> executor;
    private final Lazy<ExecutorService> queueing;
    private final Lazy<IncidentStore> incidents;
    private final Lazy<DirectoryStore> directory;
    private final Lazy<PassthruWebhook> passthru;
    private final Lazy<GreetingWebhook> greeting;
    private final Lazy<BatchWorker> callJobs;
    private final Lazy<IncidentRaiser> raiser;
    private final Lazy<AlarmTrigger> alarms;
    private final Lazy<IncidentApi> incidentApi;
    private final Lazy<BatchWorker> smsJobs;
    private final Lazy<BatchWorker> whatsAppJobs;
    private final Lazy<DeliveryStore> deliveries;
    private final Lazy<IncidentProgress> progress;
    private final Lazy<Timeline> timeline;
    private final Lazy<AckCodes> ackCodes;
    private final Lazy<Timers> timers;
    private final Lazy<JobQueue> jobQueue;
    private final Lazy<QueueRoutes> routes;
    private final Lazy<Dispatcher> dispatcher;
    private final Lazy<Escalation> escalation;
    private final Lazy<Retries> retries;
    private final Lazy<DeliveryOutcomes> outcomes;
    private final Lazy<Acknowledgements> acknowledgements;
    private final Lazy<LostCallbackCheck> lostCallbacks;
    private final Lazy<PassthruCallCheck> passthruChecks;
    private final Lazy<BatchWorker> timerJobs;
    private final Lazy<AcceptanceTimes> acceptanceTimes;
    private final Lazy<Pacer> voicePacer;
    private final Lazy<OpenIncidentSlots> openSlots;
    private final Lazy<WebhookSecret> webhookSecret;
    private final Lazy<WebhookSecret> gupShupWebhookSecret;
    private final Lazy<ReportBack> reportBack;
    private final Lazy<OperatorApi> operatorApi;
    private final Lazy<RecordingsBucket> recordingsBucket;
    private final Lazy<RecordingCopies> recordingCopies;

    public Wiring(Env env) {
        this(env, Clock.systemUTC());
    }

    public Wiring(Env env, Clock clock) {
        this(env, clock, ClientOverrideConfiguration.builder().build());
    }

    /** With {@code clientOverrides} on every AWS SDK client: how the local stack enforces each function's IAM policy. */
    public Wiring(Env env, Clock clock, ClientOverrideConfiguration clientOverrides) {
        Settings settings = new Settings(env);
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
        this.webhookSecret = new Lazy<>(() -> new WebhookSecret(secret(settings.webhookSecret(), SecretValue.KEPT)));
        this.gupShupWebhookSecret = new Lazy<>(() -> new WebhookSecret(secret(settings.gupShupWebhookSecret(), SecretValue.KEPT)));
        this.incidents = new Lazy<>(() -> new IncidentStore(dynamo.get(), incidentsTable(), clock, IncidentStore.DISPATCH_LEASE));
        this.directory = new Lazy<>(() -> new DirectoryStore(dynamo.get(), settings.tables().directory(), clock,
                settings.timing().directoryCache()));
        this.deliveries = new Lazy<>(() -> new DeliveryStore(dynamo.get(), incidentsTable(), clock, settings.timing().deliveryClaim()));
        this.voicePacer = new Lazy<>(this::voicePacer);
        this.acceptanceTimes = new Lazy<>(() -> new AcceptanceTimes(dynamo.get(), incidentsTable()));
        this.progress = new Lazy<>(() -> new IncidentProgress(dynamo.get(), incidentsTable(), clock));
        this.timeline = new Lazy<>(() -> new Timeline(dynamo.get(), incidentsTable(), clock));
        this.ackCodes = new Lazy<>(() -> new AckCodes(dynamo.get(), incidentsTable(), clock));
        this.timers = new Lazy<>(() -> new Timers(sqs.get(), settings.queues().timer(), clock));
        this.jobQueue = new Lazy<>(() -> new JobQueue(sqs.get(), queueing.get()));
        this.routes = new Lazy<>(this::queueRoutes);
        this.dispatcher = new Lazy<>(() -> new Dispatcher(jobQueue.get(), routes.get()));
        this.reportBack = new Lazy<>(() -> new ReportBack(dispatcher.get(), timeline.get()));
        this.escalation = new Lazy<>(() -> new Escalation(incidents.get(), progress.get(), deliveries.get(), dispatcher.get(), timers.get(),
                timeline.get(), incident -> {
                    if (!incident.trigger().exercise()) {
                        // A drill or test call nobody answered is in its report, not an operator's alarm.
                        IncidentMetrics.unanswered(incident.id(), incident.type());
                    }
                    reportBack.get().unanswered(incident);
                }, currentRosters(), clock));
        this.retries = new Lazy<>(() -> new Retries(incidents.get(), progress.get(), deliveries.get(), timers.get(), dispatcher.get(),
                timeline.get(), currentRosters(), clock));
        this.outcomes = new Lazy<>(() -> new DeliveryOutcomes(deliveries.get(),
                new PendingReports(dynamo.get(), incidentsTable(), clock), timeline.get(),
                ref -> retries.get().afterUnanswered(ref), ref -> retries.get().afterFailedMessage(ref)));
        this.openSlots = new Lazy<>(() -> new OpenIncidentSlots(dynamo.get(), incidentsTable(), clock,
                settings.api().openIncidentLimit(), settings.api().openIncidentWindow()));
        this.acknowledgements = new Lazy<>(() -> new Acknowledgements(incidents.get(), progress.get(), timeline.get(), escalation.get(),
                new StandDown(deliveries.get(), dispatcher.get(), timeline.get()), reportBack.get(),
                incidentId -> deliveries.get().forIncident(incidentId).stream().map(d -> d.personId())
                        .filter(id -> !id.contains("~")).collect(java.util.stream.Collectors.toSet()), openSlots.get(), reachedPeople(),
                clock));
        this.lostCallbacks = new Lazy<>(() -> new LostCallbackCheck(deliveries.get(), new ExotelCallDetails(http.get(), exotelAccount()),
                outcomes.get(), timers.get(), settings.calls().ringTimeout().plus(settings.calls().callbackGrace()), voiceApiTurns(), clock));
        this.passthruChecks = new Lazy<>(() -> new PassthruCallCheck(incidents.get(), progress.get(), timeline.get(), timers.get(),
                new ExotelCallDetails(http.get(), exotelAccount()), voiceApiTurns(), inboundNumbers(), clock));
        // Recordings: the raise chain schedules the copy (only where a recording can come: the Passthru, the device API),
        // the timer fetches it into RECORDINGS_BUCKET, the greeting plays it through a presigned URL.
        this.recordingsBucket = new Lazy<>(() -> new RecordingsBucket(new Lazy<>(aws::s3), aws.s3Presigner(),
                settings.recordings().bucket(), settings.recordings().urlValidity()));
        this.recordingCopies = new Lazy<>(() -> new RecordingCopies(incidents.get(), timers.get(), timeline.get(), recordingPolicy(),
                new ExotelRecordingFetch(http.get(), settings.exotel().apiKey(), secret(settings.exotel().apiToken(), SecretValue.KEPT),
                        settings.exotel().requestTimeout(), settings.recordings().maxBytes()),
                recordingsBucket.get()));
        this.timerJobs = new Lazy<>(() -> new BatchWorker(new TimerWorker(timers.get(), Map.of(
                TimerJob.Kind.RETRY, job -> retries.get().fire(job),
                TimerJob.Kind.CALL_CHECK, job -> lostCallbacks.get().fire(job),
                TimerJob.Kind.ESCALATE, job -> escalation.get().fire(job),
                TimerJob.Kind.RECORDING_FETCH, job -> recordingCopies.get().fire(job),
                TimerJob.Kind.PASSTHRU_CHECK, job -> passthruChecks.get().fire(job)), clock),
                sqs.get(), settings.queues().timer(), executor.get(), settings.timing().retryBackoff()));
        this.raiser = new Lazy<>(() -> new IncidentRaiser(incidents.get(), dispatcher.get(), escalation.get(),
                timeline.get(), List.of(
                        (incident, createdAt) -> RecordingCopies.firstTry(incident, createdAt).ifPresent(job -> timers.get().schedule(job)),
                        (incident, createdAt) -> PassthruCallCheck.firstTry(incident, createdAt)
                                .filter(job -> settings.triggers().passthruCallCheck()).ifPresent(job -> timers.get().schedule(job))),
                executor.get()));
        this.passthru = new Lazy<>(() -> new PassthruWebhook(webhookSecret(), directory.get(), recordingPolicy(), raiser.get(), clock,
                new PassthruDeadline(daemonThreads("sos-passthru"), settings.triggers().passthruDeadline())));
        this.alarms = new Lazy<>(() -> new AlarmTrigger(directory.get(), raiser.get(), incidents.get(), clock));
        this.incidentApi = new Lazy<>(() -> new IncidentApi(directory.get(), new BucketRecordingPolicy(settings.recordings().bucket()),
                raiser.get(), incidents.get(),
                deliveries.get(), progress.get(), timeline.get(), acceptanceTimes.get(),
                new IncidentList(dynamo.get(), incidentsTable()), acknowledgements.get(), openSlots.get(), settings.api().operatorKeyIds(),
                clock));
        this.operatorApi = new Lazy<>(() -> new OperatorApi(directory.get(), reachedPeople(), settings.api().operatorKeyIds(), clock));
        this.greeting = new Lazy<>(() -> new GreetingWebhook(webhookSecret(), incidents.get(), recordingsBucket.get(),
                Language.fromCode(settings.greeting().language())));
        this.callJobs = new Lazy<>(() -> worker(List.of(settings.queues().call(), settings.queues().urgentCall()),
                new ExotelCalls(http.get(), exotelAccount()),
                (job, callSid) -> {
                    lostCallbacks.get().watch(job, callSid);
                    outcomes.get().applyKept(callSid);
                }, callPacing()));
        this.smsJobs = new Lazy<>(() -> worker(List.of(queueUrl(Channel.SMS)), new ExotelSms(http.get(), exotelSmsAccount(), smsMessages(),
                this::smsDltTemplate), (job, sid) -> outcomes.get().applyKept(sid), Pacing.none(clock)));
        this.whatsAppJobs = new Lazy<>(() -> worker(List.of(queueUrl(Channel.WHATSAPP)), new GupShupWhatsApp(http.get(), gupShupAccount(),
                whatsAppMessages(), new WhatsAppOptIns(dynamo.get(), incidentsTable(), clock)),
                (job, id) -> outcomes.get().applyKept(id), Pacing.none(clock)));
    }

    public static Wiring fromEnvironment() {
        return new Wiring(Env.system());
    }

    /** The function's environment as it is: for what no settings group covers (the local stack's test handlers). */
    public Env env() {
        return settings.env();
    }

    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    public IncidentStore incidents() {
        return incidents.get();
    }

    public DirectoryStore directory() {
        return directory.get();
    }

    public PassthruWebhook passthruWebhook() {
        return passthru.get();
    }

    public GreetingWebhook greetingWebhook() {
        return greeting.get();
    }

    public BatchWorker callJobs() {
        return callJobs.get();
    }

    public AlarmTrigger alarmTrigger() {
        return alarms.get();
    }

    public IncidentApi incidentApi() {
        return incidentApi.get();
    }

    public OperatorApi operatorApi() {
        return operatorApi.get();
    }

    /** The operators' board page, with its sign-in settings ({@link Settings#operatorSignIn}). */
    public BoardPage boardPage() {
        return new BoardPage(secret(settings.operatorSignIn(), SecretValue.KEPT));
    }

    /** Test calls and drills: the raise chain, for a signed-in operator; a drill's report reads the incident's items. */
    public DrillApi drillApi() {
        return new DrillApi(directory.get(), raiser.get(), incidents.get(), progress.get(), deliveries.get(), timeline.get(), clock);
    }

    /** The directory's scheduled drills, for the once-a-minute check. */
    public ScheduledDrills scheduledDrills() {
        return new ScheduledDrills(directory.get(), raiser.get(), clock);
    }

    /** {@code GET|HEAD /r/{token}}: a text's recording link, redirected to a presigned URL of our copy. */
    public RecordingLinkWebhook recordingLinkWebhook() {
        return new RecordingLinkWebhook(recordingLinks(), incidents.get(), recordingsBucket.get(), clock);
    }

    /** The texts' recording links: issued by the SMS and WhatsApp workers, read by the link's function. */
    private RecordingLinks recordingLinks() {
        Settings.Links links = settings.links();
        return new RecordingLinks(dynamo.get(), incidentsTable(), clock, links.lifetime(), links.publicBaseUrl());
    }

    /** Who has answered something: written by every acknowledgement, read by the board's desk. */
    private ReachedPeople reachedPeople() {
        return new ReachedPeople(dynamo.get(), incidentsTable(), clock);
    }

    /** The device API's routes: incidents and heartbeats. */
    public DeviceApi deviceApi() {
        return new DeviceApi(incidentApi.get(), new HeartbeatApi(heartbeats()));
    }

    /** Beats and the scheduled silence check; it keeps nothing between calls, so each caller builds its own. */
    public Heartbeats heartbeats() {
        return new Heartbeats(directory.get(), new HeartbeatStore(dynamo.get(), incidentsTable()), raiser.get(),
                incidents.get(), progress.get(), id -> acknowledgements.get().resolved(id), timeline.get(), clock);
    }

    public BatchWorker smsJobs() {
        return smsJobs.get();
    }

    public BatchWorker whatsAppJobs() {
        return whatsAppJobs.get();
    }

    public BatchWorker timerJobs() {
        return timerJobs.get();
    }

    public StatusCallbackWebhook callStatusWebhook() {
        return StatusCallbackWebhook.forCalls(webhookSecret(), outcomes.get());
    }

    public StatusCallbackWebhook smsStatusWebhook() {
        return StatusCallbackWebhook.forSms(webhookSecret(), outcomes.get());
    }

    /** Where provider reports about deliveries are applied. */
    public DeliveryOutcomes deliveryOutcomes() {
        return outcomes.get();
    }

    public KeypressAckWebhook keypressAckWebhook() {
        return new KeypressAckWebhook(webhookSecret(), deliveries.get(), acknowledgements.get());
    }

    public SmsReplyAckWebhook smsReplyAckWebhook() {
        return new SmsReplyAckWebhook(webhookSecret(), codeReplies());
    }

    /** GupShup's inbound messages: a WhatsApp reply with the code acknowledges as an SMS reply does. */
    public WhatsAppReplyWebhook whatsAppReplyWebhook() {
        return new WhatsAppReplyWebhook(gupShupWebhookSecret.get(), codeReplies());
    }

    /** GupShup's delivery reports of WhatsApp messages. */
    public GupShupDeliveryWebhook gupShupDeliveryWebhook() {
        return new GupShupDeliveryWebhook(gupShupWebhookSecret.get(), outcomes.get());
    }

    private CodeReplies codeReplies() {
        return new CodeReplies(ackCodes.get(), incidents.get(), acknowledgements.get());
    }

    /**
     * Touches the AWS paths a function's requests take (client, marshalling, signing, HTTP connection), so SnapStart's
     * snapshot holds them rather than a caller's first request: DynamoDB with a read of an incident that can't exist;
     * SQS, when building the function built its client, with an empty batch to the call queue, which SQS refuses
     * (as empty, or as not allowed for a function that may not send there): nothing is queued either way.
     */
    public void warmUpStorage() {
        incidents.get().find("inc-aaaaaaaaaaaaaaaaaaaa");
        if (sqs.built()) {
            try {
                sqs.get().sendMessageBatch(b -> b.queueUrl(settings.queues().call()).entries(List.of()));
            } catch (SqsException refused) {
                // The refusal is the expected answer: the request went the whole way and back.
            }
        }
    }

    private CurrentRosters currentRosters() {
        return new CurrentRosters(() -> directory.get().current(), incidents.get());
    }

    private static ExecutorService pool(String name) {
        return Executors.newFixedThreadPool(CONCURRENT_SENDS, daemon(name));
    }

    /** A pool of its own for work a request thread waits on with a deadline: it grows rather than queue behind the sends. */
    private static ExecutorService daemonThreads(String name) {
        return Executors.newCachedThreadPool(daemon(name));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The jobs of one channel, through one provider, from that channel's queues (calls: normal and urgent). */
    private BatchWorker worker(List<String> queueUrls, Sender sender, DeliveryWorker.OnAccepted onAccepted, Pacing pacing) {
        TimeToRing timeToRing = new TimeToRing(acceptanceTimes.get(), clock);
        return new BatchWorker(new DeliveryWorker(deliveries.get(), sender, job -> retries.get().stillWanted(job),
                (job, providerId) -> {
                    onAccepted.accepted(job, providerId);
                    timeToRing.accepted(job, providerId);
                }, pacing, clock), sqs.get(), queueUrls, executor.get(), settings.timing().retryBackoff());
    }

    /** Calls take their sends from the voice budget ({@link Settings.Pacing}); a job with no room goes back on its own queue. */
    private Pacing callPacing() {
        return new Pacing(voicePacer.get(), settings.pacing().maxWait(),
                (priority, body, delay) -> jobQueue.get().sendLater(routes.get().queueUrl(Channel.CALL, priority), body, delay), clock);
    }

    /** The one budget of Exotel's voice APIs (Calls/connect and call details alike). */
    private Pacer voicePacer() {
        Settings.Pacing pacing = settings.pacing();
        if (pacing.callLimit() == 0) {
            return Pacer.NONE;
        }
        BudgetShares shares = BudgetShares.of(pacing.callLimit(), pacing.window());
        return new SlidingWindowBudget(dynamo.get(), incidentsTable(), "exotel-calls", shares, clock,
                // Drawn fresh from the OS: instances restored from one SnapStart snapshot must not pick the same tokens.
                new java.security.SecureRandom());
    }

    /** Turns in the voice budget for call-details questions (a lost callback, a Passthru's CallSid). */
    private VoiceApiTurns voiceApiTurns() {
        return new VoiceApiTurns(voicePacer.get(), settings.pacing().maxWait(), clock);
    }

    /** The ExoPhones a real Passthru's call is to, as EXOTEL_INBOUND_NUMBERS lists them, in E.164 (none listed: not compared). */
    private Set<String> inboundNumbers() {
        return settings.triggers().inboundNumbers().stream()
                .map(number -> java.util.Objects.requireNonNullElse(PhoneNumbers.toE164(number), number))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private QueueRoutes queueRoutes() {
        Map<Channel, String> queues = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            queues.put(channel, queueUrl(channel));
        }
        // High-priority calls' own queue, with its own pollers: a Code Blue is never received behind a fan-out.
        return new QueueRoutes(queues, settings.queues().urgentCall());
    }

    private String queueUrl(Channel channel) {
        Settings.Queues queues = settings.queues();
        return switch (channel) {
            case CALL -> queues.call();
            case SMS -> queues.sms();
            case WHATSAPP -> queues.whatsApp();
        };
    }

    private String incidentsTable() {
        return settings.tables().incidents();
    }

    /** SOS_WEBHOOK_SECRET itself (local only), else the SSM SecureString SOS_WEBHOOK_SECRET_PARAMETER names; one list, shared. */
    private WebhookSecret webhookSecret() {
        return webhookSecret.get();
    }

    private RecordingPolicy recordingPolicy() {
        return RecordingPolicy.forAccount(settings.recordingSources().hosts(), settings.recordingSources().accountSid());
    }

    private ExotelAccount exotelAccount() {
        Settings.Exotel exotel = settings.exotel();
        Settings.Calls calls = settings.calls();
        return new ExotelAccount(exotel.apiBaseUrl(), exotel.accountSid(), exotel.apiKey(), secret(exotel.apiToken(), SecretValue.KEPT),
                calls.callerId(), secret(calls.flowUrl(), ExotelAccount.FLOW_URL_KEPT), () -> callbackUrl(calls.publicBaseUrl(), "call-status"),
                (int) calls.ringTimeout().toSeconds(), (int) calls.timeLimit().toSeconds(), exotel.requestTimeout());
    }

    private ExotelSmsAccount exotelSmsAccount() {
        Settings.Exotel exotel = settings.exotel();
        Settings.Sms sms = settings.sms();
        return new ExotelSmsAccount(exotel.apiBaseUrl(), exotel.accountSid(), exotel.apiKey(), secret(exotel.apiToken(), SecretValue.KEPT),
                sms.from(), sms.dltEntityId(), sms.english().alert(), () -> callbackUrl(sms.publicBaseUrl(), "sms-status"), exotel.requestTimeout());
    }

    private GupShupAccount gupShupAccount() {
        Settings.WhatsApp whatsApp = settings.whatsApp();
        return new GupShupAccount(whatsApp.apiBaseUrl(), whatsApp.userId(), secret(whatsApp.password(), SecretValue.KEPT),
                whatsApp.requestTimeout(), whatsApp.templateHeader(), whatsApp.templateFooter());
    }

    /**
     * The WhatsApp texts: a reply asked for only when GUPSHUP_INBOUND says GupShup's inbound webhook is ours, the
     * only way a WhatsApp reply reaches us.
     */
    private IncidentMessages whatsAppMessages() {
        Settings.WhatsApp whatsApp = settings.whatsApp();
        Map<Language, IncidentMessages.Templates> templates = new EnumMap<>(Language.class);
        templates.put(Language.EN, whatsAppTemplates(whatsApp.english(), "WHATSAPP_TEMPLATE", whatsApp.repliesArrive(),
                settings.links().publicBaseUrl()));
        if (whatsApp.hindi() != null) {
            templates.put(Language.HI, whatsAppTemplates(whatsApp.hindi(), "WHATSAPP_TEMPLATE_HI", whatsApp.repliesArrive(),
                    settings.links().publicBaseUrl()));
        }
        return new IncidentMessages(incidents.get(), ackCodes.get(), recordingLinks(), templates, whatsApp.repliesArrive(),
                (values, language) -> ReplyRoute.replyHere(values, whatsApp.repliesArrive(), language));
    }

    private static IncidentMessages.Templates whatsAppTemplates(Settings.Texts texts, String variable, boolean repliesArrive,
                                                                String publicBaseUrl) {
        ReplyRoute.check(texts.alert(), variable, repliesArrive,
                "GUPSHUP_INBOUND is not on (GupShup's inbound webhook is not set to /gupshup/{secret}/inbound)");
        IncidentMessages.checkLink(texts.alert(), variable, publicBaseUrl);
        return new IncidentMessages.Templates(new MessageTemplate(texts.alert(), GupShupWhatsApp.MAX_BODY),
                notices(GupShupWhatsApp.MAX_BODY, Map.of(Notice.Kind.STAND_DOWN, texts.standDown())));
    }

    /**
     * The SMS texts as their registered DLT templates allow: URLs only under our own base URL (the recording link
     * too), values of 30 characters at most; a reply asked for only when EXOTEL_SMS_REPLY_NUMBER (a two-way number Exotel set
     * up) can receive it: nobody can answer an alphanumeric DLT header.
     */
    private IncidentMessages smsMessages() {
        Settings.SmsTexts texts = settings.smsTexts();
        Map<Language, IncidentMessages.Templates> templates = new EnumMap<>(Language.class);
        templates.put(Language.EN, smsTemplates(texts, texts.english(), "SMS_TEMPLATE"));
        if (texts.hindi() != null) {
            templates.put(Language.HI, smsTemplates(texts, texts.hindi(), "SMS_TEMPLATE_HI"));
        }
        return new IncidentMessages(incidents.get(), ackCodes.get(), recordingLinks(), templates, texts.replyNumber() != null,
                (values, language) -> DltTemplate.fitted(ReplyRoute.replyTo(values, texts.replyNumber(), language)));
    }

    private static IncidentMessages.Templates smsTemplates(Settings.SmsTexts settings, Settings.Texts texts, String variable) {
        DltTemplate.checkUrls(texts.alert(), variable, settings.publicBaseUrl());
        IncidentMessages.checkLink(texts.alert(), variable, settings.publicBaseUrl());
        ReplyRoute.check(texts.alert(), variable, settings.replyNumber() != null, "EXOTEL_SMS_REPLY_NUMBER is not set");
        return new IncidentMessages.Templates(new MessageTemplate(texts.alert(), ExotelSms.MAX_BODY),
                notices(ExotelSms.MAX_BODY, Map.of(Notice.Kind.STAND_DOWN, texts.standDown(), Notice.Kind.COMING, texts.coming())));
    }

    private static Map<Notice.Kind, MessageTemplate> notices(int maxLength, Map<Notice.Kind, String> texts) {
        Map<Notice.Kind, MessageTemplate> templates = new EnumMap<>(Notice.Kind.class);
        texts.forEach((kind, text) -> templates.put(kind, new MessageTemplate(text, maxLength)));
        return templates;
    }

    /** Each SMS text is its own DLT template: the alert's, the stand-down's, the report back's, in each language. */
    private String smsDltTemplate(DeliveryJob job, Language language) {
        Settings.Sms sms = settings.sms();
        Settings.DltTemplates ids = language == Language.HI && sms.hindi() != null ? sms.hindi() : sms.english();
        if (job.notice() == null) {
            return ids.alert();
        }
        return switch (job.notice().kind()) {
            case STAND_DOWN -> ids.standDown();
            case COMING -> ids.coming();
            case UNANSWERED -> throw new IllegalStateException("the unanswered notice is a call, not an SMS");
        };
    }

    /** The secret itself (local only), else its SSM parameter, read when first needed and again after {@code kept}. */
    private Supplier<String> secret(SecretSource source, Duration kept) {
        return source.isPlain() ? source::value : new SecretValue(ssm, source.parameterName(), clock, kept);
    }

    private String callbackUrl(String publicBaseUrl, String name) {
        return publicBaseUrl + "/exotel/" + webhookSecret().current() + "/" + name;
    }
}
