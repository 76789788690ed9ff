// Progressive enhancement only: the pages work without this file.
(function () {
  "use strict";
  // After a failed submit, move focus to the error summary so keyboard and screen reader
  // users land on the list of problems (it is also announced through role="alert").
  var summary = document.getElementById("error-summary");
  if (summary && !summary.hidden) summary.focus();

  // Check chosen photos before they are uploaded: one over the size limit, or too many, is
  // said at once beside the field and the choice is cleared, instead of a long upload ending
  // on an error page (a request too large for the server cannot give the typed text back).
  Array.prototype.forEach.call(
    document.querySelectorAll("input[type=file][data-max-bytes]"),
    function (input) {
      var note = document.createElement("p");
      note.className = "error";
      note.id = input.id + "-client-error";
      note.setAttribute("role", "alert");
      note.hidden = true;
      input.insertAdjacentElement("afterend", note);
      input.addEventListener("change", function () {
        var max = Number(input.dataset.maxBytes);
        var problems = [];
        if (input.files.length > Number(input.dataset.maxFiles)) {
          problems.push(input.dataset.tooMany);
        }
        Array.prototype.forEach.call(input.files, function (file) {
          if (file.size > max) {
            var name = file.name.slice(0, 80); // a function: "$&" in a name stays as typed
            problems.push(input.dataset.tooLarge.replace("{filename}", function () { return name; }));
          }
        });
        note.textContent = problems.join(" ");
        note.hidden = problems.length === 0;
        if (problems.length) {
          input.value = "";
          input.setAttribute("aria-invalid", "true");
        } else {
          input.removeAttribute("aria-invalid");
        }
      });
    }
  );

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
