// The detail panel: everything about the selected node or edge, with its relationships.
import { t, kindLabel } from './texts.js';
import { FIELDS } from './forms.js';

const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
};

const CHOICE_FAMILY = { status: 'status', role: 'role' };

/** Renders an entity's fields and relationships; `label(id)` names other nodes, `onGo(id)` selects them. */
export function renderDetails(pane, type, entity, edges, { label, onGo, onEdit, onDelete }) {
  const heading = el('h2', { id: 'details-title' }, entity.name ?? `${label(entity.member ?? entity.from)} – ${label(entity.body ?? entity.to)}`);
  const list = el('dl', { className: 'facts' });
  list.append(el('dt', {}, t('field.kind')), el('dd', {}, t(`type.${type}`)));
  for (const [name, kind, arg] of FIELDS[type]) {
    const value = entity[name];
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || name === 'name') continue;
    let shown;
    if (kind === 'choice') shown = kindLabel(CHOICE_FAMILY[name] ?? arg, value);
    else if (kind === 'ref') shown = link(value, label, onGo);
    else if (kind === 'refs') shown = el('span', {}, ...value.flatMap((v, i) => [i ? ', ' : null, link(v, label, onGo)]));
    else shown = String(value);
    list.append(el('dt', {}, t(`field.${name}`)), el('dd', {}, shown));
  }
  const relations = el('ul', { className: 'relations' });
  for (const e of edges) {
    const other = e.source === entity.id ? e.target : e.source;
    const extra = [e.kind ? kindLabel(e.type === 'membership' ? 'role' : 'collaboration', e.kind) : null,
      e.since ? `${t('field.since')} ${e.since}` : null, e.until ? `${t('field.until')} ${e.until}` : null].filter(Boolean).join(', ');
    relations.append(el('li', {}, el('span', { className: 'relation-type' }, t(`type.${e.type}`)), ' ', link(other, label, onGo),
      extra ? el('span', { className: 'muted' }, ` (${extra})`) : null));
  }
  const buttons = el('div', { className: 'panel-buttons' },
    el('button', { type: 'button', id: 'details-edit', onclick: onEdit }, t('panel.edit')),
    el('button', { type: 'button', id: 'details-delete', className: 'danger', onclick: onDelete }, t('panel.delete')));
  pane.replaceChildren(heading, list, buttons,
    edges.length ? el('h3', {}, t('panel.relationships')) : null, edges.length ? relations : null);
}

function link(id, label, onGo) {
  return el('a', { href: `#${encodeURIComponent(id)}`, onclick: (ev) => { ev.preventDefault(); onGo(id); } }, label(id));
}
