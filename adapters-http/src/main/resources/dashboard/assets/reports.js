import { api, el, content, run, status, table, time, isAdmin } from './common.js';

function generateButton() {
  return el('button', { type: 'button', id: 'generate-report', onclick: async event => {
    event.target.disabled = true;
    status('Generating a report…');
    try {
      await api('/api/v1/reports', { method: 'POST', json: { type: 'allocation' } });
      location.reload();
    } catch (e) {
      status('Could not generate: ' + e.message);
      event.target.disabled = false;
    }
  } }, 'Generate report now');
}

run(async () => {
  const reports = (await api('/api/v1/reports?limit=100')).reports;
  const link = (href, text) => el('a', { href }, text);
  content.replaceChildren(
    isAdmin ? el('p', {}, generateButton()) : null,
    el('p', {}, 'Live allocation, from the latest balances: ',
      link('/api/v1/reports/allocation/live?format=html', 'HTML'), ' · ',
      link('/api/v1/reports/allocation/live?format=csv', 'CSV'), ' · ',
      link('/api/v1/reports/allocation/live?format=json', 'JSON')),
    reports.length ? table([{ text: 'Report', class: 'num' }, 'Type', 'As of', 'Trigger', 'Open'],
      reports.map(r => el('tr', { 'data-report': String(r.id) },
        el('td', { class: 'num' }, String(r.id)), el('td', {}, r.type), el('td', {}, time(r.asOf)),
        el('td', {}, r.trigger + (r.schedule ? ` (${r.schedule})` : '')),
        el('td', {}, link(`${r.href}?format=html`, 'HTML'), ' · ', link(`${r.href}?format=csv`, 'CSV'), ' · ',
          link(`${r.href}?format=json`, 'JSON')))))
      : el('p', { class: 'muted', id: 'no-reports' }, 'No reports yet.'));
});
