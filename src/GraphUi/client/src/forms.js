// Entry forms for every kind of entity, built from one table of fields. The server validates;
// the form shows its messages beside the fields they name.
import { t, kindLabel } from './texts.js';

const KINDS = {
  actor: ['administration', 'jobcenter', 'employmentAgency', 'municipality', 'welfareAssociation', 'migrantOrganisation',
    'educationProvider', 'chamber', 'counselling', 'politics', 'volunteering', 'state', 'research', 'other'],
  body: ['steeringGroup', 'coordinationStaff', 'network', 'workingGroup', 'commission', 'politicalCommittee', 'conference', 'other'],
  territory: ['district', 'city', 'municipality', 'other'],
  status: ['active', 'dormant', 'dissolved'],
  role: ['chair', 'management', 'member', 'guest', 'advisory'],
  collaboration: ['agreement', 'referral', 'funding', 'informal'],
};

// field kinds: text, textarea, number, date, choice (fixed values), ref (one node of given types), refs (several)
export const FIELDS = {
  actor: [['name', 'text'], ['shortName', 'text'], ['kind', 'choice', 'actor'], ['parent', 'ref', ['actor']],
    ['topics', 'refs', ['topic']], ['territories', 'refs', ['territory']], ['description', 'textarea']],
  body: [['name', 'text'], ['kind', 'choice', 'body'], ['status', 'choice', 'status'], ['mandate', 'textarea'],
    ['topics', 'refs', ['topic']], ['territories', 'refs', ['territory']], ['meetingsPerYear', 'number'], ['meetingHours', 'number'],
    ['lastMeeting', 'date'], ['lead', 'ref', ['actor']], ['reportsTo', 'ref', ['body']], ['founded', 'date'], ['dissolved', 'date']],
  person: [['name', 'text'], ['function', 'text'], ['actor', 'ref', ['actor']]],
  topic: [['name', 'text'], ['description', 'textarea']],
  territory: [['name', 'text'], ['kind', 'choice', 'territory'], ['parent', 'ref', ['territory']]],
  measure: [['name', 'text'], ['offeredBy', 'refs', ['actor']], ['topics', 'refs', ['topic']], ['territories', 'refs', ['territory']],
    ['description', 'textarea'], ['since', 'date'], ['until', 'date']],
  membership: [['member', 'ref', ['actor', 'person']], ['body', 'ref', ['body']], ['role', 'choice', 'role'],
    ['representing', 'ref', ['actor']], ['since', 'date'], ['until', 'date']],
  collaboration: [['from', 'ref', ['actor']], ['to', 'ref', ['actor']], ['kind', 'choice', 'collaboration'],
    ['topics', 'refs', ['topic']], ['since', 'date'], ['until', 'date'], ['description', 'textarea']],
};

const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
};

/**
 * Fills the container with inputs for an entity of the given type.
 * nodesByType: type → [{id, label}] for the reference pickers.
 */
export function renderFields(container, type, entity, nodesByType) {
  container.replaceChildren();
  for (const [name, kind, arg] of FIELDS[type]) {
    const id = `ef-${name}`;
    const value = entity[name];
    let input;
    if (kind === 'textarea') input = el('textarea', { id, name, value: value ?? '', rows: 3 });
    else if (kind === 'choice') {
      input = el('select', { id, name }, ...(name === 'role' || name === 'status' || arg === 'collaboration' ? [] : [el('option', { value: '' }, '—')]),
        ...KINDS[arg].map((k) => el('option', { value: k, selected: k === value }, kindLabel(arg, k))));
    } else if (kind === 'ref') {
      const options = arg.flatMap((ty) => nodesByType(ty));
      input = el('select', { id, name }, el('option', { value: '' }, '—'),
        ...options.map((o) => el('option', { value: o.id, selected: o.id === value }, o.label)));
    } else if (kind === 'refs') {
      const options = arg.flatMap((ty) => nodesByType(ty));
      input = el('select', { id, name, multiple: true, size: Math.min(6, Math.max(3, options.length)) },
        ...options.map((o) => el('option', { value: o.id, selected: (value ?? []).includes(o.id) }, o.label)));
    } else {
      input = el('input', { id, name, type: kind === 'number' ? 'number' : kind === 'date' ? 'date' : 'text', value: value ?? '' });
      if (kind === 'number') input.step = 'any';
    }
    input.setAttribute('aria-describedby', `${id}-error`);
    container.append(el('div', { className: 'field' }, el('label', { htmlFor: id }, t(`field.${name}`)), input,
      el('small', { className: 'error', id: `${id}-error` })));
  }
  container.querySelector('input, select, textarea')?.focus();
}

/** The entity as the form now describes it, on top of what it was (so unknown fields and the version survive). */
export function readFields(container, type, entity) {
  const result = { ...entity };
  for (const [name, kind] of FIELDS[type]) {
    const input = container.querySelector(`[name="${name}"]`);
    if (kind === 'refs') result[name] = [...input.selectedOptions].map((o) => o.value);
    else if (kind === 'number') result[name] = input.value === '' ? null : Number(input.value);
    else result[name] = input.value.trim() === '' ? null : input.value.trim();
  }
  return result;
}

/** Puts the API's messages beside the fields they name; returns the messages that fit no field. */
export function showErrors(container, errors) {
  container.querySelectorAll('.field').forEach((f) => { f.classList.remove('invalid'); f.querySelector('.error').textContent = ''; });
  container.querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
  const rest = [];
  for (const [key, messages] of Object.entries(errors)) {
    const name = key.replace(/^\$\./, '').split(/[.[]/)[0];
    const input = container.querySelector(`[name="${name}"]`);
    if (!input) { rest.push(...messages.map((m) => `${key}: ${m}`)); continue; }
    const field = input.closest('.field');
    field.classList.add('invalid');
    input.setAttribute('aria-invalid', 'true');
    field.querySelector('.error').textContent = messages.join(' ');
  }
  container.querySelector('[aria-invalid]')?.focus();
  return rest;
}
