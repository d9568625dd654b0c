package sosrelay.local.iam;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import sosrelay.log.Log;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sits in every SDK client of one local function and refuses, before anything is sent, a request
 * its role would not allow on AWS: the same service exception type, error code and status AWS
 * answers with, and a message naming the role, the action and the resource.
 */
public final class RoleEnforcement implements ExecutionInterceptor {
    /** AWS's error codes where they are not AccessDeniedException. */
    private static final Map<String, String> ERROR_CODES = Map.of("S3", "AccessDenied", "Sns", "AuthorizationError");
    /** DynamoDB answers AccessDeniedException with 400; the other services with 403. */
    private static final Map<String, Integer> STATUS_CODES = Map.of("DynamoDb", 400);

    private final RolePolicy role;
    private final ServerSideEncryption encryption;
    private final AccessDenials denials;
    private final GrantedRequests granted;
    private final RequestHooks hooks;

    public RoleEnforcement(RolePolicy role, ServerSideEncryption encryption, AccessDenials denials, GrantedRequests granted) {
        this(role, encryption, denials, granted, new RequestHooks());
    }

    /** {@code hooks}: what tests run just before an allowed request is sent. */
    public RoleEnforcement(RolePolicy role, ServerSideEncryption encryption, AccessDenials denials, GrantedRequests granted,
                           RequestHooks hooks) {
        this.role = role;
        this.encryption = encryption;
        this.denials = denials;
        this.granted = granted;
        this.hooks = hooks;
    }

    /** The override configuration that puts this check into a function's SDK clients. */
    public ClientOverrideConfiguration clientOverrides() {
        return ClientOverrideConfiguration.builder().addExecutionInterceptor(this).build();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        check(service, operation, context.request());
        hooks.before(new RequestHooks.Request(role.functionLogicalId(), service, operation, context.request()));
    }

    /**
     * Refuses a request the role does not allow, the key permissions of an encrypted resource included. Also called
     * for what Lambda does with the role on the function's behalf (an SQS event source mapping's receive).
     */
    public void check(String service, String operation, SdkRequest request) {
        for (IamRequests.Check serviceCheck : IamRequests.checks(service, operation, request, role.arns())) {
            List<IamRequests.Check> checks = new ArrayList<>();
            checks.add(serviceCheck);
            checks.addAll(encryption.keyChecks(serviceCheck));
            for (IamRequests.Check check : checks) {
                if (!role.allows(check.action(), check.resource())) {
                    AccessDenial denial = new AccessDenial(role.functionLogicalId(), role.principal(), check.action(), check.resource());
                    denials.add(denial);
                    Log.error("local.iam.access-denied", "function", denial.function(), "action", denial.action(),
                            "resource", denial.resource(), "message", denial.message());
                    throw exception(request, service, denial.message());
                }
                granted.add(new GrantedRequests.Granted(role.functionLogicalId(), check.action(), check.resource()));
            }
        }
    }

    /** The service's own exception class (DynamoDbException, SqsException...), so callers catch what they would on AWS. */
    private static AwsServiceException exception(SdkRequest request, String service, String message) {
        int status = STATUS_CODES.getOrDefault(service, 403);
        AwsServiceException.Builder builder;
        try {
            Class<?> exceptionClass = Class.forName(request.getClass().getPackageName() + "." + service + "Exception",
                    true, request.getClass().getClassLoader());
            builder = (AwsServiceException.Builder) exceptionClass.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            builder = AwsServiceException.builder();
        }
        return builder.message(message)
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .serviceName(service)
                        .errorCode(ERROR_CODES.getOrDefault(service, "AccessDeniedException"))
                        .errorMessage(message)
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                        .build())
                .build();
    }
}
