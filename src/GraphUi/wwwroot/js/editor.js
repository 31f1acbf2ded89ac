// The editor's first field gets the focus when the form opens, unless the person is already typing in another of its
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
