package sosrelay.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sosrelay.calls.VoiceProviders;
import sosrelay.delivery.DeliveryStatus;
import sosrelay.directory.Channel;
import sosrelay.directory.PhoneNumbers;
import sosrelay.incident.AcceptanceTimes;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentProgress;

/**
 * An incident's whole story, as {@code GET /v1/incidents/{id}} shows it: what raised it, its status
 * and active tier, who acknowledged, where each delivery stands, and the timeline of everything that
 * happened (who was tried, when, on which channel, how it went). A device's view carries no provider ids
 * (CallSids, message ids): with one, a leaked key could speak for a call we placed.
 */
final class IncidentView {
    /** Timeline fields that hold a provider's id. */
    private static final Set<String> PROVIDER_ID_FIELDS = Set.of("callSid", "providerId");

    private IncidentView() {
    }

    static Map<String, Object> of(Incident incident, IncidentProgress.State state, Set<String> acknowledgedBy, Set<String> declinedBy,
                                  List<DeliveryStatus> deliveries, List<Map<String, String>> timeline,
                                  AcceptanceTimes.Times acceptances, boolean withProviderIds) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("incidentId", incident.id());
        view.put("status", state.status());
        view.put("activeTier", state.activeTier() + 1);
        view.put("tiers", incident.tiers().size());
        if (state.activeTier() < incident.tiers().size()) {
            view.put("required", incident.tiers().get(state.activeTier()).required());
        }
        view.put("round", state.round() + 1);
        view.put("acknowledgedBy", List.copyOf(acknowledgedBy));
        view.put("declinedBy", List.copyOf(declinedBy));
        view.put("priority", incident.priority().id());
        putIfSet(view, "maintenance", incident.maintenance());
        if (incident.maintenance() != null) {
            view.put("ringsInMaintenance", incident.ringsInMaintenance());
        }
        // The CallSid check's flag: the board shows it with a stand-down button; only an operator stands it down.
        timeline.stream().filter(e -> "passthru.suspect".equals(e.get("event"))).findFirst()
                .ifPresent(e -> view.put("suspect", e.get("why")));
        view.put("type", incident.type());
        putIfSet(view, "typeNote", incident.typeNote());
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("source", incident.trigger().source());
        putIfSet(trigger, "reporter", PhoneNumbers.maskIfNumber(incident.trigger().reporter()));
        putIfSet(trigger, "reportedAt", incident.trigger().reportedAt() == null ? null : incident.trigger().reportedAt().toString());
        putIfSet(trigger, "description", incident.trigger().description());
        putIfSet(trigger, "location", incident.trigger().location());
        view.put("trigger", trigger);
        Map<String, Object> recording = new LinkedHashMap<>();
        putIfSet(recording, "url", incident.recording().url());
        putIfSet(recording, "availableAt", incident.recording().availableAt() == null ? null : incident.recording().availableAt().toString());
        putIfSet(recording, "note", incident.recording().note());
        if (!recording.isEmpty()) {
            view.put("recording", recording);
        }
        view.put("recipients", incident.recipients().stream().map(p -> {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("id", p.id());
            person.put("name", p.name());
            person.put("phone", PhoneNumbers.mask(p.phone()));
            person.put("channels", p.channels().stream().map(Channel::id).toList());
            return person;
        }).toList());
        if (acceptances != null) {
            putIfSet(view, "createdAt", text(acceptances.createdAt()));
            putIfSet(view, "firstAcceptedAt", text(acceptances.firstAcceptedAt()));
            putIfSet(view, "lastAcceptedAt", text(acceptances.lastAcceptedAt()));
            putIfSet(view, "timeToFirstAcceptanceMillis", millis(acceptances.toFirstAcceptance()));
            putIfSet(view, "timeToLastAcceptanceMillis", millis(acceptances.toLastAcceptance()));
        }
        view.put("deliveries", deliveries.stream().map(d -> delivery(d, withProviderIds)).toList());
        view.put("timeline", withProviderIds ? timeline : timeline.stream().map(IncidentView::withoutProviderIds).toList());
        return view;
    }

    private static Map<String, String> withoutProviderIds(Map<String, String> entry) {
        Map<String, String> kept = new LinkedHashMap<>(entry);
        kept.keySet().removeAll(PROVIDER_ID_FIELDS);
        return kept;
    }

    private static Map<String, Object> delivery(DeliveryStatus d, boolean withProviderId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("personId", d.personId());
        view.put("channel", d.channel());
        view.put("state", d.state());
        view.put("attempt", d.attempt());
        putIfSet(view, "provider", provider(d.channel(), d.providerId()));
        putIfSet(view, "providerId", withProviderId ? d.providerId() : null);
        putIfSet(view, "error", d.error());
        putIfSet(view, "updatedAt", d.updatedAt());
        return view;
    }

    /**
     * Which provider a delivery went through: a call's is told by its id ({@link VoiceProviders#nameOf}), null until one
     * took it; texts have one provider each. A provider's name is no id: every view shows it.
     */
    static String provider(String channel, String providerId) {
        if (providerId == null || providerId.isBlank()) {
            return null;
        }
        return switch (channel) {
            case "call" -> VoiceProviders.nameOf(providerId);
            case "sms" -> "exotel";
            case "whatsapp" -> "gupshup";
            default -> null;
        };
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
