/**
 * One Jackson {@code ObjectMapper}, configured once ({@code Json}), for every body and item the code reads or writes.
 */
package sosrelay.json;
