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

/* Search suggestions: inputs with data-suggest="/recherche/suggestions/" get a list of up to
   8 matching titles below them, as links. The form still submits normally. */
(function () {
  "use strict";
  var inputs = document.querySelectorAll("input[data-suggest]");
  inputs.forEach(function (input, index) {
    var endpoint = input.getAttribute("data-suggest");
    var list = document.createElement("ul");
    list.className = "suggestions";
    list.id = (input.id || "recherche-" + index) + "-suggestions";
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    var anchor = input.closest("form") || input;
    anchor.appendChild(list);
    anchor.appendChild(status);
    input.setAttribute("aria-controls", list.id);
    var timer = null;
    var lastQuery = "";

    function render(results) {
      list.innerHTML = "";
      results.forEach(function (item) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = item.url;
        link.textContent = item.title;
        var kind = document.createElement("span");
        kind.className = "suggestions__type";
        kind.textContent = item.type === "evenement" ? " – événement" : " – fiche";
        link.appendChild(kind);
        li.appendChild(link);
        list.appendChild(li);
      });
      list.hidden = results.length === 0;
      status.textContent = results.length
        ? results.length + " suggestion" + (results.length > 1 ? "s" : "") + " sous le champ de recherche."
        : "";
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      window.clearTimeout(timer);
      if (query.length < 2) {
        render([]);
        return;
      }
      timer = window.setTimeout(function () {
        lastQuery = query;
        fetch(endpoint + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) { if (lastQuery === query) { render(data.results || []); } })
          .catch(function () { render([]); });
      }, 250);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { render([]); }
    });
  });
})();

/* Embedded videos: the player (an iframe of YouTube, Vimeo…) waits in an inert <template> and is
   loaded only when the reader presses the button, so no visitor is seen by the video's site
   before choosing to play it. Without JavaScript, the link to the video stays. */
(function () {
  "use strict";
  document.querySelectorAll("[data-play-video]").forEach(function (button) {
    var player = button.parentNode.querySelector("template[data-video-player]");
    if (!player) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      button.parentNode.insertBefore(player.content.cloneNode(true), button);
      var frame = button.parentNode.querySelector("iframe");
      button.remove();
      if (frame) {
        frame.focus();
      }
    });
  });
})();
