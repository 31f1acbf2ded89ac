// The history panel: who changed what and when; undo one's own change, restore the map as of a point.
import { t } from './texts.js';

const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
};

const nameOf = (entity) => entity?.name ?? (entity?.member ? `${entity.member} → ${entity.body}` : entity?.from ? `${entity.from} ↔ ${entity.to}` : '');

/** One line per change: "Akteur „Caritas“ geändert". */
export function describeChange(change) {
  const kind = change.kind.charAt(0).toLowerCase() + change.kind.slice(1);
  const verb = t(`history.${change.op.toLowerCase()}`);
  return `${t(`type.${kind}`)} „${nameOf(change.after ?? change.before)}“ ${verb}`;
}

/**
 * Renders change sets newest first. `own(revision)` tells which are this user's; the buttons call
 * onUndo(revision) and onRestore(revision).
 */
export function renderHistory(container, sets, { own, onUndo, onRestore, title }) {
  const list = el('ol', { className: 'history', reversed: true });
  for (const set of [...sets].reverse()) {
    const when = new Date(set.at).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'de-DE',
      { dateStyle: 'short', timeStyle: 'short' });
    const shown = set.changes.slice(0, 4).map(describeChange);
    if (set.changes.length > 4) shown.push(t('history.more', set.changes.length - 4));
    const item = el('li', { value: set.revision },
      el('div', { className: 'history-head' }, el('strong', {}, set.author), ' · ', el('time', { dateTime: set.at }, when),
        ` · ${t('history.revision')} ${set.revision}`),
      el('ul', {}, ...shown.map((s) => el('li', {}, s))),
      el('div', { className: 'panel-buttons' },
        own(set.revision) ? el('button', { type: 'button', className: 'undo-this', onclick: () => onUndo(set.revision) }, t('map.undo')) : null,
        onRestore ? el('button', { type: 'button', className: 'restore', onclick: () => onRestore(set.revision) }, t('history.restore')) : null));
    item.dataset.revision = set.revision;
    list.append(item);
  }
  container.replaceChildren(...(title ? [el('h3', {}, title)] : []), sets.length ? list : el('p', { className: 'muted' }, t('panel.none')));
}

