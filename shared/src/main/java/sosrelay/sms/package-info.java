/**
 * Exotel SMS under India's DLT rules.
 * <p>{@code ExotelSms} is the SMS {@code Sender} ({@code POST Sms/send.json}) with {@code ExotelSmsAccount}'s DLT entity
 * and template ids per language; {@code DltTemplate} fits the values into the registered template (30 characters a
 * variable, the link's token the one variable); {@code SmsEncoding} picks {@code unicode} for Hindi.
 */
package sosrelay.sms;
