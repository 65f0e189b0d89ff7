// leakrisk report: optional enhancements. Everything works without this file (charts are static SVG).
// Tooltips for chart marks, a button to open every data table, and tables opened for printing.
(() => {
  var lang = document.documentElement.lang;
  var labels =
    lang === 'ur' ? { open: 'تمام ڈیٹا جدول دکھائیں', close: 'ڈیٹا جدول بند کریں' } : { open: 'Show all data tables', close: 'Hide all data tables' };

  function tables() {
    return Array.prototype.slice.call(document.querySelectorAll('details.data-table'));
  }

  function addToggle() {
    var main = document.getElementById('main');
    if (!main || tables().length === 0) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'print-tables';
    button.setAttribute('aria-pressed', 'false');
    button.textContent = labels.open;
    button.addEventListener('click', () => {
      var open = button.getAttribute('aria-pressed') !== 'true';
      tables().forEach((d) => {
        d.open = open;
      });
      button.setAttribute('aria-pressed', open ? 'true' : 'false');
      button.textContent = open ? labels.close : labels.open;
    });
    var first = main.querySelector('figure');
    if (first?.parentNode) first.parentNode.insertBefore(button, first);
  }

  function addTooltips() {
    var tip = document.createElement('div');
    tip.className = 'tooltip';
    tip.setAttribute('role', 'presentation');
    tip.hidden = true;
    document.body.appendChild(tip);
    document.addEventListener('mousemove', (event) => {
      var target = event.target;
      var text = target?.getAttribute ? target.getAttribute('data-tip') : null;
      if (!text) {
        tip.hidden = true;
        return;
      }
      tip.textContent = text;
      tip.hidden = false;
      tip.style.left = `${event.pageX + 12}px`;
      tip.style.top = `${event.pageY + 12}px`;
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') tip.hidden = true;
    });
  }

  var opened = [];
  window.addEventListener('beforeprint', () => {
    opened = tables().filter((d) => !d.open);
    opened.forEach((d) => {
      d.open = true;
    });
  });
  window.addEventListener('afterprint', () => {
    opened.forEach((d) => {
      d.open = false;
    });
    opened = [];
  });

  function start() {
    addToggle();
    addTooltips();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
