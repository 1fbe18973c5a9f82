import { api, el, content, run, isAdmin, pollNowButton, table, time, age, badge, accountLink, sourceFreshness, staleSources }
  from './common.js';

function alertsSection(alerts) {
  if (alerts.length === 0) return el('section', { id: 'active-alerts' }, el('h2', {}, 'Active alerts'),
    el('p', { class: 'muted' }, 'No active alerts.'));
  return el('section', { id: 'active-alerts' }, el('h2', {}, `Active alerts (${alerts.length})`),
    el('ul', { class: 'alerts-list' }, alerts.map(a => el('li', {},
      el('strong', {}, a.kind), ' ', a.accountId ? accountLink(a.accountId) : a.source, ': ', a.message, ' ',
      time(a.observedAt)))),
    el('p', {}, el('a', { href: '/dashboard/alerts' }, 'All alerts and their history')));
}

function freshnessStrip(sources) {
  return el('section', { id: 'freshness' }, el('h2', {}, 'Sources'),
    isAdmin ? el('p', {}, pollNowButton(null)) : null,
    sources.length === 0 ? el('p', { class: 'muted' }, 'No polls yet.') :
    el('div', { class: 'strip' }, sources.map(s => el('div', {
      class: 'source' + (s.stale ? ' stale' : '') + (s.failing ? ' failing' : ''), 'data-source': s.source },
      el('strong', {}, s.source),
      s.stale ? badge('stale', 'stale') : null,
      s.failing ? badge('failing', s.lastOutcome) : null,
      el('div', {}, 'last success: ', s.lastSuccess ? [time(s.lastSuccess), ` (${age(s.lastSuccess)})`] : 'never'),
      el('div', { class: 'muted' }, 'last poll: ', s.lastOutcome || '—', s.error ? ` — ${s.error}` : ''),
      isAdmin ? pollNowButton(s.source) : null))));
}

function currencyTable(currencies) {
  const rows = currencies.map(c => el('tr', { 'data-currency': c.currency },
    el('th', { scope: 'row' }, c.currency),
    el('td', { class: 'num' }, String(c.count)),
    el('td', { class: 'num total' }, `${c.total} ${c.currency}`),
    el('td', { class: 'num lowest' }, `${c.lowest.available} ${c.currency}`, el('br'),
      accountLink(c.lowest.accountId, c.lowest.name)),
    el('td', { class: 'num' }, String(c.lowBalanceCount), c.lowBalanceCount > 0 ? badge('low', 'low') : null),
    el('td', { class: 'num' }, String(c.staleAccounts)),
    el('td', {}, Object.entries(c.healthTiers).map(([tier, n]) => el('div', {}, `${tier}: ${n}`)))));
  return el('section', { id: 'currencies' }, el('h2', {}, 'Balances per currency'),
    table(['Currency', { text: 'Accounts', class: 'num' }, { text: 'Total', class: 'num' },
      { text: 'Lowest', class: 'num' }, { text: 'Low balance', class: 'num' }, { text: 'Stale', class: 'num' },
      'Health tiers'], rows, 'Totals are per currency; nothing is added across currencies.'));
}

const groupBy = new URLSearchParams(location.search).get('groupBy') || '';

/** Per value of one label (department by default in the form), then the accounts without it; per currency. */
function groupSection(overview) {
  const form = el('form', { id: 'group-by', class: 'filters', onsubmit: event => {
    event.preventDefault();
    const key = new FormData(event.target).get('groupBy');
    location.search = key ? new URLSearchParams({ groupBy: key }).toString() : '';
  } },
  el('label', {}, 'Group by label', el('input', { name: 'groupBy', id: 'group-by-key', size: 14,
    value: groupBy, placeholder: 'department' })),
  el('button', { type: 'submit' }, 'Group'));
  if (!overview.groups) return el('section', { id: 'groups' }, el('h2', {}, 'Per label'), form);
  const rows = overview.groups.flatMap(g => g.currencies.map((c, i) => el('tr', {
    'data-group': g.group, 'data-currency': c.currency, class: g.labelled ? null : 'unlabelled' },
    i === 0 ? el('th', { scope: 'rowgroup', rowspan: String(g.currencies.length) },
      g.labelled ? g.group : el('em', {}, g.group)) : null,
    el('td', {}, c.currency),
    el('td', { class: 'num' }, String(c.count)),
    el('td', { class: 'num total' }, `${c.total} ${c.currency}`),
    el('td', { class: 'num lowest' }, `${c.lowest.available} ${c.currency}`, el('br'),
      accountLink(c.lowest.accountId, c.lowest.name)),
    el('td', { class: 'num' }, String(c.lowBalanceCount), c.lowBalanceCount > 0 ? badge('low', 'low') : null),
    el('td', {}, g.labelled ? el('a', { href: '/dashboard/accounts?' + new URLSearchParams({
      label: `${overview.groupBy}:${g.group}`, currency: c.currency }) }, 'accounts') : null))));
  return el('section', { id: 'groups' }, el('h2', {}, `Per ${overview.groupBy}`), form,
    table([overview.groupBy, 'Currency', { text: 'Accounts', class: 'num' }, { text: 'Total', class: 'num' },
      { text: 'Lowest', class: 'num' }, { text: 'Low balance', class: 'num' }, ''], rows,
      'Totals are per group and currency; nothing is added across currencies.'));
}

run(async () => {
  const [overview, alerts, stale] = await Promise.all([
    api('/api/v1/overview' + (groupBy ? '?' + new URLSearchParams({ groupBy }) : '')), api('/api/v1/alerts'),
    staleSources()]);
  const sources = await sourceFreshness(stale);
  content.replaceChildren(alertsSection(alerts.alerts), currencyTable(overview.currencies), groupSection(overview),
    freshnessStrip(sources));
  performance.mark('dashboard-interactive');
});
