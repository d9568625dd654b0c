// The board: signs in, then every few seconds reads the operator routes and redraws.
import { goToHostedUi, leaveHostedUi, renew, settings, signOut, takeFromAddress, token, useToken } from './sign-in.js';
import { drillForm, drillReport, el, incidentCard, personRow, rosterCard } from './views.js';

const REFRESH_MS = 3000;
// The API's stage prefix on AWS (/Prod); nothing locally.
const BASE = location.pathname.replace(/\/board\/?$/, '');
const $ = id => document.getElementById(id);

class SignedOut extends Error {}

async function api(method, path, body) {
  const response = await fetch(BASE + path, {
    method,
    headers: Object.assign({ Authorization: 'Bearer ' + token() }, body ? { 'Content-Type': 'application/json' } : {}),
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401) {
    throw new SignedOut();
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error((answer.errors || [answer.message || `HTTP ${response.status}`]).join('; '));
  }
  return answer;
}

const actions = {
  resolve: id => act(() => api('POST', `/v1/operator/incidents/${encodeURIComponent(id)}/resolve`)),
  addOverride: (roster, override) => act(() => api('POST', `/v1/operator/rosters/${encodeURIComponent(roster)}/overrides`, override)),
  testCall: person => act(() => api('POST', `/v1/people/${encodeURIComponent(person)}/test-call`)),
  startDrill: type => act(() => api('POST', '/v1/drills', { type })),
};
const DRILLS_SHOWN = 3;

async function act(request) {
  try {
    await request();
    problem('');
    await refresh();
  } catch (failure) {
    handle(failure);
  }
}

let timer;
let shownRosters = '';
let shownTypes = '';

async function refresh() {
  clearTimeout(timer);
  try {
    const [list, desk] = await Promise.all([api('GET', '/v1/operator/incidents?limit=50'), api('GET', '/v1/desk')]);
    // Test calls show as each person's "verified"; drills in their own section.
    const open = list.incidents.filter(i => i.status !== 'resolved' && i.source !== 'test-call' && i.source !== 'drill');
    const stories = await Promise.all(open.map(i => api('GET', `/v1/operator/incidents/${encodeURIComponent(i.incidentId)}`)));
    const drills = await Promise.all(list.incidents.filter(i => i.source === 'drill').slice(0, DRILLS_SHOWN)
      .map(i => api('GET', `/v1/drills/${encodeURIComponent(i.incidentId)}`)));
    showBoard();
    $('incidents').replaceChildren(...(stories.length
      ? stories.map((story, n) => incidentCard(story, open[n], actions))
      : [el('p', { class: 'quiet' }, 'None open.')]));
    $('drills').replaceChildren(...drills.map(drillReport));
    if (JSON.stringify(desk.types) !== shownTypes) {
      shownTypes = JSON.stringify(desk.types);
      $('drill-start').replaceChildren(drillForm(desk.types, actions));
    }
    const rosters = JSON.stringify(desk.rosters);
    if (rosters !== shownRosters) {
      // Redrawn only when duty changes, so an override being typed is not wiped.
      shownRosters = rosters;
      $('rosters').replaceChildren(...desk.rosters.map(roster => rosterCard(roster, actions)));
    }
    $('people').tBodies[0].replaceChildren(...desk.people.map(person => personRow(person, actions)));
    // A notice with no registered DLT template is not sent: the desk must not wait for a text that never comes.
    $('notices-off').textContent = desk.noticesOff.length ? `Notices off: ${desk.noticesOff.join('; ')}` : '';
    $('notices-off').hidden = !desk.noticesOff.length;
    $('refreshed').textContent = `updated ${new Date().toLocaleTimeString()}`;
    timer = setTimeout(refresh, REFRESH_MS);
  } catch (failure) {
    handle(failure);
  }
}

async function handle(failure) {
  if (failure instanceof SignedOut) {
    if (await renew()) {
      refresh();
      return;
    }
    await signOut();
    showSignIn('That sign-in was not accepted (wrong or expired). Sign in again.');
    return;
  }
  problem(failure.message);
  timer = setTimeout(refresh, REFRESH_MS);
}

function problem(text) {
  $('problem').textContent = text;
  $('problem').hidden = !text;
}

function showBoard() {
  $('sign-in').hidden = true;
  $('board').hidden = false;
  $('sign-out').hidden = false;
}

function showSignIn(reason) {
  clearTimeout(timer);
  shownRosters = '';
  shownTypes = '';
  $('board').hidden = true;
  $('sign-out').hidden = true;
  // Whatever was drawn goes, so nothing seen signed in stays on the page.
  $('incidents').replaceChildren();
  $('rosters').replaceChildren();
  $('drills').replaceChildren();
  $('drill-start').replaceChildren();
  $('people').tBodies[0].replaceChildren();
  $('sign-in').hidden = false;
  if (reason) {
    $('sign-in-reason').textContent = reason;
  }
  const { hostedUi, tokens } = settings();
  $('hosted-ui').hidden = !hostedUi;
  $('token-form').hidden = !tokens;
}

$('hosted-ui').addEventListener('click', () => goToHostedUi());
$('token-form').addEventListener('submit', event => {
  event.preventDefault();
  useToken(new FormData(event.target).get('token'));
  event.target.reset();
  refresh();
});
$('sign-out').addEventListener('click', async () => {
  await signOut();
  showSignIn('Signed out.');
  leaveHostedUi();
});

await takeFromAddress();
if (token()) {
  refresh();
} else {
  showSignIn();
}
