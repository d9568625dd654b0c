/**
 * CloudWatch alarms as triggers, through SNS or the alarm's own Lambda action.
 * <p>{@code CloudWatchAlarmEvents} reads both event shapes into a {@code CloudWatchAlarm} (group {@code alarm:<arn>}).
 * {@code AlarmTrigger}: on {@code ALARM}, {@code Directory.typeForAlarm}, an id from
 * {@code IncidentIds.forSource("cloudwatch-alarm", group@changedAt)} and the raise chain with an open group, so
 * {@code IncidentStore.createInGroup} writes the {@code OPEN#} marker in the same transaction: the two notifications of one
 * change raise one incident and a refire while open only counts {@code refires}. On {@code OK},
 * {@code IncidentStore.closeGroup} records the recovery and re-arms the alarm.
 */
package sosrelay.alarm;
