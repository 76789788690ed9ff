// The ticket page's extras (the page works without them): photos open in a viewer instead of
// a new page, and the location shows on a small map (tiles from BALAGH_MAP_TILES; without
// tiles the pin still shows where it is against the scale).
(function () {
  "use strict";
  var viewer = document.getElementById("viewer");
  if (viewer && viewer.showModal) {
    var big = viewer.querySelector("img");
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-viewer]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      big.src = link.href;
      big.alt = link.querySelector("img").alt;
      viewer.showModal();
    });
    viewer.addEventListener("click", function (event) {
      if (event.target === viewer) viewer.close(); // a click outside the photo
    });
  }

  var box = document.getElementById("ticket-map");
  if (!box || typeof L === "undefined") return;
  var point = [parseFloat(box.dataset.lat), parseFloat(box.dataset.lon)];
  box.hidden = false;
  var map = L.map(box, { maxZoom: 19, minZoom: 3, scrollWheelZoom: false }).setView(point, 16);
  if (box.dataset.tiles) {
    L.tileLayer(box.dataset.tiles, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
  }
  L.control.scale().addTo(map);
  L.marker(point, { keyboard: false }).addTo(map);
})();
