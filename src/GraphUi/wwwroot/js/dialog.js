// A question the page must not go on without (deleting a network): the browser's modal dialog makes everything behind it
// inert, keeps Tab inside and closes on Escape (the component hears that as the dialog's close event). The element with
// autofocus inside it gets the focus.
export function showModal(dialog) {
  if (dialog && !dialog.open) dialog.showModal();
}
