/**
 * The words of every text: templates, placeholders, languages.
 * <p>{@code IncidentMessages} builds an incident's text for one person (one GetItem of the incident; the person's
 * {@code language} picks the templates) from {@code MessageTemplate} and {@code Placeholder}s, filled by
 * {@code IncidentValues} (codes from {@code AckCodes} only where the text shows one; {@code {link}} from
 * {@code RecordingLinks}; the words in the text's language from {@code Wording}). {@code Text} is body plus language;
 * {@code ReplyRoute} says whether a reply can arrive on that channel.
 */
package sosrelay.messages;
