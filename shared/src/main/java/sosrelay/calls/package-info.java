/**
 * Exotel's voice API: placing calls and asking about them.
 * <p>{@code ExotelCalls} is the call {@code Sender}: {@code POST /v1/Accounts/{sid}/Calls/connect.json} with
 * {@code CustomField=<incident>:<person>} and the status callback, answers read by {@code ExotelAnswers}.
 * {@code ExotelAccount} holds the account (token from the environment or SSM). {@code ExotelCallDetails} asks
 * {@code GET Calls/{CallSid}.json} (one call: Found, NotFound only for Exotel's own {@code RestException} 404, else
 * Unavailable) and the bulk details by {@code From} and {@code DateCreated} ({@code placedSince}: did an unanswered
 * request place a call after all?). {@code LostCallbackCheck} puts a {@code CALL_CHECK} timer at ring time + 90 s on each
 * placed call and, when no final status came, applies what call details say (again each minute, up to 12 times).
 * {@code VoiceApiTurns} gives these look-ups a turn in the voice budget.
 */
package sosrelay.calls;
