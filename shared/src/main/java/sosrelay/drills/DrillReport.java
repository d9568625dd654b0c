package sosrelay.drills;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sosrelay.delivery.DeliveryStatus;
import sosrelay.directory.Person;
import sosrelay.directory.PhoneNumbers;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentProgress;

/**
 * What a drill found ({@code GET /v1/drills/{id}}): per person, whether the chain reached them (a call
 * answered, a text delivered) or why not (the provider's word and reason), whether they acknowledged and how
 * long it took; per tier, whether its {@code required} acknowledgements would have been met.
 */
final class DrillReport {
    /** A call picked up, a text handed to the phone, a WhatsApp message read: the number reaches its person. */
    private static final Set<String> REACHED = Set.of("in-progress", "completed", "delivered", "read");

    private DrillReport() {
    }

    static Map<String, Object> of(Incident drill, IncidentProgress.State state, Set<String> acknowledgers, Set<String> decliners,
                                  List<DeliveryStatus> deliveries, List<Map<String, String>> timeline) {
        Instant started = drill.trigger().reportedAt();
        Map<String, Instant> acknowledgedAt = new HashMap<>();
        timeline.stream().filter(e -> "acknowledged".equals(e.get("event")) && e.get("personId") != null)
                .forEach(e -> acknowledgedAt.putIfAbsent(e.get("personId"), Instant.parse(e.get("at"))));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("drillId", drill.id());
        report.put("type", drill.type().startsWith(Drill.PREFIX) ? drill.type().substring(Drill.PREFIX.length()) : drill.type());
        report.put("status", state.status());
        report.put("startedAt", started.toString());
        report.put("activeTier", state.activeTier() + 1);
        report.put("round", state.round() + 1);

        Map<String, Integer> tierOf = new LinkedHashMap<>();
        List<Map<String, Object>> tiers = new java.util.ArrayList<>();
        for (int t = 0; t < drill.tiers().size(); t++) {
            List<Person> people = drill.tierPeople(t, started).people();
            int tier = t + 1;
            people.forEach(p -> tierOf.putIfAbsent(p.id(), tier));
            long acknowledged = people.stream().filter(p -> acknowledgers.contains(p.id())).count();
            int required = drill.tiers().get(t).required();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tier", tier);
            row.put("people", people.stream().map(Person::id).toList());
            row.put("required", required);
            row.put("acknowledged", acknowledged);
            row.put("met", acknowledged >= required);
            tiers.add(row);
        }
        drill.recipients().forEach(p -> tierOf.putIfAbsent(p.id(), null));
        report.put("tiers", tiers);
        report.put("people", tierOf.entrySet().stream().map(entry -> person(drill.recipient(entry.getKey()), entry.getValue(),
                acknowledgers.contains(entry.getKey()), decliners.contains(entry.getKey()), acknowledgedAt.get(entry.getKey()), started,
                deliveries.stream().filter(d -> d.personId().equals(entry.getKey())).toList())).toList());
        return report;
    }

    private static Map<String, Object> person(Person person, Integer tier, boolean acknowledged, boolean declined, Instant ackAt,
                                              Instant started, List<DeliveryStatus> deliveries) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", person.id());
        row.put("name", person.name());
        row.put("phone", PhoneNumbers.mask(person.phone()));
        row.put("tier", tier);
        boolean reached = acknowledged || declined || deliveries.stream().anyMatch(d -> REACHED.contains(d.state()));
        row.put("reached", reached);
        if (!reached) {
            row.put("reason", deliveries.isEmpty() ? "not rung: its tier was not notified" : deliveries.stream()
                    .map(d -> d.channel() + " " + d.state() + (d.error() == null ? "" : ": " + d.error())
                            + (d.attempt() > 1 ? " (attempt " + d.attempt() + ")" : ""))
                    .reduce((a, b) -> a + "; " + b).orElseThrow());
        }
        row.put("acknowledged", acknowledged);
        row.put("declined", declined);
        if (ackAt != null) {
            row.put("timeToAcknowledgeSeconds", Math.max(0, Duration.between(started, ackAt).toMillis()) / 1000.0);
        }
        return row;
    }
}
