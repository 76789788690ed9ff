// The report form's map (progressive enhancement: without JavaScript the latitude and
// longitude boxes below it do the same job). A tap or click sets the pin and fills the boxes;
// the pin can be dragged; Enter on the focused map pins its centre (keyboard users). When a
// reverse geocoder is configured, the address box is filled from the pin unless the citizen
// typed one.
(function () {
  "use strict";
  var box = document.getElementById("report-map");
  if (!box || typeof L === "undefined") return;
  var geo = box.closest(".geo");
  var lat = document.getElementById("lat");
  var lon = document.getElementById("lon");
  var address = document.getElementById("address");
  var status = document.getElementById("locate-status");
  var coords = document.getElementById("coords");
  var autoAddress = "";
  var MUSCAT = [23.588, 58.383];

  box.hidden = false;
  document.getElementById("report-map-label").hidden = false;
  document.getElementById("report-map-help").hidden = false;
  if (coords && !coords.dataset.errors) coords.open = false; // the map replaces the boxes

  var map = L.map(box, { maxZoom: 19, minZoom: 3, keyboard: true });
  var tiles = box.dataset.tiles;
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
  }
  var marker = null;

  function current() {
    var a = parseFloat(lat.value), b = parseFloat(lon.value);
    return isFinite(a) && isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180 ? [a, b] : null;
  }

  function showPin(point) {
    if (marker) {
      marker.setLatLng(point);
    } else {
      marker = L.marker(point, { draggable: true, keyboard: false }).addTo(map);
      marker.on("dragend", function () { pin(marker.getLatLng(), false); });
    }
  }

  function pin(latlng, pan) {
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    box.dataset.pinned = lat.value + "," + lon.value;
    showPin([latlng.lat, latlng.lng]);
    if (pan) map.panTo(latlng);
    status.textContent = geo.dataset.pinned;
    lookUpAddress(lat.value, lon.value);
    lat.dispatchEvent(new CustomEvent("pinned", { bubbles: true })); // similar reports nearby
  }

  function lookUpAddress(a, b) {
    var url = geo.dataset.geocode;
    if (!url || !window.fetch || (address.value && address.value !== autoAddress)) return;
    var query = url + "?lat=" + encodeURIComponent(a) + "&lon=" + encodeURIComponent(b) +
      "&lang=" + encodeURIComponent(document.documentElement.lang);
    fetch(query, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data || !data.address) return;
        if (address.value && address.value !== autoAddress) return; // typed meanwhile
        address.value = autoAddress = data.address;
        status.textContent = geo.dataset.addressFound;
      })
      .catch(function () { /* no address: the pin alone is enough */ });
  }

  var start = current();
  map.setView(start || MUSCAT, start ? 16 : 11);
  if (start) showPin(start);

  map.on("click", function (e) { pin(e.latlng, false); });
  box.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target === box) {
      e.preventDefault();
      pin(map.getCenter(), false);
    }
  });
  function typed() {
    var point = current();
    if (!point) return;
    showPin(point);
    map.setView(point, Math.max(map.getZoom(), 16));
    lookUpAddress(lat.value, lon.value);
  }
  lat.addEventListener("change", typed);
  lon.addEventListener("change", typed);
})();
