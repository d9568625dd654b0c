package sosrelay.wiring;

import java.time.Clock;
import java.util.function.Function;
import java.util.Map;
import java.util.function.Supplier;
import sosrelay.ack.KeypressAckWebhook;
import sosrelay.ack.SmsReplyAckWebhook;
import sosrelay.ack.WhatsAppReplyWebhook;
import sosrelay.alarm.AlarmTrigger;
import sosrelay.api.DeviceApi;
import sosrelay.api.IncidentApi;
import sosrelay.api.OperatorApi;
import sosrelay.board.BoardPage;
import sosrelay.callbacks.GupShupDeliveryWebhook;
import sosrelay.callbacks.StatusCallbackWebhook;
import sosrelay.config.Env;
import sosrelay.config.Settings;
import sosrelay.delivery.DeliveryOutcomes;
import sosrelay.directory.DirectoryStore;
import sosrelay.drills.DrillApi;
import sosrelay.greeting.GreetingWebhook;
import sosrelay.heartbeat.Heartbeats;
import sosrelay.incident.IncidentStore;
import sosrelay.links.RecordingLinkWebhook;
import sosrelay.metrics.OperatorSignals;
import sosrelay.passthru.PassthruWebhook;
import sosrelay.plivo.PlivoRoute;
import sosrelay.sqs.BatchWorker;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root, one per Lambda instance: handlers name one of its methods, and it delegates the building, from
 * the function's {@link Settings} on first use, to its families: {@link Foundation}, {@link Processes}, {@link Webhooks},
 * {@link Workers}, {@link Apis}. It reads no variable itself; the local stack builds one per function as Lambda would.
 */
public final class Wiring {
    final Foundation base;
    private final Processes processes;
    private final Webhooks webhooks;
    private final Workers workers;
    private final Apis apis;

    public Wiring(Env env) {
        this(env, Clock.systemUTC());
    }

    public Wiring(Env env, Clock clock) {
        this(env, clock, ClientOverrideConfiguration.builder().build());
    }

    /** With {@code clientOverrides} on every AWS SDK client: how the local stack enforces each function's IAM policy. */
    public Wiring(Env env, Clock clock, ClientOverrideConfiguration clientOverrides) {
        this.base = new Foundation(new Settings(env), clock, clientOverrides);
        this.processes = new Processes(base);
        this.webhooks = new Webhooks(base, processes);
        this.workers = new Workers(base, processes);
        this.apis = new Apis(base, processes);
    }

    public static Wiring fromEnvironment() {
        return new Wiring(Env.system());
    }

    /**
     * What a handler runs on, built in the function's init (before SnapStart's snapshot too) with every setting its path reads:
     * one missing or malformed fails the init and pages the operators ({@link OperatorSignals#initFailed}), not the first emergency.
     */
    public <T> T init(Function<Wiring, T> path) {
        try {
            return path.apply(this);
        } catch (RuntimeException e) {
            OperatorSignals.initFailed(e);
            throw e;
        }
    }

    /** The function's environment as it is: for what no settings group covers (the local stack's test handlers). */
    public Env env() {
        return base.settings.env();
    }

    public DynamoDbClient dynamo() {
        return base.dynamo.get();
    }

    public IncidentStore incidents() {
        return base.incidents.get();
    }

    public DirectoryStore directory() {
        return base.directory.get();
    }

    public PassthruWebhook passthruWebhook() {
        return webhooks.passthru();
    }

    public GreetingWebhook greetingWebhook() {
        return webhooks.greeting();
    }

    public StatusCallbackWebhook callStatusWebhook() {
        return webhooks.callStatus();
    }

    public StatusCallbackWebhook smsStatusWebhook() {
        return webhooks.smsStatus();
    }

    public KeypressAckWebhook keypressAckWebhook() {
        return webhooks.keypressAck();
    }

    public SmsReplyAckWebhook smsReplyAckWebhook() {
        return webhooks.smsReplyAck();
    }

    public WhatsAppReplyWebhook whatsAppReplyWebhook() {
        return webhooks.whatsAppReply();
    }

    public GupShupDeliveryWebhook gupShupDeliveryWebhook() {
        return webhooks.gupShupDelivery();
    }

    /** Plivo's webhooks: answer, input (the key pressed), hangup. */
    public sosrelay.web.Webhook plivoWebhook(PlivoRoute route) {
        return webhooks.plivo(route);
    }

    public RecordingLinkWebhook recordingLinkWebhook() {
        return webhooks.recordingLink();
    }

    /** Where provider reports about deliveries are applied. */
    public DeliveryOutcomes deliveryOutcomes() {
        return processes.outcomes.get();
    }

    public BatchWorker callJobs() {
        return workers.callJobs.get();
    }

    public BatchWorker smsJobs() {
        return workers.smsJobs.get();
    }

    public BatchWorker whatsAppJobs() {
        return workers.whatsAppJobs.get();
    }

    public BatchWorker timerJobs() {
        return workers.timerJobs.get();
    }

    public IncidentApi incidentApi() {
        return apis.incidentApi();
    }

    public DeviceApi deviceApi() {
        return apis.deviceApi();
    }

    public OperatorApi operatorApi() {
        return apis.operatorApi();
    }

    public BoardPage boardPage() {
        return apis.boardPage();
    }

    public DrillApi drillApi() {
        return apis.drillApi();
    }

    /** The once-a-minute runs: the directory's drills that are due ({@code started}); heartbeats missed ({@code raised}). */
    public Supplier<Map<String, Object>> drillSchedule() {
        return apis.drillSchedule();
    }

    public Supplier<Map<String, Object>> heartbeatCheck() {
        return apis.heartbeatCheck();
    }

    /** Beats and the silence check, for tests that drive a check themselves. */
    public Heartbeats heartbeats() {
        return apis.heartbeats();
    }

    public AlarmTrigger alarmTrigger() {
        return apis.alarmTrigger();
    }

    /** Walks the AWS paths a function's requests take, for SnapStart's snapshot ({@link Foundation#warmUpStorage}). */
    public void warmUpStorage() {
        base.warmUpStorage();
    }
}
