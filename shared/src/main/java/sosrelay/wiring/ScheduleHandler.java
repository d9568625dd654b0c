package sosrelay.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A function an EventBridge Scheduler schedule invokes (the heartbeat check, the drill schedule): each handler only
 * names its run. SnapStart priming reads the directory and walks the storage path, and runs nothing, since a run may
 * raise an incident.
 */
public abstract class ScheduleHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, SnapStartPriming.Primed {
    private final Wiring wiring;
    private final Supplier<Map<String, Object>> run;

    protected ScheduleHandler(Wiring wiring, Function<Wiring, Supplier<Map<String, Object>>> run) {
        this.wiring = wiring;
        this.run = wiring.init(run);
    }

    /** For the no-argument constructor Lambda uses. */
    protected final void primeBeforeSnapshot() {
        SnapStartPriming.register(this::warmUp);
    }

    @Override
    public final Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return SettingsCheck.asked(event) ? SettingsCheck.answer(wiring) : run.get();
    }

    @Override
    public final void warmUp() {
        wiring.warmUpStorage();
        wiring.directory().current();
    }
}
