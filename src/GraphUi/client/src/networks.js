// The networks page: imports a file through the API and shows every problem with its place in the file.
import { ApiError } from './api.js';
import { language, t } from './texts.js';

const form = document.getElementById('import-form');
const result = document.getElementById('import-result');

form?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = document.getElementById('import-file').files[0];
  if (!file) return;
  result.replaceChildren();
  try {
    const response = await fetch('/api/networks/import', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': language }, body: await file.text(),
    });
    const json = await response.json();
    if (!response.ok) throw new ApiError(response.status, json);
    location.href = `/networks/${encodeURIComponent(json.networkId)}`;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const list = document.createElement('ul');
    list.className = 'problems';
    for (const [path, messages] of Object.entries(error.errors)) {
      for (const message of messages) {
        const li = document.createElement('li');
        const code = Object.assign(document.createElement('code'), { textContent: path });
        li.append(code, ` ${message}`);
        list.append(li);
      }
    }
    const heading = Object.assign(document.createElement('p'), { className: 'error', textContent: t('networks.import.failed') });
    result.replaceChildren(heading, list.childElementCount ? list : Object.assign(document.createElement('p'), { textContent: error.message }));
  }
});

