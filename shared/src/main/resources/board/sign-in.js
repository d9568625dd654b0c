// Signing in: a token in the address (/board#token=…; /board?token=… on the local stack only) or Amazon Cognito's
// hosted UI (authorization code with PKCE: the page is a public client). The token lives in this tab only.
const TOKEN = 'sos-board-token';
const REFRESH = 'sos-board-refresh';
const PKCE = 'sos-board-pkce';

export function settings() {
  return JSON.parse(document.querySelector('meta[name="sos-sign-in"]').content || '{}');
}

export function token() {
  return sessionStorage.getItem(TOKEN);
}

/** Forgets the tokens and revokes the refresh token, so a copy of it can mint no new ID token (ID tokens last an hour). */
export async function signOut() {
  const refresh = sessionStorage.getItem(REFRESH);
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(REFRESH);
  const { hostedUi, clientId } = settings();
  if (hostedUi && refresh) {
    await fetch(hostedUi + '/oauth2/revoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refresh, client_id: clientId }),
    }).catch(() => undefined);
  }
}

/** Ends the hosted UI's own session too, so the next sign-in asks for the password and the code again. */
export function leaveHostedUi() {
  const { hostedUi, clientId } = settings();
  if (hostedUi) {
    const logout = new URL(hostedUi + '/logout');
    logout.search = new URLSearchParams({ client_id: clientId, logout_uri: boardAddress() }).toString();
    location.assign(logout.toString());
  }
}

/** A fresh ID token from the refresh token, when the hosted UI gave one (ID tokens last an hour); false otherwise. */
export async function renew() {
  const { hostedUi, clientId } = settings();
  const refresh = sessionStorage.getItem(REFRESH);
  if (!hostedUi || !refresh) {
    return false;
  }
  const answer = await fetch(hostedUi + '/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, refresh_token: refresh }),
  }).catch(() => null);
  if (!answer || !answer.ok) {
    return false;
  }
  useToken((await answer.json()).id_token);
  return true;
}

export function useToken(value) {
  sessionStorage.setItem(TOKEN, value.trim());
}

/**
 * Takes #token= (anywhere: a fragment never reaches a server or a log), ?token= (the local stack only) or the hosted
 * UI's ?code= off the address, so none stays in history or a screenshot.
 */
export async function takeFromAddress() {
  const url = new URL(location.href);
  const fragment = new URLSearchParams(url.hash.slice(1)).get('token');
  const given = settings().tokens ? url.searchParams.get('token') : null;
  const code = url.searchParams.get('code');
  if (fragment || given) {
    useToken(fragment || given);
  } else if (code) {
    await exchange(code, url.searchParams.get('state'));
  }
  if (fragment || given || code) {
    ['token', 'code', 'state'].forEach(name => url.searchParams.delete(name));
    history.replaceState(null, '', url.pathname + url.search);
  }
}

export async function goToHostedUi() {
  const { hostedUi, clientId } = settings();
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const authorize = new URL(hostedUi + '/oauth2/authorize');
  authorize.search = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: boardAddress(), scope: 'openid email', state,
    code_challenge_method: 'S256', code_challenge: base64url(new Uint8Array(digest)),
  }).toString();
  location.assign(authorize.toString());
}

async function exchange(code, state) {
  const { hostedUi, clientId } = settings();
  const pkce = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
  sessionStorage.removeItem(PKCE);
  if (!hostedUi || !pkce || pkce.state !== state) {
    return;
  }
  const answer = await fetch(hostedUi + '/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: boardAddress(), code_verifier: pkce.verifier,
    }),
  });
  if (answer.ok) {
    // The ID token: what the API's Cognito authorizer checks when a route asks for no scopes.
    const tokens = await answer.json();
    useToken(tokens.id_token);
    if (tokens.refresh_token) {
      sessionStorage.setItem(REFRESH, tokens.refresh_token);
    }
  }
}

function boardAddress() {
  return location.origin + location.pathname;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
