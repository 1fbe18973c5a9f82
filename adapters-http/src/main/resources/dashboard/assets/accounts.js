import { api, el, content, run, status, table, time, badge, accountLink, inBatches } from './common.js';

const PAGE_SIZE = 25;
const params = new URLSearchParams(location.search);
const filters = ['q', 'provider', 'source', 'kind', 'currency', 'label', 'stale', 'low', 'sort', 'order'];

function select(name, label, options) {
  return el('label', {}, label, el('select', { name, id: 'filter-' + name },
    options.map(([value, text]) => el('option', { value, selected: params.get(name) === value ? true : null }, text))));
}

function filterForm() {
  return el('form', { class: 'filters', id: 'filters', role: 'search', onsubmit: event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of new FormData(event.target)) if (value) next.set(name, value);
    location.search = next.toString();
  } },
  el('label', {}, 'Search', el('input', { name: 'q', id: 'filter-q', type: 'search', value: params.get('q') || '',
    placeholder: 'name or account id' })),
  select('provider', 'Provider', [['', 'any'], ['ahrvo', 'ahrvo'], ['equals-money', 'equals-money'],
    ['grantex', 'grantex'], ['holyheld', 'holyheld']]),
  el('label', {}, 'Source', el('input', { name: 'source', id: 'filter-source', value: params.get('source') || '',
    size: 12 })),
  select('kind', 'Kind', [['', 'any'], ['budget', 'budget'], ['grant', 'grant'],
    ['card', 'card']]),
  el('label', {}, 'Currency', el('input', { name: 'currency', id: 'filter-currency', size: 4, maxlength: 3,
    value: params.get('currency') || '' })),
  el('label', {}, 'Label', el('input', { name: 'label', id: 'filter-label', size: 18,
    value: params.get('label') || '', placeholder: 'department:Marketing' })),
  select('stale', 'Stale', [['', 'any'], ['true', 'stale only'], ['false', 'fresh only']]),
  select('low', 'Low balance', [['', 'any'], ['true', 'low only']]),
  select('sort', 'Sort by', [['name', 'name'], ['available', 'available'], ['observedAt', 'observed']]),
  select('order', 'Order', [['asc', 'ascending'], ['desc', 'descending']]),
  el('button', { type: 'submit' }, 'Apply'));
}

function query(offset, limit) {
  const q = new URLSearchParams({ limit: String(limit), offset: String(offset) });
  for (const name of filters) if (name !== 'low' && params.get(name)) q.set(name, params.get(name));
  return '/api/v1/balances?' + q;
}

/** A 30-day sparkline of daily closes (SVG, no library); empty days are left out, never drawn as zero. */
function sparkline(buckets) {
  const values = buckets.map((b, i) => [i, b.status === 'data' ? Number(b.close) : null]).filter(([, v]) => v !== null);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', '0 0 120 28');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `30 days: ${values.length} days with data` + (values.length
    ? `, from ${buckets.find(b => b.status === 'data').close} to ${[...buckets].reverse().find(b => b.status === 'data').close}` : ''));
  if (values.length > 0) {
    const lo = Math.min(...values.map(v => v[1])), hi = Math.max(...values.map(v => v[1]));
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('points', values.map(([i, v]) => `${(i / Math.max(1, buckets.length - 1) * 118 + 1).toFixed(1)},`
      + `${(hi === lo ? 14 : 26 - (v - lo) / (hi - lo) * 24).toFixed(1)}`).join(' '));
    svg.append(line);
  }
  return svg;
}

run(async () => {
  const overview = await api('/api/v1/overview');
  const lowIds = new Set(overview.currencies.flatMap(c => c.lowBalanceAccounts));
  const offset = Math.max(0, Number(params.get('offset') || 0));
  let items, total;
  if (params.get('low') === 'true') {
    // the API has no low filter: the low accounts are the overview's, filtered here from at most 1,000 matches
    const all = (await api(query(0, 1000))).items.filter(item => lowIds.has(item.accountId));
    total = all.length;
    items = all.slice(offset, offset + PAGE_SIZE);
  } else {
    const page = await api(query(offset, PAGE_SIZE));
    items = page.items;
    total = page.total;
  }
  const rows = items.map(item => el('tr', { 'data-account': item.accountId },
    el('td', {}, accountLink(item.accountId, item.name), el('div', { class: 'muted' }, item.accountId),
      Object.entries(item.labels || {}).map(([key, value]) => el('span', { class: 'label' }, `${key}: ${value}`))),
    el('td', {}, item.source, el('div', { class: 'muted' }, item.provider)),
    el('td', {}, item.kind),
    el('td', { class: 'num' }, `${item.available} ${item.currency}`),
    el('td', {}, time(item.observedAt)),
    el('td', {}, item.stale ? badge('stale', 'stale') : null, lowIds.has(item.accountId) ? badge('low', 'low') : null),
    el('td', { class: 'spark-cell' })));
  const pageLink = (label, to) => {
    const next = new URLSearchParams(params);
    next.set('offset', String(to));
    return el('a', { href: '?' + next, rel: label === 'Previous' ? 'prev' : 'next' }, label);
  };
  content.replaceChildren(filterForm(),
    el('p', { id: 'result-count' }, `${total} accounts` + (total ? `, showing ${offset + 1}–${offset + items.length}` : '')),
    table(['Account', 'Source', 'Kind', { text: 'Available', class: 'num' }, 'Observed', 'Status', 'Last 30 days'],
      rows),
    el('nav', { class: 'pager', 'aria-label': 'Pages' },
      offset > 0 ? pageLink('Previous', Math.max(0, offset - PAGE_SIZE)) : null,
      offset + items.length < total ? pageLink('Next', offset + PAGE_SIZE) : null));
  content.querySelector('table').id = 'balances';
  status('');
  performance.mark('dashboard-interactive');
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 86400e3);
  await inBatches(items.map((item, i) => [item, rows[i]]), 6, async ([item, row]) => {
    try {
      const history = await api(`/api/v1/balances/${encodeURIComponent(item.accountId)}/history?bucket=day`
        + `&from=${from.toISOString()}&to=${to.toISOString()}`);
      row.querySelector('.spark-cell').append(sparkline(history.buckets));
    } catch (e) {
      row.querySelector('.spark-cell').append(el('span', { class: 'muted' }, 'no history'));
    }
  });
});
