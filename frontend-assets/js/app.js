// Switchyard's own behaviour. Loaded on every page (deferred); no inline scripts (the CSP forbids them).
document.addEventListener('DOMContentLoaded', () => {
  // Move keyboard focus to a form's error summary, so that errors are announced and reachable.
  const summary = document.querySelector('[data-autofocus]');
  if (summary) {
    summary.focus();
  }
  // A select that shows only the blocks for its value: data-shows="id of the container", each
  // block data-for="value" or several values separated by spaces. Containers may nest (a type's
  // block holding an authentication flow's blocks). The inputs of hidden blocks are disabled, so
  // they are not sent; inputs the page itself disabled stay disabled.
  const selects = Array.from(document.querySelectorAll('select[data-shows]'));
  const roots = new Set(selects.map((select) => select.getAttribute('data-shows')));
  const owner = (block) => {
    let element = block.parentElement;
    while (element && !(element.id && roots.has(element.id))) {
      element = element.parentElement;
    }
    return element;
  };
  const disabledByPage = new WeakSet();
  document.querySelectorAll('[data-for] input:disabled, [data-for] select:disabled, [data-for] textarea:disabled')
    .forEach((input) => disabledByPage.add(input));
  const apply = () => {
    selects.forEach((select) => {
      const container = document.getElementById(select.getAttribute('data-shows'));
      if (!container) {
        return;
      }
      container.querySelectorAll('[data-for]').forEach((block) => {
        if (owner(block) === container) {
          block.hidden = !block.getAttribute('data-for').split(' ').includes(select.value);
        }
      });
    });
    roots.forEach((id) => {
      const container = document.getElementById(id);
      if (container) {
        container.querySelectorAll('input, select, textarea').forEach((input) => {
          input.disabled = disabledByPage.has(input) || input.closest('[data-for][hidden]') !== null;
        });
      }
    });
  };
  selects.forEach((select) => select.addEventListener('change', apply));
  apply();
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
