// Focus that follows the person, not the server. The editor's first field gets the focus when the form opens, unless the person is already typing in another of its
// fields: the focus call reaches the browser a round trip after the form, and must not pull keys out of a field.
export function focusUnlessTyping(input) {
  const form = input.closest('form');
  const active = document.activeElement;
  if (form && active && active !== input && form.contains(active) && active.matches('input, textarea, select')) return;
  input.focus();
}

// Enter in a picker whose list is open takes the marked entry (the component does that); it must not also save the form.
document.addEventListener('keydown', e => {
  if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.matches('input[role=combobox][aria-expanded=true]')) e.preventDefault();
}, true);

// A map node that becomes the map's keyboard target takes the focus if the focus is in the map or nowhere, or if it was asked
// for (claimed): a node that appears while the person types in a form must not pull the focus out of it.
export function focusNode(element, claimed) {
  const active = document.activeElement;
  const map = element.closest('[data-testid=map]');
  if (!claimed && active && active !== document.body && !(map && map.contains(active))) return;
  element.focus({ preventScroll: true });
}
