// The map page: loads the network's graph, draws it, and wires filters, search, layouts, editing,
// panels and the live session (others' changes, presence, follow mode, reconnects).
import * as client from './api.js';
import { api, ApiError, segment } from './api.js';
import { t, kindLabel, language } from './texts.js';
import { Diagram } from './diagram.js';
import { renderDetails } from './details.js';
import { renderFields, readFields, showErrors } from './forms.js';
import { renderHistory } from './history.js';
import { Live } from './live.js';
import './analysis.js';
import { actorColours, nodeShapes, typeColours, collaborationStyles } from './styles.js';

const page = document.getElementById('map-page');
const networkId = page.dataset.network;
const base = `/api/networks/${encodeURIComponent(networkId)}`;
const $ = (id) => document.getElementById(id);

const state = {
  graph: null,          // the last graph from the server
  revision: 0,          // the network revision the map shows
  selected: null,       // data of the selected node or edge
  connectFrom: null,    // source node id while connecting, '' while waiting for it
  undo: [],             // revisions of this user's own change sets, newest last
  redo: [],             // revisions of this user's undos, newest last
  own: new Set(),       // every revision this user committed here
  pending: [],          // edits made while offline, sent after reconnecting
  participants: [],
  following: true,
  metrics: null,        // node id → metric values from the analysis API, when available
  entities: new Map(),  // entities read this session: details and forms still work while offline
};

const diagram = new Diagram($('diagram'), { onSelect: select, onDragged: moved });
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

// ---- loading and catching up ---------------------------------------------------------------------

async function load() {
  const [graph, positions] = await Promise.all([api('GET', `${base}/graph`), api('GET', `${base}/positions`)]);
  performance.mark('graph-loaded');
  state.graph = graph;
  const needsLayout = diagram.load(graph, positions) === null;
  applyFilter();
  performance.mark('graph-drawn');
  if (needsLayout) {
    // A quick draft first, so the map is there at once; the refined layout follows and becomes the
    // network's: everyone sees the same map, and later opens need no layout at all.
    diagram.layout('draft');
    setTimeout(() => {
      if (diagram.visibleNodes().length <= 600) diagram.layout('refine');
      moved(diagram.visibleNodes().toArray());
      page.dataset.settled = 'true';
    }, 50);
  } else {
    diagram.fit();
    page.dataset.settled = 'true';
  }
  fillSearch();
  shown(graph.revision);
  page.dataset.ready = 'true';
  page.dataset.busy = 'false';
  performance.mark('map-ready'); // navigation → drawn and laid out, read by the UI benchmark
}

function shown(revision) {
  state.revision = revision;
  page.dataset.revision = revision;
}

/** Fetches the graph again and brings the diagram and the open panel up to date. */
async function refresh() {
  const graph = await api('GET', `${base}/graph`);
  if (graph.revision < state.revision) return; // an older answer overtaken by a newer one
  state.graph = graph;
  diagram.sync(graph);
  fillSearch();
  shown(graph.revision);
  if (state.selected) {
    const still = graph.nodes.find((n) => n.id === state.selected.id) ?? graph.edges.find((e) => e.id === state.selected.id) ?? null;
    await select(still, { quiet: true });
  }
  if (!$('pane-history').hidden) showHistory();
}

// Several changes arriving together cost one refresh.
let refreshing = null;
let again = false;
function scheduleRefresh() {
  if (refreshing) { again = true; return refreshing; }
  refreshing = (async () => {
    do { again = false; await refresh(); } while (again);
  })().finally(() => { refreshing = null; });
  return refreshing;
}

// ---- live session ------------------------------------------------------------------------------

const palette = ['#d81b60', '#1e88e5', '#43a047', '#fb8c00', '#8e24aa', '#00897b', '#6d4c41', '#3949ab'];
const me = {
  name: localStorage.getItem('networkgraph.user') || `Gast ${Math.floor(100 + Math.random() * 900)}`,
  colour: localStorage.getItem('networkgraph.colour') || palette[Math.floor(Math.random() * palette.length)],
};
localStorage.setItem('networkgraph.user', me.name);
localStorage.setItem('networkgraph.colour', me.colour);
$('my-name').value = me.name;

const live = new Live({
  networkId, language,
  onChanged: (set) => {
    if (set.revision <= state.revision) return; // already shown (our own, or a duplicate)
    if (!state.own.has(set.revision)) say(t('live.changedBy', set.author));
    scheduleRefresh();
  },
  onPresence: showPresence,
  onMoved: ({ positions }) => diagram.place(positions),
  onFollow: (view) => {
    if (!state.following || presenter()?.connectionId === live.id) return;
    diagram.show(view);
    if (view.selection) diagram.select(view.selection, { zoom: false });
  },
  onState: (s) => {
    $('offline-banner').hidden = s === 'connected';
    page.dataset.live = s;
  },
  onResumed: catchUp,
});
window.networkMap.live = live;

/** After a reconnect: load what others changed meanwhile, then send what this user changed offline. */
async function catchUp() {
  try {
    const missed = await api('GET', `${base}/history?after=${state.revision}&limit=1000`);
    if (missed.length) await scheduleRefresh();
    await sendPending();
    say(t('live.resumed', missed.reduce((n, s) => n + s.changes.length, 0)));
  } catch (error) {
    say(`${t('error.general')} ${error.message}`, true);
  }
}

const presenter = () => state.participants.find((p) => p.presenting);

function showPresence(participants) {
  state.participants = participants;
  $('presence').replaceChildren(...participants.map((p) => {
    const li = document.createElement('li');
    li.style.setProperty('--colour', p.colour);
    li.textContent = p.name + (p.presenting ? ` (${t('live.presenter')})` : '');
    li.dataset.name = p.name;
    if (p.connectionId === live.id) li.classList.add('me');
    return li;
  }));
  diagram.showPeers(participants.filter((p) => p.connectionId !== live.id));
  const leader = presenter();
  const iPresent = leader?.connectionId === live.id;
  $('present').setAttribute('aria-pressed', String(iPresent));
  $('follow').hidden = !leader || iPresent;
  $('follow').setAttribute('aria-pressed', String(state.following));
  page.dataset.participants = participants.length;
}

$('my-name').addEventListener('change', () => {
  me.name = $('my-name').value.trim() || me.name;
  localStorage.setItem('networkgraph.user', me.name);
  live.rename(me.name).catch((e) => say(e.message, true));
});

$('present').addEventListener('click', () => {
  const on = $('present').getAttribute('aria-pressed') !== 'true';
  live.call('Present', on).then(() => on && sendView()).catch((e) => say(e.message, true));
});
$('follow').addEventListener('click', () => {
  state.following = !state.following;
  $('follow').setAttribute('aria-pressed', String(state.following));
});

// While presenting, what this user sees is sent to the others (at most ten times a second).
let viewTimer = null;
function sendView() {
  if (presenter()?.connectionId !== live.id || viewTimer) return;
  viewTimer = setTimeout(() => {
    viewTimer = null;
    const e = diagram.cy.extent();
    live.call('Show', { x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2, selection: state.selected?.id ?? null }).catch(() => {});
  }, 100);
}
diagram.cy.on('viewport', sendView);

/** Dragged nodes: saved and shown on every screen through the hub, or saved over HTTP when offline. */
function moved(nodes) {
  const positions = Object.fromEntries(nodes.map((n) => [n.id(), { x: n.position('x'), y: n.position('y') }]));
  live.call('Move', positions)
    .then((sent) => sent || api('PUT', `${base}/positions`, positions))
    .catch((e) => say(e.message, true));
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
  moved(diagram.visibleNodes().toArray());
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

async function select(data, { quiet = false } = {}) {
  if (state.connectFrom !== null && data && !data.source) { connectTo(data); return; }
  state.selected = data;
  if (!quiet) {
    live.call('Select', data && !data.source ? data.id : null).catch(() => {});
    sendView();
    showTab('details');
  }
  $('neighbourhood').disabled = !data || data.source !== undefined;
  const pane = $('pane-details');
  if (!data) { pane.replaceChildren(Object.assign(document.createElement('p'), { className: 'muted', textContent: t('panel.nothingSelected') })); return; }
  if (data.source !== undefined && !isEntityEdge(data)) { pane.replaceChildren(); return; }
  const type = data.type;
  let entity, history;
  try {
    [entity, history] = await Promise.all([
      api('GET', `${base}/${segment(type)}/${encodeURIComponent(data.id)}`),
      api('GET', `${base}/history?entity=${encodeURIComponent(data.id)}&newest=true&limit=5`),
    ]);
    state.entities.set(data.id, entity);
  } catch (error) {
    if (error instanceof ApiError || !state.entities.has(data.id)) throw error;
    [entity, history] = [state.entities.get(data.id), []]; // offline: what was read before
  }
  if (state.selected?.id !== data.id) return; // another selection overtook this one
  const edges = data.source === undefined ? state.graph.edges.filter((e) => e.source === data.id || e.target === data.id) : [];
  renderDetails(pane, type, entity, edges, {
    label, onGo: (id) => { diagram.select(id); select(state.graph.nodes.find((n) => n.id === id)); },
    onEdit: () => openEditor(type, entity), onDelete: () => confirmDelete(type, entity),
  });
  const entityHistory = document.createElement('section');
  entityHistory.className = 'entity-history';
  renderHistory(entityHistory, history, { own: (r) => state.own.has(r), onUndo: (r) => busy(() => revert(r)), title: t('history.entity') });
  pane.append(entityHistory);
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

/** Remembers a change this user made: an edit can be undone; an undo can be redone; a redo undone again. */
function committed(revision, kind = 'edit') {
  if (!revision) return;
  state.own.add(revision);
  if (kind === 'undo') state.redo.push(revision);
  else state.undo.push(revision);
  if (kind === 'edit') state.redo = []; // a new edit makes earlier undos final
  $('undo').disabled = state.undo.length === 0;
  $('redo').disabled = state.redo.length === 0;
}

/** Sends one edit; offline, it waits in the queue and goes out after reconnecting. */
async function send(method, url, body, what) {
  if (page.dataset.live === 'reconnecting') {
    state.pending.push({ method, url, body, what });
    say(t('live.queued'));
    return null;
  }
  try {
    return await api(method, url, body);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    state.pending.push({ method, url, body, what }); // the server could not be reached
    say(t('live.queued'));
    return null;
  }
}

async function sendPending() {
  while (state.pending.length) {
    const edit = state.pending.shift();
    try {
      await api(edit.method, edit.url, edit.body);
      committed(client.lastRevision);
      say(t('live.queuedSent', edit.what));
    } catch (error) {
      say(t('live.queuedRefused', edit.what, error.message), true);
    }
  }
  await scheduleRefresh();
}

async function save() {
  const { type, entity, isNew } = editing;
  const body = readFields($('edit-fields'), type, entity);
  const what = body.name ?? label(body.member ?? body.from ?? '');
  try {
    const saved = isNew
      ? await send('POST', `${base}/${segment(type)}`, body, what)
      : await send('PUT', `${base}/${segment(type)}/${encodeURIComponent(entity.id)}`, body, what);
    dialog.close();
    if (!saved) return;
    committed(client.lastRevision);
    say(t('saved'));
    await scheduleRefresh();
    diagram.select(saved.id, { zoom: isNew });
    await select(state.graph.nodes.find((n) => n.id === saved.id) ?? state.graph.edges.find((x) => x.id === saved.id));
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
    const set = await send('DELETE', `${base}/${segment(type)}/${encodeURIComponent(entity.id)}?version=${entity.version}`, undefined,
      entity.name ?? label(entity.member ?? entity.from));
    if (!set) return;
    committed(set.revision);
    state.selected = null;
    say(t('deleted'));
    await scheduleRefresh();
    await select(null);
  } catch (error) {
    say(`${t('error.general')} ${error.message} ${(error.problem?.references ?? []).join('; ')}`, true);
  }
}

/** Undoes a committed change set as a new change; answers with the new revision. */
async function revert(revision, kind = 'edit') {
  try {
    const set = await api('POST', `${base}/history/${revision}/revert`);
    committed(set.revision, kind);
    say(t('undone'));
    await scheduleRefresh();
    return set.revision;
  } catch (error) {
    say(`${t('error.general')} ${error.message}`, true);
    return null;
  }
}

$('undo').addEventListener('click', () => busy(async () => {
  const revision = state.undo.pop();
  $('undo').disabled = state.undo.length === 0;
  if (!revision) { say(t('map.undo.none')); return; }
  await revert(revision, 'undo');
}));
$('redo').addEventListener('click', () => busy(async () => {
  const revision = state.redo.pop();
  $('redo').disabled = state.redo.length === 0;
  if (revision) await revert(revision, 'redo');
}));

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

// ---- history --------------------------------------------------------------------------------------

async function showHistory() {
  const sets = await api('GET', `${base}/history?newest=true&limit=30`);
  renderHistory($('pane-history'), sets, {
    own: (r) => state.own.has(r),
    onUndo: (r) => busy(() => revert(r)),
    onRestore: (r) => busy(() => restore(r)),
  });
}

async function restore(revision) {
  if (!window.confirm(t('history.restoreConfirm', revision))) return;
  try {
    const set = await api('POST', `${base}/history/${revision}/restore`);
    committed(set.revision);
    say(t('history.restored', revision));
    await scheduleRefresh();
  } catch (error) {
    say(`${t('error.general')} ${error.message}`, true);
  }
}

// ---- tabs ---------------------------------------------------------------------------------------

function showTab(name) {
  document.querySelectorAll('[role="tab"]').forEach((tab) => tab.setAttribute('aria-selected', String(tab.id === `tab-${name}`)));
  document.querySelectorAll('[role="tabpanel"]').forEach((pane) => { pane.hidden = pane.id !== `pane-${name}`; });
}

document.querySelectorAll('[role="tab"]').forEach((tab) => tab.addEventListener('click', () => {
  const name = tab.id.replace('tab-', '');
  showTab(name);
  if (name === 'history') showHistory();
  window.dispatchEvent(new CustomEvent('networkgraph:tab', { detail: name }));
}));

legend();
load()
  .then(() => live.start(me.name, me.colour))
  .catch((error) => say(`${t('error.general')} ${error.message}`, true));
