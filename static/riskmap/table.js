// The risk table: search as you type, and sort by a column header (numbers or text).
(function () {
  "use strict";
  const table = document.getElementById("risk-table");
  if (!table) return;
  const body = table.tBodies[0];
  const search = document.getElementById("risk-search");
  const count = document.getElementById("risk-count");
  const rows = Array.from(body.rows);

  function showCount() {
    const visible = rows.filter((row) => !row.hidden).length;
    count.textContent = count.dataset.template.replace("__N__", visible).replace("__TOTAL__", rows.length);
  }

  search.addEventListener("input", () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    rows.forEach((row) => { row.hidden = !words.every((word) => row.dataset.search.includes(word)); });
    showCount();
  });

  table.querySelectorAll("th[data-sort] button").forEach((button) => {
    button.addEventListener("click", () => {
      const header = button.closest("th");
      const column = Array.from(header.parentNode.children).indexOf(header);
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      const numeric = header.dataset.sort === "number";
      const key = (row) => row.cells[column].dataset.value;
      const sorted = rows.slice().sort((a, b) => {
        const order = numeric ? Number(key(a)) - Number(key(b)) : key(a).localeCompare(key(b), "id");
        return ascending ? order : -order;
      });
      table.querySelectorAll("th[data-sort]").forEach((th) => th.removeAttribute("aria-sort"));
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      body.append(...sorted);
    });
  });
  showCount();
})();
