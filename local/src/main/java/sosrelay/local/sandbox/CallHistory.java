package sosrelay.local.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sosrelay.json.Json;

/**
 * The calls a sandbox placed before it was last stopped, kept (with the stack's --data-dir) as Exotel keeps its
 * call records when our stack restarts: the call details APIs still find them, so a call placed just before a
 * stop is not taken for one never placed. They are Exotel's records, not this sandbox's calls: they ring nobody.
 */
final class CallHistory {
    private final Optional<Path> file;
    private final List<SandboxExotel.PlacedCall> earlier;

    private CallHistory(Optional<Path> file, List<SandboxExotel.PlacedCall> earlier) {
        this.file = file;
        this.earlier = List.copyOf(earlier);
    }

    static CallHistory at(Optional<Path> file) {
        List<SandboxExotel.PlacedCall> earlier = new ArrayList<>();
        if (file.isPresent() && Files.isRegularFile(file.get())) {
            try {
                for (String line : Files.readAllLines(file.get(), StandardCharsets.UTF_8)) {
                    Map<String, Object> call = Json.readObject(line);
                    Instant at = Instant.parse(String.valueOf(call.get("at")));
                    earlier.add(new SandboxExotel.PlacedCall(String.valueOf(call.get("sid")), String.valueOf(call.get("from")),
                            String.valueOf(call.get("callerId")), null, (String) call.get("customField"), null, Map.of(), at, null,
                            CallProgress.queued(at).withStatus("completed", at)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sandbox's call history " + file.get(), e);
            }
        }
        return new CallHistory(file, earlier);
    }

    List<SandboxExotel.PlacedCall> earlier() {
        return earlier;
    }

    synchronized void record(SandboxExotel.PlacedCall call) {
        if (file.isEmpty()) {
            return;
        }
        String line = Json.write(Map.of("sid", call.sid(), "from", call.from(), "callerId", call.callerId(),
                "customField", call.customField() == null ? "" : call.customField(), "at", call.at().toString())) + "\n";
        try {
            Files.createDirectories(file.get().getParent());
            Files.writeString(file.get(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox's call history " + file.get(), e);
        }
    }
}
