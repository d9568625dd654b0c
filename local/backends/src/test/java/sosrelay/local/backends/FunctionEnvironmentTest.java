package sosrelay.local.backends;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionEnvironmentTest {
    private static final LocalResources RESOURCES = new LocalResources(
            Map.of("ItemsTable", "items"),
            Map.of("WorkQueue", new LocalResources.Queue("WorkQueue", "WorkQueue", "http://q/000/WorkQueue", "arn:aws:sqs:ap-south-1:000:WorkQueue")),
            Map.of());

    private FunctionEnvironment.Resolved resolve(Map<String, String> overrides, Map<String, String> process) throws IOException {
        SamTemplate template = SamTemplateTest.testTemplate();
        FunctionEnvironment environment = new FunctionEnvironment(template, RESOURCES,
                URI.create("http://127.0.0.1:1111"), URI.create("http://127.0.0.1:2222"), URI.create("http://127.0.0.1:3333"));
        return environment.resolve(template.function("WebFunction").orElseThrow(), overrides, process);
    }

    @Test
    void resolvesReferencesToLocalResourcesAndParameterDefaults() throws IOException {
        Map<String, String> variables = resolve(Map.of(), Map.of()).variables();

        assertThat(variables)
                .containsEntry("ITEMS_TABLE", "items")
                .containsEntry("SHARED", "from-function")
                .containsEntry("GREETING", "hello")
                .containsEntry("WORK_QUEUE_URL", "http://q/000/WorkQueue")
                .containsEntry("WORK_QUEUE_ARN", "arn:aws:sqs:ap-south-1:000:WorkQueue")
                .containsEntry("WORK_QUEUE_NAME", "WorkQueue")
                .containsEntry("TOKEN_PARAMETER", "/app/token");
    }

    @Test
    void leavesOutAndReportsWhatCannotBeResolved() throws IOException {
        FunctionEnvironment.Resolved resolved = resolve(Map.of(), Map.of());

        assertThat(resolved.unresolved()).containsExactlyInAnyOrder("SECRET", "PUBLIC_URL", "PARTS", "JOINED");
        assertThat(resolved.variables()).doesNotContainKeys("SECRET", "PUBLIC_URL");
    }

    @Test
    void overridesBeatTheTemplateAndTheProcessEnvironmentBeatsBoth() throws IOException {
        FunctionEnvironment.Resolved resolved = resolve(
                Map.of("PUBLIC_URL", "http://localhost:3000", "GREETING", "override", "EXTRA", "x"),
                Map.of("GREETING", "from-process", "EXTRA", "from-process", "SECRET", "s3cr3t", "AWS_REGION", "us-east-1"));

        assertThat(resolved.variables())
                .containsEntry("PUBLIC_URL", "http://localhost:3000")
                .containsEntry("GREETING", "from-process")
                .containsEntry("EXTRA", "from-process")
                .containsEntry("SECRET", "s3cr3t");
        assertThat(resolved.unresolved()).containsExactlyInAnyOrder("PARTS", "JOINED");
    }

    @Test
    void aVariableTheTemplateNeverNamesStillComesFromTheProcessEnvironment() throws IOException {
        Map<String, String> variables = resolve(Map.of(),
                Map.of("EXOTEL_API_TOKEN", "plain-token", "GUPSHUP_PASSWORD", "plain-password", "EXOTEL_CALL_LIMIT", "60")).variables();

        assertThat(variables)
                .containsEntry("EXOTEL_API_TOKEN", "plain-token")
                .containsEntry("GUPSHUP_PASSWORD", "plain-password")
                .containsEntry("EXOTEL_CALL_LIMIT", "60");
    }

    @Test
    void theShellsOwnAwsSettingsNeverReachAFunction() throws IOException {
        Map<String, String> variables = resolve(Map.of(),
                Map.of("AWS_PROFILE", "prod-admin", "AWS_SESSION_TOKEN", "real-session", "AWS_ENDPOINT_URL_SSM", "https://ssm.example")).variables();

        assertThat(variables).doesNotContainKeys("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL_SSM");
    }

    @Test
    void alwaysPointsTheSdkAtTheLocalBackends() throws IOException {
        Map<String, String> variables = resolve(Map.of("AWS_REGION", "eu-west-1"), Map.of("AWS_REGION", "us-east-1")).variables();

        assertThat(variables)
                .containsEntry("AWS_REGION", "ap-south-1")
                .containsEntry("AWS_ACCESS_KEY_ID", "local")
                .containsEntry("AWS_SECRET_ACCESS_KEY", "local")
                .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1111")
                .containsEntry("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:2222")
                .containsEntry("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:3333")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "WebFunction");
    }
}
