package sosrelay.local.backends;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamTemplateTest {

    static SamTemplate testTemplate() throws IOException {
        try (InputStream in = SamTemplateTest.class.getResourceAsStream("/test-template.yaml")) {
            return SamTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsParametersWithDefaultsOnly() throws IOException {
        SamTemplate template = testTemplate();

        assertThat(template.parameterDefaults()).isEqualTo(Map.of("Greeting", "hello", "TokenName", "app/token"));
        assertThat(template.isParameter("Secret")).isTrue();
        assertThat(template.isParameter("ItemsTable")).isFalse();
    }

    @Test
    void mergesGlobalsIntoEachFunction() throws IOException {
        TemplateFunction web = testTemplate().function("WebFunction").orElseThrow();

        assertThat(web.handlerClass()).isEqualTo("example.WebHandler");
        assertThat(web.handlerMethod()).isEqualTo("handleRequest");
        assertThat(web.timeoutSeconds()).isEqualTo(7);
        assertThat(web.memorySize()).isEqualTo(256);
        assertThat(web.environment())
                .containsEntry("SHARED", "from-function")
                .containsEntry("ITEMS_TABLE", Map.of("Ref", "ItemsTable"))
                .containsEntry("WORK_QUEUE_ARN", Map.of("Fn::GetAtt", List.of("WorkQueue", "Arn")))
                .containsEntry("TOKEN_PARAMETER", Map.of("Fn::Sub", "/${TokenName}"))
                .containsEntry("PARTS", Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of(",", "a,b")))))
                .containsEntry("JOINED", Map.of("Fn::Join", List.of("-", List.of("a", "b"))));
        assertThat(web.environment().get("PUBLIC_URL")).isInstanceOf(Map.class).extracting(m -> ((Map<?, ?>) m).keySet())
                .isEqualTo(java.util.Set.of("Fn::If"));
    }

    @Test
    void readsApiEventsWithLowerCaseMethods() throws IOException {
        TemplateFunction web = testTemplate().function("WebFunction").orElseThrow();

        assertThat(web.apiEvents()).containsExactlyInAnyOrder(
                new ApiEvent("Get", "/items/{id}", "get", false, null),
                new ApiEvent("Post", "/items", "post", false, null));
    }

    @Test
    void readsWhichRoutesACognitoAuthorizerGuards() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  StaffApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      Auth:
                        DefaultAuthorizer: Staff
                        Authorizers:
                          Staff:
                            UserPoolArn: !GetAtt Pool.Arn
                  StaffFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Staff
                      Events:
                        ByDefault: {Type: Api, Properties: {RestApiId: !Ref StaffApi, Path: /a, Method: get}}
                        Named: {Type: Api, Properties: {RestApiId: !Ref StaffApi, Path: /b, Method: get, Auth: {Authorizer: Staff}}}
                        Open: {Type: Api, Properties: {RestApiId: !Ref StaffApi, Path: /c, Method: get, Auth: {Authorizer: NONE}}}
                        Implicit: {Type: Api, Properties: {Path: /d, Method: get}}
                """);

        assertThat(template.function("StaffFunction").orElseThrow().apiEvents())
                .extracting(ApiEvent::path, ApiEvent::cognitoAuthorizer)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/a", "Staff"), org.assertj.core.groups.Tuple.tuple("/b", "Staff"),
                        org.assertj.core.groups.Tuple.tuple("/c", null), org.assertj.core.groups.Tuple.tuple("/d", null));
    }

    @Test
    void refusesAuthorizersItCannotPlayOrThatAreNotDeclared() {
        assertThatThrownBy(() -> SamTemplate.parse("""
                Resources:
                  StaffApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      Auth:
                        Authorizers:
                          Custom:
                            FunctionArn: !GetAtt AuthFunction.Arn
                """)).hasMessageContaining("StaffApi.Auth.Authorizers.Custom");
        assertThatThrownBy(() -> SamTemplate.parse("""
                Resources:
                  StaffApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                  StaffFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Staff
                      Events:
                        Named: {Type: Api, Properties: {RestApiId: !Ref StaffApi, Path: /b, Method: get, Auth: {Authorizer: Staff}}}
                """)).hasMessageContaining("StaffFunction.Named: authorizer Staff is not declared");
    }

    @Test
    void readsSqsEventSources() throws IOException {
        TemplateFunction worker = testTemplate().function("WorkerFunction").orElseThrow();

        assertThat(worker.handlerClass()).isEqualTo("example.Worker");
        assertThat(worker.handlerMethod()).isEqualTo("handleRequest");
        assertThat(worker.timeoutSeconds()).isEqualTo(30);
        assertThat(worker.environment()).containsOnlyKeys("ITEMS_TABLE", "SHARED");
        assertThat(worker.sqsEvents()).containsExactly(
                new SqsEventSource("Work", "WorkQueue", 5, 1, OptionalInt.of(2), true));
    }

    @Test
    void readsQueuesWithRedrive() throws IOException {
        SamTemplate template = testTemplate();

        assertThat(template.queues()).containsOnlyKeys("WorkQueue", "WorkDeadLetterQueue");
        TemplateQueue work = template.queues().get("WorkQueue");
        assertThat(work.queueName()).isEqualTo("WorkQueue");
        assertThat(work.visibilityTimeout()).hasValue(1);
        assertThat(work.redrive()).contains(new TemplateQueue.Redrive("WorkDeadLetterQueue", 2));
        assertThat(template.queues().get("WorkDeadLetterQueue").messageRetentionPeriod()).hasValue(1209600);
    }

    @Test
    void readsTablesWithIndexesAndTimeToLive() throws IOException {
        TemplateTable items = testTemplate().tables().get("ItemsTable");

        assertThat(items.tableName()).isEqualTo("items");
        assertThat(items.keySchema()).containsExactly(new TemplateTable.KeyElement("pk", "HASH"));
        assertThat(items.attributeDefinitions()).hasSize(2);
        assertThat(items.globalSecondaryIndexes()).containsExactly(new TemplateTable.GlobalSecondaryIndex(
                "byOwner", List.of(new TemplateTable.KeyElement("owner", "HASH")), "INCLUDE", List.of("title")));
        assertThat(items.timeToLiveAttribute()).contains("expiresAt");
    }

    @Test
    void readsTheProjectTemplate() {
        SamTemplate template = SamTemplate.load(Path.of("../../template.yaml"));

        assertThat(template.functions()).extracting(TemplateFunction::logicalId)
                .contains("ExotelPassthruFunction", "ExotelGreetingFunction", "CallJobFunction", "AlarmFunction", "IncidentApiFunction",
                        "SmsJobFunction", "WhatsAppJobFunction");
        assertThat(template.function("IncidentApiFunction").orElseThrow().apiEvents())
                .extracting(ApiEvent::path, ApiEvent::method, ApiEvent::apiKeyRequired)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/v1/incidents", "post", true),
                        org.assertj.core.groups.Tuple.tuple("/v1/incidents", "get", true),
                        org.assertj.core.groups.Tuple.tuple("/v1/incidents/{id}", "get", true),
                        org.assertj.core.groups.Tuple.tuple("/v1/incidents/{id}/resolve", "post", true),
                        org.assertj.core.groups.Tuple.tuple("/v1/operator/incidents", "get", false),
                        org.assertj.core.groups.Tuple.tuple("/v1/operator/incidents/{id}", "get", false),
                        org.assertj.core.groups.Tuple.tuple("/v1/operator/incidents/{id}/resolve", "post", false),
                        org.assertj.core.groups.Tuple.tuple("/v1/heartbeats/{source}", "post", true));
        assertThat(template.function("HeartbeatCheckFunction").orElseThrow().scheduleEvents())
                .containsExactly(new ScheduleEvent("EveryMinute", "rate(1 minute)", "{\"check\": \"heartbeats\"}"));
        assertThat(template.function("IncidentApiFunction").orElseThrow().scheduleEvents()).isEmpty();
        assertThat(template.function("OperatorApiFunction").orElseThrow().apiEvents())
                .extracting(ApiEvent::path, ApiEvent::method, ApiEvent::apiKeyRequired)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/v1/rosters/{id}/overrides", "post", true),
                        org.assertj.core.groups.Tuple.tuple("/v1/rosters/{id}/overrides/{overrideId}", "delete", true),
                        org.assertj.core.groups.Tuple.tuple("/v1/rosters/{id}/on-duty", "get", true),
                        org.assertj.core.groups.Tuple.tuple("/v1/maintenance", "post", true),
                        org.assertj.core.groups.Tuple.tuple("/v1/maintenance/{windowId}", "delete", true),
                        org.assertj.core.groups.Tuple.tuple("/v1/desk", "get", false),
                        org.assertj.core.groups.Tuple.tuple("/v1/operator/rosters/{id}/overrides", "post", false));
        assertThat(template.functions()).flatExtracting(TemplateFunction::apiEvents)
                .as("a route takes a device's API key or an operator's sign-in, never neither but the providers' webhooks'"
                        + " (behind the webhook secret; Plivo's also signed), the board page's and a text's recording link (its unguessable token is the credential)")
                .allSatisfy(event -> assertThat(event.apiKeyRequired() || event.cognitoAuthorizer() != null
                        || event.path().startsWith("/exotel/{secret}/") || event.path().startsWith("/gupshup/{secret}/")
                        || event.path().startsWith("/plivo/{secret}/") || event.path().startsWith("/board") || event.path().equals("/r/{token}")).as(event.path()).isTrue())
                .filteredOn(event -> event.path().startsWith("/v1/operator/") || event.path().equals("/v1/desk"))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.cognitoAuthorizer()).isEqualTo("OperatorSignIn"));
        assertThat(template.function("DrillApiFunction").orElseThrow().apiEvents())
                .extracting(ApiEvent::path, ApiEvent::method, ApiEvent::cognitoAuthorizer)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/v1/people/{personId}/test-call", "post", "OperatorSignIn"),
                        org.assertj.core.groups.Tuple.tuple("/v1/drills", "post", "OperatorSignIn"),
                        org.assertj.core.groups.Tuple.tuple("/v1/drills/{drillId}", "get", "OperatorSignIn"));
        assertThat(template.function("BoardFunction").orElseThrow().apiEvents())
                .extracting(ApiEvent::path, ApiEvent::cognitoAuthorizer)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/board", null), org.assertj.core.groups.Tuple.tuple("/board/{file}", null));
        assertThat(template.function("RecordingLinkFunction").orElseThrow().apiEvents()).as("a text's link: no key, no sign-in")
                .extracting(ApiEvent::path, ApiEvent::method, ApiEvent::apiKeyRequired, ApiEvent::cognitoAuthorizer)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/r/{token}", "get", false, null),
                        org.assertj.core.groups.Tuple.tuple("/r/{token}", "head", false, null));
        assertThat(template.function("WhatsAppJobFunction").orElseThrow().environment()).as("the base of its recording links")
                .containsKey("SOS_PUBLIC_BASE_URL");
        assertThat(template.function("GupShupInboundFunction").orElseThrow().apiEvents())
                .extracting(ApiEvent::path, ApiEvent::method, ApiEvent::apiKeyRequired)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/gupshup/{secret}/inbound", "post", false),
                        org.assertj.core.groups.Tuple.tuple("/gupshup/{secret}/inbound", "get", false));
        assertThat(template.function("GupShupDeliveryFunction").orElseThrow().apiEvents())
                .extracting(ApiEvent::path, ApiEvent::method, ApiEvent::apiKeyRequired)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/gupshup/{secret}/delivery", "post", false),
                        org.assertj.core.groups.Tuple.tuple("/gupshup/{secret}/delivery", "get", false));
        TemplateFunction passthru = template.function("ExotelPassthruFunction").orElseThrow();
        assertThat(passthru.handlerClass()).isEqualTo("sosrelay.passthru.ExotelPassthruHandler");
        assertThat(passthru.apiEvents()).extracting(ApiEvent::path).containsOnly("/exotel/{secret}/passthru");
        assertThat(passthru.apiEvents()).extracting(ApiEvent::apiKeyRequired).containsOnly(false);
        assertThat(passthru.environment()).containsKeys("INCIDENTS_TABLE", "DIRECTORY_TABLE", "CALL_QUEUE_URL");
        assertThat(template.function("ExotelGreetingFunction").orElseThrow().apiEvents())
                .extracting(ApiEvent::method).containsExactlyInAnyOrder("get", "head");

        TemplateFunction callJobs = template.function("CallJobFunction").orElseThrow();
        assertThat(callJobs.timeoutSeconds()).isEqualTo(30);
        assertThat(callJobs.sqsEvents()).as("high-priority calls have a queue and pollers of their own").containsExactly(
                new SqsEventSource("CallJobs", "CallJobsQueue", 10, 0, OptionalInt.of(5), true),
                new SqsEventSource("UrgentCallJobs", "UrgentCallJobsQueue", 10, 0, OptionalInt.of(2), true));
        assertThat(template.function("WhatsAppJobFunction").orElseThrow().sqsEvents()).containsExactly(
                new SqsEventSource("WhatsAppJobs", "WhatsAppJobsQueue", 10, 0, OptionalInt.of(5), true));
        assertThat(template.functions()).flatExtracting(TemplateFunction::sqsEvents).as("every SQS worker's concurrency is capped")
                .allSatisfy(source -> assertThat(source.maximumConcurrency()).isPresent());
        assertThat(template.usagePlanQuota()).contains(new UsagePlanQuota(2000, java.time.Duration.ofDays(1)));

        assertThat(template.queues().get("CallJobsQueue").redrive())
                .contains(new TemplateQueue.Redrive("CallJobsDeadLetterQueue", 16));
        assertThat(template.queues().get("UrgentCallJobsQueue").redrive())
                .contains(new TemplateQueue.Redrive("UrgentCallJobsDeadLetterQueue", 16));
        assertThat(template.tables()).containsOnlyKeys("IncidentsTable", "DirectoryTable");
        assertThat(template.tables().get("IncidentsTable").timeToLiveAttribute()).contains("expiresAt");
        assertThat(template.parameterDefaults()).containsEntry("ExotelApiTokenParameterName", "sos-relay/exotel-api-token");
    }

    @Test
    void readsHowLambdaTreatsAFunctionsFailedAsynchronousEvents() {
        SamTemplate template = SamTemplate.load(Path.of("../../template.yaml"));

        assertThat(template.asyncInvokeConfig("AlarmFunction"))
                .isEqualTo(new AsyncInvokeConfig(2, 21_600, java.util.Optional.of("AlarmEventsDeadLetterQueue"), java.util.Optional.empty()));
        assertThat(template.asyncInvokeConfig("ExotelPassthruFunction")).isEqualTo(AsyncInvokeConfig.LAMBDA_DEFAULT);

        SamTemplate destinations = SamTemplate.parse("""
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.H::handleRequest
                      EventInvokeConfig:
                        MaximumRetryAttempts: 0
                        MaximumEventAgeInSeconds: 60
                        DestinationConfig:
                          OnFailure:
                            Type: SQS
                            Destination: !GetAtt Failures.Arn
                  Failures:
                    Type: AWS::SQS::Queue
                """);
        assertThat(destinations.asyncInvokeConfig("F"))
                .isEqualTo(new AsyncInvokeConfig(0, 60, java.util.Optional.empty(), java.util.Optional.of("Failures")));
    }

    @Test
    void rejectsAnSqsEventWhoseQueueIsNotAReference() {
        String yaml = """
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Events:
                        Q:
                          Type: SQS
                          Properties:
                            Queue: arn:aws:sqs:ap-south-1:123:elsewhere
                """;

        assertThatThrownBy(() -> SamTemplate.parse(yaml)).hasMessageContaining("SQS event Q");
    }
}
