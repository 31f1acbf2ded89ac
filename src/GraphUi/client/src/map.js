// The map page: loads the network's graph, draws it, and wires filters, search, layouts, editing and panels.
import { api, ApiError, segment } from './api.js';
import { t, kindLabel } from './texts.js';
import { Diagram } from './diagram.js';
import { renderDetails } from './details.js';
import { renderFields, readFields, showErrors } from './forms.js';
import { actorColours, nodeShapes, typeColours, collaborationStyles } from './styles.js';

const page = document.getElementById('map-page');
const networkId = page.dataset.network;
const base = `/api/networks/${encodeURIComponent(networkId)}`;
const $ = (id) => document.getElementById(id);

const state = {
  graph: null,          // the last graph from the server
  selected: null,       // data of the selected node or edge
  connectFrom: null,    // source node id while connecting, '' while waiting for it
  undo: [],             // revisions of this user's own change sets, newest last
  metrics: null,        // node id → metric values from the analysis API, when available
};

const diagram = new Diagram($('diagram'), { onSelect: select, onDragged: savePositions });
window.networkMap = { diagram, state }; // for the browser tests and the curious

/** Marks the page busy while a change is saved and the map catches up, so observers (and tests) know when it has settled. */
async function busy(work) {
  page.dataset.busy = 'true';
  try { return await work(); } finally { page.dataset.busy = 'false'; }
}

function say(message, isError = false) {
  const status = $('status');
  status.textContent = message;
  status.classList.toggle('error', isError);
}

// ---- loading -----------------------------------------------------------------------------------

async function load() {
  const [graph, positions] = await Promise.all([api('GET', `${base}/graph`), api('GET', `${base}/positions`)]);
  state.graph = graph;
  const needsLayout = diagram.load(graph, positions) === null;
  applyFilter();
  if (needsLayout) diagram.layout('force'); else diagram.fit();
  fillSearch();
  page.dataset.ready = 'true';
  page.dataset.busy = 'false';
  page.dataset.revision = graph.revision;
}

async function refresh() {
  state.graph = await api('GET', `${base}/graph`);
  diagram.sync(state.graph);
  fillSearch();
  page.dataset.revision = state.graph.revision;
  if (state.selected) select(state.graph.nodes.find((n) => n.id === state.selected.id) ?? state.graph.edges.find((e) => e.id === state.selected.id) ?? null);
}

let saveTimer;
function savePositions() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => api('PUT', `${base}/positions`, diagram.positions()).catch((e) => say(e.message, true)), 300);
}

// ---- filters, search, layout --------------------------------------------------------------------

function currentFilter() {
  return {
    layers: new Set([...document.querySelectorAll('input[name="layer"]:checked')].map((i) => i.value)),
    actorKind: $('filter-actor-kind').value, bodyKind: $('filter-body-kind').value, topic: $('filter-topic').value,
    territory: $('filter-territory').value, status: $('filter-status').value, asOf: $('filter-as-of').value,
  };
}

function applyFilter() {
  diagram.applyFilter(currentFilter());
  fillSearch();
  page.dataset.visibleNodes = diagram.visibleNodes().length;
}

function fillSearch() {
  $('search-options').replaceChildren(...diagram.labels().map((l) => Object.assign(document.createElement('option'), { value: l })));
}

document.querySelectorAll('.filters select, .filters input').forEach((input) => input.addEventListener('change', () => {
  applyFilter();
  diagram.fit();
}));
$('reset-filters').addEventListener('click', () => {
  document.querySelectorAll('.filters select').forEach((s) => { s.value = ''; });
  $('filter-as-of').value = '';
  document.querySelectorAll('input[name="layer"]').forEach((i) => { i.checked = ['actor', 'body', 'person'].includes(i.value); });
  applyFilter();
  diagram.fit();
});

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const query = $('search').value;
  const found = diagram.find(query);
  if (!found) { say(t('map.search.none', query), true); return; }
  diagram.select(found.id);
  select(found);
  say('');
});
$('search').addEventListener('change', () => $('search-form').requestSubmit());

async function metricValues(name) {
  if (name === 'none') return null;
  if (name === 'degree') return diagram.degrees();
  if (!state.metrics) {
    try {
      const result = await api('GET', `${base}/analysis/metrics`);
      state.metrics = new Map(result.nodes.map((n) => [n.id, n]));
    } catch { return diagram.degrees(); }
  }
  return new Map([...state.metrics].map(([id, n]) => [id, n[name]]));
}

$('size-by').addEventListener('change', async () => diagram.sizeBy(await metricValues($('size-by').value)));
$('layout').addEventListener('change', async () => {
  const mode = $('layout').value;
  const labels = Object.fromEntries(state.graph.nodes.filter((n) => n.type === mode).map((n) => [n.id, n.label]));
  diagram.layout(mode, await metricValues($('size-by').value === 'none' ? 'degree' : $('size-by').value), labels);
  savePositions();
});
$('fit').addEventListener('click', () => diagram.fit());
$('neighbourhood').addEventListener('click', () => state.selected && diagram.neighbourhood(state.selected.id));
$('export-png').addEventListener('click', () => download(diagram.png(), `${networkId}.png`));
$('export-svg').addEventListener('click', () => download(new Blob([diagram.svg()], { type: 'image/svg+xml' }), `${networkId}.svg`));

function download(blob, name) {
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// ---- legend -------------------------------------------------------------------------------------

function legend() {
  const item = (swatch, text) => {
    const li = document.createElement('li');
    const s = Object.assign(document.createElement('span'), { className: `swatch ${swatch.shape ?? ''}` });
    s.style.background = swatch.colour ?? 'transparent';
    if (swatch.line) { s.style.borderTop = `${swatch.width ?? 3}px ${swatch.line} ${swatch.lineColour}`; s.style.background = 'transparent'; }
    li.append(s, text);
    return li;
  };
  $('legend').replaceChildren(
    ...Object.entries(actorColours).map(([k, c]) => item({ colour: c, shape: nodeShapes.actor }, `${t('type.actor')}: ${kindLabel('actor', k)}`)),
    ...['body', 'person', 'topic', 'territory', 'measure'].map((ty) => item({ colour: typeColours[ty], shape: nodeShapes[ty] }, t(`type.${ty}`))),
    item({ line: 'dashed', lineColour: '#ff8f00' }, `${t('type.body')}: ${kindLabel('status', 'dormant')}`),
    item({ line: 'solid', lineColour: '#607d8b' }, t('type.membership')),
    item({ line: 'solid', lineColour: '#37474f', width: 5 }, `${t('type.membership')}: ${kindLabel('role', 'chair')}`),
    ...Object.entries(collaborationStyles).map(([k, s]) => item({ line: s.style, lineColour: s.color }, `${t('type.collaboration')}: ${kindLabel('collaboration', k)}`)),
  );
}

// ---- selection and details -----------------------------------------------------------------------

const label = (id) => state.graph.nodes.find((n) => n.id === id)?.label ?? id;
const nodesByType = (type) => state.graph.nodes.filter((n) => n.type === type).sort((a, b) => a.label.localeCompare(b.label));
const isEntityEdge = (d) => d && (d.type === 'membership' || d.type === 'collaboration') && d.source !== undefined;

async function select(data) {
  if (state.connectFrom !== null && data && !data.source) { connectTo(data); return; }
  state.selected = data;
  $('neighbourhood').disabled = !data || data.source !== undefined;
  showTab('details');
  const pane = $('pane-details');
  if (!data) { pane.replaceChildren(Object.assign(document.createElement('p'), { className: 'muted', textContent: t('panel.nothingSelected') })); return; }
  if (data.source !== undefined && !isEntityEdge(data)) { pane.replaceChildren(); return; }
  const type = data.type;
  pane.replaceChildren(Object.assign(document.createElement('p'), { textContent: t('panel.loading') }));
  const entity = await api('GET', `${base}/${segment(type)}/${encodeURIComponent(data.id)}`);
  const edges = data.source === undefined ? state.graph.edges.filter((e) => e.source === data.id || e.target === data.id) : [];
  renderDetails(pane, type, entity, edges, {
    label, onGo: (id) => { diagram.select(id); select(state.graph.nodes.find((n) => n.id === id)); },
    onEdit: () => openEditor(type, entity), onDelete: () => confirmDelete(type, entity),
  });
  page.dataset.selected = data.id;
}

// ---- editing --------------------------------------------------------------------------------------

const dialog = $('edit-dialog');
let editing = null; // { type, entity, isNew }

function openEditor(type, entity, isNew = false, title = null) {
  editing = { type, entity, isNew };
  $('edit-title').textContent = title ?? t('dialog.edit', entity.name ?? label(entity.member ?? entity.from ?? ''));
  $('edit-error').textContent = '';
  renderFields($('edit-fields'), type, entity, nodesByType);
  dialog.showModal();
  $('edit-fields').querySelector('input, select, textarea')?.focus();
}

$('edit-cancel').addEventListener('click', () => dialog.close());
$('edit-form').addEventListener('submit', (e) => {
  e.preventDefault();
  busy(save);
});

async function save() {
  const { type, entity, isNew } = editing;
  const body = readFields($('edit-fields'), type, entity);
  try {
    const saved = isNew
      ? await api('POST', `${base}/${segment(type)}`, body)
      : await api('PUT', `${base}/${segment(type)}/${encodeURIComponent(entity.id)}`, body);
    dialog.close();
    await remember(saved);
    say(t('saved'));
    await refresh();
    diagram.select(saved.id, { zoom: isNew });
    select(state.graph.nodes.find((n) => n.id === saved.id) ?? state.graph.edges.find((x) => x.id === saved.id));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 409 && error.problem.current) {
      editing.entity = error.problem.current;
      renderFields($('edit-fields'), type, error.problem.current, nodesByType);
      $('edit-error').textContent = t('error.conflict');
      return;
    }
    const rest = showErrors($('edit-fields'), error.errors);
    $('edit-error').textContent = rest.length || !Object.keys(error.errors).length
      ? `${t('error.general')} ${rest.length ? rest.join(' ') : error.message}` : '';
  }
}

/** Remembers the change set behind a saved entity, so "undo" can revert it. */
async function remember(saved) {
  const history = await api('GET', `${base}/history?entity=${encodeURIComponent(saved.id)}&after=${Math.max(0, (state.graph?.revision ?? 1) - 1)}`);
  const own = history.at(-1);
  if (own) pushUndo(own.revision);
}

function pushUndo(revision) {
  state.undo.push(revision);
  $('undo').disabled = false;
}

async function confirmDelete(type, entity) {
  $('confirm-text').textContent = t('dialog.confirmDelete', entity.name ?? label(entity.member ?? entity.from));
  const confirm = $('confirm-dialog');
  confirm.returnValue = '';
  confirm.showModal();
  await new Promise((resolve) => confirm.addEventListener('close', resolve, { once: true }));
  if (confirm.returnValue !== 'yes') return;
  await busy(() => remove(type, entity));
}

async function remove(type, entity) {
  try {
    const set = await api('DELETE', `${base}/${segment(type)}/${encodeURIComponent(entity.id)}?version=${entity.version}`);
    pushUndo(set.revision);
    state.selected = null;
    say(t('deleted'));
    await refresh();
    select(null);
  } catch (error) {
    say(`${t('error.general')} ${error.message} ${(error.problem?.references ?? []).join('; ')}`, true);
  }
}

$('undo').addEventListener('click', () => busy(undo));

async function undo() {
  const revision = state.undo.pop();
  $('undo').disabled = state.undo.length === 0;
  if (!revision) { say(t('map.undo.none')); return; }
  try {
    await api('POST', `${base}/history/${revision}/revert`);
    say(t('undone'));
    await refresh();
  } catch (error) {
    say(`${t('error.general')} ${error.message}`, true);
  }
}

$('add-actor').addEventListener('click', () =>
  openEditor('actor', { kind: 'other', topics: [], territories: [] }, true, t('dialog.newActor')));
$('add-body').addEventListener('click', () =>
  openEditor('body', { kind: 'workingGroup', status: 'active', topics: [], territories: [] }, true, t('dialog.newBody')));

// Connecting: press the button, click the source, click the target; the dialog asks for role or kind.
$('connect').addEventListener('click', () => {
  const on = state.connectFrom === null;
  state.connectFrom = on ? '' : null;
  $('connect').setAttribute('aria-pressed', String(on));
  diagram.setConnectSource(null);
  say(on ? t('map.connect.hint') : '');
});

function connectTo(node) {
  if (state.connectFrom === '') {
    state.connectFrom = node.id;
    diagram.setConnectSource(node.id);
    return;
  }
  const from = state.graph.nodes.find((n) => n.id === state.connectFrom);
  state.connectFrom = null;
  $('connect').setAttribute('aria-pressed', 'false');
  diagram.setConnectSource(null);
  const pair = [from, node];
  const body = pair.find((n) => n.type === 'body');
  const member = pair.find((n) => n !== body && (n.type === 'actor' || n.type === 'person'));
  if (body && member) {
    openEditor('membership', { member: member.id, body: body.id, role: 'member' }, true, t('dialog.connect'));
  } else if (from.type === 'actor' && node.type === 'actor') {
    openEditor('collaboration', { from: from.id, to: node.id, kind: 'informal', topics: [] }, true, t('dialog.connect'));
  } else {
    say(`${t('error.general')} ${t(`type.${from.type}`)} – ${t(`type.${node.type}`)}`, true);
  }
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && state.connectFrom !== null) $('connect').click();
});

// ---- tabs ---------------------------------------------------------------------------------------

function showTab(name) {
  document.querySelectorAll('[role="tab"]').forEach((tab) => tab.setAttribute('aria-selected', String(tab.id === `tab-${name}`)));
  document.querySelectorAll('[role="tabpanel"]').forEach((pane) => { pane.hidden = pane.id !== `pane-${name}`; });
}

document.querySelectorAll('[role="tab"]').forEach((tab) => tab.addEventListener('click', () => {
  const name = tab.id.replace('tab-', '');
  showTab(name);
  window.dispatchEvent(new CustomEvent('networkgraph:tab', { detail: name }));
}));

legend();
load().catch((error) => say(`${t('error.general')} ${error.message}`, true));
