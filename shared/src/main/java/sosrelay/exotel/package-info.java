/**
 * Reading Exotel's answers: {@code ExotelAnswers} turns a response (status, {@code RestException}, {@code Retry-After})
 * into a {@code SendResult}: accepted with its Sid, transient (429, 408, 5xx, never connected), unknown (a timeout, a
 * dropped connection, a 200 without a Sid) or permanent.
 */
package sosrelay.exotel;
