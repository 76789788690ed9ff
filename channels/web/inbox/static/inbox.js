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
