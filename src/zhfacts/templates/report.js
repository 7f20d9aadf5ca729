"use strict";
(function () {
  var claims = {};
  document.querySelectorAll("script.claim-data").forEach(function (el) {
    claims[el.dataset.doc] = JSON.parse(el.textContent);
  });
  var fields = JSON.parse(document.getElementById("claim-fields").textContent);
  var tooltip = document.getElementById("tooltip");
  var pinned = null;

  function showTip(mark) {
    var claim = claims[mark.dataset.doc][mark.dataset.i];
    var list = document.createElement("dl");
    fields.forEach(function (name) {
      if (!claim[name]) { return; }
      var term = document.createElement("dt");
      var value = document.createElement("dd");
      term.textContent = name;
      value.textContent = claim[name];
      list.appendChild(term);
      list.appendChild(value);
    });
    tooltip.replaceChildren(list);
    tooltip.hidden = false;
    var box = mark.getBoundingClientRect();
    tooltip.style.left = Math.max(4, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 4)) + "px";
    tooltip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function hideTip() {
    if (pinned) { showTip(pinned); } else { tooltip.hidden = true; }
  }

  function select(doc, index, scrollTo) {
    document.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    var mark = document.getElementById("d" + doc + "-c" + index);
    var row = document.getElementById("d" + doc + "-r" + index);
    if (row) {
      row.classList.add("selected");
      if (scrollTo === "row") { row.scrollIntoView({ block: "nearest" }); }
    }
    pinned = mark;
    if (mark) {
      mark.classList.add("selected");
      if (scrollTo === "mark") { mark.scrollIntoView({ block: "center" }); }
      showTip(mark);
    } else {
      tooltip.hidden = true;
    }
  }

  document.querySelectorAll("mark.claim").forEach(function (mark) {
    mark.addEventListener("mouseenter", function () { showTip(mark); });
    mark.addEventListener("mouseleave", hideTip);
    mark.addEventListener("focus", function () { showTip(mark); });
    mark.addEventListener("blur", hideTip);
    mark.addEventListener("click", function () { select(mark.dataset.doc, mark.dataset.i, "row"); });
    mark.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { select(mark.dataset.doc, mark.dataset.i, "row"); }
    });
  });

  document.querySelectorAll("tr.claim-row, a.claim-link").forEach(function (el) {
    el.addEventListener("click", function (event) {
      event.preventDefault();
      select(el.dataset.doc, el.dataset.i, "mark");
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { pinned = null; tooltip.hidden = true; }
  });

  function cellKey(row, column, numeric) {
    var cell = row.cells[column];
    var raw = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent;
    if (numeric) {
      var number = parseFloat(raw);
      return isNaN(number) ? -Infinity : number;
    }
    return raw.trim();
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, column) {
      th.addEventListener("click", function () {
        var ascending = !th.classList.contains("asc");
        table.querySelectorAll("thead th").forEach(function (other) { other.classList.remove("asc", "desc"); });
        th.classList.add(ascending ? "asc" : "desc");
        var numeric = th.dataset.type === "num";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellKey(a, column, numeric);
          var y = cellKey(b, column, numeric);
          var order = numeric ? x - y : x.localeCompare(y, "zh");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  function applyFilter(input) {
    var table = document.getElementById(input.dataset.table);
    var query = input.value.trim().toLowerCase();
    var rows = table.tBodies[0].rows;
    var shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var match = !query || row.textContent.toLowerCase().indexOf(query) >= 0;
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    var count = document.querySelector(".count[data-table='" + input.dataset.table + "']");
    count.textContent = shown + " of " + rows.length + " rows shown";
  }

  document.querySelectorAll("input.filter").forEach(function (input) {
    input.addEventListener("input", function () { applyFilter(input); });
    applyFilter(input);
  });
})();
