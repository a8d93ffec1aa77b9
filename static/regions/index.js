// Regions page: filters the kelurahan table as the user types (the form still works without JS).
(function () {
  "use strict";
  const input = document.getElementById("region-search");
  const table = document.getElementById("region-table");
  const count = document.getElementById("region-count");
  if (!input || !table) return;
  const rows = Array.from(table.querySelectorAll("tr[data-search]"));
  const template = count ? count.dataset.template : null;

  input.addEventListener("input", () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    rows.forEach((row) => {
      const match = words.every((word) => row.dataset.search.includes(word));
      row.hidden = !match;
      if (match) shown += 1;
    });
    // A kecamatan heading stays only while one of its kelurahan is shown.
    Array.from(table.tBodies).forEach((group) => {
      const header = group.querySelector("tr[data-kecamatan-header]");
      if (header) header.hidden = !group.querySelector("tr[data-search]:not([hidden])");
    });
    if (count && template) count.textContent = template.replace("__N__", shown);
  });
})();
