/**
 * What the person who picked up hears: Exotel's Greeting applet asks {@code /exotel/{secret}/greeting} (HEAD, then GET).
 * <p>{@code GreetingWebhook}: with the incident's {@code recordingCopyKey}, a presigned GET of our copy
 * ({@code RecordingsBucket.presignedGet}); otherwise, or on any failure, {@code SpokenText} (type, who, when, where, what it
 * said, in {@code GREETING_LANGUAGE}). Never Exotel's own recording URL: it plays only with the account's credentials.
 * Never an error: someone is on the line.
 */
package sosrelay.greeting;
