/**
 * The operators' board: {@code GET /board} and its static files.
 * <p>{@code BoardPage} serves {@code index.html} with the sign-in settings ({@code OPERATOR_SIGN_IN}, else the SSM
 * parameter) in a {@code <meta>}, and {@code board.js}, {@code sign-in.js}, {@code views.js}, {@code board.css} from
 * {@code shared/src/main/resources/board/}, with a strict Content-Security-Policy and {@code Referrer-Policy: no-referrer}.
 * The data routes sit behind the template's Cognito authorizer; see docs/board.md.
 */
package sosrelay.board;
