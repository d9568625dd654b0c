package sosrelay.wiring;

import java.util.Map;
import java.util.function.Supplier;
import sosrelay.alarm.AlarmTrigger;
import sosrelay.api.DeviceApi;
import sosrelay.api.HeartbeatApi;
import sosrelay.api.IncidentApi;
import sosrelay.api.OperatorApi;
import sosrelay.board.BoardPage;
import sosrelay.drills.DrillApi;
import sosrelay.drills.ScheduledDrills;
import sosrelay.heartbeat.Heartbeats;
import sosrelay.incident.BucketRecordingPolicy;
import sosrelay.incident.IncidentList;
import sosrelay.quota.Quotas;
import sosrelay.secrets.SecretValue;

/** The APIs (devices, operators, the board, drills) and the scheduled and alarm triggers. */
final class Apis {
    private final Foundation base;
    private final Processes processes;
    private final Lazy<IncidentApi> incidentApi;

    Apis(Foundation base, Processes processes) {
        this.base = base;
        this.processes = processes;
        this.incidentApi = new Lazy<>(() -> new IncidentApi(base.directory.get(),
                new BucketRecordingPolicy(base.settings.recordings().bucket()), processes.raiser.get(), base.incidents.get(),
                base.deliveries.get(), base.progress.get(), base.timeline.get(), base.acceptanceTimes.get(),
                incidentList(), processes.acknowledgements.get(), base.openSlots.get(), quotas(),
                base.settings.api().raisesPerHour(), base.settings.api().operatorKeyIds(), base.clock));
    }

    IncidentApi incidentApi() {
        return incidentApi.get();
    }

    /** The device API's routes: incidents and heartbeats. */
    DeviceApi deviceApi() {
        return new DeviceApi(incidentApi.get(), new HeartbeatApi(heartbeats()));
    }

    OperatorApi operatorApi() {
        return new OperatorApi(base.directory.get(), base.reachedPeople(), base.settings.api().operatorKeyIds(),
                base.settings.smsNoticesOff().off(), base.clock);
    }

    /** The operators' board page, with its sign-in settings. */
    BoardPage boardPage() {
        return new BoardPage(base.secret(base.settings.operatorSignIn(), SecretValue.KEPT));
    }

    /** Test calls and drills: the raise chain, for a signed-in operator; a drill's report reads the incident's items. */
    DrillApi drillApi() {
        return new DrillApi(base.directory.get(), processes.raiser.get(), base.incidents.get(), base.progress.get(),
                base.deliveries.get(), base.timeline.get(), incidentList(), quotas(), base.clock);
    }

    /** The directory's scheduled drills that are due, for the once-a-minute check. */
    Supplier<Map<String, Object>> drillSchedule() {
        ScheduledDrills drills = new ScheduledDrills(base.directory.get(), processes.raiser.get(), incidentList(), base.clock);
        return () -> Map.of("started", drills.run());
    }

    /** An incident for each source silent past its interval, for the once-a-minute check. */
    Supplier<Map<String, Object>> heartbeatCheck() {
        Heartbeats heartbeats = heartbeats();
        return () -> Map.of("raised", heartbeats.check());
    }

    Heartbeats heartbeats() {
        return processes.heartbeats();
    }

    /** Per-key and per-operator counters: raises an hour, test calls and drills. */
    private Quotas quotas() {
        return new Quotas(base.dynamo.get(), base.incidentsTable(), base.clock);
    }

    private IncidentList incidentList() {
        return new IncidentList(base.dynamo.get(), base.incidentsTable());
    }

    AlarmTrigger alarmTrigger() {
        return new AlarmTrigger(base.directory.get(), processes.raiser.get(), base.incidents.get(), base.clock);
    }
}
