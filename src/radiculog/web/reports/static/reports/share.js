// Share page: a copy button, and the device's share sheet where the browser has one
// (Web Share API). Progressive enhancement: without JavaScript the link is in a
// text box to select and copy, and the QR code works on its own.
(function () {
  "use strict";
  function urlOf(button) {
    var box = document.getElementById(button.getAttribute("data-target"));
    return box ? box.value.trim() : "";
  }
  function say(button, text) {
    var status = button.parentNode.querySelector(".copy-status");
    if (status) { status.textContent = text; }
  }
  document.querySelectorAll(".js-copy").forEach(function (button) {
    if (!navigator.clipboard || !window.isSecureContext) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(urlOf(button)).then(
        function () { say(button, button.getAttribute("data-done")); },
        function () { say(button, button.getAttribute("data-failed")); }
      );
    });
  });
  document.querySelectorAll(".js-share").forEach(function (button) {
    if (typeof navigator.share !== "function") { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var box = button.closest(".handover");
      navigator.share({ title: box ? box.getAttribute("data-share-title") : "", url: urlOf(button) })
        .catch(function () { /* the person closed the share sheet */ });
    });
  });
})();
