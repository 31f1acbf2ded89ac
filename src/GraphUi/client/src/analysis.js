// The analysis panels of the map page: Doppelstrukturen, Lücken and Kennzahlen as the analysis API finds them.
// Every finding is a button that shows the nodes involved on the map. A pane loads when it is first opened and
// again when the "Stand am" date or the network changes while it is open.
import { api } from './api.js';
import { t, language } from './texts.js';

const page = document.getElementById('map-page');
const base = `/api/networks/${encodeURIComponent(page.dataset.network)}/analysis`;
const $ = (id) => document.getElementById(id);
// map.js sets window.networkMap after this module has run (imports run first), so it is looked up when needed.
const diagram = () => window.networkMap?.diagram;

const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return e;
};

const locale = language === 'de' ? 'de-DE' : 'en-GB';
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const integer = new Intl.NumberFormat(locale);
const dateText = (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });

const renderers = { overlaps: renderOverlaps, gaps: renderGaps, metrics: renderMetrics };
const shownFor = {};   // tab → the date and revision its pane shows
const latest = {};     // tab → number of its newest request, so a slow older answer cannot overwrite a newer one
let active = null;     // the finding shown on the map: { key, ids }

const asOf = () => $('filter-as-of').value;
const stateKey = () => `${asOf()}|${page.dataset.revision ?? ''}`;
const openTab = () => Object.keys(renderers).find((tab) => !$(`pane-${tab}`).hidden) ?? null;

async function load(tab, { force = false } = {}) {
  const key = stateKey();
  if (!force && shownFor[tab] === key) return;
  shownFor[tab] = key;
  const request = (latest[tab] ?? 0) + 1;
  latest[tab] = request;
  const pane = $(`pane-${tab}`);
  pane.setAttribute('aria-busy', 'true');
  pane.dataset.state = 'loading';
  if (!pane.childElementCount) pane.replaceChildren(el('p', { className: 'muted' }, t('panel.loading')));
  try {
    const date = asOf();
    const result = await api('GET', `${base}/${tab}${date ? `?asOf=${encodeURIComponent(date)}` : ''}`);
    if (latest[tab] !== request) return;
    renderers[tab](pane, result);
    pane.dataset.asOf = result.asOf;
    pane.dataset.state = 'ready';
    restoreActive(pane, tab);
  } catch (error) {
    if (latest[tab] !== request) return;
    shownFor[tab] = null; // try again next time
    pane.replaceChildren(el('p', { className: 'error', role: 'alert' }, `${t('error.general')} ${error.message}`));
    pane.dataset.state = 'error';
  } finally {
    if (latest[tab] === request) pane.removeAttribute('aria-busy');
  }
}

window.addEventListener('networkgraph:tab', (e) => { if (renderers[e.detail]) load(e.detail); });

// A changed date, reset filters or a newer revision (someone's edit) make the open pane stale.
function reloadOpen() {
  const tab = openTab();
  if (tab) load(tab);
}
$('filter-as-of').addEventListener('change', reloadOpen);
$('reset-filters').addEventListener('click', () => setTimeout(reloadOpen)); // after map.js has cleared the date
new MutationObserver(reloadOpen).observe(page, { attributes: true, attributeFilter: ['data-revision'] });
// "Alles zeigen" clears the highlight on the map; the panels follow. Escape clears it too, unless a dialog is open.
$('fit').addEventListener('click', () => markActive(null));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && active && !document.querySelector('dialog[open]')) clear();
});

// ---- showing findings on the map ---------------------------------------------------------------------

function say(message) {
  const status = $('status');
  status.textContent = message;
  status.classList.remove('error');
}

/** Shows a finding's nodes on the map, or takes the highlight away when the finding is shown already. */
function toggle(key, ids) {
  const d = diagram();
  if (!d) return;
  if (active?.key === key) { clear(); return; }
  const shown = d.highlight(ids);
  if (!shown) { say(t('analysis.notOnMap')); markActive(null); return; }
  markActive({ key, ids });
  say(t('analysis.highlighted', shown));
}

function clear() {
  diagram()?.clearHighlight();
  markActive(null);
  say('');
}

function markActive(finding) {
  active = finding;
  document.querySelectorAll('.analysis button[data-finding]').forEach((b) =>
    b.setAttribute('aria-pressed', String(b.dataset.finding === finding?.key)));
}

/** After a reload: a finding shown before stays shown if it is still there; one that went away takes its highlight along. */
function restoreActive(pane, tab) {
  if (!active?.key.startsWith(`${tab}:`)) return;
  const button = [...pane.querySelectorAll('button[data-finding]')].find((b) => b.dataset.finding === active.key);
  if (button) button.setAttribute('aria-pressed', 'true');
  else clear();
}

/** A finding: a toggle button naming it (it shows the nodes on the map), then the sentence that says why. */
function finding(tab, key, ids, title, sentence, ...more) {
  const id = `${tab}-${key}`.replace(/[^\w-]/g, '_');
  const button = el('button', { type: 'button', className: 'finding' }, ...title);
  button.dataset.finding = `${tab}:${key}`;
  button.dataset.ids = ids.join(' ');
  button.setAttribute('aria-pressed', 'false');
  button.setAttribute('aria-describedby', `${id}-why`);
  button.addEventListener('click', () => toggle(`${tab}:${key}`, ids));
  const li = el('li', {}, button, el('p', { className: 'sentence', id: `${id}-why` }, sentence), ...more);
  li.dataset.ids = ids.join(' ');
  return li;
}

function header(titleKey, result, line) {
  const clearButton = el('button', { type: 'button', className: 'clear-highlight' }, t('analysis.clear'));
  clearButton.addEventListener('click', clear);
  return el('div', { className: 'analysis-head' },
    el('h2', {}, t(titleKey)),
    el('p', { className: 'muted' }, `${t('analysis.asOf', dateText(result.asOf))} · ${line}`),
    clearButton);
}

const names = (refs) => refs.map((r) => r.name).join(', ');

// ---- Doppelstrukturen ----------------------------------------------------------------------------------

function renderOverlaps(pane, r) {
  const list = el('ol', { className: 'findings overlaps' });
  for (const o of r.overlaps) {
    const ids = [o.bodyA.id, o.bodyB.id, ...o.sharedMembers.map((m) => m.id)];
    const parts = el('ul', { className: 'parts', ariaLabel: t('overlaps.parts') },
      ...['members', 'topics', 'territories', 'mandate'].map((part) => {
        const bar = el('span', { className: 'bar' });
        bar.style.setProperty('--value', o.parts[part]);
        return el('li', {}, el('span', { className: 'part-name' }, t(`overlaps.part.${part}`)), bar,
          el('span', { className: 'part-value' }, percent.format(o.parts[part])));
      }));
    const shared = o.sharedMembers.length
      ? el('details', { className: 'shared' }, el('summary', {}, t('overlaps.sharedMembers', o.sharedMembers.length)),
        el('ul', {}, ...o.sharedMembers.map((m) => el('li', {}, m.name))))
      : null;
    const li = finding('overlaps', `${o.bodyA.id}|${o.bodyB.id}`, ids,
      [el('span', { className: 'finding-title' }, o.bodyA.name, el('span', { className: 'and' }, ` ${t('overlaps.and')} `), o.bodyB.name),
        el('span', { className: 'score', title: t('overlaps.score') }, percent.format(o.score))],
      o.sentence, parts, shared);
    li.dataset.bodies = `${o.bodyA.id} ${o.bodyB.id}`;
    list.append(li);
  }

  const measures = el('ol', { className: 'findings' }, ...r.duplicateMeasures.map((m) => finding('overlaps',
    `measure:${m.measureA.id}|${m.measureB.id}`,
    [m.measureA.id, m.measureB.id, ...m.offeredByA.map((a) => a.id), ...m.offeredByB.map((a) => a.id)],
    [el('span', { className: 'finding-title' }, m.measureA.name, el('span', { className: 'and' }, ` ${t('overlaps.and')} `), m.measureB.name)],
    m.sentence)));
  const actors = el('ol', { className: 'findings' }, ...r.probableDuplicates.map((d) => finding('overlaps',
    `actor:${d.actorA.id}|${d.actorB.id}`, [d.actorA.id, d.actorB.id],
    [el('span', { className: 'finding-title' }, d.actorA.name, el('span', { className: 'and' }, ` ${t('overlaps.and')} `), d.actorB.name),
      el('span', { className: 'score' }, percent.format(d.similarity))],
    d.sentence)));

  pane.replaceChildren(
    header('panel.overlaps', r, t('overlaps.total', r.total, percent.format(r.threshold))),
    r.overlaps.length ? list : el('p', { className: 'muted' }, t('overlaps.none')),
    r.duplicateMeasures.length || r.probableDuplicates.length ? el('h3', {}, t('overlaps.dataQuality')) : null,
    r.duplicateMeasures.length ? el('h4', {}, t('overlaps.duplicateMeasures')) : null,
    r.duplicateMeasures.length ? measures : null,
    r.probableDuplicates.length ? el('h4', {}, t('overlaps.probableDuplicates')) : null,
    r.probableDuplicates.length ? actors : null);
  pane.classList.add('analysis');
}

// ---- Lücken ---------------------------------------------------------------------------------------------

function renderGaps(pane, r) {
  const groups = Object.keys(r.counts).filter((kind) => r.counts[kind] > 0).map((kind) => {
    const gaps = r.gaps.filter((g) => g.kind === kind);
    const headingId = `gaps-${kind}`;
    const list = el('ol', { className: 'findings' }, ...gaps.map((g) => {
      const li = finding('gaps', `${kind}:${g.entities.map((e) => e.id).join('|')}`, g.entities.map((e) => e.id),
        [el('span', { className: 'finding-title' }, names(g.entities.slice(0, 3)))], g.sentence);
      li.dataset.kind = kind;
      return li;
    }));
    list.setAttribute('aria-labelledby', headingId);
    const group = el('details', { className: 'gap-group', open: true },
      el('summary', {}, el('h3', { id: headingId }, `${t(`gap.${kind}`)} (${gaps.length})`)), list);
    group.dataset.kind = kind;
    return group;
  });
  pane.replaceChildren(
    header('panel.gaps', r, t('gaps.total', r.gaps.length)),
    ...(groups.length ? groups : [el('p', { className: 'muted' }, t('gaps.none'))]));
  pane.classList.add('analysis');
}

// ---- Kennzahlen -------------------------------------------------------------------------------------------

const COLUMNS = ['degree', 'betweenness', 'closeness', 'pageRank'];
const TOP = 20;
const table = { sort: 'betweenness', descending: true, all: false };

function renderMetrics(pane, r) {
  const facts = el('dl', { className: 'facts' },
    el('dt', {}, t('metrics.nodes')), el('dd', {}, integer.format(r.nodeCount)),
    el('dt', {}, t('metrics.edges')), el('dd', {}, integer.format(r.edgeCount)),
    el('dt', {}, t('metrics.communities')), el('dd', {}, integer.format(r.communities.length)),
    el('dt', {}, t('metrics.modularity')), el('dd', {}, r.modularity.toLocaleString(locale, { maximumFractionDigits: 2 })));
  const holder = el('div', { className: 'metrics-table' });
  const label = new Map(r.nodes.map((n) => [n.id, n.label]));
  const communities = el('ol', { className: 'findings communities' }, ...r.communities.map((c) => finding('metrics',
    `community:${c.index}`, c.members,
    [el('span', { className: 'finding-title' }, t('metrics.community', c.index + 1, c.size))],
    `${c.members.slice(0, 6).map((id) => label.get(id) ?? id).join(', ')}${c.size > 6 ? ' …' : ''}`)));
  pane.replaceChildren(
    header('panel.metrics', r, `${integer.format(r.nodeCount)} ${t('metrics.nodes')}`),
    el('p', { className: 'summary' }, r.summary),
    facts,
    el('h3', { id: 'metrics-top' }, t('metrics.top')),
    holder,
    el('h3', {}, t('metrics.communities')),
    communities);
  pane.classList.add('analysis');
  drawTable(holder, r.nodes);
}

function drawTable(holder, nodes) {
  const { sort, descending } = table;
  const sorted = [...nodes].sort((a, b) => {
    const order = sort === 'label' ? a.label.localeCompare(b.label, locale) : a[sort] - b[sort];
    return (descending ? -order : order) || a.label.localeCompare(b.label, locale);
  });
  const shown = table.all ? sorted : sorted.slice(0, TOP);
  const head = el('tr', {}, ...['label', ...COLUMNS].map((column) => {
    const name = column === 'label' ? t('metrics.name') : t(`metrics.col.${column}`);
    const button = el('button', { type: 'button', className: 'sort', title: t('metrics.sortBy', column === 'label' ? name : t(`metric.${column}`)) }, name);
    button.addEventListener('click', () => {
      table.descending = table.sort === column ? !table.descending : column !== 'label';
      table.sort = column;
      drawTable(holder, nodes);
      holder.querySelector(`th[data-column="${column}"] button`).focus();
    });
    const th = el('th', { scope: 'col' }, button);
    th.dataset.column = column;
    th.setAttribute('aria-sort', column === sort ? (descending ? 'descending' : 'ascending') : 'none');
    return th;
  }));
  const selected = holder.dataset.selected;
  const rows = shown.map((n) => {
    const button = el('button', { type: 'button', className: 'select-node' }, n.label);
    const row = el('tr', {},
      el('th', { scope: 'row' }, button),
      el('td', {}, integer.format(n.degree)),
      ...['betweenness', 'closeness', 'pageRank'].map((m) => el('td', {}, decimal.format(n[m]))));
    row.dataset.id = n.id;
    if (n.id === selected) row.setAttribute('aria-current', 'true');
    row.addEventListener('click', () => {
      diagram()?.clearHighlight();
      markActive(null);
      diagram()?.select(n.id);
      holder.dataset.selected = n.id;
      holder.querySelectorAll('tbody tr').forEach((tr) => (tr === row ? tr.setAttribute('aria-current', 'true') : tr.removeAttribute('aria-current')));
      say(`${n.label}: ${t('metric.betweenness')} ${decimal.format(n.betweenness)}, ${t('metric.pageRank')} ${decimal.format(n.pageRank)}`);
    });
    return row;
  });
  const more = nodes.length > TOP
    ? el('button', { type: 'button', className: 'show-more' }, table.all ? t('metrics.showTop', TOP) : t('metrics.showAll', nodes.length))
    : null;
  more?.addEventListener('click', () => {
    table.all = !table.all;
    drawTable(holder, nodes);
    holder.querySelector('.show-more').focus();
  });
  holder.replaceChildren(
    el('table', { className: 'metrics' },
      el('caption', {}, t('metrics.tableCaption')),
      el('thead', {}, head), el('tbody', {}, ...rows)),
    more);
}
