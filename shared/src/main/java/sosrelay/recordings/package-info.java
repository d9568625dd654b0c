/**
 * The caller's recording, copied into our bucket.
 * <p>{@code RecordingCopies.fire} (a {@code RECORDING_FETCH} timer at Exotel's {@code RecordingAvailableBy}): the
 * allow-list again, {@code ExotelRecordingFetch} (Basic auth with the account's key and token, no redirects, 20 MB cap),
 * {@code RecordingsBucket.putOriginal} and, for an MP3, {@code WavCopy} (8 kHz mono 16-bit, what then plays),
 * {@code IncidentStore.recordCopy}; failures again at +1, 2, 4, 8, 15 minutes. {@code RecordingsBucket} owns the
 * {@code recordings/<incident>/} objects and their presigned GETs.
 */
package sosrelay.recordings;
