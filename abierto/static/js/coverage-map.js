// The coverage map (plan/public/coverage.html): a tap or a click on a municipality shows its
// figures beside the map, read from its row of the table «Cifras por municipio». Without this
// script each area is a plain link to that row, which CSS highlights (:target).
(function () {
  "use strict";

  function detailFor(row, headers, agendaLabel) {
    var fragment = document.createDocumentFragment();
    var cells = row.querySelectorAll("th, td");
    var heading = document.createElement("h3");
    var link = cells[0].querySelector("a");
    heading.textContent = cells[0].textContent.trim();
    fragment.appendChild(heading);
    var list = document.createElement("dl");
    list.className = "facts";
    for (var i = 1; i < cells.length; i += 1) {
      var term = document.createElement("dt");
      term.textContent = headers[i];
      var value = document.createElement("dd");
      value.textContent = cells[i].textContent.trim();
      list.appendChild(term);
      list.appendChild(value);
    }
    fragment.appendChild(list);
    if (link) {
      var more = document.createElement("p");
      var agenda = document.createElement("a");
      agenda.href = link.getAttribute("href");
      agenda.textContent = agendaLabel || link.textContent;
      more.appendChild(agenda);
      fragment.appendChild(more);
    }
    return fragment;
  }

  function setUp(figure) {
    var panel = document.getElementById(figure.getAttribute("data-map-details"));
    var table = document.querySelector(".coverage-table");
    if (!panel || !table) {
      return;
    }
    var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    var selected = null;
    figure.addEventListener("click", function (event) {
      var area = event.target.closest("a");
      if (!area || !figure.contains(area)) {
        return;
      }
      var row = document.getElementById((area.getAttribute("href") || "").slice(1));
      if (!row) {
        return;
      }
      event.preventDefault();
      if (selected) {
        selected.classList.remove("is-selected");
      }
      selected = area.querySelector(".map-area");
      if (selected) {
        selected.classList.add("is-selected");
      }
      panel.replaceChildren(detailFor(row, headers, figure.getAttribute("data-agenda-label")));
      if (panel.getBoundingClientRect().top > window.innerHeight) {
        panel.scrollIntoView({ block: "nearest" });
      }
    });
  }

  document.querySelectorAll("[data-map-details]").forEach(setUp);
})();
