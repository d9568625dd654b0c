package sosrelay.wiring;

import sosrelay.ack.KeypressAckWebhook;
import sosrelay.ack.SmsReplyAckWebhook;
import sosrelay.ack.WhatsAppReplyWebhook;
import sosrelay.callbacks.GupShupDeliveryWebhook;
import sosrelay.callbacks.StatusCallbackWebhook;
import sosrelay.config.Settings;
import sosrelay.delivery.PlacedCalls;
import sosrelay.directory.Language;
import sosrelay.greeting.GreetingWebhook;
import sosrelay.links.RecordingLinkWebhook;
import sosrelay.passthru.PassthruDeadline;
import sosrelay.passthru.PassthruWebhook;
import sosrelay.plivo.PlivoAnswerWebhook;
import sosrelay.plivo.PlivoCallbacks;
import sosrelay.plivo.PlivoHangupWebhook;
import sosrelay.plivo.PlivoInputWebhook;
import sosrelay.plivo.PlivoRoute;
import sosrelay.greeting.WhatTheyHear;
import sosrelay.secrets.SecretValue;
import sosrelay.web.Webhook;

/** The providers' webhooks (Exotel's and GupShup's, behind the path secret) and the texts' recording links. */
final class Webhooks {
    private final Foundation base;
    private final Processes processes;

    Webhooks(Foundation base, Processes processes) {
        this.base = base;
        this.processes = processes;
    }

    PassthruWebhook passthru() {
        // Its first request would build the SQS client after the directory's read: both clients' builds go side by side.
        base.besideInit.start(() -> {
            BesideInit.walkQueueing(base.sqs.get(), base.settings.queues().call());
            BesideInit.walkJson();
        });
        return new PassthruWebhook(base.webhookSecret.get(), base.directory.get(), base.recordingPolicy(), processes.raiser.get(),
                base.clock, new PassthruDeadline(Foundation.daemonThreads("sos-passthru"), base.settings.triggers().passthruDeadline()));
    }

    GreetingWebhook greeting() {
        return new GreetingWebhook(base.webhookSecret.get(), placedCalls(), base.incidents.get(), base.recordingsBucket.get(),
                Language.fromCode(base.settings.greeting().language()), base.executor.get());
    }

    StatusCallbackWebhook callStatus() {
        return StatusCallbackWebhook.forCalls(base.webhookSecret.get(), processes.outcomes.get());
    }

    StatusCallbackWebhook smsStatus() {
        return StatusCallbackWebhook.forSms(base.webhookSecret.get(), processes.outcomes.get());
    }

    KeypressAckWebhook keypressAck() {
        return new KeypressAckWebhook(base.webhookSecret.get(), placedCalls(), processes.acknowledgements.get());
    }

    SmsReplyAckWebhook smsReplyAck() {
        return new SmsReplyAckWebhook(base.webhookSecret.get(), processes.codeReplies());
    }

    /** GupShup's inbound messages: a WhatsApp reply with the code acknowledges as an SMS reply does. */
    WhatsAppReplyWebhook whatsAppReply() {
        return new WhatsAppReplyWebhook(base.gupShupWebhookSecret.get(), processes.codeReplies());
    }

    /** GupShup's delivery reports of WhatsApp messages. */
    GupShupDeliveryWebhook gupShupDelivery() {
        return new GupShupDeliveryWebhook(base.gupShupWebhookSecret.get(), processes.outcomes.get());
    }

    /** Plivo's webhooks: behind the path secret and Plivo's signature, each reading only what its path needs. */
    Webhook plivo(PlivoRoute route) {
        Settings.PlivoSignatures signatures = base.settings.plivoSignatures();
        PlivoCallbacks callbacks = new PlivoCallbacks(base.webhookSecret.get(), base.secret(signatures.authToken(), SecretValue.KEPT),
                signatures.publicBaseUrl(), signatures.stage());
        if (route == PlivoRoute.HANGUP) {
            return new PlivoHangupWebhook(callbacks, processes.outcomes.get());
        }
        Language language = Language.fromCode(base.settings.greeting().language());
        return route == PlivoRoute.ANSWER
                ? new PlivoAnswerWebhook(callbacks, new WhatTheyHear(placedCalls(), base.incidents.get(), base.recordingsBucket.get(), language,
                        base.executor.get()))
                : new PlivoInputWebhook(callbacks, placedCalls(), processes.acknowledgements.get(), language);
    }

    /** The calls we placed that can still be on the line: all a greeting or a press 1 may come from. */
    private PlacedCalls placedCalls() {
        return new PlacedCalls(base.deliveries.get(), base.settings.callWindow().lastsAtMost(), base.clock);
    }

    /** {@code GET|HEAD /r/{token}}: a text's recording link, redirected to a presigned URL of our copy. */
    RecordingLinkWebhook recordingLink() {
        return new RecordingLinkWebhook(base.recordingLinks(), base.incidents.get(), base.recordingsBucket.get(), base.clock);
    }
}
