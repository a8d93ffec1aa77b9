// Program page: one Chart.js line per indicator (the city, month by month) with its target line,
// from the JSON the page carries (#chart-data); the filter form submits itself on change.
(function () {
  "use strict";
  const source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const format = window.healthportalNumbers.indicator;
  const whole = window.healthportalNumbers.whole;

  document.querySelectorAll("canvas[data-indicator]").forEach((canvas) => {
    const series = data.series[canvas.dataset.indicator];
    if (!series) return;
    const datasets = [
      {
        label: data.text.city,
        data: series.values,
        borderColor: "#198754",
        backgroundColor: "#198754",
        pointRadius: 2,
        spanGaps: false,
      },
    ];
    if (series.targets.some((target) => target !== null)) {
      datasets.push({
        label: data.text.target,
        data: series.targets,
        borderColor: "#6c757d",
        borderDash: [5, 4],
        borderWidth: 1.5,
        pointRadius: 0,
      });
    }
    new Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          y: { beginAtZero: true, ticks: { callback: (value) => format(value, series.unit) } },
          x: { ticks: { maxRotation: 0, autoSkipPadding: 12 } },
        },
        plugins: {
          legend: { display: datasets.length > 1, labels: { boxHeight: 2 } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const i = item.dataIndex;
                if (item.datasetIndex === 1) return data.text.target + ": " + format(item.raw, series.unit);
                if (series.hidden[i]) return data.text.hidden;
                if (series.values[i] === null) return data.text.notComputable;
                let text = format(series.values[i], series.unit);
                if (series.denominators[i] !== null) {
                  text += " (" + whole(series.numerators[i]) + " / " + whole(series.denominators[i]) + ")";
                }
                return text;
              },
            },
          },
        },
      },
    });
  });

  document.querySelectorAll("form[data-autosubmit] select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
})();
