/**
 * Structured logging ({@code Log}): one JSON object per line on stdout, no framework to load on a cold start; callers
 * mask phone numbers ({@code PhoneNumbers.mask}) and never pass secrets.
 */
package sosrelay.log;
