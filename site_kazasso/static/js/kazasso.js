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

/* Header menu (WAI-ARIA disclosure): the "Menu" button is hidden without JavaScript, and the
   navigation then stays visible. With it, kazasso.css folds the navigation on narrow screens
   while the button says aria-expanded="false". Escape closes it and gives the focus back. */
(function () {
  "use strict";
  var toggle = document.querySelector(".menu-toggle[aria-controls]");
  if (!toggle) { return; }
  var menu = document.getElementById(toggle.getAttribute("aria-controls"));
  if (!menu) { return; }
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    toggle.setAttribute("aria-expanded", toggle.getAttribute("aria-expanded") === "true" ? "false" : "true");
  });
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    }
  });
})();

/* Print button: shown only when JavaScript can call window.print(). */
(function () {
  "use strict";
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();

/* Search suggestions, as a WAI-ARIA 1.2 combobox: inputs with data-suggest="/recherche/suggestions/"
   get a floating list box of up to 8 matching titles. ArrowDown and ArrowUp move through the
   options, Enter opens the active one (or submits the form when none is active), Escape closes
   the list, and a polite live region says how many suggestions there are. */
(function () {
  "use strict";
  var inputs = document.querySelectorAll("input[data-suggest]");
  inputs.forEach(function (input, index) {
    var endpoint = input.getAttribute("data-suggest");
    var baseId = input.id || "recherche-" + index;
    var list = document.createElement("ul");
    list.className = "suggestions";
    list.id = baseId + "-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var anchor = input.parentNode;
    anchor.classList.add("suggest-anchor");
    anchor.appendChild(list);
    anchor.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    var timer = null;
    var lastQuery = "";
    var options = [];
    var active = -1;

    function setActive(position) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === position ? "true" : "false");
        option.classList.toggle("is-active", i === position);
      });
      active = position;
      if (position < 0) {
        input.removeAttribute("aria-activedescendant");
      } else {
        input.setAttribute("aria-activedescendant", options[position].id);
        options[position].scrollIntoView({ block: "nearest" });
      }
    }

    function open(show) {
      var visible = show && options.length > 0;
      list.hidden = !visible;
      input.setAttribute("aria-expanded", visible ? "true" : "false");
      if (!visible) { setActive(-1); }
    }

    function follow(option) {
      window.location.assign(option.getAttribute("data-url"));
    }

    function render(results) {
      list.innerHTML = "";
      options = results.map(function (item, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", item.url);
        option.textContent = item.title;
        var kind = document.createElement("span");
        kind.className = "suggestions__type";
        kind.textContent = item.type === "evenement" ? " – événement" : " – fiche";
        option.appendChild(kind);
        list.appendChild(option);
        return option;
      });
      active = -1;
      open(true);
      status.textContent = results.length
        ? results.length + " suggestion" + (results.length > 1 ? "s" : "") +
          " : flèches haut et bas pour les parcourir, Entrée pour ouvrir."
        : "";
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      window.clearTimeout(timer);
      if (query.length < 2) {
        lastQuery = "";
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
      var expanded = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!options.length) { return; }
        event.preventDefault();
        if (!expanded) {
          open(true);
          setActive(event.key === "ArrowDown" ? 0 : options.length - 1);
          return;
        }
        var next = active + (event.key === "ArrowDown" ? 1 : -1);
        setActive(next >= options.length ? 0 : next < 0 ? options.length - 1 : next);
      } else if (event.key === "Enter" && expanded && active >= 0) {
        event.preventDefault();
        follow(options[active]);
      } else if (event.key === "Escape" && expanded) {
        event.preventDefault();
        open(false);
      }
    });

    /* A click on an option follows it; mousedown would otherwise blur the input first. */
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) { follow(option); }
    });
    input.addEventListener("blur", function () { open(false); });
    input.addEventListener("focus", function () { if (input.value.trim().length >= 2) { open(true); } });
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
