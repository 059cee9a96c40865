/* Small enhancements only: every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // After a failed submit, take keyboard and screen-reader users to the list of problems.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }

  // Print button on the result page.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // Printing shows the folded "why" sections too.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not(.fits)").forEach(function (d) { d.open = true; });
  });

  // Body map: a tap on a shape toggles its real checkbox; the checkbox stays the
  // source of truth, and the picture follows it.
  document.querySelectorAll("[data-bodymap]").forEach(function (map) {
    var boxes = {};
    map.querySelectorAll("input[type=checkbox][data-key]").forEach(function (box) {
      boxes[box.dataset.key] = box;
      box.addEventListener("change", function () { paint(map, box); });
    });
    map.querySelectorAll("polygon.region").forEach(function (shape) {
      shape.addEventListener("click", function () {
        var box = boxes[shape.dataset.key];
        if (!box) { return; }
        box.checked = !box.checked;
        box.dispatchEvent(new Event("change", { bubbles: true }));
      });
    });
  });

  function paint(map, box) {
    map.querySelectorAll('polygon.region[data-key="' + box.dataset.key + '"]').forEach(function (shape) {
      shape.classList.toggle("on", box.checked);
    });
  }
})();
