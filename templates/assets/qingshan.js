/* Qingshan: small progressive enhancements; every page works without this script. */
(function () {
  "use strict";
  /* A street filter for task tables: <div data-filter="street"> around a table whose cells
     carry class="street". Without JavaScript all rows stay visible. */
  document.querySelectorAll("[data-filter=street]").forEach(function (box, n) {
    var rows = Array.prototype.slice.call(box.querySelectorAll("tbody tr"));
    var streets = [];
    rows.forEach(function (row) {
      var cell = row.querySelector("td.street");
      if (cell && streets.indexOf(cell.textContent) < 0) streets.push(cell.textContent);
    });
    if (streets.length < 2) return;
    var label = document.createElement("label");
    label.className = "filter";
    label.textContent = "按街道筛选：";
    var select = document.createElement("select");
    select.id = "street-filter-" + n;
    label.htmlFor = select.id;
    ["全部"].concat(streets.sort()).forEach(function (name) {
      var option = document.createElement("option");
      option.textContent = name;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      rows.forEach(function (row) {
        var cell = row.querySelector("td.street");
        row.hidden = select.value !== "全部" && (!cell || cell.textContent !== select.value);
      });
    });
    label.appendChild(select);
    box.insertBefore(label, box.firstChild);
  });
})();
