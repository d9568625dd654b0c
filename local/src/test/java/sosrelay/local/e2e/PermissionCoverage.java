package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import sosrelay.local.LocalRelay;
import sosrelay.local.iam.GrantedRequests;
import sosrelay.local.iam.PolicyStatement;
import sosrelay.local.iam.RolePolicy;

/**
 * Issue 21, item 2: every operation a function's own Policies grant runs under the local stack's IAM enforcement in
 * a scenario, and none is refused. One table per family of functions, each on its own stack
 * ({@link PermissionCoverageRaisesIT}, {@link PermissionCoverageDeliveriesIT}): function, action, resource and the
 * scenario that first ran it. A row no scenario ran fails the build: a path no test runs, or a grant nothing needs.
 */
final class PermissionCoverage {
    /** The raises, the APIs and what the operators and doctors open: {@link PermissionCoverageRaisesIT}. */
    static final Set<String> RAISES = Set.of("ExotelPassthruFunction", "ExotelGreetingFunction", "AlarmFunction",
            "HeartbeatCheckFunction", "IncidentApiFunction", "OperatorApiFunction", "DrillApiFunction", "DrillScheduleFunction",
            "BoardFunction", "RecordingLinkFunction");
    /**
     * The workers, the timers, the providers' reports and the replies, and Plivo's three webhooks (its answer URL too: a
     * Plivo call is placed by the call worker, on the stack that starts the sandbox Plivo): {@link PermissionCoverageDeliveriesIT}.
     */
    static final Set<String> DELIVERIES = Set.of("ExotelCallStatusFunction", "ExotelSmsStatusFunction", "ExotelAckFunction",
            "ExotelSmsReplyFunction", "GupShupInboundFunction", "GupShupDeliveryFunction", "TimerFunction", "CallJobFunction",
            "SmsJobFunction", "WhatsAppJobFunction", "PlivoAnswerFunction", "PlivoInputFunction", "PlivoHangupFunction");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final LocalRelay relay;
    private final Set<String> functions;
    /** First scenario that exercised each granted request. */
    private final Map<GrantedRequests.Granted, String> covered = new LinkedHashMap<>();

    PermissionCoverage(LocalRelay relay, Set<String> functions) {
        this.relay = relay;
        this.functions = functions;
    }

    /** Every request granted so far that no earlier scenario ran, credited to {@code scenario}. */
    synchronized void record(String scenario) {
        relay.stack().grantedRequests().all().forEach(request -> covered.putIfAbsent(request, scenario));
    }

    /** Waits until {@code function}'s role has allowed {@code action} on a resource whose ARN contains {@code resource}. */
    void awaitGranted(String function, String action, String resource) {
        LocalHttp.await(function + " " + action + " on …" + resource + "…", WAIT, () -> relay.stack().grantedRequests().all().stream()
                .anyMatch(g -> g.function().equals(function) && g.action().equalsIgnoreCase(action) && g.resource().contains(resource)));
    }

    /**
     * Prints the family's table and fails on any request a role refused, on a row no scenario ran, and on a function
     * of the template that is in no family (its rows would be in no table).
     */
    void assertEveryRowCovered() {
        record("(after the scenarios: their late work)");
        Set<String> families = new TreeSet<>(RAISES);
        families.addAll(DELIVERIES);
        assertThat(families).as("every function of the template is in one family's table").isEqualTo(new TreeSet<>(relay.stack().roles().keySet()));
        List<String> table = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        relay.stack().roles().forEach((function, role) -> {
            if (!functions.contains(function)) {
                return;
            }
            rows(role).forEach(row -> {
                Optional<String> by = covered.entrySet().stream().filter(e -> e.getKey().function().equals(function)
                        && row.statement().covers(e.getKey().action(), e.getKey().resource())
                        && e.getKey().action().equalsIgnoreCase(row.action())).map(Map.Entry::getValue).findFirst();
                String line = String.format("%-26s %-26s %-80s %s", function, row.action(), row.resource(), by.orElse("UNCOVERED"));
                table.add(line);
                if (by.isEmpty()) {
                    uncovered.add(line.replaceAll("\\s+UNCOVERED$", "").replaceAll("\\s+", " "));
                }
            });
        });
        System.out.println("Permission coverage (function, action, resource, first covering scenario):\n" + String.join("\n", table));
        assertThat(relay.stack().accessDenials().all()).as("requests the template's roles refused").isEmpty();
        assertThat(uncovered).as("granted operations no scenario ran").isEmpty();
    }

    private record Row(String action, String resource, PolicyStatement statement) {
    }

    /**
     * One row per action and resource of the function's own Policies. Of SQSPollerPolicy, what runs with the role:
     * the event source mapping's ReceiveMessage (locally checked too), and the worker's own ChangeMessageVisibility,
     * which brings a failed job back after its backoff (BatchWorker); deleting a batch's messages and reading the
     * queue's attributes are Lambda's own, and the batch actions are their single actions to IAM.
     */
    private static List<Row> rows(RolePolicy role) {
        List<Row> rows = new ArrayList<>();
        for (PolicyStatement statement : role.fromPolicies()) {
            if (!statement.allow()) {
                continue;
            }
            boolean poller = statement.actions().contains("sqs:DeleteMessageBatch");
            for (String action : statement.actions()) {
                if (poller && !action.equals("sqs:ReceiveMessage") && !action.equals("sqs:ChangeMessageVisibility")) {
                    continue;
                }
                for (String resource : statement.resources()) {
                    rows.add(new Row(action.replace("*", ""), resource, statement));
                }
            }
        }
        return rows;
    }
}
