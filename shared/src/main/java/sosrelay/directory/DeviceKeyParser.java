package sosrelay.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code devices:} ({@code [{keyId, name, types, reportTo}]}), adding every problem to the caller's list. */
final class DeviceKeyParser {
    private static final List<String> KEYS = List.of("keyId", "name", "types", "reportTo");

    private final List<String> problems;
    private final Set<String> types;

    DeviceKeyParser(List<String> problems, Set<String> types) {
        this.problems = problems;
        this.types = types;
    }

    Map<String, DeviceKey> parseAll(Object value) {
        return ListSection.unique(problems, "devices", value, "{keyId, name, types}", this::parse, DeviceKey::keyId, "key");
    }

    private DeviceKey parse(String where, Object value) {
        Map<?, ?> device = ListSection.mapping(problems, where, value, "keyId, name and types", KEYS);
        if (device == null) {
            return null;
        }
        int before = problems.size();
        String keyId = String.valueOf(device.get("keyId"));
        if (!ApiKeyIds.valid(keyId)) {
            problems.add(where + ": keyId '" + keyId + "' is not an API Gateway key id such as " + ApiKeyIds.EXAMPLE
                    + " (aws apigateway get-api-keys lists it; never the key itself)");
        }
        String name = device.get("name") == null ? keyId : String.valueOf(device.get("name")).strip();
        List<String> allowed = new ArrayList<>();
        if (!(device.get("types") instanceof List<?> listed) || listed.isEmpty()) {
            problems.add(where + ": types must list the emergency types the key may raise");
        } else {
            for (Object type : listed) {
                String typeName = String.valueOf(type);
                if (types.contains(typeName)) {
                    allowed.add(typeName);
                } else {
                    problems.add(where + ".types: '" + typeName + "' is not one of the types " + types);
                }
            }
        }
        Set<String> reportTo = new java.util.LinkedHashSet<>();
        if (device.get("reportTo") != null && !(device.get("reportTo") instanceof List<?>)) {
            problems.add(where + ": reportTo must be a list of phone numbers, such as [\"+919800000001\"]");
        } else if (device.get("reportTo") instanceof List<?> numbers) {
            for (Object number : numbers) {
                String e164 = PhoneNumbers.toE164(String.valueOf(number));
                if (e164 == null) {
                    problems.add(where + ".reportTo: '" + number + "' is not a phone number (write +919800000001)");
                } else {
                    reportTo.add(e164);
                }
            }
        }
        return problems.size() == before ? new DeviceKey(keyId, name, allowed, reportTo) : null;
    }
}
