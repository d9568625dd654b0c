package sosrelay.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sosrelay.local.backends.LocalBackends;
import sosrelay.local.backends.MotoServer;

/**
 * How the doctor reads a deployed stack, against moto's CloudFormation (the same server as the local SSM): a stack
 * created there with parameters, a function and the SsmParameters output is described through signed DescribeStacks
 * and ListStackResources requests, as the doctor asks AWS.
 */
class CloudFormationStacksIT {
    private static final String TEMPLATE = """
            Parameters:
              ExotelAccountSid:
                Type: String
              WebhookSecretParameterName:
                Type: String
                Default: sos-relay/webhook-secret
            Resources:
              FlowUrl:
                Type: AWS::SSM::Parameter
                Properties:
                  Name: /sos-relay/exotel-flow-url
                  Type: String
                  Value: http://my.exotel.com/acme/exoml/start_voice/1
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Principal: {Service: lambda.amazonaws.com}
                        Action: sts:AssumeRole
              CallJobFunction:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Role: !GetAtt Role.Arn
                  Code:
                    ZipFile: "def handler(event, context): return {}"
            Outputs:
              SsmParameters:
                Value: !Sub /${WebhookSecretParameterName},/sos-relay/exotel-flow-url
            """;

    @Test
    void aStacksParametersOutputsAndFunctionsAreReadThroughTheQueryApi() {
        try (MotoServer moto = MotoServer.start()) {
            URI endpoint = moto.endpoint();
            SignedHttp http = new SignedHttp(LocalBackends.credentials(), LocalBackends.REGION.id());
            HttpResponse<String> created = http.send("cloudformation", "POST", endpoint, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "Action=CreateStack&Version=2010-05-15&StackName=sos-relay&Capabilities.member.1=CAPABILITY_IAM"
                            + "&Parameters.member.1.ParameterKey=ExotelAccountSid&Parameters.member.1.ParameterValue=acme"
                            + "&TemplateBody=" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

            StackDescription stack = new CloudFormationStacks(http, endpoint).describe("sos-relay", "ap-south-1", Optional.empty());

            assertThat(stack.parameters()).containsEntry("ExotelAccountSid", "acme").containsEntry("WebhookSecretParameterName", "sos-relay/webhook-secret");
            assertThat(stack.ssmParameters()).containsExactly("/sos-relay/webhook-secret", "/sos-relay/exotel-flow-url");
            assertThat(stack.functions()).containsOnlyKeys("CallJobFunction");
            assertThat(stack.local()).isFalse();
            assertThatThrownBy(() -> new CloudFormationStacks(http, endpoint).describe("no-such-stack", "ap-south-1", Optional.empty()))
                    .hasMessageContaining("DescribeStacks answered 400");
        }
    }
}
