// The dashboard's charts (Chart.js) and map (Leaflet + markercluster), all vendored under
// /static/vendor. The figures come from the page's JSON block; the table above them works
// without JavaScript. Each drawn element gets data-ready="1" (the browser test waits on it).
(function () {
  "use strict";
  var block = document.getElementById("dashboard-data");
  if (!block) return;
  var data = JSON.parse(block.textContent);
  var rtl = data.dir === "rtl";
  // the page's language with Latin digits, as the table beside it (the browser's locale wrote
  // Arabic-Indic ticks in an Arabic browser, even on the English page)
  var locale = (document.documentElement.lang || "en") + "-u-nu-latn";
  var palette = ["#1b6ca8", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#2c3e50", "#b7950b"];

  // Right to left, time runs from the right: the days and each series are given latest first
  // rather than the axis reversed, which Chart.js pads for the wrong end (the latest day's
  // slanted label was cut at the left edge, "6-12-06").
  function ordered(values) {
    return rtl ? values.slice().reverse() : values;
  }

  function chart(id, type, datasets, labels) {
    var canvas = document.getElementById(id);
    if (!canvas || typeof Chart === "undefined") return;
    datasets.forEach(function (d) { d.data = ordered(d.data); });
    new Chart(canvas, {
      type: type,
      data: { labels: ordered(labels), datasets: datasets },
      options: {
        animation: false,
        locale: locale,
        responsive: true,
        maintainAspectRatio: false,
        spanGaps: true,
        plugins: { legend: { rtl: rtl, position: "bottom" }, tooltip: { rtl: rtl } },
        scales: { x: { stacked: type === "bar" }, y: { beginAtZero: true, stacked: type === "bar", position: rtl ? "right" : "left" } }
      }
    });
    canvas.setAttribute("data-ready", "1");
  }

  var codes = Object.keys(data.trend.tickets);
  chart("chart-tickets", "bar", codes.map(function (code, i) {
    return { label: data.names[code] || code, data: data.trend.tickets[code], backgroundColor: palette[i % palette.length] };
  }), data.trend.labels);
  chart("chart-medians", "line", Object.keys(data.series).map(function (name, i) {
    return { label: data.series[name], data: data.trend.medians[name], borderColor: palette[i], backgroundColor: palette[i], tension: 0.2 };
  }), data.trend.labels);

  var box = document.getElementById("map");
  if (!box || typeof L === "undefined") return;
  // maxZoom on the map itself: without a tile layer (no BALAGH_MAP_TILES) nothing else sets it
  var map = L.map(box, { zoomControl: true, maxZoom: 19, minZoom: 3 }).setView([23.588, 58.383], 11);
  var tiles = box.getAttribute("data-tiles");
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: box.getAttribute("data-attribution") }).addTo(map);
  }
  var group = L.markerClusterGroup ? L.markerClusterGroup() : L.layerGroup();
  var bounds = [];
  data.points.forEach(function (p) {
    var marker = L.circleMarker([p.lat, p.lon], { radius: 6, color: "#1b6ca8", weight: 2 });
    var link = document.createElement("a");
    link.href = data.inbox + "t/" + encodeURIComponent(p.reference);
    link.textContent = p.reference;
    marker.bindPopup(link);
    group.addLayer(marker);
    bounds.push([p.lat, p.lon]);
  });
  group.addTo(map);
  if (bounds.length) map.fitBounds(bounds, { maxZoom: 15, padding: [20, 20] });
  box.setAttribute("data-ready", "1");
})();
