// Map of the kelurahan (coloured by kecamatan) and the puskesmas, drawn with Leaflet.
// Reads its data URL from the map element; with data-focus-code it highlights one kelurahan.
(function () {
  "use strict";
  const element = document.getElementById("region-map");
  if (!element || !window.L) return;

  const PALETTE = [
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4",
    "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#6a3d9a", "#b15928", "#8dd3c7", "#bc80bd",
  ];
  const focusCode = element.dataset.focusCode || null;
  const map = window.healthportalMaps.create(element);
  const escapeHtml = window.healthportalMaps.escapeHtml;

  function colourOf(kecamatanCode, order) {
    return PALETTE[order.indexOf(kecamatanCode) % PALETTE.length];
  }

  function drawLegend(kecamatan, order) {
    const legend = document.getElementById("map-legend");
    if (!legend) return;
    legend.replaceChildren(...order.map((code) => {
      const item = document.createElement("div");
      item.className = "col";
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = colourOf(code, order);
      item.append(swatch, kecamatan[code]);
      return item;
    }));
  }

  fetch(element.dataset.geojsonUrl, { credentials: "same-origin" })
    .then((response) => {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then((data) => {
      const kelurahan = data.features.filter((f) => f.properties.kind === "kelurahan");
      const puskesmas = data.features.filter((f) => f.properties.kind === "puskesmas");
      const kecamatan = {};
      kelurahan.forEach((f) => { kecamatan[f.properties.kecamatan_code] = f.properties.kecamatan; });
      const order = Object.keys(kecamatan).sort();

      const shapes = L.geoJSON(kelurahan, {
        style: (f) => {
          const focused = f.properties.code === focusCode;
          return {
            className: "kelurahan-shape",
            color: focused ? "#212529" : "#ffffff",
            weight: focused ? 3 : 1,
            fillColor: colourOf(f.properties.kecamatan_code, order),
            fillOpacity: focusCode && !focused ? 0.25 : 0.65,
          };
        },
        onEachFeature: (f, layer) => {
          const p = f.properties;
          layer.bindTooltip(
            `<strong>${escapeHtml(p.name)}</strong><br>${escapeHtml(p.kecamatan)}` +
              (p.puskesmas ? `<br>${escapeHtml(p.puskesmas)}` : ""),
            { sticky: true },
          );
          layer.on("click", () => { window.location.href = p.url; });
          layer.on("add", () => { layer.getElement().dataset.code = p.code; });
        },
      }).addTo(map);

      L.geoJSON(puskesmas, {
        pointToLayer: (f, latlng) => L.circleMarker(latlng, {
          className: "puskesmas-point",
          radius: 5,
          color: f.properties.is_active ? "#b02a37" : "#6c757d",
          dashArray: f.properties.is_active ? null : "2",
          weight: 2,
          fillColor: "#ffffff",
          fillOpacity: 1,
        }),
        onEachFeature: (f, layer) => {
          layer.bindTooltip(escapeHtml(f.properties.name));
          layer.on("click", () => { window.location.href = f.properties.url; });
        },
      }).addTo(map);

      let bounds = shapes.getBounds();
      if (focusCode) {
        shapes.eachLayer((layer) => {
          if (layer.feature.properties.code === focusCode) bounds = layer.getBounds().pad(0.6);
        });
      }
      map.fitBounds(bounds);
      drawLegend(kecamatan, order);
      element.dataset.loaded = "true";
    })
    .catch(() => {
      element.textContent = element.dataset.errorText || "Peta tidak dapat dimuat.";
      element.classList.add("d-flex", "align-items-center", "justify-content-center", "text-danger");
    });
})();
