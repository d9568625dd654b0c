package sosrelay.directory;

import java.util.List;

/**
 * A device API key the directory limits to some emergency types ({@code devices:}), known by its
 * fingerprint ({@code key-…}, as incidents and logs show it), never by the key itself. A fire panel's
 * leaked key then cannot page cardiology. Keys the directory does not list may raise any type.
 */
public record DeviceKey(String keyId, String name, List<String> types) {
    public DeviceKey {
        types = List.copyOf(types);
    }

    public boolean mayRaise(String type) {
        return types.contains(type);
    }
}
