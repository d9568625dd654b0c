package sosrelay.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryParserTest {

    static Map<String, Object> sample() {
        return Map.of(
                "defaultType", "General",
                "people", List.of(
                        Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "09800000001", "channels", List.of("call", "sms")),
                        Map.of("id", "nurse-station", "name", "Nurse station", "phone", 919800000002L),
                        Map.of("id", "duty-manager", "name", "Duty manager", "phone", "+91 98000 00003")),
                "types", Map.of(
                        "Heart", Map.of("digit", 1, "tiers", List.of(Map.of("notify", List.of("dr-rao", "nurse-station")))),
                        "General", Map.of("tiers", List.of(Map.of("notify", List.of("duty-manager"))))));
    }

    @Test
    void buildsTheDirectoryWithNumbersInE164AndCallAsTheDefaultChannel() {
        Directory directory = DirectoryParser.parse(sample());

        assertThat(directory.defaultType()).isEqualTo("General");
        assertThat(directory.people().get("dr-rao").phone()).isEqualTo("+919800000001");
        assertThat(directory.people().get("nurse-station").phone()).isEqualTo("+919800000002");
        assertThat(directory.people().get("duty-manager").phone()).isEqualTo("+919800000003");
        assertThat(directory.people().get("dr-rao").channels()).containsExactly(Channel.CALL, Channel.SMS);
        assertThat(directory.people().get("nurse-station").channels()).containsExactly(Channel.CALL);
        assertThat(directory.recipients(directory.types().get("Heart"))).extracting(Person::id)
                .containsExactly("dr-rao", "nurse-station");
    }

    @Test
    void aPersonsLanguagePicksTheirTextsEnglishWhenUnsaidAndAnUnshippedOneIsRefused() {
        Map<String, Object> doc = new java.util.HashMap<>(sample());
        doc.put("people", List.of(Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "09800000001", "language", "hi"),
                Map.of("id", "nurse-station", "name", "Nurse station", "phone", "09800000002"),
                Map.of("id", "duty-manager", "name", "Duty manager", "phone", "09800000003", "language", "HI")));
        Directory directory = DirectoryParser.parse(doc);
        assertThat(directory.people().get("dr-rao").language()).isEqualTo(Language.HI);
        assertThat(directory.people().get("nurse-station").language()).isEqualTo(Language.EN);
        assertThat(directory.people().get("duty-manager").language()).isEqualTo(Language.HI);

        doc.put("people", List.of(Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "09800000001", "language", "fr"),
                Map.of("id", "nurse-station", "name", "Nurse station", "phone", "09800000002"),
                Map.of("id", "duty-manager", "name", "Duty manager", "phone", "09800000003")));
        assertThatThrownBy(() -> DirectoryParser.parse(doc)).isInstanceOf(InvalidDirectoryException.class)
                .satisfies(e -> assertThat(((InvalidDirectoryException) e).problems())
                        .containsExactly("people[0] (dr-rao): language 'fr' is not one of en, hi"));
    }

    @Test
    void aPersonMayHaveASecondNumberRungInTurnAndEveryWrongListIsRefusedNamingThePerson() {
        Map<String, Object> doc = new java.util.HashMap<>(sample());
        doc.put("people", List.of(Map.of("id", "dr-rao", "name", "Dr. Rao", "phones", List.of("09800000001", "+91 80 2222 3333")),
                Map.of("id", "nurse-station", "name", "Nurse station", "phone", "09800000002"),
                Map.of("id", "duty-manager", "name", "Duty manager", "phones", List.of("09800000003"))));
        Directory directory = DirectoryParser.parse(doc);
        Person rao = directory.people().get("dr-rao");
        assertThat(rao.phone()).isEqualTo("+919800000001");
        assertThat(rao.phones()).containsExactly("+919800000001", "+918022223333");
        assertThat(List.of(rao.phoneFor(1), rao.phoneFor(2), rao.phoneFor(3), rao.phoneFor(4)))
                .containsExactly("+919800000001", "+918022223333", "+919800000001", "+918022223333");
        assertThat(List.of(rao.round(1), rao.round(2), rao.round(3))).containsExactly(1, 1, 2);
        assertThat(List.of(rao.lastNumber(1), rao.lastNumber(2))).containsExactly(false, true);
        assertThat(List.of(rao.nextRoundAfter(0), rao.nextRoundAfter(1), rao.nextRoundAfter(2))).containsExactly(1, 3, 3);
        assertThat(directory.people().get("nurse-station").phones()).containsExactly("+919800000002");
        assertThat(directory.people().get("duty-manager").phones()).containsExactly("+919800000003");
        assertThat(directory.personWithPhone("+918022223333")).isEqualTo(rao);
        assertThat(directory.personWithPhone(null)).as("a caller that is no phone number").isNull();

        doc.put("people", List.of(
                Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "09800000001", "phones", List.of("09800000001")),
                Map.of("id", "nurse-station", "name", "Nurse station", "phones", List.of("09800000002", "9800000002")),
                Map.of("id", "duty-manager", "name", "Duty manager", "phones", List.of("09800000003", "not a number")),
                Map.of("id", "porter", "name", "Porter", "phones", List.of("09800000004", "09800000003")),
                Map.of("id", "guard", "name", "Guard", "phones", List.of()),
                Map.of("id", "clerk", "name", "Clerk", "phones", "09800000006")));
        assertThatThrownBy(() -> DirectoryParser.parse(doc)).isInstanceOf(InvalidDirectoryException.class)
                .satisfies(e -> assertThat(((InvalidDirectoryException) e).problems()).containsExactly(
                        "people[0] (dr-rao): give phone or phones, not both",
                        "people[1] (nurse-station): phones lists +919800000002 twice",
                        "people[2] (duty-manager): phones 'not a number' is not a phone number"
                                + " (write +919800000001, 919800000001, 09800000001 or 9800000001)",
                        "people[3] (porter): phones +919800000003 also belongs to duty-manager",
                        "people[4] (guard): phones must be a list of 1 to 3 numbers, such as [\"+919800000001\", \"+919800000002\"]",
                        "people[5] (clerk): phones must be a list of 1 to 3 numbers, such as [\"+919800000001\", \"+919800000002\"]"));
    }

    @Test
    void readsDeviceKeysAndListsEveryProblemWithThem() {
        Map<String, Object> doc = new java.util.HashMap<>(sample());
        doc.put("devices", List.of(Map.of("keyId", "3ayvpqoq1b", "name", "ward-panels", "types", List.of("General"))));
        assertThat(DirectoryParser.parse(doc).devices()).containsEntry("3ayvpqoq1b",
                new DeviceKey("3ayvpqoq1b", "ward-panels", List.of("General"), java.util.Set.of()));
        doc.put("devices", List.of(Map.of("keyId", "3ayvpqoq1b", "types", List.of("General"), "reportTo", List.of("09800000077"))));
        assertThat(DirectoryParser.parse(doc).devices().get("3ayvpqoq1b").reportTo()).containsExactly("+919800000077");
        doc.put("devices", List.of(Map.of("keyId", "3ayvpqoq1b", "types", List.of("General"), "reportTo", List.of("not a number"))));
        assertThatThrownBy(() -> DirectoryParser.parse(doc)).isInstanceOf(InvalidDirectoryException.class)
                .satisfies(e -> assertThat(((InvalidDirectoryException) e).problems())
                        .containsExactly("devices[0].reportTo: 'not a number' is not a phone number (write +919800000001)"));

        doc.put("devices", List.of(
                Map.of("keyId", "local-device-key", "types", List.of("General")),
                Map.of("keyId", "3ayvpqoq1b", "types", List.of("Kidney")),
                Map.of("keyId", "3ayvpqoq1c", "types", List.of()),
                Map.of("keyId", "3ayvpqoq1d", "types", List.of("Heart")),
                Map.of("keyId", "3ayvpqoq1d", "types", List.of("General"))));
        assertThatThrownBy(() -> DirectoryParser.parse(doc)).isInstanceOf(InvalidDirectoryException.class)
                .satisfies(e -> assertThat(((InvalidDirectoryException) e).problems()).containsExactly(
                        "devices[0]: keyId 'local-device-key' is not an API Gateway key id such as 3ayvpqoq1b"
                                + " (aws apigateway get-api-keys lists it; never the key itself)",
                        "devices[1].types: 'Kidney' is not one of the types " + DirectoryParser.parse(sample()).types().keySet(),
                        "devices[2]: types must list the emergency types the key may raise",
                        "devices[4]: key 3ayvpqoq1d is listed twice"));
    }

    @Test
    void readsHeartbeatSourcesAndListsEveryProblemWithThem() {
        Map<String, Object> doc = new java.util.HashMap<>(sample());
        doc.put("heartbeats", List.of(Map.of("source", "panel-7", "expectEvery", "5m", "type", "General", "keys", List.of("3ayvpqoq1b")),
                Map.of("source", "panel-8", "expectEvery", "5m", "type", "General")));
        assertThat(DirectoryParser.parse(doc).heartbeats()).containsEntry("panel-7",
                new HeartbeatWatch("panel-7", java.time.Duration.ofMinutes(5), "General", java.util.Set.of("3ayvpqoq1b")));
        assertThat(DirectoryParser.parse(doc).heartbeats().get("panel-8").keys()).as("default deny: no key may beat").isEmpty();

        doc.put("heartbeats", List.of(
                Map.of("source", "panel/7", "expectEvery", "5m", "type", "General"),
                Map.of("source", "panel-8", "expectEvery", "2s", "type", "General"),
                Map.of("source", "panel-9", "expectEvery", "often", "type", "Kidney"),
                Map.of("source", "panel-10", "expectEvery", "1h", "type", "General", "every", "1h"),
                Map.of("source", "panel-10", "expectEvery", "1h", "type", "General"),
                Map.of("source", "panel-11", "expectEvery", "1h", "type", "General", "keys", List.of("local-device-key")),
                Map.of("source", "panel-12", "expectEvery", "1h", "type", "General", "keys", "3ayvpqoq1b")));
        assertThatThrownBy(() -> DirectoryParser.parse(doc)).isInstanceOf(InvalidDirectoryException.class)
                .satisfies(e -> assertThat(((InvalidDirectoryException) e).problems()).containsExactly(
                        "heartbeats[0]: source 'panel/7' must be letters, digits, '.', '_' or '-' (up to 64), such as panel-7",
                        "heartbeats[1]: expectEvery '2s' must be a duration of at least 5s, such as 5m",
                        "heartbeats[2]: expectEvery 'often' must be a duration of at least 5s, such as 5m",
                        "heartbeats[2]: type 'Kidney' is not one of the types " + DirectoryParser.parse(sample()).types().keySet(),
                        "heartbeats[3]: unknown key 'every' (expected one of [source, expectEvery, type, keys])",
                        "heartbeats[4]: source panel-10 is listed twice",
                        "heartbeats[5].keys: 'local-device-key' is not a key id such as 3ayvpqoq1b (never the key itself)",
                        "heartbeats[6]: keys must be a list of the key ids that may beat for the source, such as [3ayvpqoq1b]"));
    }

    @Test
    void listsEveryProblemAtOnce() {
        Map<String, Object> broken = Map.of(
                "people", List.of(
                        Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "12345"),
                        Map.of("id", "dr-rao", "name", "Dr. Two", "phone", "9800000009", "channels", List.of("pager")),
                        Map.of("id", "nurse", "name", "Nurse", "phone", "9800000009", "chanels", List.of("sms"))),
                "types", Map.of(
                        "Heart", Map.of("digit", 1, "tiers", List.of(Map.of("notify", List.of("dr-rao", "dr-nobody")))),
                        "Brain", Map.of("digit", "1", "tiers", List.of())));

        assertThatThrownBy(() -> DirectoryParser.parse(broken))
                .isInstanceOfSatisfying(InvalidDirectoryException.class, e -> assertThat(e.problems()).satisfiesExactlyInAnyOrder(
                        p -> assertThat(p).contains("people[0] (dr-rao): phone '12345' is not a phone number"),
                        p -> assertThat(p).contains("people[1] (dr-rao): id 'dr-rao' is used twice"),
                        p -> assertThat(p).contains("people[1] (dr-rao): unknown channel 'pager'"),
                        p -> assertThat(p).contains("people[2] (nurse): unknown key 'chanels'"),
                        p -> assertThat(p).contains("people[2] (nurse): phone +919800000009 also belongs to dr-rao"),
                        p -> assertThat(p).contains("unknown person or roster id 'dr-nobody'"),
                        p -> assertThat(p).contains("digit 1 is also the digit of"),
                        p -> assertThat(p).contains("types.Brain: tiers is missing or empty"),
                        p -> assertThat(p).contains("defaultType is missing")))
                .hasMessageContaining("problem(s)");
    }

    @Test
    void aTierNamingAPersonWithProblemsReportsThePersonNotAnUnknownId() {
        Map<String, Object> doc = Map.of(
                "defaultType", "Heart",
                "people", List.of(Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "12345")),
                "types", Map.of("Heart", Map.of("tiers", List.of(Map.of("notify", List.of("dr-rao"))))));

        assertThatThrownBy(() -> DirectoryParser.parse(doc))
                .isInstanceOfSatisfying(InvalidDirectoryException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("people[0] (dr-rao): phone '12345' is not a phone number"));
    }

    @Test
    void readsTiersWithTheirEscalationAndTheTypesRetryPolicy() {
        Map<String, Object> doc = new java.util.HashMap<>(sample());
        doc.put("types", Map.of(
                "Heart", Map.of("retry", Map.of("attempts", 2, "after", "90s"), "tiers", List.of(
                        Map.of("notify", List.of("dr-rao", "nurse-station"), "escalateAfter", "5m", "required", 2),
                        Map.of("notify", List.of("duty-manager"), "escalateAfter", "1h"))),
                "General", Map.of("tiers", List.of(Map.of("notify", List.of("duty-manager"))))));

        EmergencyType heart = DirectoryParser.parse(doc).types().get("Heart");

        assertThat(heart.retry()).isEqualTo(new RetryPolicy(2, java.time.Duration.ofSeconds(90)));
        assertThat(heart.tiers()).containsExactly(
                new Tier(List.of("dr-rao", "nurse-station"), java.time.Duration.ofMinutes(5), 2),
                new Tier(List.of("duty-manager"), java.time.Duration.ofHours(1), 1));
        assertThat(DirectoryParser.parse(sample()).types().get("General").retry()).isEqualTo(RetryPolicy.DEFAULT);
    }

    @Test
    void refusesEscalationSettingsThatCannotWork() {
        Map<String, Object> doc = new java.util.HashMap<>(sample());
        doc.put("types", Map.of(
                "Heart", Map.of("retry", Map.of("attempts", 0, "after", "soon"), "tiers", List.of(
                        Map.of("notify", List.of("dr-rao"), "escalateAfter", "5 minutes", "required", 3),
                        Map.of("notify", List.of("dr-rao", "duty-manager")))),
                "General", Map.of("tiers", List.of(Map.of("notify", List.of("duty-manager"))))));

        assertThatThrownBy(() -> DirectoryParser.parse(doc))
                .isInstanceOfSatisfying(InvalidDirectoryException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "types.Heart.retry.attempts: must be a whole number from 1 to 10, not '0'",
                        "types.Heart.retry.after: 'soon' is not a duration such as 90s, 5m or 1h",
                        "types.Heart.tiers[0].escalateAfter: '5 minutes' is not a duration such as 90s, 5m or 1h",
                        "types.Heart.tiers[0]: required 3 is more than the 1 people notified up to this tier",
                        "types.Heart.tiers[1]: dr-rao is listed twice in this type"));
    }

    @Test
    void rejectsADefaultTypeThatIsNotDeclared() {
        Map<String, Object> doc = new java.util.HashMap<>(sample());
        doc.put("defaultType", "Trauma");

        assertThatThrownBy(() -> DirectoryParser.parse(doc))
                .isInstanceOfSatisfying(InvalidDirectoryException.class, e -> assertThat(e.problems())
                        .containsExactly("defaultType 'Trauma' is not one of the types [Heart, General]"
                                .replace("[Heart, General]", e.problems().get(0).substring(e.problems().get(0).indexOf('[')))));
    }
}
