/**
 * The voice providers: placing calls and asking about them.
 * <p>{@code VoiceProvider} is the port every voice adapter implements (a {@code Sender} that can also say how one of
 * its calls stands); {@code VoiceProviders} holds them in {@code VOICE_PROVIDERS}' order and tells from a stored id which
 * placed a call (Exotel's ids bare, any other's {@code <name>-<id>}).
 * <p>{@code ExotelCalls} is Exotel's adapter: {@code POST /v1/Accounts/{sid}/Calls/connect.json} with
 * {@code CustomField=<incident>:<person>} and the status callback, answers read by {@code ExotelAnswers}.
 * {@code ExotelAccount} holds the account (token from the environment or SSM). {@code ExotelCallDetails} asks
 * {@code GET Calls/{CallSid}.json} (one call: Found, NotFound only for Exotel's own {@code RestException} 404, else
 * Unavailable) and the bulk details by {@code From} and {@code DateCreated} ({@code placedSince}: did an unanswered
 * request place a call after all?). {@code LostCallbackCheck} puts a {@code CALL_CHECK} timer at ring time + 90 s on each
 * placed call and, when no final status came, applies what the provider that placed it says (again each minute, up to 12 times).
 * {@code VoiceApiTurns} gives these look-ups a turn in the voice budget.
 * <p>{@code PlivoCalls} is Plivo's adapter: {@code POST /v1/Account/{auth_id}/Call/} (JSON only, Basic auth, 201 with a
 * {@code request_uuid}, kept as {@code plivo-<request_uuid>}), answer and hangup URLs naming the delivery
 * ({@code ?ref=<incident>:<person>}, signed by Plivo as part of the URL); its look-ups are the live calls and the call
 * records by {@code to_number} (records carry a {@code call_uuid}, never the {@code request_uuid}; a live call's details
 * do, so a call whose hangup was lost is found on the line, or known to be over, at the first check).
 * <p>With several providers the call worker's sender is {@code FailoverCalls}: each attempt to the first provider whose
 * {@code ProviderHealth} admits it (two failures running, or one timeout, open a provider for 30 s, then one probe), a 5xx
 * or 429 passed on to the next provider within the same claim; a timeout first looked up on the provider asked (it may
 * have rung), and passed on if it placed nothing or cannot say. The worker's later look-up of an unanswered request asks
 * only the providers it went to ({@code unsureProviders} on the delivery).
 * Each provider has its own budget ({@code VoiceBudgets}: Exotel's {@code RATE#exotel-calls}, Plivo's {@code RATE#plivo-calls},
 * its concurrent calls counted over a window): a call's token (with the claim) is taken from the first admitted provider with
 * room, and the call goes there; a provider tried after a refusal takes its own token first. A further Exotel account
 * ({@code exotel:b}, its ids {@code exotel_b-<CallSid>}) is a provider of its own; its callbacks name it ({@code ?account=b}).
 */
package sosrelay.calls;
