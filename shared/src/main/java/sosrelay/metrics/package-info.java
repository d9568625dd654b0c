/**
 * CloudWatch metrics as Embedded Metric Format lines on stdout ({@code MetricEvent}): delivery and incident metrics
 * ({@code IncidentMetrics}), and {@code OperatorSignals}, the metrics the operators' alarms page on.
 */
package sosrelay.metrics;
