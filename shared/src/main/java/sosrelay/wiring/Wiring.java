package sosrelay.wiring;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import sosrelay.ack.AckCodes;
import sosrelay.ack.Acknowledgements;
import sosrelay.ack.KeypressAckWebhook;
import sosrelay.ack.SmsReplyAckWebhook;
import sosrelay.alarm.AlarmTrigger;
import sosrelay.board.BoardPage;
import sosrelay.api.DeviceApi;
import sosrelay.api.HeartbeatApi;
import sosrelay.api.IncidentApi;
import sosrelay.api.OperatorApi;
import sosrelay.callbacks.StatusCallbackWebhook;
import sosrelay.calls.ExotelCallDetails;
import sosrelay.calls.LostCallbackCheck;
import sosrelay.calls.ExotelAccount;
import sosrelay.calls.ExotelCalls;
import sosrelay.config.Env;
import sosrelay.delivery.DeliveryOutcomes;
import sosrelay.delivery.DeliveryStore;
import sosrelay.delivery.DeliveryWorker;
import sosrelay.delivery.PendingReports;
import sosrelay.delivery.Sender;
import sosrelay.delivery.TimeToRing;
import sosrelay.directory.Channel;
import sosrelay.directory.DirectoryStore;
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
import sosrelay.greeting.RecordingProbe;
import sosrelay.incident.AcceptanceTimes;
import sosrelay.incident.IncidentList;
import sosrelay.incident.IncidentProgress;
import sosrelay.raise.IncidentRaiser;
import sosrelay.incident.CurrentRosters;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.OpenIncidentSlots;
import sosrelay.incident.RecordingPolicy;
import sosrelay.incident.Timeline;
import sosrelay.messages.IncidentMessages;
import sosrelay.messages.MessageTemplate;
import sosrelay.messages.ReplyRoute;
import sosrelay.pacing.Pacer;
import sosrelay.metrics.IncidentMetrics;
import sosrelay.notices.ReportBack;
import sosrelay.notices.StandDown;
import sosrelay.pacing.Pacing;
import sosrelay.pacing.BudgetShares;
import sosrelay.pacing.Pacer;
import sosrelay.pacing.SlidingWindowBudget;
import sosrelay.passthru.PassthruDeadline;
import sosrelay.passthru.PassthruWebhook;
import sosrelay.people.ReachedPeople;
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
 * Everything a function needs, built from its environment on first use and then kept for the life of
 * the Lambda instance. Handlers take a Wiring; the local stack builds one per function from the env
 * template.yaml gives that function, as Lambda would.
 */
public final class Wiring {
    /** Default for the recording allow-list: where Exotel keeps its recordings. */
    public static final String EXOTEL_RECORDING_HOSTS = "recordings.exotel.com,"
            + "s3-ap-southeast-1.amazonaws.com/exotelrecordings/,s3-ap-south-1.amazonaws.com/exotelrecordings/";
    private static final int CONCURRENT_SENDS = 10;
    /**
     * Default SMS and WhatsApp text; in India it must match the registered DLT / WhatsApp template word for
     * word. Type, place, time and our link only: no caller's number, no free text (texts sit on phones and in
     * providers' logs). {@code {acknowledge}} says how: a reply only where replies can arrive, else press 1 on the call.
     */
    public static final String DEFAULT_MESSAGE_TEMPLATE = "SOS Relay: {type} emergency at {time}. Location: {location}."
            + " Recording: {recording} Ref: {ref}. To acknowledge: {acknowledge}.";
    public static final String GUPSHUP_API_BASE_URL = "https://media.smsgupshup.com";
    /** Default stand-down text (SMS and WhatsApp); like the alert's, it must match its registered template. */
    public static final String DEFAULT_STAND_DOWN_TEMPLATE = "SOS Relay: {type} emergency covered by {coming}. No action needed. Ref: {ref}.";
    /** Default report-back text to whoever raised the emergency. */
    public static final String DEFAULT_COMING_TEMPLATE = "SOS Relay: {count} coming: {coming}. {type} emergency, ref {ref}.";

    private final Env env;
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
    private final Lazy<BatchWorker> timerJobs;
    private final Lazy<AcceptanceTimes> acceptanceTimes;
    private final Lazy<Pacer> voicePacer;
    private final Lazy<OpenIncidentSlots> openSlots;
    private final Lazy<WebhookSecret> webhookSecret;
    private final Lazy<ReportBack> reportBack;
    private final Lazy<OperatorApi> operatorApi;

    public Wiring(Env env) {
        this(env, Clock.systemUTC());
    }

    public Wiring(Env env, Clock clock) {
        this(env, clock, ClientOverrideConfiguration.builder().build());
    }

    /** With {@code clientOverrides} on every AWS SDK client: how the local stack enforces each function's IAM policy. */
    public Wiring(Env env, Clock clock, ClientOverrideConfiguration clientOverrides) {
        this.env = env;
        this.clock = clock;
        this.aws = new AwsClients(env, clientOverrides);
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
        this.webhookSecret = new Lazy<>(() -> new WebhookSecret(secret("SOS_WEBHOOK_SECRET", "SOS_WEBHOOK_SECRET_PARAMETER")));
        this.incidents = new Lazy<>(() -> new IncidentStore(dynamo.get(), env.require("INCIDENTS_TABLE"), clock,
                Duration.ofSeconds(30)));
        this.directory = new Lazy<>(() -> new DirectoryStore(dynamo.get(), env.require("DIRECTORY_TABLE"), clock,
                Duration.ofSeconds(Long.parseLong(env.get("DIRECTORY_CACHE_SECONDS", "30")))));
        this.deliveries = new Lazy<>(() -> new DeliveryStore(dynamo.get(), env.require("INCIDENTS_TABLE"), clock,
                Duration.ofSeconds(Long.parseLong(env.get("DELIVERY_CLAIM_SECONDS", "60")))));
        this.voicePacer = new Lazy<>(this::voicePacer);
        this.acceptanceTimes = new Lazy<>(() -> new AcceptanceTimes(dynamo.get(), env.require("INCIDENTS_TABLE")));
        this.progress = new Lazy<>(() -> new IncidentProgress(dynamo.get(), env.require("INCIDENTS_TABLE"), clock));
        this.timeline = new Lazy<>(() -> new Timeline(dynamo.get(), env.require("INCIDENTS_TABLE"), clock));
        this.ackCodes = new Lazy<>(() -> new AckCodes(dynamo.get(), env.require("INCIDENTS_TABLE"), clock));
        this.timers = new Lazy<>(() -> new Timers(sqs.get(), env.require("TIMER_QUEUE_URL"), clock));
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
                new PendingReports(dynamo.get(), env.require("INCIDENTS_TABLE"), clock), timeline.get(),
                ref -> retries.get().afterUnanswered(ref), ref -> retries.get().afterFailedMessage(ref)));
        this.openSlots = new Lazy<>(() -> new OpenIncidentSlots(dynamo.get(), env.require("INCIDENTS_TABLE"), clock,
                Integer.parseInt(env.get("DEVICE_OPEN_INCIDENT_LIMIT", "10")),
                Duration.ofMinutes(Long.parseLong(env.get("DEVICE_OPEN_INCIDENT_MINUTES", "60")))));
        this.acknowledgements = new Lazy<>(() -> new Acknowledgements(incidents.get(), progress.get(), timeline.get(), escalation.get(),
                new StandDown(deliveries.get(), dispatcher.get(), timeline.get()), reportBack.get(),
                incidentId -> deliveries.get().forIncident(incidentId).stream().map(d -> d.personId())
                        .filter(id -> !id.contains("~")).collect(java.util.stream.Collectors.toSet()), openSlots.get(), reachedPeople(),
                clock));
        this.lostCallbacks = new Lazy<>(() -> new LostCallbackCheck(deliveries.get(), new ExotelCallDetails(http.get(), exotelAccount()),
                outcomes.get(), timers.get(), Duration.ofSeconds(Long.parseLong(env.get("EXOTEL_RING_TIMEOUT_SECONDS", "30"))
                        + Long.parseLong(env.get("EXOTEL_CALLBACK_GRACE_SECONDS", "90"))), voicePacer.get(), pacingMaxWait(), clock));
        this.timerJobs = new Lazy<>(() -> new BatchWorker(new TimerWorker(timers.get(), Map.of(
                TimerJob.Kind.RETRY, job -> retries.get().fire(job),
                TimerJob.Kind.CALL_CHECK, job -> lostCallbacks.get().fire(job),
                TimerJob.Kind.ESCALATE, job -> escalation.get().fire(job)), clock),
                sqs.get(), env.require("TIMER_QUEUE_URL"), executor.get(), backoff()));
        this.raiser = new Lazy<>(() -> new IncidentRaiser(incidents.get(), dispatcher.get(), escalation.get(),
                timeline.get(), executor.get()));
        this.passthru = new Lazy<>(() -> new PassthruWebhook(webhookSecret(), directory.get(), recordingPolicy(), raiser.get(), clock,
                new PassthruDeadline(daemonThreads("sos-passthru"),
                        Duration.ofMillis(Long.parseLong(env.get("PASSTHRU_DEADLINE_MS", "5000"))))));
        this.alarms = new Lazy<>(() -> new AlarmTrigger(directory.get(), raiser.get(), incidents.get(), clock));
        this.incidentApi = new Lazy<>(() -> new IncidentApi(directory.get(), recordingPolicy(), raiser.get(), incidents.get(),
                deliveries.get(), progress.get(), timeline.get(), acceptanceTimes.get(),
                new IncidentList(dynamo.get(), env.require("INCIDENTS_TABLE")), acknowledgements.get(), openSlots.get(), operatorKeyIds(),
                clock));
        this.operatorApi = new Lazy<>(() -> new OperatorApi(directory.get(), reachedPeople(), operatorKeyIds(), clock));
        this.greeting = new Lazy<>(() -> new GreetingWebhook(webhookSecret(), incidents.get(), recordingPolicy(),
                new RecordingProbe(http.get(), Duration.ofMillis(Long.parseLong(env.get("RECORDING_PROBE_TIMEOUT_MS", "800")))),
                clock));
        this.callJobs = new Lazy<>(() -> worker(List.of(queueUrl(Channel.CALL), urgentCallQueueUrl()),
                new ExotelCalls(http.get(), exotelAccount()),
                (job, callSid) -> {
                    lostCallbacks.get().watch(job, callSid);
                    outcomes.get().applyKept(callSid);
                }, callPacing()));
        this.smsJobs = new Lazy<>(() -> worker(List.of(queueUrl(Channel.SMS)), new ExotelSms(http.get(), exotelSmsAccount(), smsMessages(),
                this::smsDltTemplate), (job, sid) -> outcomes.get().applyKept(sid), Pacing.none(clock)));
        this.whatsAppJobs = new Lazy<>(() -> worker(List.of(queueUrl(Channel.WHATSAPP)), new GupShupWhatsApp(http.get(), gupShupAccount(),
                whatsAppMessages(), new WhatsAppOptIns(dynamo.get(), env.require("INCIDENTS_TABLE"), clock)),
                (job, id) -> { }, Pacing.none(clock)));
    }

    public static Wiring fromEnvironment() {
        return new Wiring(Env.system());
    }

    public Env env() {
        return env;
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

    /**
     * The operators' board page. Its sign-in settings: {@code OPERATOR_SIGN_IN} itself (local), else the SSM parameter
     * {@code OPERATOR_SIGN_IN_PARAMETER} names, which the stack writes once the hosted UI's app client exists.
     */
    public BoardPage boardPage() {
        String plain = env.get("OPERATOR_SIGN_IN");
        return new BoardPage(plain != null && !plain.isBlank() ? () -> plain
                : new SecretValue(ssm, env.require("OPERATOR_SIGN_IN_PARAMETER"), clock, Duration.ofMinutes(15)));
    }

    /** Test calls and drills: the raise chain, for a signed-in operator; a drill's report reads the incident's items. */
    public DrillApi drillApi() {
        return new DrillApi(directory.get(), raiser.get(), incidents.get(), progress.get(), deliveries.get(), timeline.get(), clock);
    }

    /** The directory's scheduled drills, for the once-a-minute check. */
    public ScheduledDrills scheduledDrills() {
        return new ScheduledDrills(directory.get(), raiser.get(), clock);
    }

    /** Who has answered something: written by every acknowledgement, read by the board's desk. */
    private ReachedPeople reachedPeople() {
        return new ReachedPeople(dynamo.get(), env.require("INCIDENTS_TABLE"), clock);
    }

    /** The device API's routes: incidents and heartbeats. */
    public DeviceApi deviceApi() {
        return new DeviceApi(incidentApi.get(), new HeartbeatApi(heartbeats()));
    }

    /** Beats and the scheduled silence check; it keeps nothing between calls, so each caller builds its own. */
    public Heartbeats heartbeats() {
        return new Heartbeats(directory.get(), new HeartbeatStore(dynamo.get(), env.require("INCIDENTS_TABLE")), raiser.get(),
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
        return new SmsReplyAckWebhook(webhookSecret(), ackCodes.get(), incidents.get(), acknowledgements.get());
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
                sqs.get().sendMessageBatch(b -> b.queueUrl(env.require("CALL_QUEUE_URL")).entries(List.of()));
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
                }, pacing, clock), sqs.get(), queueUrls, executor.get(), backoff());
    }

    /** RETRY_BACKOFF_SECONDS, e.g. {@code 2,5,10,20,30,60,120}: the waits before successive retries of a failed job. */
    private List<Duration> backoff() {
        String configured = env.get("RETRY_BACKOFF_SECONDS");
        return configured == null || configured.isBlank()
                ? BatchWorker.DEFAULT_BACKOFF
                : java.util.Arrays.stream(configured.split(",")).map(String::trim).map(Long::parseLong).map(Duration::ofSeconds).toList();
    }

    /**
     * Exotel's voice API allows 200 requests a minute per account: every call worker, in every Lambda instance,
     * takes its sends from one shared budget of EXOTEL_CALL_LIMIT (190, room for a send that arrives a little
     * late) in any EXOTEL_CALL_LIMIT_WINDOW_MS (a minute; shorter only to compress time in tests). 0 turns
     * pacing off, for a stand-in provider that has no limit.
     */
    private Pacing callPacing() {
        return new Pacing(voicePacer.get(), pacingMaxWait(),
                (priority, body, delay) -> jobQueue.get().sendLater(routes.get().queueUrl(Channel.CALL, priority), body, delay), clock);
    }

    /** The one budget of Exotel's voice APIs (Calls/connect and call details alike). */
    private Pacer voicePacer() {
        int limit = Integer.parseInt(env.get("EXOTEL_CALL_LIMIT", "190"));
        if (limit == 0) {
            return Pacer.NONE;
        }
        BudgetShares shares = BudgetShares.of(limit, Duration.ofMillis(Long.parseLong(env.get("EXOTEL_CALL_LIMIT_WINDOW_MS", "60000"))));
        return new SlidingWindowBudget(dynamo.get(), env.require("INCIDENTS_TABLE"), "exotel-calls", shares, clock,
                // Drawn fresh from the OS: instances restored from one SnapStart snapshot must not pick the same tokens.
                new java.security.SecureRandom());
    }

    private Duration pacingMaxWait() {
        return Duration.ofSeconds(Long.parseLong(env.get("PACING_MAX_WAIT_SECONDS", "5")));
    }

    private QueueRoutes queueRoutes() {
        Map<Channel, String> queues = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            queues.put(channel, queueUrl(channel));
        }
        return new QueueRoutes(queues, urgentCallQueueUrl());
    }

    private String queueUrl(Channel channel) {
        return env.require(channel.name() + "_QUEUE_URL");
    }

    /** High-priority calls' own queue, with its own pollers: a Code Blue is never received behind a fan-out. */
    private String urgentCallQueueUrl() {
        return env.require("URGENT_CALL_QUEUE_URL");
    }

    /** SOS_WEBHOOK_SECRET itself (local only), else the SSM SecureString SOS_WEBHOOK_SECRET_PARAMETER names; one list, shared. */
    private WebhookSecret webhookSecret() {
        return webhookSecret.get();
    }

    /** The ids (fingerprints, {@code key-…}) of the API keys that act as operators: they see and resolve every incident. */
    private java.util.Set<String> operatorKeyIds() {
        return java.util.Arrays.stream(env.get("OPERATOR_API_KEY_IDS", "").split(",")).map(String::trim)
                .filter(id -> !id.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private RecordingPolicy recordingPolicy() {
        return RecordingPolicy.of(env.get("RECORDING_HOSTS", EXOTEL_RECORDING_HOSTS));
    }

    private ExotelAccount exotelAccount() {
        return new ExotelAccount(
                env.require("EXOTEL_API_BASE_URL"),
                env.require("EXOTEL_ACCOUNT_SID"),
                env.require("EXOTEL_API_KEY"),
                secret("EXOTEL_API_TOKEN", "EXOTEL_API_TOKEN_PARAMETER"),
                env.require("EXOTEL_CALLER_ID"),
                flowUrl(),
                exotelCallbackUrl("call-status"),
                Integer.parseInt(env.get("EXOTEL_RING_TIMEOUT_SECONDS", "30")),
                Integer.parseInt(env.get("EXOTEL_CALL_TIME_LIMIT_SECONDS", "600")),
                requestTimeout("EXOTEL_REQUEST_TIMEOUT_MS"));
    }

    private ExotelSmsAccount exotelSmsAccount() {
        return new ExotelSmsAccount(
                env.require("EXOTEL_API_BASE_URL"),
                env.require("EXOTEL_ACCOUNT_SID"),
                env.require("EXOTEL_API_KEY"),
                secret("EXOTEL_API_TOKEN", "EXOTEL_API_TOKEN_PARAMETER"),
                env.require("EXOTEL_SMS_FROM"),
                env.require("EXOTEL_DLT_ENTITY_ID"),
                env.require("EXOTEL_DLT_TEMPLATE_ID"),
                exotelCallbackUrl("sms-status"),
                requestTimeout("EXOTEL_REQUEST_TIMEOUT_MS"));
    }

    private GupShupAccount gupShupAccount() {
        return new GupShupAccount(
                env.get("GUPSHUP_API_BASE_URL", GUPSHUP_API_BASE_URL),
                env.require("GUPSHUP_USER_ID"),
                secret("GUPSHUP_PASSWORD", "GUPSHUP_PASSWORD_PARAMETER"),
                requestTimeout("GUPSHUP_REQUEST_TIMEOUT_MS"),
                env.get("GUPSHUP_TEMPLATE_HEADER"),
                env.get("GUPSHUP_TEMPLATE_FOOTER"));
    }

    /** WhatsApp replies are not received (no inbound route yet): the text never asks for one. */
    private IncidentMessages whatsAppMessages() {
        String template = env.get("WHATSAPP_TEMPLATE", DEFAULT_MESSAGE_TEMPLATE);
        ReplyRoute.check(template, "WHATSAPP_TEMPLATE", false, "WhatsApp replies are not received");
        return new IncidentMessages(incidents.get(), ackCodes.get(), new MessageTemplate(template, GupShupWhatsApp.MAX_BODY),
                notices(GupShupWhatsApp.MAX_BODY, Map.of(
                        Notice.Kind.STAND_DOWN, env.get("STAND_DOWN_WHATSAPP_TEMPLATE", DEFAULT_STAND_DOWN_TEMPLATE))));
    }

    /**
     * The SMS texts as their registered DLT templates allow: URLs only under our own base URL, values of 30
     * characters at most; a reply asked for only when EXOTEL_SMS_REPLY_NUMBER (a two-way number Exotel set
     * up) can receive it: nobody can answer an alphanumeric DLT header.
     */
    private IncidentMessages smsMessages() {
        String template = env.get("SMS_TEMPLATE", DEFAULT_MESSAGE_TEMPLATE);
        DltTemplate.checkUrls(template, "SMS_TEMPLATE", env.get("SOS_PUBLIC_BASE_URL"));
        String replyNumber = env.get("EXOTEL_SMS_REPLY_NUMBER");
        ReplyRoute.check(template, "SMS_TEMPLATE", replyNumber != null && !replyNumber.isBlank(), "EXOTEL_SMS_REPLY_NUMBER is not set");
        return new IncidentMessages(incidents.get(), ackCodes.get(), new MessageTemplate(template, ExotelSms.MAX_BODY),
                notices(ExotelSms.MAX_BODY, Map.of(
                        Notice.Kind.STAND_DOWN, env.get("STAND_DOWN_SMS_TEMPLATE", DEFAULT_STAND_DOWN_TEMPLATE),
                        Notice.Kind.COMING, env.get("COMING_SMS_TEMPLATE", DEFAULT_COMING_TEMPLATE))),
                values -> DltTemplate.fitted(ReplyRoute.replyTo(values, replyNumber)));
    }

    private static Map<Notice.Kind, MessageTemplate> notices(int maxLength, Map<Notice.Kind, String> texts) {
        Map<Notice.Kind, MessageTemplate> templates = new EnumMap<>(Notice.Kind.class);
        texts.forEach((kind, text) -> templates.put(kind, new MessageTemplate(text, maxLength)));
        return templates;
    }
    /** Each SMS text is its own DLT template: the alert's, the stand-down's, the report back's. */
    private String smsDltTemplate(DeliveryJob job) {
        if (job.notice() == null) {
            return env.require("EXOTEL_DLT_TEMPLATE_ID");
        }
        return switch (job.notice().kind()) {
            case STAND_DOWN -> env.require("EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID");
            case COMING -> env.require("EXOTEL_DLT_COMING_TEMPLATE_ID");
            case UNANSWERED -> throw new IllegalStateException("the unanswered notice is a call, not an SMS");
        };
    }

    /** The secret itself when {@code plainVariable} is set (local only), else the SSM SecureString {@code parameterVariable} names. */
    private Supplier<String> secret(String plainVariable, String parameterVariable) {
        String plain = env.get(plainVariable);
        return plain != null && !plain.isBlank()
                ? () -> plain
                : new SecretValue(ssm, env.require(parameterVariable), clock, Duration.ofMinutes(15));
    }

    /**
     * The outbound flow's URL: {@code EXOTEL_FLOW_URL} itself (local), else the SSM parameter
     * {@code EXOTEL_FLOW_URL_PARAMETER} names, re-read every 5 minutes. On AWS the flow can only be built
     * after the stack exists (it needs the API's URLs), so it is set after deploying, with no redeploy.
     */
    private Supplier<String> flowUrl() {
        String plain = env.get("EXOTEL_FLOW_URL");
        return plain != null && !plain.isBlank()
                ? () -> plain
                : new SecretValue(ssm, env.require("EXOTEL_FLOW_URL_PARAMETER"), clock, Duration.ofMinutes(5));
    }

    private String exotelCallbackUrl(String name) {
        return env.require("SOS_PUBLIC_BASE_URL").replaceAll("/+$", "") + "/exotel/" + webhookSecret().current() + "/" + name;
    }

    private Duration requestTimeout(String variable) {
        return Duration.ofMillis(Long.parseLong(env.get(variable, "8000")));
    }
}
