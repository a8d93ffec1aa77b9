// Practice page: one bar chart per linked indicator, its value before and after in each kelurahan
// (and where it was replicated), from the JSON the page carries (#chart-data).
(function () {
  "use strict";
  const source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const format = window.healthportalNumbers.indicator;

  document.querySelectorAll("canvas[data-indicator]").forEach((canvas) => {
    const series = data.series[canvas.dataset.indicator];
    if (!series) return;
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: series.labels,
        datasets: [
          { label: data.before, data: series.before, backgroundColor: "#adb5bd" },
          { label: data.after, data: series.after, backgroundColor: "#198754" },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { beginAtZero: true, ticks: { callback: (value) => format(value, series.unit) } },
          x: { ticks: { autoSkip: false, maxRotation: 45 } },
        },
        plugins: {
          legend: { labels: { boxWidth: 12 } },
          tooltip: { callbacks: { label: (item) => item.dataset.label + ": " + format(item.raw, series.unit) } },
        },
      },
    });
  });
})();
