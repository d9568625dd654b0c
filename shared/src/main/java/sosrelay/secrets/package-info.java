/**
 * {@code SecretValue}: a secret read from SSM Parameter Store (SecureString) on first use and kept for a TTL, so a
 * rotated value is picked up without a redeploy; never logged.
 */
package sosrelay.secrets;
