// Entry grid: live row totals, Enter/arrow keys to move down and up a column, a kelurahan
// switcher on phones, and a warning before leaving with unsaved changes. The form works without it.
(function () {
  "use strict";
  const table = document.getElementById("entry-grid");
  const form = document.getElementById("entry-form");
  if (!table || !form) return;
  let dirty = false;

  function parseCount(text) {
    const clean = text.trim().replace(/\s/g, "");
    if (clean === "") return null;
    const plain = /^\d{1,3}(\.\d{3})+$/.test(clean) ? clean.replace(/\./g, "") : clean;
    return /^\d+$/.test(plain) ? Number(plain) : NaN;
  }

  function updateTotal(row) {
    const inputs = row.querySelectorAll("input.cell-input");
    const total = row.querySelector("[data-total]");
    if (!inputs.length || !total) return;
    let sum = 0;
    let reported = 0;
    let invalid = false;
    inputs.forEach((input) => {
      const value = parseCount(input.value);
      if (value === null) return;
      if (Number.isNaN(value)) invalid = true;
      else { sum += value; reported += 1; }
    });
    total.textContent = invalid ? "?" : reported ? sum.toLocaleString("id-ID") : "–";
  }

  function move(input, step) {
    const cell = input.closest("td");
    const column = cell.dataset.column;
    const rows = Array.from(table.querySelectorAll("tbody tr")).filter((r) => r.querySelector("input.cell-input"));
    const index = rows.indexOf(input.closest("tr")) + step;
    if (index < 0 || index >= rows.length) return;
    const target = rows[index].querySelector(`td[data-column="${column}"] input.cell-input`);
    if (target) { target.focus(); target.select(); }
  }

  table.addEventListener("input", (event) => {
    if (!event.target.classList.contains("cell-input")) return;
    dirty = true;
    updateTotal(event.target.closest("tr"));
  });
  table.addEventListener("keydown", (event) => {
    if (!event.target.classList.contains("cell-input")) return;
    if (event.key === "Enter" || event.key === "ArrowDown") { event.preventDefault(); move(event.target, 1); }
    if (event.key === "ArrowUp") { event.preventDefault(); move(event.target, -1); }
  });
  form.addEventListener("submit", () => { dirty = false; });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });

  const switcher = document.getElementById("column-switch");
  if (switcher) {
    switcher.addEventListener("change", () => {
      const chosen = switcher.value;
      table.querySelectorAll("[data-column]").forEach((cell) => {
        cell.classList.toggle("d-none", chosen !== "all" && cell.dataset.column !== chosen);
      });
    });
  }
})();
