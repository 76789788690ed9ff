// Leaflet's own control words are English ("Zoom in", "Zoom out"). Every map of the site
// (report form, ticket, incident, dashboard) loads this after leaflet.js and before its own
// script: the zoom buttons get the titles the server put on the map's box from its catalog
// (data-zoom-in, data-zoom-out), and in a right-to-left page they stand at the start of the
// line (top right), as the page's other controls do.
(function () {
  "use strict";
  if (typeof L === "undefined") return;
  var box = document.querySelector("[data-zoom-in]");
  var options = L.Control.Zoom.prototype.options;
  if (box) {
    options.zoomInTitle = box.dataset.zoomIn;
    options.zoomOutTitle = box.dataset.zoomOut;
  }
  if (document.documentElement.dir === "rtl") options.position = "topright";
})();
