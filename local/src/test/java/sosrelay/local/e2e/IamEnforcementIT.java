package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.iam.AccessDenial;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * The local stack refuses what a function's role does not allow, as AWS would: take one line out of
 * a copy of template.yaml and the behaviour that needs it fails with AWS's AccessDenied naming the
 * action and the resource; with the template as it is, the same run rings everyone.
 */
class IamEnforcementIT {
    private static final String CALL_QUEUE_ARN = "arn:aws:sqs:ap-south-1:000000000000:CallJobsQueue";
    /** One call in any 3 s and no waiting in the worker, so all but the first job go back on the queue to wait for the budget. */
    private static final Map<String, String> PACED = Map.of(
            "EXOTEL_CALL_LIMIT", "1", "EXOTEL_CALL_LIMIT_WINDOW_MS", "3000", "PACING_MAX_WAIT_SECONDS", "0");

    @Test
    void withoutSendOnItsOwnQueueTheCallWorkerCannotPutAPacedJobBack(@TempDir Path dir) throws IOException {
        Path template = changedPolicy(dir, "CallJobFunction", """
                        - SQSSendMessagePolicy:
                            QueueName: !GetAtt CallJobsQueue.QueueName
                """, "");

        try (LocalRelay relay = start(template, dir)) {
            passthru(relay, "iam-requeue-denied");

            LocalHttp.await("the re-queue to be refused", Duration.ofSeconds(20), () -> !relay.stack().accessDenials().all().isEmpty());
            AccessDenial denial = relay.stack().accessDenials().all().get(0);
            assertThat(denial.function()).isEqualTo("CallJobFunction");
            assertThat(denial.action()).isEqualTo("sqs:SendMessage");
            assertThat(denial.resource()).isEqualTo(CALL_QUEUE_ARN);
            assertThat(denial.message()).contains("assumed-role/CallJobFunctionRole/CallJobFunction")
                    .contains("is not authorized to perform: sqs:SendMessage on resource: " + CALL_QUEUE_ARN);
        }
    }

    @Test
    void aPacedHighPriorityJobGoesBackOnTheUrgentQueueWhichTheCallWorkerNeedsSendOnToo(@TempDir Path dir) throws IOException {
        Path template = changedPolicy(dir, "CallJobFunction", """
                        - SQSSendMessagePolicy:
                            QueueName: !GetAtt UrgentCallJobsQueue.QueueName
                """, "");

        try (LocalRelay relay = start(template, dir, "high")) {
            passthru(relay, "iam-urgent-requeue-denied");

            LocalHttp.await("the re-queue to be refused", Duration.ofSeconds(20), () -> !relay.stack().accessDenials().all().isEmpty());
            AccessDenial denial = relay.stack().accessDenials().all().get(0);
            assertThat(denial.function()).isEqualTo("CallJobFunction");
            assertThat(denial.action()).isEqualTo("sqs:SendMessage");
            assertThat(denial.resource()).as("never among the normal jobs").isEqualTo("arn:aws:sqs:ap-south-1:000000000000:UrgentCallJobsQueue");
        }
    }

    @Test
    void withTheTemplateAsItIsThePacedJobsGoBackOnTheQueueAndEveryoneIsRung(@TempDir Path dir) throws IOException {
        try (LocalRelay relay = start(LocalTemplate.findTemplate(), dir)) {
            passthru(relay, "iam-requeue-allowed");

            SandboxExotel exotel = relay.sandbox().orElseThrow();
            LocalHttp.await("three calls, 3 s apart", Duration.ofSeconds(30), () -> exotel.calls().size() == 3);
            assertThat(relay.stack().accessDenials().all()).isEmpty();
        }
    }

    @Test
    void withoutGetItemOnTheIncidentsTableTheIncidentApiCannotLookAnIncidentUp(@TempDir Path dir) throws IOException {
        Path template = changedPolicy(dir, "IncidentApiFunction",
                "Action: [dynamodb:GetItem, dynamodb:PutItem", "Action: [dynamodb:PutItem");

        try (LocalRelay relay = start(template, dir)) {
            HttpResponse<String> lookUp = LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/inc-aaaaaaaaaaaaaaaaaaaa",
                    LocalRelay.LOCAL_API_KEY);

            assertThat(lookUp.statusCode()).as("the API's answer when its storage fails").isEqualTo(503);
            assertThat(relay.stack().accessDenials().all()).singleElement().satisfies(denial -> {
                assertThat(denial.function()).isEqualTo("IncidentApiFunction");
                assertThat(denial.action()).isEqualTo("dynamodb:GetItem");
                assertThat(denial.resource()).isEqualTo("arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable");
            });
        }
    }

    private static LocalRelay start(Path template, Path dir) throws IOException {
        return start(template, dir, "normal");
    }

    private static LocalRelay start(Path template, Path dir, String priority) throws IOException {
        Path directory = dir.resolve("three.yaml");
        Files.writeString(directory, """
                defaultType: Heart
                people:
                  - {id: p1, name: One, phone: "+919800000101"}
                  - {id: p2, name: Two, phone: "+919800000102"}
                  - {id: p3, name: Three, phone: "+919800000103"}
                types:
                  Heart:
                    priority: %s
                    tiers:
                      - notify: [p1, p2, p3]
                        escalateAfter: 1h
                """.formatted(priority));
        return LocalRelay.start(LocalHttp.madeUpCallSids(LocalStackOptions.forTemplate(template).withContactsFile(directory).withEnvironmentOverrides(PACED)),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()));
    }

    private static void passthru(LocalRelay relay, String callSid) {
        assertThat(LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                Map.of("CallSid", callSid, "EmergencyType", "Heart")).statusCode()).isEqualTo(200);
    }

    /** A copy of template.yaml with {@code from} replaced in one function's resource; it must be there to replace. */
    private static Path changedPolicy(Path dir, String function, String from, String to) throws IOException {
        String yaml = Files.readString(LocalTemplate.findTemplate());
        Matcher block = Pattern.compile("(?ms)^  " + function + ":\\n.*?(?=^  \\S)").matcher(yaml);
        assertThat(block.find()).as(function + " in template.yaml").isTrue();
        assertThat(block.group()).as("template.yaml's " + function).contains(from);
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, yaml.substring(0, block.start()) + block.group().replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to))
                + yaml.substring(block.end()));
        return copy;
    }
}
