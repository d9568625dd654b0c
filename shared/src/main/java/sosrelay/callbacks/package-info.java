/**
 * Provider status reports: Exotel's call-status and sms-status callbacks, GupShup's delivery reports.
 * <p>{@code StatusCallbackWebhook} ({@code forCalls}: {@code CallSid}; {@code forSms}: {@code SmsSid}) reads multipart,
 * JSON or form bodies through {@code CallbackFields} and hands them to {@code DeliveryOutcomes}; a storage failure answers
 * 503 so Exotel posts again. {@code AnsweringMachine} reads Exotel's answered-by hints. {@code GupShupDeliveryWebhook}
 * reads {@code GupShupDeliveryReports} (a GET's query, or a JSON array bare, after {@code response=} or under
 * {@code response}; {@code SENT}, {@code DELIVERED}, {@code READ}, {@code FAILED} with GupShup's cause) into
 * {@code DeliveryOutcomes.reportById}.
 */
package sosrelay.callbacks;
