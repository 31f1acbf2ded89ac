// How the map draws each kind of node and edge; the legend is built from the same tables.

export const actorColours = {
  administration: '#1f5fa8', jobcenter: '#c62828', employmentAgency: '#e0701b', municipality: '#2e7d32',
  welfareAssociation: '#7b3fa0', migrantOrganisation: '#c2185b', educationProvider: '#795548', chamber: '#546e7a',
  counselling: '#00838f', politics: '#9e9d24', volunteering: '#d4a017', state: '#263238', research: '#5e35b1', other: '#8d99a6',
};

export const nodeShapes = {
  actor: 'ellipse', body: 'round-rectangle', person: 'diamond', topic: 'hexagon', territory: 'round-triangle', measure: 'tag',
};

export const typeColours = { body: '#37474f', person: '#90a4ae', topic: '#f9a825', territory: '#66bb6a', measure: '#ab47bc' };

export const collaborationStyles = {
  agreement: { color: '#1565c0', style: 'solid' },
  referral: { color: '#ef6c00', style: 'dashed' },
  funding: { color: '#2e7d32', style: 'solid' },
  informal: { color: '#78909c', style: 'dotted' },
};

export const structuralEdges = {
  partOf: '#90a4ae', reportsTo: '#6a1b9a', leads: '#00897b', worksFor: '#b0bec5',
  worksOn: '#fbc02d', activeIn: '#81c784', offers: '#ce93d8', within: '#a5d6a7',
};

export function stylesheet() {
  const rules = [
    {
      selector: 'node',
      style: {
        label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'wrap',
        'text-max-width': 110, 'min-zoomed-font-size': 6, width: 'data(size)', height: 'data(size)', color: '#1c2630',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.7, 'text-background-padding': 1,
        'border-width': 1, 'border-color': '#ffffff',
      },
    },
    { selector: 'edge', style: { width: 1.2, 'line-color': '#b0bec5', 'curve-style': 'straight', opacity: 0.8 } },
    { selector: 'edge[type = "membership"]', style: { 'line-color': '#607d8b', width: 1.4 } },
    { selector: 'edge[type = "membership"][kind = "chair"]', style: { width: 3.2, 'line-color': '#37474f' } },
    { selector: 'edge[type = "membership"][kind = "management"]', style: { width: 2.4 } },
    { selector: 'edge[type = "membership"][kind = "guest"], edge[type = "membership"][kind = "advisory"]', style: { 'line-style': 'dashed' } },
    { selector: 'node.dormant', style: { 'border-style': 'dashed', 'border-width': 3, 'border-color': '#ff8f00' } },
    { selector: 'node.dissolved', style: { opacity: 0.45 } },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.2 } },
    { selector: 'node.highlight', style: { 'border-width': 5, 'border-color': '#ffb300', 'z-index': 10 } },
    { selector: 'edge.highlight', style: { 'line-color': '#ffb300', width: 3, opacity: 1 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#0d47a1' } },
    { selector: 'edge:selected', style: { 'line-color': '#0d47a1', width: 3 } },
    { selector: 'node.peer', style: { 'border-width': 5, 'border-color': 'data(peerColour)', 'border-style': 'double' } },
    { selector: 'node.connect-source', style: { 'border-width': 5, 'border-color': '#2e7d32', 'border-style': 'double' } },
    { selector: 'node.group-label', style: {
      shape: 'rectangle', 'background-opacity': 0, 'border-width': 0, 'font-size': 16, 'font-weight': 'bold',
      'text-valign': 'center', color: '#455a64', events: 'no' } },
  ];
  for (const [type, shape] of Object.entries(nodeShapes)) {
    rules.push({ selector: `node[type = "${type}"]`, style: { shape, 'background-color': typeColours[type] ?? '#8d99a6' } });
  }
  for (const [kind, colour] of Object.entries(actorColours)) {
    rules.push({ selector: `node[type = "actor"][kind = "${kind}"]`, style: { 'background-color': colour } });
  }
  for (const [kind, { color, style }] of Object.entries(collaborationStyles)) {
    rules.push({ selector: `edge[type = "collaboration"][kind = "${kind}"]`, style: { 'line-color': color, 'line-style': style, width: 2 } });
  }
  for (const [type, colour] of Object.entries(structuralEdges)) {
    rules.push({ selector: `edge[type = "${type}"]`, style: { 'line-color': colour, width: 1, 'line-style': 'dotted' } });
  }
  for (const type of ['partOf', 'reportsTo', 'leads']) {
    rules.push({ selector: `edge[type = "${type}"]`, style: {
      'target-arrow-shape': 'triangle', 'target-arrow-color': structuralEdges[type], 'arrow-scale': 0.8, 'line-style': 'solid' } });
  }
  rules.push({ selector: 'edge:selected', style: { 'line-color': '#0d47a1', width: 3 } });
  return rules;
}
