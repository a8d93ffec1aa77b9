// Regions page: filters the kelurahan table as the user types (the form still works without JS).
(function () {
  "use strict";
  const input = document.getElementById("region-search");
  const table = document.getElementById("region-table");
  const count = document.getElementById("region-count");
  if (!input || !table) return;
  const rows = Array.from(table.tBodies[0].rows).filter((row) => row.dataset.search !== undefined);
  const template = count ? count.dataset.template : null;

  input.addEventListener("input", () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    rows.forEach((row) => {
      const match = words.every((word) => row.dataset.search.includes(word));
      row.hidden = !match;
      if (match) shown += 1;
    });
    if (count && template) count.textContent = template.replace("__N__", shown);
  });
})();
