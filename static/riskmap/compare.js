// The comparison form sends itself when a month is chosen.
(function () {
  "use strict";
  document.querySelectorAll("#compare-filter select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
})();
