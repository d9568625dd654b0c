package sosrelay.directory;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Who is alerted for which emergency; built only by {@link DirectoryParser}, so always valid. */
public record Directory(String defaultType, Map<String, Person> people, Map<String, EmergencyType> types,
                        List<AlarmRoute> alarms, Map<String, Roster> rosters, List<MaintenanceWindow> maintenance,
                        Map<String, DeviceKey> devices, Map<String, HeartbeatWatch> heartbeats, List<ScheduledDrill> drills) {

    public Directory(String defaultType, Map<String, Person> people, Map<String, EmergencyType> types, List<AlarmRoute> alarms) {
        this(defaultType, people, types, alarms, Map.of(), List.of(), Map.of(), Map.of(), List.of());
    }

    /**
     * The type a device key raises: as {@link #chooseType}, except that a key the directory limits raises an
     * unknown type as the first type it may raise (never the clinical default it may not), and a known type
     * outside its list is refused with the reason; a key it does not list raises the default type, whatever it asked for.
     */
    public DeviceTypeChoice chooseTypeForDevice(String keyId, String requestedName) {
        DeviceKey device = keyId == null ? null : devices.get(keyId);
        TypeChoice choice = chooseType(requestedName, null);
        if (device == null) {
            // A leaked unlisted key must not page a specialist chain; its emergency still rings the default group.
            return new DeviceTypeChoice(choice.type().name().equals(defaultType) ? choice : new TypeChoice(types.get(defaultType),
                    "API key " + keyId + " is not in the directory's devices: it raises only the default type " + defaultType
                            + ", not " + choice.type().name()), null);
        }
        if (choice.note() != null) {
            String own = device.types().get(0);
            return new DeviceTypeChoice(new TypeChoice(types.get(own), unknownTypeReason(requestedName, null)
                    + "; alerted " + own + ", the first type device key '" + device.name() + "' may raise"), null);
        }
        return device.mayRaise(choice.type().name())
                ? new DeviceTypeChoice(choice, null)
                : new DeviceTypeChoice(null, "device key '" + device.name() + "' may raise only " + device.types()
                        + ", not " + choice.type().name());
    }

    /**
     * Whether {@code keyId} may name {@code number} (E.164) as {@code reportTo}: someone in the directory, or a number
     * its {@code devices:} entry lists. That number hears responders' names.
     */
    public boolean mayReportTo(String keyId, String number) {
        DeviceKey device = keyId == null ? null : devices.get(keyId);
        return people.values().stream().anyMatch(p -> p.hasNumber(number)) || device != null && device.reportTo().contains(number);
    }

    /** A device's type, or why its key may not raise the type it asked for. */
    public record DeviceTypeChoice(TypeChoice choice, String refusal) {
    }

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
        return new TypeChoice(types.get(defaultType), unknownTypeReason(requestedName, digits) + "; alerted the default type " + defaultType);
    }

    private static String unknownTypeReason(String requestedName, String digits) {
        String name = requestedName == null ? "" : requestedName.trim();
        String digit = digits == null ? "" : digits.replace("\"", "").trim();
        if (!name.isEmpty()) {
            return "unknown emergency type '" + shorten(name) + "'";
        }
        if (!digit.isEmpty()) {
            return "no emergency type has IVR digit '" + shorten(digit) + "'";
        }
        return "no emergency type given";
    }

    /**
     * Everyone the type may alert, tier after tier, in the order the directory lists them: the people
     * it names and everyone its rosters can name (who of them is on duty is decided when a tier is notified).
     */
    public List<Person> recipients(EmergencyType type) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (Tier tier : type.tiers()) {
            for (String id : tier.notifyIds()) {
                if (rosters.containsKey(id)) {
                    ids.addAll(rosters.get(id).everyone());
                } else {
                    ids.add(id);
                }
            }
        }
        return ids.stream().map(people::get).toList();
    }

    /** The rosters the type's tiers name. */
    public List<Roster> rostersOf(EmergencyType type) {
        return type.tiers().stream().flatMap(tier -> tier.notifyIds().stream()).distinct()
                .filter(rosters::containsKey).map(rosters::get).toList();
    }

    /** The maintenance window an incident raised now falls in, or null. */
    public MaintenanceWindow maintenanceFor(java.time.Instant at, String type, String alarm, String source) {
        return maintenance.stream().filter(w -> w.covers(at, type, alarm, source)).findFirst().orElse(null);
    }

    /** The same directory with windows and roster overrides added through the API (see {@link DirectoryStore}). */
    public Directory withOperatorChanges(Map<String, List<RosterOverride>> overrides, List<MaintenanceWindow> windows) {
        Map<String, Roster> changed = new java.util.LinkedHashMap<>(rosters);
        overrides.forEach((rosterId, list) -> {
            Roster roster = changed.get(rosterId);
            if (roster != null) {
                for (RosterOverride override : list) {
                    if (people.containsKey(override.person())) {
                        roster = roster.with(override);
                    }
                }
                changed.put(rosterId, roster);
            }
        });
        List<MaintenanceWindow> allWindows = new java.util.ArrayList<>(maintenance);
        allWindows.addAll(windows);
        return new Directory(defaultType, people, types, alarms, java.util.Collections.unmodifiableMap(changed), List.copyOf(allWindows),
                devices, heartbeats, drills);
    }

    /** The person with this phone number (E.164, any of theirs), or null. */
    public Person personWithPhone(String e164) {
        return people.values().stream().filter(p -> p.hasNumber(e164)).findFirst().orElse(null);
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
