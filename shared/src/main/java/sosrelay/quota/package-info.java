/**
 * Limits on what one caller may make us do, held in the table with conditional writes so they hold however many
 * Lambda instances race: {@code Quotas} counts a device key's raises and an operator's test calls and drills per clock
 * hour ({@code QUOTA#}), and lets a test call reach one person only once in ten minutes ({@code QUIET#}).
 */
package sosrelay.quota;
