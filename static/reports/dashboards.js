// Completeness board and SPM scorecard: the filter form submits itself when a choice changes
// (its button stays for those without JavaScript).
(function () {
  "use strict";
  document.querySelectorAll("form[data-autosubmit] select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
})();
