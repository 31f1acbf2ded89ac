// The interface texts, handed over by the page as JSON (see UiTextScript.razor).
const data = JSON.parse(document.getElementById('ui-text')?.textContent ?? '{"language":"de","texts":{}}');

export const language = data.language;

/** The text for a key, with {0}, {1} … filled in. Unknown keys show as themselves, so a gap is visible. */
export function t(key, ...args) {
  let text = data.texts[key] ?? key;
  args.forEach((arg, i) => { text = text.replace(`{${i}}`, arg); });
  return text;
}

/** The label of a kind value, e.g. kindLabel('actor', 'jobcenter') → "Jobcenter". */
export const kindLabel = (family, value) => t(`kind.${family}.${value}`);
