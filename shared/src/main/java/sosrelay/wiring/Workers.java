package sosrelay.wiring;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import sosrelay.config.Settings;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.DeliveryMetrics;
import sosrelay.delivery.DeliveryWorker;
import sosrelay.delivery.Notice;
import sosrelay.delivery.Sender;
import sosrelay.directory.Channel;
import sosrelay.directory.Language;
import sosrelay.messages.IncidentMessages;
import sosrelay.messages.MessageTemplate;
import sosrelay.messages.ReplyRoute;
import sosrelay.pacing.Pacing;
import sosrelay.secrets.SecretValue;
import sosrelay.sms.DltTemplate;
import sosrelay.sms.ExotelSms;
import sosrelay.sms.ExotelSmsAccount;
import sosrelay.sqs.BatchWorker;
import sosrelay.timers.TimerJob;
import sosrelay.timers.TimerWorker;
import sosrelay.whatsapp.GupShupAccount;
import sosrelay.whatsapp.GupShupWhatsApp;
import sosrelay.whatsapp.WhatsAppOptIns;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The SQS workers: calls, SMS, WhatsApp (one job per person and channel) and the timers. */
final class Workers {
    private final Foundation base;
    private final Processes processes;
    final Lazy<BatchWorker> callJobs;
    final Lazy<BatchWorker> smsJobs;
    final Lazy<BatchWorker> whatsAppJobs;
    final Lazy<BatchWorker> timerJobs;

    Workers(Foundation base, Processes processes) {
        this.base = base;
        this.processes = processes;
        this.callJobs = new Lazy<>(() -> worker(List.of(base.settings.queues().call(), base.settings.queues().urgentCall()),
                Voices.sender(processes.voiceProviders.get(), processes.providerHealth.get(), processes.voiceBudgets.get()),
                (job, callSid) -> processes.lostCallbacks.get().watch(job, callSid), callPacing()));
        this.smsJobs = new Lazy<>(() -> worker(List.of(base.queueUrl(Channel.SMS)),
                new ExotelSms(base.http.get(), exotelSmsAccount(), smsMessages(), this::smsDltTemplate, smsNoticesOff()),
                (job, sid) -> { }, Pacing.none(base.clock)));
        this.whatsAppJobs = new Lazy<>(() -> worker(List.of(base.queueUrl(Channel.WHATSAPP)),
                new GupShupWhatsApp(base.http.get(), gupShupAccount(), whatsAppMessages(),
                        new WhatsAppOptIns(base.dynamo.get(), base.incidentsTable(), base.clock)),
                (job, id) -> { }, Pacing.none(base.clock)));
        // Each kind's work built with the worker: the timer function's init reads every setting its timers need.
        this.timerJobs = new Lazy<>(() -> new BatchWorker(new TimerWorker(base.timers.get(), Map.of(
                TimerJob.Kind.RETRY, processes.retries.get()::fire,
                TimerJob.Kind.CALL_CHECK, processes.lostCallbacks.get()::fire,
                TimerJob.Kind.ESCALATE, processes.escalation.get()::fire,
                TimerJob.Kind.RECORDING_FETCH, processes.recordingCopies.get()::fire,
                TimerJob.Kind.PASSTHRU_CHECK, processes.passthruChecks.get()::fire,
                TimerJob.Kind.DISPATCH_CHECK, processes.dispatchGuard.get()::fire), base.clock),
                base.sqs.get(), base.settings.queues().timer(), base.executor.get(), base.settings.timing().retryBackoff()));
    }

    /**
     * The jobs of one channel, through one provider, from that channel's queues (calls: normal and urgent). A report
     * that beat the worker's record of the provider's id is applied by the worker ({@code DeliveryOutcomes}).
     */
    private BatchWorker worker(List<String> queueUrls, Sender sender, DeliveryWorker.OnAccepted onAccepted, Pacing pacing) {
        DeliveryWorker.EarlyReports earlyReports = new DeliveryWorker.EarlyReports() {
            @Override
            public TransactWriteItem noneKept(String providerId) {
                return processes.outcomes.get().noneKept(providerId);
            }

            @Override
            public void applyKept(String providerId) {
                processes.outcomes.get().applyKept(providerId);
            }
        };
        return new BatchWorker(new DeliveryWorker(base.deliveries.get(), sender, processes.retries.get(), onAccepted, earlyReports, pacing, base.clock), base.sqs.get(), queueUrls, base.executor.get(), base.settings.timing().retryBackoff());
    }

    /** Calls take their sends from their provider's voice budget ({@link Voices#pacer}); a job with no room goes back on its own queue. */
    private Pacing callPacing() {
        return new Pacing(processes.voicePacer.get(), base.settings.pacing().maxWait(),
                (priority, body, delay) -> base.jobQueue.get().sendLater(base.routes.get().queueUrl(Channel.CALL, priority), body, delay),
                base.clock);
    }

    private ExotelSmsAccount exotelSmsAccount() {
        Settings.Exotel exotel = base.settings.exotel();
        Settings.Sms sms = base.settings.sms();
        return new ExotelSmsAccount(exotel.apiBaseUrl(), exotel.accountSid(), exotel.apiKey(),
                base.secret(exotel.apiToken(), SecretValue.KEPT), sms.from(), sms.dltEntityId(), sms.english().alert(),
                () -> base.callbackUrl(sms.publicBaseUrl(), "sms-status"), exotel.requestTimeout());
    }

    private GupShupAccount gupShupAccount() {
        Settings.WhatsApp whatsApp = base.settings.whatsApp();
        return new GupShupAccount(whatsApp.apiBaseUrl(), whatsApp.userId(), base.secret(whatsApp.password(), SecretValue.KEPT),
                whatsApp.requestTimeout(), whatsApp.templateHeader(), whatsApp.templateFooter());
    }

    /**
     * The WhatsApp texts: a reply asked for only when GUPSHUP_INBOUND says GupShup's inbound webhook is ours, the
     * only way a WhatsApp reply reaches us.
     */
    private IncidentMessages whatsAppMessages() {
        Settings.WhatsApp whatsApp = base.settings.whatsApp();
        String publicBaseUrl = base.settings.links().publicBaseUrl();
        Map<Language, IncidentMessages.Templates> templates = new EnumMap<>(Language.class);
        templates.put(Language.EN, whatsAppTemplates(whatsApp.english(), "WHATSAPP_TEMPLATE", whatsApp.repliesArrive(), publicBaseUrl));
        if (whatsApp.hindi() != null) {
            templates.put(Language.HI, whatsAppTemplates(whatsApp.hindi(), "WHATSAPP_TEMPLATE_HI", whatsApp.repliesArrive(),
                    publicBaseUrl));
        }
        return new IncidentMessages(base.incidents.get(), base.ackCodes.get(), base.recordingLinks(), templates,
                whatsApp.repliesArrive(), (values, language) -> ReplyRoute.replyHere(values, whatsApp.repliesArrive(), language));
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
        Settings.SmsTexts texts = base.settings.smsTexts();
        Map<Language, IncidentMessages.Templates> templates = new EnumMap<>(Language.class);
        templates.put(Language.EN, smsTemplates(texts, texts.english(), "SMS_TEMPLATE"));
        if (texts.hindi() != null) {
            templates.put(Language.HI, smsTemplates(texts, texts.hindi(), "SMS_TEMPLATE_HI"));
        }
        return new IncidentMessages(base.incidents.get(), base.ackCodes.get(), base.recordingLinks(), templates,
                texts.replyNumber() != null,
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

    /** The SMS notices with no registered template, each a warning and a metric when the SMS worker starts: they are not sent. */
    private Map<String, String> smsNoticesOff() {
        Map<String, String> off = base.settings.smsNoticesOff().off();
        off.forEach((notice, why) -> DeliveryMetrics.noticeOff(Channel.SMS.id(), notice, why));
        return off;
    }

    /** Each SMS text is its own DLT template: the alert's, the stand-down's, the report back's, in each language. */
    private String smsDltTemplate(DeliveryJob job, Language language) {
        Settings.Sms sms = base.settings.sms();
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
}
