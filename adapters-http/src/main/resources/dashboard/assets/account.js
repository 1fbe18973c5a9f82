import uPlot from '/dashboard/vendor/uplot/uPlot.esm.js';
import { api, el, content, run, status, table, time, badge, amountText, viewerZone, numbersTable,
  decimalDifference } from './common.js';

const accountId = decodeURIComponent(location.pathname.split('/').pop());
const params = new URLSearchParams(location.search);
const RANGES = { P1D: 'last 24 hours', P7D: 'last 7 days', P30D: 'last 30 days', P90D: 'last 90 days',
  P365D: 'last year' };
const range = RANGES[params.get('range')] ? params.get('range') : 'P30D';
const bucket = ['raw', 'hour', 'day', 'week', 'month'].includes(params.get('bucket')) ? params.get('bucket') : 'day';
const zone = params.get('zone') || viewerZone;
const days = Number(range.slice(1, -1));

function controls() {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return el('form', { class: 'filters', id: 'chart-controls' },
    el('label', {}, 'Bucket', el('select', { name: 'bucket', id: 'bucket' }, ['raw', 'hour', 'day', 'week', 'month']
      .map(b => el('option', { value: b, selected: b === bucket ? true : null }, b)))),
    el('label', {}, 'Range', el('select', { name: 'range', id: 'range' }, Object.entries(RANGES)
      .map(([value, text]) => el('option', { value, selected: value === range ? true : null }, text)))),
    el('label', {}, 'Time zone', el('input', { name: 'zone', id: 'zone', value: zone, list: 'zones', size: 18 })),
    el('datalist', { id: 'zones' }, ['UTC', ...zones].map(z => el('option', { value: z }))),
    el('button', { type: 'submit' }, 'Show'));
}

function header(detail) {
  const b = detail.balance;
  const other = ['ledger', 'pending', 'allocated', 'initial'].filter(name => b[name] !== undefined && b[name] !== null);
  return el('section', { id: 'account-facts' },
    el('p', {}, el('span', { id: 'account-name' }, b.name), ' ', b.stale ? badge('stale', 'stale') : null,
      detail.lowBalance.low ? badge('low', 'low balance') : null),
    el('div', { class: 'facts' },
      el('div', {}, el('span', {}, 'Available'), el('strong', { id: 'available' }, amountText(b.available, b.currency))),
      other.map(name => el('div', { 'data-balance': name }, el('span', {}, name), amountText(b[name], b.currency))),
      el('div', {}, el('span', {}, 'Observed'), time(b.observedAt)),
      el('div', {}, el('span', {}, 'Account'), b.accountId),
      el('div', {}, el('span', {}, 'Source'), `${b.source} (${b.provider}, ${b.kind})`),
      el('div', {}, el('span', {}, 'Health'), detail.health.tier),
      el('div', {}, el('span', {}, 'Low-balance rule'), detail.lowBalance.rule || detail.lowBalance.verdict)));
}

/**
 * The chart's series from the history answer: for buckets the close line and the min-max band, for raw points the
 * values; empty buckets and failed polls are null (a break in the line), never zero. Failed polls become markers.
 */
function series(history, trend) {
  const rows = [];
  const gapsAt = [];
  if (history.buckets) {
    for (const b of history.buckets) {
      const data = b.status === 'data';
      rows.push([Date.parse(b.start) / 1000, data ? Number(b.max) : null, data ? Number(b.min) : null,
        data ? Number(b.close) : null, null]);
      if (b.status === 'gap') gapsAt.push(Date.parse(b.start) / 1000);
    }
  } else {
    for (const p of history.points) rows.push([Date.parse(p.observedAt) / 1000, null, null, Number(p.available), null]);
    for (const g of history.gaps) {
      const at = Date.parse(g.at) / 1000;
      rows.push([at, null, null, null, null]);
      gapsAt.push(at);
    }
  }
  rows.sort((a, b) => a[0] - b[0]);
  const depletion = trend.depletion;
  let projected = false;
  const lastData = [...rows].reverse().find(r => r[3] !== null);
  if (depletion.outlook === 'projected' && lastData && trend.last) {
    lastData[4] = Number(trend.last.available);
    rows.push([Date.parse(depletion.depletesAt) / 1000, null, null, null, 0]);
    projected = true;
  }
  const columns = [0, 1, 2, 3, 4].map(i => rows.map(r => r[i]));
  return { columns, gapsAt, projected };
}

/** Draws the chart; resolves once it is on screen, with how long drawing took recorded on the container. */
function drawChart(container, history, trend) {
  const { columns, gapsAt, projected } = series(history, trend);
  const started = performance.now();
  const markers = [];
  let drawn;
  const firstDraw = new Promise(resolve => { drawn = resolve; });
  container.dataset.depletion = projected ? 'drawn' : trend.depletion.outlook;
  new uPlot({
    width: Math.max(300, container.clientWidth - 16), height: 320,
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), history.zone),
    scales: { x: { time: true } },
    axes: [{}, { size: 80 }],
    series: [
      { label: 'time' },
      { label: 'max', stroke: 'rgba(31,95,191,0.35)', points: { show: false } },
      { label: 'min', stroke: 'rgba(31,95,191,0.35)', points: { show: false } },
      { label: history.buckets ? 'close' : 'available', stroke: '#1f5fbf', width: 2, spanGaps: false,
        points: { show: history.points ? true : undefined } },
      { label: 'projected depletion', stroke: '#b3261e', dash: [6, 4], spanGaps: true, points: { show: false } },
    ],
    bands: [{ series: [1, 2], fill: 'rgba(31,95,191,0.15)' }],
    hooks: { draw: [u => {
      // failed polls: a red dashed line across the plot and a triangle on top, where the line is broken
      const ctx = u.ctx;
      markers.length = 0;
      ctx.save();
      ctx.strokeStyle = '#b3261e';
      ctx.fillStyle = '#b3261e';
      ctx.setLineDash([3, 3]);
      for (const at of gapsAt) {
        const x = u.valToPos(at, 'x', true);
        if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
        markers.push(at);
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.beginPath();
        ctx.moveTo(x - 5, u.bbox.top);
        ctx.lineTo(x + 5, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + 8);
        ctx.fill();
      }
      ctx.restore();
      container.dataset.gapMarkers = String(markers.length);
      if (!container.dataset.drawMs) container.dataset.drawMs = (performance.now() - started).toFixed(1);
      drawn();
    }] },
  }, columns, container);
  return firstDraw;
}

function numbers(history) {
  if (history.buckets) {
    return numbersTable('chart-numbers', ['Start', 'Status', { text: 'Open', class: 'num' },
      { text: 'Close', class: 'num' }, { text: 'Min', class: 'num' }, { text: 'Max', class: 'num' },
      { text: 'Polls', class: 'num' }, { text: 'Failed polls', class: 'num' }],
    history.buckets.map(b => el('tr', { 'data-status': b.status },
      el('td', {}, time(b.start)),
      el('td', { class: b.status === 'gap' ? 'bad' : null }, b.status === 'gap' ? 'gap: failed poll'
        : b.status === 'empty' ? 'no poll' : 'data'),
      ...['open', 'close', 'min', 'max'].map(k => el('td', { class: 'num' }, b[k] ?? '')),
      el('td', { class: 'num' }, String(b.samples)), el('td', { class: 'num' }, String(b.failedPolls)))));
  }
  const rows = [...history.points.map(p => ({ at: p.observedAt, text: p.available })),
    ...history.gaps.map(g => ({ at: g.at, gap: g.outcome }))].sort((a, b) => a.at.localeCompare(b.at));
  return numbersTable('chart-numbers', ['Time', { text: 'Available', class: 'num' }], rows.map(r =>
    el('tr', { 'data-status': r.gap ? 'gap' : 'data' }, el('td', {}, time(r.at)),
      r.gap ? el('td', { class: 'bad' }, `gap: failed poll (${r.gap})`) : el('td', { class: 'num' }, r.text))));
}

function trendFacts(trend, currency) {
  const d = trend.depletion;
  return el('section', { id: 'trend' }, el('h2', {}, `Trend over the ${RANGES[range]}`),
    el('div', { class: 'facts' },
      el('div', {}, el('span', {}, 'Change'), trend.change ? `${trend.change} ${currency}` : '—',
        trend.percentChange ? ` (${trend.percentChange} %)` : ''),
      el('div', {}, el('span', {}, 'Average daily burn'), amountText(trend.averageDailyBurn, currency)),
      el('div', { id: 'depletion' }, el('span', {}, 'Projected depletion'),
        d.outlook === 'projected' ? ['on ', el('strong', {}, d.date), ' (dashed line)'] : d.reason || d.outlook)));
}

function changes(history, currency) {
  const values = history.buckets
    ? history.buckets.filter(b => b.status === 'data').map(b => ({ at: b.start, value: b.close }))
    : history.points.map(p => ({ at: p.observedAt, value: p.available }));
  const rows = [];
  for (let i = 1; i < values.length; i++) {
    if (values[i].value !== values[i - 1].value) rows.push(el('tr', {}, el('td', {}, time(values[i].at)),
      el('td', { class: 'num' }, `${values[i - 1].value} ${currency}`),
      el('td', { class: 'num' }, `${values[i].value} ${currency}`),
      el('td', { class: 'num' }, `${decimalDifference(values[i].value, values[i - 1].value)} ${currency}`)));
  }
  return el('section', { id: 'changes' }, el('h2', {}, 'Balance changes'),
    rows.length ? table(['When', { text: 'From', class: 'num' }, { text: 'To', class: 'num' },
      { text: 'Change', class: 'num' }], rows.reverse().slice(0, 100)) : el('p', { class: 'muted' }, 'No changes.'));
}

function alertHistory(events) {
  const mine = events.filter(e => e.accountId === accountId);
  return el('section', { id: 'alert-history' }, el('h2', {}, 'Alert history'),
    mine.length ? table(['When', 'Event', 'Kind', 'Message'], mine.map(e => el('tr', {},
      el('td', {}, time(e.occurredAt)), el('td', {}, e.event), el('td', {}, e.kind), el('td', {}, e.message))))
      : el('p', { class: 'muted' }, 'No alerts for this account.'));
}

run(async () => {
  const to = new Date();
  const from = new Date(to.getTime() - days * 86400e3);
  const path = `/api/v1/balances/${encodeURIComponent(accountId)}`;
  const historyQuery = `bucket=${bucket}&zone=${encodeURIComponent(zone)}&from=${from.toISOString()}`
    + `&to=${to.toISOString()}`;
  const [detail, history, trend, alerts] = await Promise.all([api(path), api(`${path}/history?${historyQuery}`),
    api(`${path}/trend?window=${range}`), api('/api/v1/alerts/history?limit=500')]);
  document.getElementById('title').textContent = detail.balance.name;
  document.title = detail.balance.name + ' · balance-history';
  const chart = el('div', { class: 'chart', id: 'chart', role: 'img', 'data-query': historyQuery,
    'data-points': String((history.buckets || history.points).length), 'data-gaps': String(history.gaps.length),
    'aria-label': `History of ${detail.balance.name}: ${(history.buckets || history.points).length} `
      + `${history.buckets ? bucket + ' buckets' : 'points'}, ${history.gaps.length} failed polls; the numbers are`
      + ' in the table below' });
  content.replaceChildren(header(detail), controls(),
    el('h2', {}, `History (${history.buckets ? bucket + ' buckets, min–max band and close' : 'every poll'},`
      + ` ${history.zone})`), chart, numbers(history), trendFacts(trend, history.currency),
    changes(history, history.currency), alertHistory(alerts.events));
  status('');
  await drawChart(chart, history, trend);
  performance.mark('dashboard-interactive');
});
