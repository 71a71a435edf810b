// Charts of the validation dashboard, drawn with Chart.js from each canvas's data-chart JSON.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  function data(id) {
    var canvas = document.getElementById(id);
    if (!canvas || !canvas.dataset.chart) {
      return null;
    }
    return { canvas: canvas, values: JSON.parse(canvas.dataset.chart) };
  }
  var colours = { PASS: '#198754', WARN: '#ffc107', FAIL: '#dc3545', UNVERIFIED: '#6c757d' };

  var fields = data('field-chart');
  if (fields && fields.values.labels.length) {
    new Chart(fields.canvas, {
      type: 'bar',
      data: {
        labels: fields.values.labels,
        datasets: [{ label: 'Match rate %', data: fields.values.rates,
          backgroundColor: fields.values.statuses.map(function (s) { return colours[s] || '#0d6efd'; }) }]
      },
      options: { indexAxis: 'y', animation: false, scales: { x: { min: 0, max: 100 } }, plugins: { legend: { display: false } } }
    });
  }

  var reasons = data('reason-chart');
  if (reasons) {
    if (!reasons.values.labels.length) {
      var none = document.createElement('p');
      none.className = 'small text-body-secondary';
      none.id = 'no-quarantine';
      none.textContent = 'The run quarantined nothing.';
      reasons.canvas.replaceWith(none);
    } else {
      new Chart(reasons.canvas, {
        type: 'doughnut',
        data: { labels: reasons.values.labels, datasets: [{ data: reasons.values.counts }] },
        options: { animation: false, plugins: { legend: { position: 'right' } } }
      });
    }
  }

  var trend = data('trend-chart');
  if (trend && trend.values.labels.length) {
    new Chart(trend.canvas, {
      type: 'line',
      data: {
        labels: trend.values.labels,
        datasets: [
          { label: 'Match rate %', data: trend.values.match, borderColor: '#198754', tension: 0.2 },
          { label: 'Quarantine rate %', data: trend.values.quarantine, borderColor: '#dc3545', tension: 0.2 }
        ]
      },
      options: { animation: false, scales: { y: { min: 0, max: 100 } } }
    });
  }
})();
