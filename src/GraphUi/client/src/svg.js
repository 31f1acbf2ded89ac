// Writes the visible diagram as a standalone SVG picture: nodes in their shapes and colours, edges, labels.

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function polygon(shape, x, y, r) {
  const points = {
    diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
    hexagon: [[-1, 0], [-0.5, -0.87], [0.5, -0.87], [1, 0], [0.5, 0.87], [-0.5, 0.87]],
    'round-triangle': [[0, -1], [0.95, 0.8], [-0.95, 0.8]],
    tag: [[-1, -0.7], [0.5, -0.7], [1, 0], [0.5, 0.7], [-1, 0.7]],
  }[shape];
  return points?.map(([px, py]) => `${(x + px * r).toFixed(1)},${(y + py * r).toFixed(1)}`).join(' ');
}

const dash = { dashed: '6 4', dotted: '2 3' };

export function toSvg(cy) {
  const eles = cy.elements().not('.hidden');
  const box = eles.boundingBox();
  const pad = 20;
  const parts = [];
  eles.edges().forEach((e) => {
    const s = e.source().position();
    const t = e.target().position();
    const style = e.style('line-style');
    parts.push(`<line x1="${s.x.toFixed(1)}" y1="${s.y.toFixed(1)}" x2="${t.x.toFixed(1)}" y2="${t.y.toFixed(1)}" ` +
      `stroke="${e.style('line-color')}" stroke-width="${parseFloat(e.style('width'))}" opacity="${e.style('opacity')}"` +
      `${dash[style] ? ` stroke-dasharray="${dash[style]}"` : ''}/>`);
  });
  eles.nodes().forEach((n) => {
    const { x, y } = n.position();
    const r = n.width() / 2;
    const fill = n.style('background-color');
    const opacity = n.style('background-opacity');
    const stroke = `stroke="${n.style('border-color')}" stroke-width="${parseFloat(n.style('border-width'))}"`;
    const shape = n.style('shape');
    if (n.hasClass('group-label')) { /* text only */ }
    else if (shape === 'ellipse') parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}" fill-opacity="${opacity}" ${stroke}/>`);
    else if (polygon(shape, x, y, r)) parts.push(`<polygon points="${polygon(shape, x, y, r)}" fill="${fill}" ${stroke}/>`);
    else parts.push(`<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${(2 * r).toFixed(1)}" rx="${(r / 4).toFixed(1)}" fill="${fill}" ${stroke}/>`);
    const label = n.data('label');
    if (label) {
      const ty = n.hasClass('group-label') ? y : y + r + 12;
      parts.push(`<text x="${x.toFixed(1)}" y="${ty.toFixed(1)}" font-size="${parseFloat(n.style('font-size'))}" text-anchor="middle" ` +
        `font-family="sans-serif" fill="${n.style('color')}">${escape(label)}</text>`);
    }
  });
  const width = box.w + 2 * pad;
  const height = box.h + 2 * pad;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width.toFixed(0)}" height="${height.toFixed(0)}" ` +
    `viewBox="${(box.x1 - pad).toFixed(1)} ${(box.y1 - pad).toFixed(1)} ${width.toFixed(1)} ${height.toFixed(1)}">` +
    `<rect x="${(box.x1 - pad).toFixed(1)}" y="${(box.y1 - pad).toFixed(1)}" width="${width.toFixed(1)}" height="${height.toFixed(1)}" fill="#ffffff"/>` +
    `${parts.join('')}</svg>`;
}
