// The incident page's map: one marker per report with coordinates (Leaflet, vendored).
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("incident-map");
  if (!box || typeof L === "undefined") return;
  var points = JSON.parse(box.getAttribute("data-points") || "[]");
  if (!points.length) return;
  var map = L.map(box);
  L.tileLayer(box.getAttribute("data-tiles"), {
    maxZoom: 19,
    attribution: box.getAttribute("data-attribution"),
  }).addTo(map);
  var bounds = [];
  points.forEach(function (p) {
    L.marker([p.lat, p.lon], { title: p.ref, alt: p.ref }).addTo(map).bindTooltip(p.ref);
    bounds.push([p.lat, p.lon]);
  });
  map.fitBounds(bounds, { padding: [30, 30], maxZoom: 17 });
});
