// Switchyard's own behaviour. Loaded on every page (deferred); no inline scripts (the CSP forbids them).
document.addEventListener('DOMContentLoaded', () => {
  // Move keyboard focus to a form's error summary, so that errors are announced and reachable.
  const summary = document.querySelector('[data-autofocus]');
  if (summary) {
    summary.focus();
  }
  // A select that shows only the blocks for its value: data-shows="id of the container", each
  // block data-for="value". The inputs of hidden blocks are disabled, so they are not sent.
  document.querySelectorAll('select[data-shows]').forEach((select) => {
    const container = document.getElementById(select.getAttribute('data-shows'));
    if (!container) {
      return;
    }
    const apply = () => container.querySelectorAll('[data-for]').forEach((block) => {
      const shown = block.getAttribute('data-for') === select.value;
      block.hidden = !shown;
      block.querySelectorAll('input, select, textarea').forEach((input) => {
        input.disabled = !shown;
      });
    });
    select.addEventListener('change', apply);
    apply();
  });
});

// Buttons that ask before a consequential action: data-confirm="question". Delegated from the
// document, so that buttons htmx swaps in later (a run's live progress card) ask too.
document.addEventListener('click', (event) => {
  const element = event.target.closest('[data-confirm]');
  if (element && !window.confirm(element.getAttribute('data-confirm'))) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
