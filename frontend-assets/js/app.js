// Switchyard's own behaviour. Loaded on every page (deferred); no inline scripts (the CSP forbids them).
document.addEventListener('DOMContentLoaded', () => {
  // Move keyboard focus to a form's error summary, so that errors are announced and reachable.
  const summary = document.querySelector('[data-autofocus]');
  if (summary) {
    summary.focus();
  }
  // Buttons that ask before a destructive action: data-confirm="question".
  document.querySelectorAll('[data-confirm]').forEach((element) => {
    element.addEventListener('click', (event) => {
      if (!window.confirm(element.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
});
