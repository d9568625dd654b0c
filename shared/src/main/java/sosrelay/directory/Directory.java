package sosrelay.directory;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Who is alerted for which emergency; built only by {@link DirectoryParser}, so always valid. */
public record Directory(String defaultType, Map<String, Person> people, Map<String, EmergencyType> types,
                        List<AlarmRoute> alarms) {

    /** The type the alarm's name maps to, else the default type with the reason. */
    public TypeChoice typeForAlarm(String alarmName) {
        return alarms.stream()
                .filter(route -> route.matches(alarmName))
                .max(java.util.Comparator.comparingInt(AlarmRoute::specificity))
                .map(route -> new TypeChoice(types.get(route.type()), null))
                .orElseGet(() -> new TypeChoice(types.get(defaultType), "no alarm route matches '" + shorten(alarmName)
                        + "'; alerted the default type " + defaultType));
    }

    /**
     * The type for a request: by name (case-insensitive), else by IVR digit, else the default type with
     * the reason. Never null: an emergency nobody can classify still alerts the default group.
     */
    public TypeChoice chooseType(String requestedName, String digits) {
        String name = requestedName == null ? "" : requestedName.trim();
        if (!name.isEmpty()) {
            EmergencyType byName = byName(name);
            if (byName != null) {
                return new TypeChoice(byName, null);
            }
        }
        String digit = digits == null ? "" : digits.replace("\"", "").trim();
        if (!digit.isEmpty()) {
            for (EmergencyType type : types.values()) {
                if (type.digit() != null && digit.equals(String.valueOf(type.digit()))) {
                    return new TypeChoice(type, null);
                }
            }
        }
        String why;
        if (!name.isEmpty()) {
            why = "unknown emergency type '" + shorten(name) + "'";
        } else if (!digit.isEmpty()) {
            why = "no emergency type has IVR digit '" + shorten(digit) + "'";
        } else {
            why = "no emergency type given";
        }
        return new TypeChoice(types.get(defaultType), why + "; alerted the default type " + defaultType);
    }

    /** Everyone the type may alert, tier after tier, in the order the directory lists them. */
    public List<Person> recipients(EmergencyType type) {
        return type.tiers().stream().flatMap(tier -> tier.personIds().stream()).map(people::get).toList();
    }

    /** The person with this phone number (E.164), or null. */
    public Person personWithPhone(String e164) {
        return people.values().stream().filter(p -> p.phone().equals(e164)).findFirst().orElse(null);
    }

    private EmergencyType byName(String name) {
        for (EmergencyType type : types.values()) {
            if (type.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
