// Shared by every dashboard page: the JSON API with the session cookie, safe DOM building, amounts and times.

const body = document.body;
export const role = body.dataset.role;
export const isAdmin = role === 'admin';
const csrf = body.dataset.csrf;

/** Marks the current page in the navigation. */
for (const link of document.querySelectorAll('nav [data-nav]')) {
  if (link.dataset.nav.split(' ').includes(body.dataset.page)) link.setAttribute('aria-current', 'page');
}

/** GET or POST the JSON API; state-changing calls carry the session's CSRF token. A lost session goes to /login. */
export async function api(path, options = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method: options.method || 'GET', headers, credentials: 'same-origin' };
  if (init.method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.json);
  }
  const response = await fetch(path, init);
  if (response.status === 401) {
    location.assign('/login');
    throw new Error('signed out');
  }
  const data = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error(data?.detail || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return data;
}

/** An element with attributes and children; strings become text nodes, so provider text is never parsed as HTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const content = document.getElementById('content');
const statusLine = document.getElementById('status');

export function status(text) {
  statusLine.textContent = text || '';
}

/** Runs a page's loader, reporting its failure in the status line instead of leaving "Loading…". */
export async function run(load) {
  try {
    await load();
    status('');
  } catch (e) {
    if (e.message !== 'signed out') status('Could not load: ' + e.message);
  }
  body.dataset.ready = 'true';
}

/** An amount exactly as the API gave it, with its currency, right-aligned. */
export function amountCell(amount, currency) {
  return el('td', { class: 'num' }, amount === undefined || amount === null ? '—' : `${amount} ${currency}`);
}

export function amountText(amount, currency) {
  return amount === undefined || amount === null ? '—' : `${amount} ${currency}`;
}

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
export const viewerZone = zone;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A time in the viewer's zone, with the UTC value on hover. */
export function time(iso) {
  if (!iso) return el('span', {}, '—');
  return el('time', { datetime: iso, title: iso + ' (UTC)' }, timeFormat.format(new Date(iso)));
}

export function age(iso, now = Date.now()) {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} days ago`;
}

export function table(headers, rows, caption) {
  return el('div', { class: 'table-wrap' }, el('table', {},
    caption ? el('caption', { class: 'muted' }, caption) : null,
    el('thead', {}, el('tr', {}, headers.map(h => typeof h === 'string'
      ? el('th', { scope: 'col' }, h) : el('th', { scope: 'col', class: h.class }, h.text)))),
    el('tbody', {}, rows)));
}

export function badge(kind, text) {
  return el('span', { class: 'badge ' + kind }, text);
}

export function accountLink(accountId, name) {
  return el('a', { href: '/dashboard/accounts/' + encodeURIComponent(accountId) }, name || accountId);
}

/**
 * Freshness of every source from recent poll runs: the last successful poll, its age, the last outcome.
 * A source is failing when its last outcome was not ok; stale when one of its accounts reads stale.
 */
export async function sourceFreshness(staleSources = new Set()) {
  const runs = (await api('/api/v1/polls?limit=200')).runs || [];
  const sources = new Map();
  for (const run of runs) {
    for (const s of run.sources) {
      const entry = sources.get(s.source) || { source: s.source, provider: s.provider };
      if (!entry.lastOutcome) {
        entry.lastOutcome = s.outcome;
        entry.lastAt = s.finishedAt;
        entry.error = s.error;
      }
      if (!entry.lastSuccess && (s.outcome === 'ok' || s.outcome === 'partial')) entry.lastSuccess = s.finishedAt;
      sources.set(s.source, entry);
    }
  }
  for (const name of staleSources) {
    if (!sources.has(name)) sources.set(name, { source: name });
  }
  return [...sources.values()].map(s => ({ ...s, stale: staleSources.has(s.source),
    failing: s.lastOutcome !== undefined && s.lastOutcome !== 'ok' && s.lastOutcome !== 'partial' }))
    .sort((a, b) => (b.failing || b.stale) - (a.failing || a.stale) || a.source.localeCompare(b.source));
}

/** The sources that have at least one stale account. */
export async function staleSources() {
  const stale = await api('/api/v1/balances?stale=true&limit=1000');
  return new Set(stale.items.map(item => item.source));
}

/** a - b for two decimal strings, exactly (BigInt), at the larger of their scales: amounts never pass through a double. */
export function decimalDifference(a, b) {
  const scaleOf = s => (s.split('.')[1] || '').length;
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const units = s => {
    const negative = s.startsWith('-');
    const [whole, fraction = ''] = s.replace('-', '').split('.');
    return (negative ? -1n : 1n) * BigInt(whole + fraction.padEnd(scale, '0'));
  };
  const difference = units(a) - units(b);
  const negative = difference < 0n;
  const digits = (negative ? -difference : difference).toString().padStart(scale + 1, '0');
  const text = scale ? digits.slice(0, -scale) + '.' + digits.slice(-scale) : digits;
  return (negative ? '-' : difference > 0n ? '+' : '') + text;
}

/** A disclosure holding the numbers behind a chart as a table: the chart's text alternative. */
export function numbersTable(id, headers, rows) {
  return el('details', { class: 'numbers', id },
    el('summary', {}, `Show the numbers (${rows.length} rows)`), table(headers, rows));
}

/** Runs async jobs a few at a time. */
export async function inBatches(items, size, job) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(job));
  }
}

/** Admin only: polls one source (or all) now, then redraws the page. */
export function pollNowButton(source) {
  return el('button', { type: 'button', class: 'poll-now', id: source ? null : 'poll-all', onclick: async event => {
    event.target.disabled = true;
    status(source ? `Polling ${source}…` : 'Polling every source…');
    try {
      // waits up to 30 s for the run to finish, so the page shows its outcome when it reloads
      await api('/api/v1/polls?wait=PT30S' + (source ? '&source=' + encodeURIComponent(source) : ''),
        { method: 'POST' });
      location.reload();
    } catch (e) {
      status('Poll failed: ' + e.message);
      event.target.disabled = false;
    }
  } }, source ? 'Poll now' : 'Poll all sources now');
}
