// Progressive enhancement only: the pages work without this file.
(function () {
  "use strict";
  // After a failed submit, move focus to the error summary so keyboard and screen reader
  // users land on the list of problems (it is also announced through role="alert").
  var summary = document.getElementById("error-summary");
  if (summary && !summary.hidden) summary.focus();

  // Fill latitude/longitude from the browser's geolocation when the citizen asks.
  var button = document.getElementById("locate");
  var box = button && button.closest(".geo");
  if (!button || !box || !("geolocation" in navigator)) return;
  var status = document.getElementById("locate-status");
  var lat = document.getElementById("lat");
  var lon = document.getElementById("lon");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = box.dataset.locating;
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        lat.value = pos.coords.latitude.toFixed(6);
        lon.value = pos.coords.longitude.toFixed(6);
        lat.dispatchEvent(new Event("change")); // the form's map moves its pin there
        status.textContent = box.dataset.located;
        button.disabled = false;
      },
      function () {
        status.textContent = box.dataset.failed;
        button.disabled = false;
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
    );
  });
})();
