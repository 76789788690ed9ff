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
  if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
  var target = event.target;
  if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
  function focus(selector) {
    var element = document.querySelector(selector);
    if (!element) return false;
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
