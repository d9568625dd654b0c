/**
 * Settings: typed records by concern, each read from the function's environment once.
 * <p>{@code Settings} holds the groups (tables, queues, AWS, webhook secret, triggers, device API, timing, Exotel,
 * calls, pacing, SMS, WhatsApp, recordings, sign-in...). {@code Variables} reads a group on first use and collects every
 * problem of that group into one exception; {@code Env} is the environment (a map in tests and the local stack).
 * Every default lives here; template.yaml passes only what is deployment-specific. docs/configuration.md lists each
 * variable. {@code SecretSource} says where a secret comes from (a value or an SSM parameter).
 */
package sosrelay.config;
