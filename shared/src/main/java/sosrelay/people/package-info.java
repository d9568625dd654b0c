/**
 * {@code ReachedPeople}: when each person last acknowledged anything (alert, drill or test call); the board shows who has
 * never answered as "unverified".
 */
package sosrelay.people;
