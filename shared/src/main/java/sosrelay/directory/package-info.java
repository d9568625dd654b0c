/**
 * The recipient directory: the YAML file the hospital admin writes, validated as a whole, and what is read from it.
 * <p>{@code DirectoryParser} refuses a file with any problem and lists every problem; its list sections
 * ({@code devices}, {@code heartbeats}, {@code maintenance}, {@code drills}) are read by {@code ListSection} and their
 * parsers. {@code DirectoryStore} owns the {@code DirectoryTable} item ({@code id = current}: the document, plus the
 * operators' roster overrides and maintenance windows under {@code operatorVersion}) and caches it
 * {@code DIRECTORY_CACHE_SECONDS}. {@code Directory.chooseType} maps a type name or IVR digit (unknown: the default
 * type, with a note), {@code personWithPhone} uses {@code PhoneNumbers} (E.164). The records: {@code EmergencyType},
 * {@code Tier}, {@code RetryPolicy}, {@code Person}, {@code Roster} and {@code Rotation}, {@code Priority},
 * {@code Language}, {@code DeviceKey}, {@code HeartbeatWatch}, {@code MaintenanceWindow}, {@code ScheduledDrill} with its
 * {@code CronSchedule}.
 */
package sosrelay.directory;
