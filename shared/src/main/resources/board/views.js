// What the board draws, from the operator routes' JSON. Every value goes in as text, never as markup.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

const STATES = {
  claimed: ['queued', 'queued'], accepted: ['queued', 'queued'], queued: ['queued', 'queued'],
  ringing: ['ringing', 'ringing'], 'in-progress': ['ringing', 'answered, listening'],
  sending: ['ringing', 'sending'], submitted: ['ringing', 'sending'],
  completed: ['answered', 'answered'], sent: ['answered', 'sent'], delivered: ['answered', 'delivered'],
  'no-answer': ['no-answer', 'no answer'], busy: ['busy', 'busy'],
  failed: ['failed', 'failed'], 'failed-dnd': ['failed', 'failed (DND)'], canceled: ['failed', 'canceled'],
};

/** One person's state on one channel: the latest delivery's, with the provider's reason when it failed. */
export function channelState(incident, personId, channel) {
  const delivery = incident.deliveries.find(d => d.personId === personId && d.channel === channel);
  if (!delivery) {
    return { kind: 'waiting', text: 'not yet' };
  }
  const [kind, text] = STATES[delivery.state] || ['queued', delivery.state];
  const attempt = delivery.attempt > 1 ? ` (attempt ${delivery.attempt})` : '';
  // With two voice providers, which one placed the call matters to whoever reads the board during an outage.
  const via = channel === 'call' && delivery.provider ? ` via ${delivery.provider}` : '';
  return { kind, provider: delivery.provider || '',
    text: text + via + (kind === 'failed' && delivery.error ? ': ' + delivery.error : '') + attempt };
}

export function age(isoTime, now = Date.now()) {
  if (!isoTime) {
    return '';
  }
  const seconds = Math.max(0, Math.round((now - Date.parse(isoTime)) / 1000));
  if (seconds < 120) {
    return `${seconds} s`;
  }
  return seconds < 7200 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`;
}

function clock(isoTime) {
  return isoTime ? new Date(isoTime).toLocaleTimeString() : '';
}

export function incidentCard(incident, summary, actions) {
  const acknowledged = incident.acknowledgedBy.length;
  const required = incident.required ?? 1;
  const trigger = incident.trigger || {};
  const card = el('article', { class: `incident priority-${incident.priority}`, 'data-incident': incident.incidentId },
    el('header', {},
      el('h3', {}, `${incident.type} `, el('span', { class: 'badge' }, incident.priority), ' ',
        el('span', { class: `badge status-${incident.status}`, 'data-status': incident.status }, incident.status)),
      el('p', { class: 'facts' },
        el('span', {}, `from ${summary.source || trigger.source}${trigger.reporter ? ' (' + trigger.reporter + ')' : ''}`),
        trigger.location ? el('span', {}, `at ${trigger.location}`) : '',
        el('span', {}, `${age(summary.createdAt || incident.createdAt)} ago`),
        el('span', {}, `tier ${incident.activeTier} of ${incident.tiers}, round ${incident.round}`),
        el('span', { class: acknowledged >= required ? 'covered' : 'short', 'data-acks': `${acknowledged}/${required}` },
          `${acknowledged} of ${required} acknowledged`)),
      incident.maintenance ? el('p', { class: incident.ringsInMaintenance ? 'short' : 'quiet', 'data-maintenance': incident.ringsInMaintenance ? 'rings' : 'silenced' },
        `maintenance: ${incident.maintenance}` + (incident.ringsInMaintenance ? ' (rings anyway: emergency line or high priority)' : ' (nobody rung)')) : '',
      // The CallSid check flags, never stops: the operator decides, with one click.
      incident.suspect ? el('p', { class: 'suspect', 'data-suspect': incident.suspect },
        `Suspect call: ${incident.suspect}. Still ringing until you stand it down. `,
        el('button', { type: 'button', class: 'stand-down', 'data-stand-down': incident.incidentId }, 'Stand down (not a real call)')) : ''),
    people(incident),
    chart(incident),
    timeline(incident),
    el('p', { class: 'actions' },
      el('button', { type: 'button', class: 'resolve', 'data-resolve': incident.incidentId }, 'Resolve')));
  card.querySelector('.resolve').addEventListener('click', () => actions.resolve(incident.incidentId));
  card.querySelectorAll('.stand-down').forEach(b => b.addEventListener('click', () => actions.resolve(incident.incidentId)));
  return card;
}

function people(incident) {
  const channels = ['call', 'sms', 'whatsapp'].filter(c => incident.recipients.some(p => p.channels.includes(c)));
  return el('table', { class: 'people' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Person'), el('th', {}, 'Answer'), channels.map(c => el('th', {}, c)))),
    el('tbody', {}, incident.recipients.map(person => {
      const answer = incident.acknowledgedBy.includes(person.id) ? 'acknowledged'
        : incident.declinedBy.includes(person.id) ? 'declined' : '';
      return el('tr', { 'data-person': person.id },
        el('td', {}, person.name, el('span', { class: 'quiet' }, ` ${person.phone}`)),
        el('td', { class: `state state-${answer || 'none'}`, 'data-answer': answer }, answer),
        channels.map(channel => {
          if (!person.channels.includes(channel)) {
            return el('td', { class: 'quiet' }, '-');
          }
          const state = channelState(incident, person.id, channel);
          return el('td', { class: `state state-${state.kind}`, 'data-channel': channel, 'data-state': state.kind,
            'data-provider': state.provider }, state.text);
        }));
    })));
}

const MARKS = { 'delivery.ringing': 'ringing', 'delivery.in-progress': 'answered', 'delivery.completed': 'answered',
  'delivery.delivered': 'answered', 'delivery.sent': 'answered', 'delivery.no-answer': 'failed', 'delivery.busy': 'failed',
  'delivery.failed': 'failed', 'delivery.failed-dnd': 'failed', 'delivery.canceled': 'failed',
  acknowledged: 'acknowledged', declined: 'declined' };

/** When each person was rung and answered: one line per person from the raise to now, a mark per event. */
function chart(incident) {
  const start = Date.parse(incident.createdAt || (incident.timeline[0] || {}).at);
  const events = incident.timeline.filter(e => e.personId && (e.event.startsWith('delivery.') || MARKS[e.event]));
  const end = Math.max(Date.now(), ...events.map(e => Date.parse(e.at)));
  const span = Math.max(1000, end - start);
  return el('div', { class: 'chart', 'aria-label': 'when each person was rung and answered' },
    incident.recipients.map(person => {
      const line = el('div', { class: 'line' });
      events.filter(e => e.personId === person.id).forEach(e => {
        const kind = MARKS[e.event] || 'queued';
        const mark = el('span', { class: `mark mark-${kind}`, title: `${e.event.replace('delivery.', '')} (${e.channel || ''}) at ${clock(e.at)}` });
        // CSSOM, not a style attribute: the page's Content-Security-Policy allows no inline styles.
        mark.style.left = `${Math.min(100, Math.max(0, (Date.parse(e.at) - start) / span * 100))}%`;
        line.append(mark);
      });
      return el('div', { class: 'track', 'data-person': person.id }, el('span', { class: 'who' }, person.name), line);
    }),
    el('div', { class: 'track axis' }, el('span', { class: 'who' }, ''),
      el('span', { class: 'line quiet' }, `0 s`, el('span', { class: 'end' }, `${Math.round(span / 1000)} s`))));
}

function timeline(incident) {
  const entries = [...incident.timeline].reverse();
  return el('details', { class: 'timeline' },
    el('summary', {}, `Timeline (${entries.length})`),
    el('ol', {}, entries.map(entry => {
      const { at, event, ...details } = entry;
      const said = Object.entries(details).map(([k, v]) => `${k}=${v}`).join(' ');
      return el('li', {}, el('time', {}, clock(at)), ` ${event} `, el('span', { class: 'quiet' }, said));
    })));
}

export function rosterCard(roster, actions) {
  const names = list => list && list.length ? list.map(p => p.name).join(', ') : 'nobody';
  const form = el('form', { class: 'override', 'data-roster': roster.id },
    el('label', {}, 'Put ', el('select', { name: 'person', required: true },
      roster.everyone.map(p => el('option', { value: p.id }, p.name)))),
    el('label', {}, ' on duty from ', el('input', { name: 'from', type: 'datetime-local', required: true })),
    el('label', {}, ' to ', el('input', { name: 'to', type: 'datetime-local', required: true })),
    el('label', {}, ' reason ', el('input', { name: 'reason', maxlength: 80 })),
    el('button', { type: 'submit' }, 'Add override'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const data = new FormData(form);
    actions.addOverride(roster.id, {
      person: data.get('person'),
      from: new Date(data.get('from')).toISOString(),
      to: new Date(data.get('to')).toISOString(),
      reason: data.get('reason') || undefined,
    });
  });
  return el('article', { class: 'roster', 'data-roster': roster.id },
    el('h3', {}, roster.id, el('span', { class: 'quiet' }, ` ${roster.timeZone}`)),
    el('p', {}, 'On duty now: ', el('strong', { class: 'on-duty' }, names(roster.onDuty))),
    el('p', {}, roster.nextAt ? `Next, from ${new Date(roster.nextAt).toLocaleString()}: ${names(roster.next)}` : 'No change in the coming week'),
    form);
}

export function personRow(person, actions) {
  const row = el('tr', { 'data-person': person.id },
    el('td', {}, person.name, el('span', { class: 'quiet' }, ` ${person.id}`)),
    el('td', {}, person.phone),
    el('td', {}, person.channels.join(', ')),
    el('td', { class: person.verified ? 'verified' : 'unverified', 'data-verified': String(Boolean(person.verified)) },
      person.verified ? `yes, answered ${new Date(person.lastReached).toLocaleString()}` : 'unverified'),
    el('td', {}, el('button', { type: 'button', class: 'test-call', 'data-test-call': person.id }, 'Test call')));
  row.querySelector('.test-call').addEventListener('click', () => actions.testCall(person.id));
  return row;
}

export function drillForm(types, actions) {
  const form = el('form', { id: 'drill-form' },
    el('label', {}, 'Drill the chain of ', el('select', { name: 'type', required: true }, types.map(t => el('option', { value: t }, t)))),
    ' ', el('button', { type: 'submit' }, 'Start drill'),
    el('span', { class: 'quiet' }, ' - it rings the real people, saying it is a drill'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    actions.startDrill(new FormData(form).get('type'));
  });
  return form;
}

export function drillReport(report) {
  return el('article', { class: 'drill', 'data-drill': report.drillId },
    el('h3', {}, `${report.type} drill `, el('span', { class: 'badge', 'data-status': report.status }, report.status),
      el('span', { class: 'quiet' }, ` started ${age(report.startedAt)} ago, tier ${report.activeTier}, round ${report.round}`)),
    el('ul', { class: 'tiers' }, report.tiers.map(tier => el('li', { 'data-tier': tier.tier, 'data-met': String(tier.met) },
      `Tier ${tier.tier}: ${tier.acknowledged} of ${tier.required} acknowledged - `,
      el('strong', { class: tier.met ? 'covered' : 'short' }, tier.met ? 'would have been met' : 'not met')))),
    el('table', { class: 'people' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Person'), el('th', {}, 'Tier'), el('th', {}, 'Reached'), el('th', {}, 'Acknowledged'))),
      el('tbody', {}, report.people.map(p => el('tr', { 'data-person': p.id },
        el('td', {}, p.name, el('span', { class: 'quiet' }, ` ${p.phone}`)),
        el('td', {}, p.tier ?? ''),
        el('td', { class: p.reached ? 'state state-answered' : 'state state-failed', 'data-reached': String(p.reached) },
          p.reached ? 'reached' : `not reached: ${p.reason}`),
        el('td', { class: p.acknowledged ? 'state state-acknowledged' : '', 'data-acknowledged': String(p.acknowledged) },
          p.acknowledged ? `yes, after ${Math.round(p.timeToAcknowledgeSeconds)} s` : p.declined ? 'declined' : 'no'))))));
}
