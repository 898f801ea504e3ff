/* Progressive enhancement only: every page works without this file.
   Filter panels start open (for readers without JavaScript); on narrow screens they fold so
   results come first. */
(function () {
  "use strict";
  var panels = document.querySelectorAll("details[data-collapse-below]");
  panels.forEach(function (panel) {
    var limit = parseInt(panel.getAttribute("data-collapse-below"), 10);
    if (window.innerWidth < limit) {
      panel.removeAttribute("open");
    }
  });
})();
