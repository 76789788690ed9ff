// Leaflet's own control words are English ("Zoom in", "Zoom out"). Every map of the site
// (report form, ticket, incident, dashboard) loads this after leaflet.js and before its own
// script: the zoom buttons get the titles the server put on the map's box from its catalog
// (data-zoom-in, data-zoom-out), and in a right-to-left page they stand at the start of the
// line (top right), as the page's other controls do. A pin's picture is named from the box's
// data-marker (Leaflet's own alt text, "Marker", is English on every page), and the scale is
// metric only: Oman measures in metres, and Leaflet's default adds a line in feet.
(function () {
  "use strict";
  if (typeof L === "undefined") return;
  var box = document.querySelector("[data-zoom-in]");
  var options = L.Control.Zoom.prototype.options;
  if (box) {
    options.zoomInTitle = box.dataset.zoomIn;
    options.zoomOutTitle = box.dataset.zoomOut;
    if (box.dataset.marker) L.Marker.prototype.options.alt = box.dataset.marker;
  }
  L.Control.Scale.prototype.options.imperial = false;
  if (document.documentElement.dir === "rtl") options.position = "topright";
})();
