import { el, content, run, table, time, badge, isAdmin, pollNowButton, sourceFreshness, staleSources, api }
  from './common.js';

const FAILING = new Set(['failed', 'rate_limited', 'skipped']);

run(async () => {
  const [runs, stale] = await Promise.all([api('/api/v1/polls?limit=50'), staleSources()]);
  const sources = await sourceFreshness(stale);
  const sourceRows = sources.map(s => el('tr', { 'data-source': s.source, class: s.failing || s.stale ? 'bad' : null },
    el('th', { scope: 'row' }, s.source, s.stale ? badge('stale', 'stale') : null,
      s.failing ? badge('failing', 'failing') : null),
    el('td', {}, s.lastOutcome || '—'), el('td', {}, s.lastSuccess ? time(s.lastSuccess) : 'never'),
    el('td', {}, s.error || ''), isAdmin ? el('td', {}, pollNowButton(s.source)) : null));
  const runRows = runs.runs.flatMap(r => r.sources.map(s => el('tr', { 'data-run': String(r.id),
    class: FAILING.has(s.outcome) ? 'bad' : null },
    el('td', { class: 'num' }, String(r.id)), el('td', {}, r.trigger), el('td', {}, time(s.startedAt)),
    el('td', {}, s.source), el('td', {}, s.outcome), el('td', { class: 'num' }, String(s.accountsSeen)),
    el('td', { class: 'num' }, String(s.rowsWritten)), el('td', {}, s.error || ''))));
  content.replaceChildren(
    isAdmin ? el('p', {}, pollNowButton(null)) : null,
    el('h2', {}, 'Sources (failing and stale first)'),
    table(['Source', 'Last outcome', 'Last success', 'Error', ...(isAdmin ? [''] : [])], sourceRows),
    el('h2', {}, 'Recent runs'),
    table([{ text: 'Run', class: 'num' }, 'Trigger', 'Started', 'Source', 'Outcome', { text: 'Accounts', class: 'num' },
      { text: 'Rows written', class: 'num' }, 'Error'], runRows));
});
