import { api, el, content, run, table, time, badge, accountLink, amountText } from './common.js';

function utilizationBar(period) {
  if (period.utilization === undefined || period.utilization === null) return el('span', { class: 'muted' }, 'no total');
  const percent = Math.min(100, Math.max(0, Number(period.utilization) * 100));
  return el('div', { class: 'bar', role: 'img', 'aria-label': `${percent.toFixed(1)} % used` },
    el('div', { class: percent >= 90 ? 'high' : null, 'data-width': percent.toFixed(1) }));
}

function purchaseCheck(card) {
  const result = el('div', { class: 'check-result', role: 'status', 'aria-live': 'polite' });
  const form = el('form', { class: 'filters purchase-check', onsubmit: async event => {
    event.preventDefault();
    const amount = new FormData(event.target).get('amount');
    try {
      const answer = await api(`/api/v1/cards/${encodeURIComponent(card.accountId)}/purchase-check`,
        { method: 'POST', json: { amount, currency: card.currency } });
      result.replaceChildren(answer.allowed
        ? el('p', { class: 'ok' }, `${amount} ${card.currency} fits every period.`)
        : el('p', { class: 'bad' }, `${amount} ${card.currency} would break: `,
          answer.broken.map(b => `${b.period} (short by ${b.shortfall} ${card.currency})`).join(', ')));
    } catch (e) {
      result.replaceChildren(el('p', { class: 'bad' }, e.message));
    }
  } },
  el('label', {}, `Would a purchase of (${card.currency})`, el('input', { name: 'amount', inputmode: 'decimal',
    required: true, size: 10, 'aria-label': `purchase amount in ${card.currency}` })),
  el('button', { type: 'submit' }, 'Check'));
  return [form, result];
}

function cardSection(limits) {
  const card = limits.card;
  const rows = limits.periods.map(p => el('tr', { 'data-period': p.period },
    el('th', { scope: 'row' }, p.period),
    el('td', { class: 'num' }, amountText(p.remaining, card.currency)),
    el('td', { class: 'num' }, amountText(p.total, card.currency)),
    el('td', { class: 'num' }, amountText(p.used, card.currency)),
    el('td', {}, utilizationBar(p), p.utilization ? ` ${(Number(p.utilization) * 100).toFixed(1)} %` : '')));
  return el('section', { class: 'card', 'data-card': card.accountId },
    el('h3', {}, accountLink(card.accountId, card.name), card.stale ? badge('stale', 'stale') : null),
    el('p', { class: 'muted' }, `${card.source} · observed `, time(card.observedAt),
      ` · largest single purchase: ${limits.headroom} ${card.currency}`),
    table(['Period', { text: 'Remaining', class: 'num' }, { text: 'Total', class: 'num' },
      { text: 'Used', class: 'num' }, 'Utilization'], rows),
    purchaseCheck(card));
}

run(async () => {
  // every card with its limits in one answer, in account id order
  const [cards, cardBalances] = await Promise.all([api('/api/v1/cards'),
    api('/api/v1/balances?kind=card&limit=1000')]);
  const sections = cards.cards.map(cardSection);
  content.replaceChildren(
    el('h2', {}, `Card limits (${sections.length})`),
    sections.length ? el('div', { class: 'cards', id: 'card-limits' }, sections)
      : el('p', { class: 'muted' }, 'No cards with spending limits.'),
    el('h2', {}, `Card balances (${cardBalances.items.length})`),
    cardBalances.items.length ? table(['Card', 'Source', { text: 'Available', class: 'num' }, 'Observed'],
      cardBalances.items.map(c => el('tr', {}, el('td', {}, accountLink(c.accountId, c.name)), el('td', {}, c.source),
        el('td', { class: 'num' }, amountText(c.available, c.currency)), el('td', {}, time(c.observedAt)))))
      : el('p', { class: 'muted' }, 'No card balances.'));
  // widths are set here, not in a style attribute, so the page needs no inline style under its CSP
  for (const bar of content.querySelectorAll('[data-width]')) bar.style.width = bar.dataset.width + '%';
});
