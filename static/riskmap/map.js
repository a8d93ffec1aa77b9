// The risk map: a Leaflet choropleth of the kelurahan by risk class (of the index, a theme or one
// indicator), the puskesmas as points, a legend with the class limits, and the kelurahan panel,
// fetched as HTML from the server when a kelurahan is clicked on the map or in the table.
(function () {
  "use strict";
  const element = document.getElementById("risk-map");
  const configElement = document.getElementById("risk-config");
  if (!element || !configElement || !window.L) return;
  const config = JSON.parse(configElement.textContent);
  const puskesmas = JSON.parse(document.getElementById("risk-puskesmas").textContent);
  const panel = document.getElementById("risk-panel");
  const indicatorSelect = document.getElementById("risk-indicator");
  const COLOURS = { 0: "#d9d9d9", 1: "#ffffb2", 2: "#fecc5c", 3: "#fd8d3c", 4: "#f03b20", 5: "#bd0026" };
  const FIXED_LIMITS = [0.2, 0.4, 0.6, 0.8];
  let shapes = null;
  let limits = FIXED_LIMITS;
  let selected = null;

  const map = window.healthportalMaps.create(element);
  const escapeHtml = window.healthportalMaps.escapeHtml;

  function classOf(value, cuts) {
    // Fixed cut-offs: a value on a limit moves up, as riskmap/scoring.py does.
    return 1 + cuts.filter((cut) => value >= cut).length;
  }

  function shown(feature) {
    // The value and class the map colours by: one indicator's percentile, or the score given.
    const p = feature.properties;
    const code = indicatorSelect ? indicatorSelect.value : "";
    if (!code) return { value: p.score, category: p.category };
    const part = p.parts.find((item) => item.indicator === code);
    if (!part) return { value: null, category: 0 };
    return { value: part.normalised, category: classOf(part.normalised, FIXED_LIMITS) };
  }

  function style(feature) {
    const isSelected = feature.properties.code === selected;
    return {
      className: "kelurahan-shape",
      color: isSelected ? "#212529" : "#ffffff",
      weight: isSelected ? 3 : 1,
      fillColor: COLOURS[shown(feature).category],
      fillOpacity: 0.8,
    };
  }

  function drawLegend() {
    const legend = document.getElementById("risk-legend");
    const byIndicator = indicatorSelect && indicatorSelect.value;
    const cuts = (byIndicator ? FIXED_LIMITS : limits).map((cut) => cut.toFixed(2));
    const ranges = [`< ${cuts[0]}`, `${cuts[0]}–${cuts[1]}`, `${cuts[1]}–${cuts[2]}`, `${cuts[2]}–${cuts[3]}`, `≥ ${cuts[3]}`];
    const items = [1, 2, 3, 4, 5, 0].map((category) => {
      const item = document.createElement("span");
      item.className = "text-nowrap";
      const swatch = document.createElement("span");
      swatch.className = `swatch risk-${category}`;
      const label = category === 0 ? config.classes[0] : `${config.classes[category]} (${ranges[category - 1]})`;
      item.append(swatch, label);
      return item;
    });
    if (byIndicator) {
      const note = document.createElement("span");
      note.className = "w-100 text-body-secondary";
      note.textContent = config.text.indicatorLegend;
      items.unshift(note);
    }
    legend.replaceChildren(...items);
  }

  function tooltip(feature) {
    const p = feature.properties;
    const value = shown(feature);
    const score = value.value == null ? config.text.noData : value.value.toFixed(3);
    return `<strong>${escapeHtml(p.name)}</strong><br>${escapeHtml(p.kecamatan)}<br>` +
      `${escapeHtml(config.text.score)}: ${escapeHtml(score)} · ${escapeHtml(config.classes[value.category])}`;
  }

  function openPanel(code) {
    selected = code;
    if (shapes) shapes.setStyle(style);
    panel.innerHTML = `<p class="text-body-secondary mb-0">${escapeHtml(config.text.loading)}</p>`;
    fetch(config.panel.replace("CODE", encodeURIComponent(code)), { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then((html) => {
        panel.innerHTML = html;
        if (window.matchMedia("(max-width: 991.98px)").matches) panel.scrollIntoView({ behavior: "smooth" });
        panel.focus({ preventScroll: true });
      })
      .catch(() => { panel.innerHTML = `<p class="text-danger mb-0">${escapeHtml(config.text.failed)}</p>`; });
  }

  function recolour() {
    shapes.setStyle(style);
    shapes.eachLayer((layer) => layer.setTooltipContent(tooltip(layer.feature)));
    drawLegend();
    const url = new URL(window.location.href);
    if (indicatorSelect.value) url.searchParams.set("indicator", indicatorSelect.value);
    else url.searchParams.delete("indicator");
    window.history.replaceState(null, "", url);
  }

  fetch(config.scores, { credentials: "same-origin" })
    .then((response) => {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then((data) => {
      limits = data.limits && data.limits.length === 4 ? data.limits : FIXED_LIMITS;
      shapes = L.geoJSON(data.features.filter((f) => f.geometry), {
        style,
        onEachFeature: (feature, layer) => {
          layer.bindTooltip(tooltip(feature), { sticky: true });
          layer.on("click", () => openPanel(feature.properties.code));
          layer.on("add", () => {
            layer.getElement().dataset.code = feature.properties.code;
            layer.getElement().dataset.category = String(feature.properties.category);
          });
        },
      });
      map.fitBounds(shapes.getBounds());
      shapes.addTo(map);
      // Puskesmas sit at kelurahan centres: drawn, but clicks go through to the kelurahan below.
      puskesmas.forEach((point) => {
        L.circleMarker([point.lat, point.lng], {
          className: "puskesmas-point", radius: 4, color: "#0b5345", weight: 2, fillColor: "#ffffff", fillOpacity: 1,
          interactive: false,
        }).addTo(map);
      });
      drawLegend();
      element.dataset.loaded = "true";
    })
    .catch((error) => {
      console.error(error);
      element.textContent = config.text.failed;
      element.classList.add("d-flex", "align-items-center", "justify-content-center", "text-danger");
    });

  document.querySelectorAll("#risk-filter select").forEach((select) => {
    if (select === indicatorSelect) select.addEventListener("change", () => shapes && recolour());
    else select.addEventListener("change", () => select.form.requestSubmit());
  });
  document.querySelectorAll("a.risk-link").forEach((link) => {
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      openPanel(link.dataset.code);
      if (window.matchMedia("(min-width: 992px)").matches) element.scrollIntoView({ behavior: "smooth" });
    });
  });
})();
