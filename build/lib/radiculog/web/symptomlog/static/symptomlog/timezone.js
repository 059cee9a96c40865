// Tell the sign-up form the person's time zone, so their log shows their own clock.
(function () {
  "use strict";
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
  document.querySelectorAll("input[name=tz]").forEach(function (input) { input.value = zone; });
})();
