/* Qingshan: small progressive enhancements; every page works without this script. */
(function () {
  "use strict";
  /* 长辈模式 (适老化 large-text mode): one switch in the header, remembered across pages. */
  var root = document.documentElement;
  document.querySelectorAll("[data-mode-toggle]").forEach(function (button) {
    function show() {
      var on = root.classList.contains("large");
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "标准模式" : "长辈模式";
    }
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      var on = !root.classList.contains("large");
      root.classList.toggle("large", on);
      try { localStorage.setItem("qingshan-large", on ? "1" : "0"); } catch (e) {}
      show();
    });
  });

  /* On a narrow screen the navigation folds behind a 栏目 button (without the script it stays
     open): a phone shows content on its first screen, in 长辈模式 too. */
  document.querySelectorAll("[data-nav-toggle]").forEach(function (button) {
    root.classList.add("nav-folds");
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = !root.classList.contains("nav-open");
      root.classList.toggle("nav-open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  });

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
