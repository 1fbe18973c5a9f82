import { api, el, content, run, table, time, accountLink } from './common.js';

function subject(alert) {
  return alert.accountId ? accountLink(alert.accountId) : alert.source;
}

run(async () => {
  const [active, history] = await Promise.all([api('/api/v1/alerts'), api('/api/v1/alerts/history?limit=200')]);
  content.replaceChildren(
    el('h2', {}, `Active (${active.count})`),
    active.alerts.length ? table(['Kind', 'Subject', 'Period', { text: 'Value', class: 'num' },
      { text: 'Threshold', class: 'num' }, 'Since', 'Message'], active.alerts.map(a => el('tr', { class: 'bad' },
      el('td', {}, a.kind), el('td', {}, subject(a)), el('td', {}, a.period || ''),
      el('td', { class: 'num' }, a.value ? `${a.value} ${a.currency || ''}` : ''),
      el('td', { class: 'num' }, a.threshold ? `${a.threshold} ${a.currency || ''}` : ''),
      el('td', {}, time(a.observedAt)), el('td', {}, a.message))))
      : el('p', { class: 'muted', id: 'no-active-alerts' }, 'No active alerts.'),
    el('h2', {}, 'History'),
    history.events.length ? table(['When', 'Event', 'Kind', 'Subject', 'Period', { text: 'Value', class: 'num' },
      { text: 'Threshold', class: 'num' }, 'Message'], history.events.map(e => el('tr', { 'data-event': e.event },
      el('td', {}, time(e.occurredAt)), el('td', {}, e.event), el('td', {}, e.kind), el('td', {}, subject(e)),
      el('td', {}, e.period || ''),
      el('td', { class: 'num' }, e.value ? `${e.value} ${e.currency || ''}` : ''),
      el('td', { class: 'num' }, e.threshold ? `${e.threshold} ${e.currency || ''}` : ''), el('td', {}, e.message))))
      : el('p', { class: 'muted' }, 'No alerts yet.'));
});
