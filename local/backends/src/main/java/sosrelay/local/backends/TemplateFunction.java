package sosrelay.local.backends;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function}. The environment holds the template's raw values (strings
 * or intrinsic maps), Globals merged in; {@link FunctionEnvironment} resolves them.
 */
public record TemplateFunction(
        String logicalId,
        String handlerClass,
        String handlerMethod,
        Map<String, Object> environment,
        int timeoutSeconds,
        int memorySize,
        List<ApiEvent> apiEvents,
        List<SqsEventSource> sqsEvents,
        List<ScheduleEvent> scheduleEvents) {
}
