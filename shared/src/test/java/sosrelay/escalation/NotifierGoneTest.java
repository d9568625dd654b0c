package sosrelay.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.backends.SamTemplate;

/**
 * A step not notified after {@link Escalation#NOTIFIER_GONE} is taken over as if its notifier were dead: that holds only
 * while no function of template.yaml (any of them may move an incident on: timers, declines, raises) can run that long.
 */
class NotifierGoneTest {

    @Test
    void noFunctionRunsAsLongAsTheGuard() {
        SamTemplate template = SamTemplate.load(LocalTemplate.findTemplate());

        assertThat(template.functions()).isNotEmpty().allSatisfy(function -> assertThat(function.timeoutSeconds())
                .as(function.logicalId() + "'s Timeout").isLessThan((int) Escalation.NOTIFIER_GONE.toSeconds()));
    }
}
