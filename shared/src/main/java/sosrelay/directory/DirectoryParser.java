package sosrelay.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a directory document (the YAML a hospital admin writes, or its JSON copy in DynamoDB) and
 * builds the {@link Directory}. Collects every problem before failing, because an admin fixing a
 * file one error per deploy is an admin who gives up.
 */
public final class DirectoryParser {
    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final List<String> TOP_KEYS = List.of("defaultType", "people", "rosters", "types", "alarms", "maintenance", "devices", "heartbeats", "drills");
    private static final List<String> ALARM_KEYS = List.of("match", "type");
    private static final List<String> PERSON_KEYS = List.of("id", "name", "phone", "phones", "channels", "language");
    /** A mobile, a desk phone and one more: each number is a ring before the retry wait. */
    private static final int MOST_PHONES = 3;
    private static final List<String> TYPE_KEYS = List.of("digit", "tiers", "retry", "priority", "repeat");
    private static final List<String> TIER_KEYS = List.of("notify", "escalateAfter", "required");
    private static final List<String> RETRY_KEYS = List.of("attempts", "after");

    private final List<String> problems = new ArrayList<>();
    /** Every id the file declares, valid or not: a tier naming a broken person is not "unknown". */
    private final Set<String> declaredIds = new java.util.HashSet<>();
    /** Every roster id the file declares, valid or not, for the same reason. */
    private final Set<String> declaredRosters = new java.util.HashSet<>();

    private DirectoryParser() {
    }

    public static Directory parse(Map<String, Object> document) {
        return new DirectoryParser().build(document == null ? Map.of() : document);
    }

    private Directory build(Map<String, Object> doc) {
        unknownKeys("the directory", doc, TOP_KEYS);
        Map<String, Person> people = people(doc.get("people"));
        Map<String, Roster> rosters = rosters(doc.get("rosters"));
        Map<String, EmergencyType> types = types(doc.get("types"), people);
        String defaultType = text(doc.get("defaultType"));
        if (defaultType == null) {
            problems.add("defaultType is missing: an emergency of unknown type would alert nobody");
        } else if (!types.containsKey(defaultType)) {
            problems.add("defaultType '" + defaultType + "' is not one of the types " + types.keySet());
        }
        List<AlarmRoute> alarms = alarms(doc.get("alarms"), types);
        List<MaintenanceWindow> maintenance = new MaintenanceParser(problems, types.keySet()).parseAll(doc.get("maintenance"));
        Map<String, DeviceKey> devices = new DeviceKeyParser(problems, types.keySet()).parseAll(doc.get("devices"));
        Map<String, HeartbeatWatch> heartbeats = new HeartbeatParser(problems, types.keySet()).parseAll(doc.get("heartbeats"));
        List<ScheduledDrill> drills = new DrillScheduleParser(problems, types.keySet()).parseAll(doc.get("drills"));
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(problems);
        }
        return new Directory(defaultType, people, types, alarms, rosters, maintenance, devices, heartbeats, drills);
    }

    private Map<String, Person> people(Object value) {
        Map<String, Person> people = new LinkedHashMap<>();
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add("people is missing or empty");
            return people;
        }
        Map<String, String> phoneOwners = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                problems.add("people[" + i + "] is not a mapping with id, name, phone");
                continue;
            }
            String id = text(entry.get("id"));
            String where = "people[" + i + "]" + (id == null ? "" : " (" + id + ")");
            unknownKeys(where, entry, PERSON_KEYS);
            if (id == null) {
                problems.add(where + ": id is missing");
            } else if (!PERSON_ID.matcher(id).matches()) {
                problems.add(where + ": id must be 1-64 letters, digits, '.', '_' or '-'");
            } else if (!declaredIds.add(id)) {
                problems.add(where + ": id '" + id + "' is used twice");
            }
            String name = text(entry.get("name"));
            if (name == null) {
                problems.add(where + ": name is missing");
            }
            List<String> phones = phones(where, entry, id, phoneOwners);
            String phone = phones.isEmpty() ? null : phones.get(0);
            List<Channel> channels = channels(where, entry.get("channels"));
            Language language = language(where, entry.get("language"));
            if (id != null && name != null && phone != null) {
                people.putIfAbsent(id, new Person(id, name, phone, channels, language, phones));
            }
        }
        return people;
    }

    /**
     * {@code phone: <number>} or {@code phones: [<mobile>, <desk>]} (never both): each a phone number, none twice, none
     * another person's. Empty when any is missing or wrong (the problem is listed).
     */
    private List<String> phones(String where, Map<?, ?> entry, String id, Map<String, String> phoneOwners) {
        Object one = entry.get("phone");
        Object many = entry.get("phones");
        if (one != null && many != null) {
            problems.add(where + ": give phone or phones, not both");
            return List.of();
        }
        List<Object> raw = new ArrayList<>();
        if (many != null) {
            if (!(many instanceof List<?> list) || list.isEmpty() || list.size() > MOST_PHONES) {
                problems.add(where + ": phones must be a list of 1 to " + MOST_PHONES + " numbers, such as [\"+919800000001\", \"+919800000002\"]");
                return List.of();
            }
            raw.addAll(list);
        } else {
            raw.add(one);
        }
        String key = many != null ? "phones" : "phone";
        List<String> phones = new ArrayList<>();
        boolean allGood = true;
        for (Object item : raw) {
            String rawPhone = text(item);
            String phone = PhoneNumbers.toE164(rawPhone);
            if (rawPhone == null) {
                problems.add(where + ": " + key + " is missing");
            } else if (phone == null) {
                problems.add(where + ": " + key + " '" + rawPhone + "' is not a phone number"
                        + " (write +919800000001, 919800000001, 09800000001 or 9800000001)");
            } else if (phones.contains(phone)) {
                problems.add(where + ": " + key + " lists " + phone + " twice");
            } else if (phoneOwners.containsKey(phone)) {
                problems.add(where + ": " + key + " " + phone + " also belongs to " + phoneOwners.get(phone));
            } else {
                phoneOwners.put(phone, id);
                phones.add(phone);
                continue;
            }
            allGood = false;
        }
        return allGood ? List.copyOf(phones) : List.of();
    }

    private Map<String, Roster> rosters(Object value) {
        Map<String, Roster> rosters = new LinkedHashMap<>();
        if (value == null) {
            return rosters;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add("rosters must be a mapping of roster ids to {timeZone, rotations, overrides}");
            return rosters;
        }
        RosterParser parser = new RosterParser(problems, declaredIds::contains);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String id = text(e.getKey());
            if (id == null || !PERSON_ID.matcher(id).matches()) {
                problems.add("rosters: '" + e.getKey() + "' is not a roster id (1-64 letters, digits, '.', '_' or '-')");
                continue;
            }
            if (declaredIds.contains(id)) {
                problems.add("rosters." + id + ": a person has the same id; a tier could not tell them apart");
            }
            declaredRosters.add(id);
            Roster roster = parser.parse(id, e.getValue());
            if (roster != null) {
                rosters.put(id, roster);
            }
        }
        return rosters;
    }

    /** English when absent; a language no text is shipped for is refused, not silently sent in English. */
    private Language language(String where, Object value) {
        if (value == null) {
            return Language.EN;
        }
        Language language = Language.fromCode(text(value));
        if (language == null) {
            problems.add(where + ": language '" + value + "' is not one of " + Language.codes());
            return Language.EN;
        }
        return language;
    }

    private List<Channel> channels(String where, Object value) {
        if (value == null) {
            return List.of(Channel.CALL);
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(where + ": channels must be a list such as [call, sms, whatsapp]");
            return List.of();
        }
        Set<Channel> channels = new LinkedHashSet<>();
        for (Object item : list) {
            Channel channel = Channel.parse(text(item));
            if (channel == null) {
                problems.add(where + ": unknown channel '" + item + "' (use call, sms or whatsapp)");
            } else {
                channels.add(channel);
            }
        }
        return List.copyOf(channels);
    }

    private Map<String, EmergencyType> types(Object value, Map<String, Person> people) {
        Map<String, EmergencyType> types = new LinkedHashMap<>();
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            problems.add("types is missing or empty");
            return types;
        }
        Map<Integer, String> digitOwners = new HashMap<>();
        Set<String> lowerCaseNames = new java.util.HashSet<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = text(e.getKey());
            String where = "types." + name;
            if (name == null) {
                problems.add("types: a type has no name");
                continue;
            }
            if (!lowerCaseNames.add(name.toLowerCase(Locale.ROOT))) {
                problems.add(where + ": another type has the same name in other letter case");
            }
            if (!(e.getValue() instanceof Map<?, ?> type)) {
                problems.add(where + ": must be a mapping with tiers");
                continue;
            }
            unknownKeys(where, type, TYPE_KEYS);
            Integer digit = digit(where, type.get("digit"));
            if (digit != null && digitOwners.putIfAbsent(digit, name) != null) {
                problems.add(where + ": digit " + digit + " is also the digit of " + digitOwners.get(digit));
            }
            types.put(name, new EmergencyType(name, digit, tiers(where, type.get("tiers")), retry(where, type.get("retry")),
                    priority(where, type.get("priority")), count(where + ".repeat", type.get("repeat"), 0, 0, 10)));
        }
        return types;
    }

    private Integer digit(String where, Object value) {
        if (value == null) {
            return null;
        }
        String text = text(value);
        if (text == null || !text.matches("[0-9]")) {
            problems.add(where + ": digit must be a single IVR key 0-9, not '" + value + "'");
            return null;
        }
        return Integer.valueOf(text);
    }

    private Priority priority(String where, Object value) {
        if (value == null) {
            return Priority.NORMAL;
        }
        Priority priority = Priority.parse(text(value));
        if (priority == null) {
            problems.add(where + ".priority: must be high or normal, not '" + value + "'");
            return Priority.NORMAL;
        }
        return priority;
    }

    private RetryPolicy retry(String where, Object value) {
        if (value == null) {
            return RetryPolicy.DEFAULT;
        }
        if (!(value instanceof Map<?, ?> retry)) {
            problems.add(where + ".retry: must be a mapping such as {attempts: 3, after: 2m}");
            return RetryPolicy.DEFAULT;
        }
        unknownKeys(where + ".retry", retry, RETRY_KEYS);
        int attempts = count(where + ".retry.attempts", retry.get("attempts"), RetryPolicy.DEFAULT.attempts(), 1, 10);
        Duration after = duration(where + ".retry.after", retry.get("after"), RetryPolicy.DEFAULT.after());
        return new RetryPolicy(attempts, after);
    }

    private List<Tier> tiers(String where, Object value) {
        List<Tier> tiers = new ArrayList<>();
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(where + ": tiers is missing or empty");
            return tiers;
        }
        Set<String> inType = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String tierWhere = where + ".tiers[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> tier)) {
                problems.add(tierWhere + ": must be a mapping with notify");
                continue;
            }
            unknownKeys(tierWhere, tier, TIER_KEYS);
            if (!(tier.get("notify") instanceof List<?> notify) || notify.isEmpty()) {
                problems.add(tierWhere + ": notify must list at least one person or roster id");
                continue;
            }
            Set<String> ids = new LinkedHashSet<>();
            for (Object item : notify) {
                String id = text(item);
                if (id == null || !declaredIds.contains(id) && !declaredRosters.contains(id)) {
                    problems.add(tierWhere + ": unknown person or roster id '" + item + "'");
                } else if (!ids.add(id) || !inType.add(id)) {
                    problems.add(tierWhere + ": " + id + " is listed twice in this type");
                }
            }
            Duration escalateAfter = duration(tierWhere + ".escalateAfter", tier.get("escalateAfter"), Tier.DEFAULT_ESCALATE_AFTER);
            int required = count(tierWhere + ".required", tier.get("required"), 1, 1, 1000);
            if (required > inType.size()) {
                problems.add(tierWhere + ": required " + required + " is more than the " + inType.size()
                        + " people notified up to this tier");
            }
            tiers.add(new Tier(List.copyOf(ids), escalateAfter, required));
        }
        return tiers;
    }

    private List<AlarmRoute> alarms(Object value, Map<String, EmergencyType> types) {
        List<AlarmRoute> routes = new ArrayList<>();
        if (value == null) {
            return routes;
        }
        if (!(value instanceof List<?> list)) {
            problems.add("alarms must be a list of {match, type}");
            return routes;
        }
        for (int i = 0; i < list.size(); i++) {
            String where = "alarms[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> route)) {
                problems.add(where + ": must be a mapping with match and type");
                continue;
            }
            unknownKeys(where, route, ALARM_KEYS);
            String match = text(route.get("match"));
            String type = text(route.get("type"));
            if (match == null || match.equals("*") || match.indexOf('*') != match.length() - 1 && match.contains("*")) {
                problems.add(where + ": match must be an alarm name or a name prefix ending in *, not '" + route.get("match") + "'");
            } else if (type == null || !types.containsKey(type)) {
                problems.add(where + ": type '" + route.get("type") + "' is not one of the types " + types.keySet());
            } else {
                routes.add(new AlarmRoute(match, type));
            }
        }
        return routes;
    }

    private Duration duration(String where, Object value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        Duration parsed = Durations.parse(text(value));
        if (parsed == null || parsed.isZero()) {
            problems.add(where + ": '" + value + "' is not a duration such as 90s, 5m or 1h");
            return fallback;
        }
        return parsed;
    }

    private int count(String where, Object value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        String text = text(value);
        if (text == null || !text.matches("\\d{1,4}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            problems.add(where + ": must be a whole number from " + min + " to " + max + ", not '" + value + "'");
            return fallback;
        }
        return Integer.parseInt(text);
    }

    private void unknownKeys(String where, Map<?, ?> map, List<String> known) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(where + ": unknown key '" + key + "' (expected one of " + known + ")");
            }
        }
    }

    /** Scalars as text (YAML reads 919800000001 as a number); blank and non-scalars as null. */
    private static String text(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? null : s.trim();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return null;
    }
}
