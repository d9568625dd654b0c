package sosrelay.greeting;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import sosrelay.delivery.DeliveryRef;
import sosrelay.delivery.Notice;
import sosrelay.delivery.PlacedCalls;
import sosrelay.directory.Language;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentIds;
import sosrelay.incident.IncidentStore;
import sosrelay.log.Log;
import sosrelay.notices.ReportBack;
import sosrelay.recordings.RecordingsBucket;
import sosrelay.web.CallbackFields;

/**
 * What the person who picked up hears, whichever provider placed the call: a presigned URL of our copy of the
 * recording, once it is in our bucket, else a text to read aloud. Never the provider's own recording URL: it plays only
 * with the account's credentials. It describes an incident only to a call we placed ({@code providerId}, while the call
 * can be on the line, and a {@code ref}, if any, naming the same delivery): anything else gets the generic text.
 */
public final class WhatTheyHear {
    /** A recording to play ({@code recordingUrl}) or, when it is null, {@code text} to speak. */
    public record Heard(String recordingUrl, String text) {
        /** As Exotel's Dynamic Greeting takes it: a URL to play or a text to speak, in one body. */
        public String asOneText() {
            return recordingUrl != null ? recordingUrl : text;
        }
    }

    private final PlacedCalls calls;
    private final IncidentStore incidents;
    private final RecordingsBucket recordings;
    private final Language language;
    private final Executor reads;

    /** {@code reads}: where the incident a {@code ref} names is read beside the call's look-up (one round trip, not two). */
    public WhatTheyHear(PlacedCalls calls, IncidentStore incidents, RecordingsBucket recordings, Language language, Executor reads) {
        this.calls = calls;
        this.incidents = incidents;
        this.recordings = recordings;
        this.language = language;
        this.reads = reads;
    }

    /** The language the text is in (the voice must speak it). */
    public Language language() {
        return language;
    }

    public Heard generic() {
        return new Heard(null, SpokenText.generic(language));
    }

    /** For the call {@code providerId} (as we stored it); {@code ref} is the {@code <incident>:<person>} the provider echoed, or null. */
    public Heard forCall(String providerId, String ref) {
        boolean ours = CallbackFields.isProviderId(providerId);
        String named = ours ? namedIncident(ref) : null;
        CompletableFuture<Optional<Incident>> early = named == null ? null : CompletableFuture.supplyAsync(() -> incidents.find(named), reads);
        Optional<DeliveryRef> call = ours ? calls.onTheLine(providerId, ref) : Optional.empty();
        if (call.isPresent() && ref != null && !ref.isBlank() && !ref.equals(call.get().incidentId() + ":" + call.get().personId())) {
            call = Optional.empty();
        }
        // The early read is used only when the placed call is that delivery: a ref alone never picks what is heard.
        Optional<Incident> incident = call.isEmpty() ? Optional.empty()
                : early != null && call.get().incidentId().equals(named) ? early.join() : incidents.find(call.get().incidentId());
        if (incident.isEmpty()) {
            Log.warn("greeting.not-our-call", "callSid", providerId == null ? null : providerId.substring(0, Math.min(providerId.length(), 130)));
            return generic();
        }
        Incident found = incident.get();
        if (call.get().personId().equals(Notice.deliveryKey(ReportBack.REPORTER, Notice.Kind.UNANSWERED, null))) {
            return new Heard(null, SpokenText.unanswered(found, language));
        }
        String key = found.recording().copyKey();
        // Our copy, for a few minutes to whoever has the URL (the provider's player, which has no credentials).
        return key != null ? new Heard(recordings.presignedGet(key).toString(), null) : new Heard(null, SpokenText.summary(found, language));
    }

    /** The incident a ref ({@code <incidentId>:<personId>}) names, when it is one; else null. */
    private static String namedIncident(String ref) {
        int colon = ref == null ? -1 : ref.indexOf(':');
        String id = colon <= 0 ? null : ref.substring(0, colon);
        return id != null && IncidentIds.isValid(id) ? id : null;
    }
}
