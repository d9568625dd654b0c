/**
 * Messages about an incident that are not the alert: {@code StandDown} (tell who is still rung that it is over),
 * {@code ReportBack} (tell whoever raised it who is coming: {@code Coming}, or that nobody answered).
 */
package sosrelay.notices;
