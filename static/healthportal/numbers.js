// Numbers as the portal's charts show them, in the page's language: rates with at most one decimal
// and their unit attached (12,5%), counts whole with their unit after a space (3 orang).
(function () {
  "use strict";
  const language = document.documentElement.lang || "id";
  const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });

  window.healthportalNumbers = {
    whole: (value) => whole.format(value),
    indicator(value, unit) {
      if (value === null || value === undefined) return "–";
      return unit === "%" || unit === "‰" ? decimal.format(value) + unit : whole.format(value) + " " + unit;
    },
  };
})();
