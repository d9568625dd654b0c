/**
 * WhatsApp through GupShup.
 * <p>{@code GupShupWhatsApp} is the WhatsApp {@code Sender} ({@code POST /GatewayAPI/rest}, read by {@code GupShupAnswers}:
 * a 200 with {@code "status":"error"} is a refusal). A person without an {@code OPTIN#} record on this number is first
 * opted in by {@code GupShupOptIn} ({@code method=OPT_IN}), recorded by {@code WhatsAppOptIns}. {@code GupShupAccount}
 * holds the account and builds the forms.
 */
package sosrelay.whatsapp;
