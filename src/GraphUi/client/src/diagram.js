// The network diagram: a view of the server's graph. It draws, filters, lays out and exports;
// it owns no data of its own beyond where the nodes are.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { stylesheet } from './styles.js';
import { toSvg } from './svg.js';

cytoscape.use(fcose);

const baseSize = { actor: 26, body: 34, person: 16, topic: 24, territory: 24, measure: 20 };
const TOPICAL = ['actor', 'body', 'measure'];

/** Valid at a date: within since/until (bodies: founded/dissolved). ISO dates compare as strings. */
const validAt = (d, date) => !date || ((!d.since || d.since <= date) && (!d.until || d.until > date));

export class Diagram {
  constructor(container, { onSelect, onDragged } = {}) {
    this.cy = cytoscape({
      container, style: stylesheet(), wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4,
      boxSelectionEnabled: false, selectionType: 'single',
      // Large maps stay fluid: while panning or zooming, draw a cached picture and leave out the edges.
      textureOnViewport: true, hideEdgesOnViewport: true,
    });
    this.filter = null;
    this.metric = null;
    this.cy.on('tap', 'node, edge', (e) => onSelect?.(e.target.data()));
    this.cy.on('tap', (e) => { if (e.target === this.cy) onSelect?.(null); });
    this.cy.on('dragfree', 'node', (e) => onDragged?.([e.target]));
  }

  /** Draws a graph (from GET /graph); saved positions place the nodes, otherwise the force layout does. */
  load(graph, saved = {}) {
    this.cy.elements().remove();
    this.cy.add([...graph.nodes.map(nodeElement), ...graph.edges.map(edgeElement)]);
    this.#applyClasses();
    const placed = this.cy.nodes().filter((n) => saved[n.id()]);
    placed.forEach((n) => n.position({ ...saved[n.id()] }));
    return placed.length > 0 ? this.#placeNewNodes() : null;
  }

  /** Brings the diagram up to date with a newer graph, keeping every node that stays where it is. */
  sync(graph) {
    const wanted = new Map([...graph.nodes.map(nodeElement), ...graph.edges.map(edgeElement)].map((e) => [e.data.id, e]));
    this.cy.batch(() => {
      this.cy.elements().not('.group-label').forEach((ele) => { if (!wanted.has(ele.id())) ele.remove(); });
      const fresh = [];
      for (const [id, element] of wanted) {
        const existing = this.cy.getElementById(id);
        if (existing.nonempty()) existing.data(element.data);
        else fresh.push(element);
      }
      this.cy.add(fresh.filter((e) => e.group === 'nodes'));
      this.cy.add(fresh.filter((e) => e.group === 'edges' && this.#hasEnds(e)));
    });
    this.#applyClasses();
    this.#placeNewNodes();
    if (this.filter) this.applyFilter(this.filter);
    if (this.metric) this.sizeBy(this.metric);
  }

  #hasEnds(e) { return this.cy.getElementById(e.data.source).nonempty() && this.cy.getElementById(e.data.target).nonempty(); }

  #applyClasses() {
    this.cy.nodes('[type = "body"]').forEach((n) => {
      n.toggleClass('dormant', n.data('status') === 'dormant');
      n.toggleClass('dissolved', n.data('status') === 'dissolved');
    });
  }

  /** Nodes that have no place yet go beside their placed neighbours (or the middle of the view). */
  #placeNewNodes() {
    const unplaced = this.cy.nodes().filter((n) => !n.scratch('placed') && n.position('x') === 0 && n.position('y') === 0);
    const ext = this.cy.extent();
    unplaced.forEach((n, i) => {
      const neighbours = n.neighborhood('node').filter((m) => !unplaced.contains(m));
      const centre = neighbours.nonempty()
        ? { x: mean(neighbours.map((m) => m.position('x'))), y: mean(neighbours.map((m) => m.position('y'))) }
        : { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
      const angle = i * 2.4;
      n.position({ x: centre.x + 40 * Math.cos(angle), y: centre.y + 40 * Math.sin(angle) });
    });
    this.cy.nodes().forEach((n) => n.scratch('placed', true));
    return unplaced.length;
  }

  /** Shows what the filter lets through: layers, kinds, topic, territory, status and the "as of" date. */
  applyFilter(f) {
    this.filter = f;
    // Whole collections at once: one class change per element and one style pass, also on a 2,000-node map.
    const nodes = this.cy.nodes().not('.group-label');
    let shown = nodes.filter((n) => nodeVisible(n.data(), f));
    if (f.actorKind || f.topic || f.territory) {
      // A person is shown when something it belongs to is shown.
      const lonely = shown.filter('[type = "person"]')
        .filter((p) => p.neighborhood('node').intersection(shown).filter((m) => m.data('type') !== 'person').empty());
      shown = shown.difference(lonely);
    }
    const edges = this.cy.edges().filter((e) => shown.has(e.source()) && shown.has(e.target()) && validAt(e.data(), f.asOf));
    this.cy.batch(() => {
      nodes.union(this.cy.edges()).addClass('hidden');
      shown.union(edges).removeClass('hidden');
    });
  }

  visibleNodes() { return this.cy.nodes().not('.hidden').not('.group-label'); }

  /** Lays out the visible nodes: 'force', 'concentric' (by the size metric) or grouped by 'territory' / 'topic'. */
  layout(mode, metricValues, labels = {}) {
    this.cy.resize(); // the page grid may have changed the container's size since the diagram was made
    this.cy.nodes('.group-label').remove();
    const nodes = this.visibleNodes();
    const eles = nodes.union(nodes.edgesWith(nodes).not('.hidden'));
    let options;
    if (mode === 'concentric') {
      const value = (n) => metricValues?.get(n.id()) ?? n.degree(false);
      const max = Math.max(1e-9, ...nodes.map(value));
      options = { name: 'concentric', concentric: value, levelWidth: () => max / 6, minNodeSpacing: 12, animate: false };
    } else if (mode === 'territory' || mode === 'topic') {
      options = { name: 'preset', positions: this.#grouped(nodes, mode, labels), animate: false };
    } else if (mode === 'refine') {
      // Improves the current picture in place (from a draft layout): CoSE iterations without a new start.
      options = { name: 'fcose', quality: 'default', randomize: false, animate: false, packComponents: true,
        nodeRepulsion: 45000, idealEdgeLength: 110, edgeElasticity: 0.3, nodeSeparation: 90, numIter: 1500, gravity: 0.15 };
    } else {
      options = {
        name: 'fcose', quality: mode === 'draft' || nodes.length > 600 ? 'draft' : 'default', randomize: true, animate: false,
        packComponents: true, nodeRepulsion: 45000, idealEdgeLength: 110, edgeElasticity: 0.3, nodeSeparation: 90, numIter: 2500, gravity: 0.15,
      };
    }
    eles.layout({ ...options, fit: true, padding: 30 }).run();
    nodes.forEach((n) => n.scratch('placed', true));
  }

  /** Positions for a grouped layout: one circle of nodes per group, the groups on a grid, each with its name above. */
  #grouped(nodes, mode, labels) {
    const key = (n) => {
      const d = n.data();
      if (d.type === mode) return d.id;
      if (TOPICAL.includes(d.type)) return (mode === 'topic' ? d.topics : d.territories)[0] ?? '';
      if (d.type === 'person') {
        const actor = n.outgoers('node[type = "actor"]').first();
        return actor.nonempty() ? ((mode === 'topic' ? actor.data('topics') : actor.data('territories'))[0] ?? '') : '';
      }
      return '';
    };
    const groups = new Map();
    nodes.forEach((n) => { const k = key(n); if (!groups.has(k)) groups.set(k, []); groups.get(k).push(n); });
    const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
    const radius = (count) => Math.max(40, (count * 34) / (2 * Math.PI));
    const cell = 2 * Math.max(...ordered.map(([, g]) => radius(g.length))) + 120;
    const columns = Math.ceil(Math.sqrt(ordered.length));
    const positions = {};
    ordered.forEach(([k, members], gi) => {
      const cx = (gi % columns) * cell;
      const cy = Math.floor(gi / columns) * cell;
      const r = radius(members.length);
      members.forEach((n, i) => {
        const a = (2 * Math.PI * i) / members.length;
        positions[n.id()] = members.length === 1 ? { x: cx, y: cy } : { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) };
      });
      const label = this.cy.add({ group: 'nodes', data: { id: `group:${k || '-'}`, label: labels[k] ?? (k || '—'), type: 'group' }, classes: 'group-label' });
      label.position({ x: cx, y: cy - r - 40 });
    });
    return (n) => positions[n.id()];
  }

  /** Sizes nodes by a metric (id → value), or by their kind when there is none. */
  sizeBy(values) {
    this.metric = values;
    const numbers = values ? [...values.values()] : [];
    const min = Math.min(...numbers);
    const span = Math.max(...numbers) - min || 1;
    this.cy.batch(() => this.cy.nodes().not('.group-label').forEach((n) => {
      const v = values?.get(n.id());
      n.data('size', v === undefined ? baseSize[n.data('type')] ?? 20 : 14 + 46 * ((v - min) / span));
    }));
  }

  degrees() { return new Map(this.visibleNodes().map((n) => [n.id(), n.degree(false)])); }

  select(id, { zoom = true } = {}) {
    const ele = this.cy.getElementById(id);
    if (ele.empty()) return null;
    this.cy.elements().unselect();
    ele.select();
    if (zoom && ele.isNode()) this.cy.animate({ center: { eles: ele }, zoom: Math.max(this.cy.zoom(), 1.2) }, { duration: 250 });
    return ele.data();
  }

  /** Fades everything but the given nodes (and the edges between them) and brings them into view. */
  highlight(ids) {
    this.clearHighlight();
    const nodes = this.cy.collection(ids.map((id) => this.cy.getElementById(id)).filter((e) => e.nonempty()));
    if (nodes.empty()) return 0;
    this.cy.elements().addClass('faded');
    nodes.union(nodes.edgesWith(nodes)).removeClass('faded').addClass('highlight');
    nodes.removeClass('hidden');
    // Fit them into view, but no closer than a readable zoom: a single node would otherwise fill the screen.
    const zoom = Math.min(this.cy.getFitViewport(nodes, 80)?.zoom ?? this.cy.zoom(), 1.5);
    this.cy.animate({ center: { eles: nodes }, zoom }, { duration: 300 });
    return nodes.length;
  }

  clearHighlight() { this.cy.elements().removeClass('faded highlight'); }

  /** Shows only a node and its direct neighbours. */
  neighbourhood(id) {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    const near = node.closedNeighborhood().not('.hidden');
    this.cy.elements().addClass('faded');
    near.removeClass('faded');
    this.cy.animate({ fit: { eles: near, padding: 60 } }, { duration: 250 });
  }

  fit() {
    this.cy.resize();
    this.clearHighlight();
    this.cy.fit(this.visibleNodes(), 30);
  }

  /** Puts nodes where the server says they are (a move by anyone), except a node the user is dragging right now. */
  place(positions) {
    this.cy.batch(() => {
      for (const [id, p] of Object.entries(positions)) {
        const node = this.cy.getElementById(id);
        if (node.nonempty() && !node.grabbed()) node.position({ x: p.x, y: p.y });
      }
    });
  }

  /** Shows the part of the map a presenter looks at. */
  show(view) {
    this.cy.resize();
    const w = this.cy.width();
    const h = this.cy.height();
    const zoom = Math.min(w / (view.x2 - view.x1), h / (view.y2 - view.y1));
    this.cy.viewport({ zoom, pan: { x: w / 2 - zoom * (view.x1 + view.x2) / 2, y: h / 2 - zoom * (view.y1 + view.y2) / 2 } });
  }

  /** Marks what the other participants have selected, each in their colour. */
  showPeers(participants) {
    this.cy.batch(() => {
      this.cy.nodes('.peer').removeClass('peer').removeData('peerColour peerName');
      for (const p of participants) {
        if (!p.selection) continue;
        const node = this.cy.getElementById(p.selection);
        if (node.nonempty()) node.addClass('peer').data({ peerColour: p.colour, peerName: p.name });
      }
    });
  }

  /** Current positions of the real nodes, for saving. */
  positions() {
    const result = {};
    this.cy.nodes().not('.group-label').forEach((n) => { result[n.id()] = { x: round(n.position('x')), y: round(n.position('y')) }; });
    return result;
  }

  setConnectSource(id) {
    this.cy.nodes().removeClass('connect-source');
    if (id) this.cy.getElementById(id).addClass('connect-source');
  }

  find(query) {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    const nodes = this.cy.nodes().not('.group-label').filter((n) => n.data('type') !== 'group');
    return nodes.filter((n) => n.data('label').toLowerCase() === q || n.id() === q).first().data()
      ?? nodes.filter((n) => n.data('label').toLowerCase().includes(q)).first().data()
      ?? null;
  }

  labels() { return this.visibleNodes().map((n) => n.data('label')).sort((a, b) => a.localeCompare(b)); }

  png() { return this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }); }

  svg() { return toSvg(this.cy); }
}

function nodeVisible(d, f) {
  if (!f.layers.has(d.type)) return false;
  if (f.actorKind && d.type === 'actor' && d.kind !== f.actorKind) return false;
  if (f.bodyKind && d.type === 'body' && d.kind !== f.bodyKind) return false;
  if (f.status && d.type === 'body' && d.status !== f.status) return false;
  if (f.topic && TOPICAL.includes(d.type) && !d.topics.includes(f.topic)) return false;
  if (f.topic && d.type === 'topic' && d.id !== f.topic) return false;
  if (f.territory && TOPICAL.includes(d.type) && !d.territories.includes(f.territory)) return false;
  return validAt(d, f.asOf);
}

function nodeElement(n) {
  return { group: 'nodes', data: { ...n, size: baseSize[n.type] ?? 20 } };
}

function edgeElement(e) {
  return { group: 'edges', data: { ...e } };
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const round = (v) => Math.round(v * 10) / 10;
