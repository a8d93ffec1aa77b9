// What every map of the portal shares: a Leaflet map without tiles (no third-party host), with
// the attribution of the kelurahan boundaries, and text made safe for tooltips.
window.healthportalMaps = {
  create(element) {
    const map = L.map(element, { zoomSnap: 0.25, scrollWheelZoom: false });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Batas wilayah: Kemendagri, cahyadsn/wilayah_boundaries (MIT)");
    return map;
  },

  escapeHtml(text) {
    const span = document.createElement("span");
    span.textContent = text == null ? "" : String(text);
    return span.innerHTML;
  },
};
