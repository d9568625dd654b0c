/**
 * {@code SecretValue}: a secret read from SSM Parameter Store (SecureString) on first use and kept for a TTL, so a
 * rotated value is picked up without a redeploy; never logged. With a rotation window it also knows the parameter's
 * previous version for that long after an overwrite ({@code SecretVersions}): what was handed out before a rotation keeps
 * working for a bounded time (docs/security.md).
 */
package sosrelay.secrets;
