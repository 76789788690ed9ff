// Similar reports nearby (progressive enhancement: without JavaScript the "show similar
// reports nearby" button posts the form back and the page comes back with the same list).
// When the pin or the kind of problem changes, the form asks /report/nearby and lists the
// open reports it returns, in the server's words, as choices: "this is my problem too".
(function () {
  "use strict";
  var box = document.getElementById("nearby");
  var form = document.getElementById("report-form");
  if (!box || !form || !window.fetch || !window.FormData) return;
  var status = document.getElementById("nearby-status");
  var guessed = document.getElementById("nearby-guessed");
  var choices = document.getElementById("nearby-choices");
  var lat = document.getElementById("lat");
  var lon = document.getElementById("lon");
  var category = document.getElementById("category");
  var description = document.getElementById("description");
  var step = document.getElementById("nearby-step");
  if (step) step.remove(); // Enter in a text box must send the report, not ask for the list
  var timer = null;
  var asked = 0;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function choice(id, value, checked, fill) {
    var item = element("li");
    var input = element("input");
    input.type = "radio";
    input.name = "same_problem";
    input.value = value;
    input.id = id;
    input.checked = checked;
    var label = element("label");
    label.htmlFor = id;
    fill(label);
    item.appendChild(input);
    item.appendChild(label);
    return item;
  }

  function chosen() {
    var picked = form.querySelector("input[name=same_problem]:checked");
    return picked ? picked.value : "";
  }

  function show(view) {
    var keep = chosen();
    status.textContent = view.state === "need_place" ? "" : view.message;
    guessed.textContent = view.guessed || "";
    guessed.hidden = !view.guessed;
    choices.textContent = "";
    if (!view.items.length) return;
    var set = element("fieldset", "nearby-list");
    set.appendChild(element("legend", null, box.dataset.legend));
    set.appendChild(element("p", "help", box.dataset.help));
    var list = element("ul", "choices");
    var listed = false;
    view.items.forEach(function (item, i) {
      listed = listed || item.choice === keep;
      list.appendChild(choice("same-" + (i + 1), item.choice, item.choice === keep, function (label) {
        label.appendChild(element("strong", null, box.dataset.mine));
        label.appendChild(document.createTextNode(" " + item.title + " "));
        label.appendChild(element("span", "nearby-facts", item.facts.join(" · ")));
      }));
    });
    list.appendChild(choice("same-none", "", !listed, function (label) {
      label.textContent = box.dataset.different;
    }));
    set.appendChild(list);
    choices.appendChild(set);
  }

  function ask(retried) {
    if (!lat.value || !lon.value) return;
    var data = new FormData();
    data.append("csrf_token", form.elements.csrf_token.value);
    data.append("lat", lat.value);
    data.append("lon", lon.value);
    data.append("category", category.value);
    if (!category.value) data.append("description", description.value);
    var mine = ++asked;
    var url = box.dataset.url + "?lang=" + encodeURIComponent(document.documentElement.lang);
    fetch(url, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (r) {
        if (r.ok) return r.json();
        // The page outlived its token (open past the hour): the answer carries a fresh one,
        // which the form keeps for sending the report too; ask once more with it.
        if (r.status !== 400 || retried) return null;
        return r.json().then(renewed, function () { return null; });
        return null;
      })
      .then(function (view) { if (view && mine === asked) show(view); })
      .catch(function () { /* no list: the report is sent as a new one, as before */ });
  }

  function renewed(answer) {
    if (!answer || answer.error !== "csrf_expired" || !answer.csrf_token) return null;
    form.elements.csrf_token.value = answer.csrf_token;
    ask(true);
    return null;
  }

  function later() {
    clearTimeout(timer);
    // one question once the pin settles, not one per drag
    timer = setTimeout(function () { ask(false); }, 400);
  }

  form.addEventListener("pinned", later); // the map's pin (report-map.js)
  lat.addEventListener("change", later); // typed by hand, or "use my location"
  lon.addEventListener("change", later);
  category.addEventListener("change", later);
  description.addEventListener("change", function () { if (!category.value) later(); });
  if (lat.value && lon.value && !choices.children.length) later(); // back after an error
})();
