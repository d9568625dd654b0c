package sosrelay.notices;

import java.util.List;
import java.util.Objects;
import sosrelay.directory.Person;
import sosrelay.incident.Incident;

/**
 * Who acknowledged, as a notice names them. In India each variable of a DLT template holds at most 30
 * characters, so a long list ends "+2 more" rather than being cut mid-name. Nobody (an incident
 * resolved by the desk before anyone acknowledged) reads "the emergency desk".
 */
final class Coming {
    static final int MAX = 30;

    private Coming() {
    }

    static String names(Incident incident, List<String> acknowledgers) {
        List<String> names = acknowledgers.stream().map(incident::recipient).filter(Objects::nonNull).map(Person::name).toList();
        for (int shown = names.size(); shown > 0; shown--) {
            String text = String.join(", ", names.subList(0, shown)) + (shown < names.size() ? " +" + (names.size() - shown) + " more" : "");
            if (text.length() <= MAX) {
                return text;
            }
        }
        return names.isEmpty() ? "the emergency desk" : names.size() + " people";
    }
}
