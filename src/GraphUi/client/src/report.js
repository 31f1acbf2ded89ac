// The report's picture of the map: the map page's Diagram draws the network off screen in a fixed-size box (saved
// positions, else the force layout), and a PNG of it replaces the box, so printing and PDF never depend on a canvas.
import { api } from './api.js';
import { t, kindLabel } from './texts.js';
import { Diagram } from './diagram.js';
import { actorColours, nodeShapes, typeColours } from './styles.js';

const report = document.getElementById('report');
const holder = document.getElementById('report-map-picture');
document.getElementById('print')?.addEventListener('click', () => window.print());

/** The layers the map page starts with: topics, territories and measures would join everything into one knot. */
const LAYERS = ['actor', 'body', 'person'];

async function draw() {
  const base = `/api/networks/${encodeURIComponent(report.dataset.network)}`;
  const [graph, positions] = await Promise.all([api('GET', `${base}/graph`), api('GET', `${base}/positions`)]);
  const stage = Object.assign(document.createElement('div'), { className: 'map-stage' });
  stage.setAttribute('aria-hidden', 'true');
  document.body.append(stage);
  const diagram = new Diagram(stage);
  try {
    const placed = diagram.load(graph, positions) !== null;
    diagram.applyFilter({ layers: new Set(LAYERS), asOf: report.dataset.asOf });
    if (placed) diagram.fit(); else diagram.layout('force');
    // On paper the picture is scaled down: larger labels, bodies (what the report is about) largest, every label drawn
    // whatever the zoom. Persons stay unnamed: a committee paper is public, and a person's name is personal data.
    diagram.cy.style()
      .selector('node').style({ 'font-size': 15, 'text-max-width': 140, 'min-zoomed-font-size': 0 })
      .selector('node[type = "body"]').style({ 'font-size': 19, 'font-weight': 'bold', 'text-max-width': 180 })
      .selector('node[type = "person"]').style({ label: '' })
      .update();
    const image = new Image();
    image.src = await dataUrl(diagram.png());
    image.alt = t('report.map.alt', document.querySelector('.report-head h1')?.textContent ?? '');
    await image.decode();
    holder.replaceChildren(image, legend(diagram));
    // A wide picture gets a landscape page of its own when printed (see @page landscape in app.css).
    holder.closest('section')?.classList.toggle('landscape', image.naturalWidth > 1.6 * image.naturalHeight);
  } finally {
    diagram.cy.destroy();
    stage.remove();
  }
}

const dataUrl = (blob) => new Promise((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(reader.result);
  reader.onerror = () => reject(reader.error);
  reader.readAsDataURL(blob);
});

/** The kinds of node the picture shows, with their colour and shape as on the map page. */
function legend(diagram) {
  const shown = diagram.visibleNodes();
  const item = (colour, shape, text) => {
    const swatch = Object.assign(document.createElement('span'), { className: `swatch ${shape}` });
    swatch.style.background = colour;
    const li = document.createElement('li');
    li.append(swatch, text);
    return li;
  };
  const actorKinds = [...new Set(shown.filter((n) => n.data('type') === 'actor').map((n) => n.data('kind')))];
  const list = Object.assign(document.createElement('ul'), { className: 'report-legend' });
  list.append(
    ...Object.keys(actorColours).filter((k) => actorKinds.includes(k))
      .map((k) => item(actorColours[k], nodeShapes.actor, `${t('type.actor')}: ${kindLabel('actor', k)}`)),
    ...LAYERS.slice(1).filter((type) => shown.some((n) => n.data('type') === type))
      .map((type) => item(typeColours[type], nodeShapes[type], t(`type.${type}`))));
  if (shown.some((n) => n.data('status') === 'dormant')) {
    const dormant = item('transparent', nodeShapes.body, `${t('type.body')}: ${kindLabel('status', 'dormant')}`);
    dormant.firstChild.classList.add('dormant');
    list.append(dormant);
  }
  return list;
}

if (holder) {
  draw()
    .catch((error) => {
      holder.replaceChildren(Object.assign(document.createElement('p'), { className: 'error', textContent: `${t('report.map.failed')} ${error.message}` }));
    })
    .finally(() => {
      holder.removeAttribute('aria-busy');
      report.dataset.mapReady = 'true';
    });
}
