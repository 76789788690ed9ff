// Fill the reply box from the chosen canned response (the server does the same if JS is off).
document.addEventListener("change", function (event) {
  var select = event.target;
  if (!select.matches || !select.matches("select[data-fills]")) return;
  var box = document.getElementById(select.getAttribute("data-fills"));
  var option = select.options[select.selectedIndex];
  if (box && option && option.getAttribute("data-text") !== null) {
    box.value = option.getAttribute("data-text");
  }
});

// Keyboard shortcuts for the common actions, listed on every page (details#shortcuts):
// "/" search, "j"/"k" next/previous ticket in a queue, "r" reply, "n" note, "?" the list.
// Never while typing in a field, nor with Ctrl/Alt/Meta (the browser's own shortcuts).
document.addEventListener("keydown", function (event) {
  // Ctrl+Enter (Cmd+Enter) in the side panel sends its one Update, as in Zammad.
  if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && event.target.form &&
      event.target.form.id === "update-form") {
    event.preventDefault();
    event.target.form.requestSubmit();
    return;
  }
  if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
  var target = event.target;
  if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
  function focus(selector) {
    var element = document.querySelector(selector);
    if (!element) return false;
    var fold = element.closest && element.closest("details");
    if (fold) fold.open = true; // the search of a folded filter panel (a phone) unfolds it
    element.focus();
    if (element.scrollIntoView) element.scrollIntoView({ block: "center" });
    return true;
  }
  var done = false;
  if (event.key === "/") {
    done = focus("input[name=q]");
  } else if (event.key === "r") {
    done = focus("#reply-text");
  } else if (event.key === "n") {
    done = focus("#note-text");
  } else if (event.key === "?") {
    var help = document.getElementById("shortcuts");
    if (help) {
      help.open = !help.open;
      help.querySelector("summary").focus();
      done = true;
    }
  } else if (event.key === "j" || event.key === "k") {
    var links = Array.prototype.slice.call(document.querySelectorAll("td.ref a"));
    if (links.length) {
      var at = links.indexOf(document.activeElement);
      var next = event.key === "j" ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
      links[next].focus();
      done = true;
    }
  }
  if (done) event.preventDefault();
});

// Live refresh (issue 20, item 2): every data-refresh seconds, fetch this same page and
// replace each [data-live] region (the queue's table, the ticket's conversation) in place;
// items not seen before are marked "fresh" and counted in the live notice. Forms, drafts and
// the scroll position are untouched: no full reload. A hidden tab waits until it is shown.
(function () {
  "use strict";
  var main = document.querySelector("main[data-refresh]");
  var seconds = main && parseFloat(main.getAttribute("data-refresh"));
  if (!seconds || !window.fetch || !window.DOMParser || !document.querySelector("[data-live]")) return;
  var notice = document.getElementById("live-notice");
  var template = main.getAttribute("data-new-items");
  var seen = {};
  var fresh = 0;
  function ids(root) {
    return Array.prototype.map.call(root.querySelectorAll("[data-live-item]"), function (el) {
      return el.getAttribute("data-live-item");
    });
  }
  ids(document).forEach(function (id) { seen[id] = true; });
  function refresh() {
    if (document.hidden) return;
    fetch(window.location.href, { credentials: "same-origin", headers: { "X-Live": "1" } })
      .then(function (r) { return r.ok && !r.redirected ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var next = new DOMParser().parseFromString(html, "text/html");
        Array.prototype.forEach.call(document.querySelectorAll("[data-live]"), function (region) {
          var key = region.getAttribute("data-live");
          var replacement = next.querySelector('[data-live="' + key + '"]');
          if (!replacement || replacement.innerHTML === region.innerHTML) return;
          var focused = document.activeElement && region.contains(document.activeElement);
          var ticked = Array.prototype.map.call(region.querySelectorAll("input[name=refs]:checked"),
            function (box) { return box.value; });
          region.innerHTML = replacement.innerHTML;
          ticked.forEach(function (ref) { // a refresh keeps what was ticked for a bulk action
            var box = region.querySelector('input[name=refs][value="' + ref + '"]');
            if (box) box.checked = true;
          });
          Array.prototype.forEach.call(region.querySelectorAll("[data-live-item]"), function (el) {
            var id = el.getAttribute("data-live-item");
            if (!seen[id]) {
              seen[id] = true;
              fresh += 1;
              el.classList.add("fresh");
            }
          });
          if (focused) region.focus && region.focus();
        });
        if (fresh && notice) {
          notice.textContent = template.replace("{count}", String(fresh));
          notice.hidden = false;
        }
      })
      .catch(function () { /* offline for a moment: try again next time */ });
  }
  setInterval(refresh, seconds * 1000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) refresh(); });
})();

// The move form's note says what it becomes for the chosen status (the question sent to the
// citizen, the department's answer...): its placeholder follows the <select>.
document.addEventListener("change", function (event) {
  var select = event.target;
  if (!select.matches || !select.matches("select[data-note-for]")) return;
  var box = document.getElementById(select.getAttribute("data-note-for"));
  var option = select.options[select.selectedIndex];
  if (box && option && option.getAttribute("data-note")) box.placeholder = option.getAttribute("data-note");
});

// The side panel's help and boxes that belong to one status (the department's answer with
// "resolved", the citizen's answer with "closed") show only while that status is chosen;
// without JavaScript they all show, each saying when it applies.
// The queue's bulk form likewise shows only the field its chosen action needs.
(function () {
  "use strict";
  function follow(selectId, attribute) {
    var select = document.getElementById(selectId);
    if (!select) return;
    function sync() {
      Array.prototype.forEach.call(document.querySelectorAll("[" + attribute + "]"), function (el) {
        el.hidden = el.getAttribute(attribute) !== select.value;
      });
    }
    select.addEventListener("change", sync);
    sync();
  }
  follow("update-status", "data-for-status");
  follow("bulk-action", "data-for-action");
})();

// "Tick every ticket on this page" for a bulk action: a storm's thirty reports of one flooded
// underpass, found by a search, go to its incident in one go. Without JavaScript it stays
// hidden (each ticket is ticked by hand).
(function () {
  "use strict";
  var all = document.getElementById("tick-all");
  if (!all) return;
  all.parentNode.hidden = false;
  all.addEventListener("change", function () {
    Array.prototype.forEach.call(document.querySelectorAll("input[name=refs]"), function (box) {
      box.checked = all.checked;
    });
  });
})();

// On a phone the queue shows its tickets first: the filters, the saved filters and the bulk
// actions (details.fold, open in the page, so without JavaScript nothing is hidden) fold up on
// a narrow screen (the width where the queue's columns stack, inbox.css) and open on a wide one.
(function () {
  "use strict";
  var folds = document.querySelectorAll("details.fold");
  if (!folds.length || !window.matchMedia) return;
  var narrow = window.matchMedia("(max-width: 900px)");
  function fit() {
    Array.prototype.forEach.call(folds, function (fold) { fold.open = !narrow.matches; });
  }
  fit();
  if (narrow.addEventListener) narrow.addEventListener("change", fit);
})();
