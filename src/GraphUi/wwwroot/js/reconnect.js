// The reconnect banner's buttons, and a server restart: the old circuit is gone, so the page loads again at the
// current state and says so once. Browser APIs only (reload, sessionStorage); nothing here holds the app's state.
(() => {
  const modal = document.getElementById('components-reconnect-modal');
  const key = 'networkgraph.restarted';
  modal?.querySelector('.reconnect-retry')?.addEventListener('click', async () => {
    if (!(await window.Blazor?.reconnect?.())) { sessionStorage.setItem(key, '1'); location.reload(); }
  });
  new MutationObserver(() => {
    if (modal.classList.contains('components-reconnect-rejected') || modal.classList.contains('components-reconnect-resume-failed')) {
      sessionStorage.setItem(key, '1');
      location.reload();
    }
  }).observe(modal, { attributes: true, attributeFilter: ['class'] });
  if (sessionStorage.getItem(key)) {
    sessionStorage.removeItem(key);
    const notice = document.getElementById('restarted-notice');
    if (notice) { notice.hidden = false; setTimeout(() => { notice.hidden = true; }, 15000); }
  }
})();
