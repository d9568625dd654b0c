package sosrelay.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.local.backends.LocalTemplate;

/**
 * template.yaml as CloudFormation receives it (AWS's SAM translator, tools/sam-transform) has one API stage, the one
 * the WAF is associated with: no SAM-made "Stage" stage beside it that would reach the functions outside the WAF,
 * the access log and the method throttles.
 */
class StageIsTheOnlyStageTest {

    @Test
    void theOnlyStageIsTheOneTheWafGuards() throws IOException, InterruptedException {
        Map<String, Object> resources = map(transformed().get("Resources"));

        List<String> stages = resources.entrySet().stream().filter(e -> "AWS::ApiGateway::Stage".equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey).toList();
        assertThat(stages).as("API Gateway stages").hasSize(1);
        resources.forEach((id, resource) -> {
            if ("AWS::ApiGateway::Deployment".equals(map(resource).get("Type"))) {
                assertThat(map(map(resource).get("Properties"))).as(id + ": a deployment's StageName creates a stage of its own")
                        .doesNotContainKey("StageName");
            }
        });
        List<Object> associations = resources.values().stream().map(StageIsTheOnlyStageTest::map)
                .filter(r -> "AWS::WAFv2::WebACLAssociation".equals(r.get("Type"))).map(r -> map(r.get("Properties")).get("ResourceArn")).toList();
        assertThat(associations).singleElement().satisfies(arn -> assertThat(Json.write(arn)).contains("{\"Ref\":\"" + stages.get(0) + "\"}"));
    }

    private static Map<String, Object> transformed() throws IOException, InterruptedException {
        Path template = LocalTemplate.findTemplate();
        Path script = template.getParent().resolve("tools/sam-transform/sam_transform.py");
        Process python = new ProcessBuilder("python3", script.toString(), template.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("the SAM transform to finish").isTrue();
        assertThat(python.exitValue()).as("python3 with aws-sam-translator (installed with cfn-lint) transforming " + template).isZero();
        return Json.readObject(output);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
