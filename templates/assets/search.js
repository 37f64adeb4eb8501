/* Qingshan site search: loads /search-index.json once, ranks pages by the query's bigrams
   and words (titles weigh more), highlights matches, then shows the words around the first
   hit in each of the first results (read from the page itself, so the index stays small).
   No framework, no server. */
(function () {
  "use strict";
  /* Reading text writes dates as 2023年3月19日 (the index keeps 2023-03-19). */
  function chineseDate(iso) {
    var p = iso.split("-");
    return p.length === 3 ? p[0] + "年" + Number(p[1]) + "月" + Number(p[2]) + "日" : iso;
  }
  var form = document.querySelector("[data-search-index]");
  if (!form) return;
  var input = form.querySelector("input");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var index = null;

  function isHan(c) { return /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/.test(c); }
  function tokens(text) {
    var out = [], han = "", word = "";
    function flushHan() {
      if (han.length === 1) out.push(han);
      for (var i = 0; i + 1 < han.length; i++) out.push(han.substr(i, 2));
      han = "";
    }
    function flushWord() { if (word) out.push(word.toLowerCase().replace(/\.$/, "")); word = ""; }
    for (var k = 0; k < text.length; k++) {
      var c = text[k];
      if (isHan(c)) { flushWord(); han += c; }
      else if (/[A-Za-z0-9]/.test(c) || (c === "." && /^[0-9]+$/.test(word))) { flushHan(); word += c; }
      else { flushHan(); flushWord(); }
    }
    flushHan(); flushWord();
    return out;
  }
  /* Postings as parallel arrays: doc ids, counts, title flags. Decoded once per term. */
  var cache = {};
  function decode(list) {
    var docs = [], counts = [], titles = [], doc = 0;
    list.split(",").forEach(function (p) {
      var m = /^([0-9a-z]+)(?:~([0-9a-z]+))?(!)?$/.exec(p);
      if (!m) return;
      doc += parseInt(m[1], 36);
      docs.push(doc); counts.push(m[2] ? parseInt(m[2], 36) : 1); titles.push(!!m[3]);
    });
    return { docs: docs, counts: counts, titles: titles };
  }
  function term(key) {
    if (!cache[key]) cache[key] = index.terms[key] ? decode(index.terms[key]) : { docs: [], counts: [], titles: [] };
    return cache[key];
  }
  /* Visits the postings of a token; a single Han character also counts every bigram
     holding it (its own entry exists only where it stood alone). */
  function postings(token, visit) {
    if (token.length === 1 && isHan(token)) {
      if (!index.singles) {
        index.singles = {};
        Object.keys(index.terms).forEach(function (key) {
          if (key.length === 2) {
            (index.singles[key[0]] = index.singles[key[0]] || []).push(key);
            if (key[1] !== key[0]) (index.singles[key[1]] = index.singles[key[1]] || []).push(key);
          }
        });
      }
      var keys = (index.singles[token] || []).concat(index.terms[token] ? [token] : []);
      var seen = new Uint8Array(index.docs.length);
      keys.forEach(function (key) {
        var p = term(key);
        for (var i = 0; i < p.docs.length; i++) {
          if (!seen[p.docs[i]]) { seen[p.docs[i]] = 1; visit(p.docs[i], p.counts[i], p.titles[i]); }
        }
      });
      return;
    }
    var p = term(token);
    for (var i = 0; i < p.docs.length; i++) visit(p.docs[i], p.counts[i], p.titles[i]);
  }
  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  /* Marks every query word, in one pass over the text, the longest first where two start together. */
  function highlight(text, words) {
    var alts = words.filter(Boolean).sort(function (a, b) { return b.length - a.length; }).map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    if (!alts.length) return escapeHTML(text);
    return text.split(new RegExp("(" + alts.join("|") + ")", "i")).map(function (part, i) {
      return i % 2 ? "<mark>" + escapeHTML(part) + "</mark>" : escapeHTML(part);
    }).join("");
  }
  /* The words around the first place the page's text holds one of `marks` (the longest first:
     a whole query word before its tokens), or null. */
  function around(text, marks) {
    var tries = marks.slice().sort(function (a, b) { return b.length - a.length; });
    var lower = text.toLowerCase();
    for (var i = 0; i < tries.length; i++) {
      var w = tries[i], at = lower.indexOf(w.toLowerCase());
      if (at < 0) continue;
      var start = Math.max(0, at - 30), end = Math.min(text.length, at + w.length + 60);
      return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
    }
    return null;
  }
  var generation = 0;
  function snippet(li, href, kind, marks, mine) {
    fetch(href).then(function (r) { return r.ok ? r.text() : ""; }).then(function (page) {
      if (mine !== generation || !page) return;
      var dom = new DOMParser().parseFromString(page, "text/html");
      // The page's text: its bodies (a campaign has several), else its main part, without
      // navigation and the title (shown above already).
      var bodies = dom.querySelectorAll(".article-body, .gongwen-body");
      if (!bodies.length) bodies = dom.querySelectorAll("main");
      var text = Array.prototype.map.call(bodies, function (body) {
        body.querySelectorAll("nav, h1").forEach(function (n) { n.remove(); });
        return body.textContent;
      }).join(" ").replace(/\s+/g, " ").trim();
      var found = around(text, marks);
      if (!found) return;
      var p = li.querySelector(".item-summary");
      p.className = "item-summary search-snippet";
      p.innerHTML = escapeHTML(kind) + "：" + highlight(found, marks);
    }).catch(function () { /* the summary stays */ });
  }
  function search(query) {
    var q = query.trim();
    var mine = ++generation;
    list.innerHTML = "";
    if (!q) { status.textContent = ""; return; }
    var toks = tokens(q);
    if (!toks.length) { status.textContent = "请输入中文、字母或数字。"; return; }
    var started = performance.now();
    // Pages matching most of the query's tokens first (a phrase like 农村污水 need not appear
    // verbatim), then by counts, titles weighing more.
    var n = index.docs.length, scores = new Float64Array(n), matched = new Uint16Array(n), candidates = [];
    toks.forEach(function (t) {
      postings(t, function (d, count, title) {
        if (matched[d] === 0) candidates.push(d);
        scores[d] += Math.log(1 + count) + (title ? 5 : 0);
        matched[d] += 1;
      });
    });
    var need = Math.max(1, Math.ceil(toks.length * 0.6));
    var hits = candidates.filter(function (d) { return matched[d] >= need; }).sort(function (a, b) {
      return matched[b] - matched[a] || scores[b] - scores[a] || b - a;
    });
    // Marked: the query's words and its Han tokens (农村污水 marks 农村 and 污水 in 农村生活污水;
    // GX-2023-0008 marks only itself, not every 2023).
    var words = q.split(/\s+/).filter(function (w) { return tokens(w).length; });
    var marks = words.concat(toks.filter(function (t) { return isHan(t[0]); }));
    hits.slice(0, 50).forEach(function (d, rank) {
      var doc = index.docs[d];
      var li = document.createElement("li");
      li.className = "item";
      li.innerHTML = '<a href="' + escapeHTML(doc[0]) + '">' + highlight(doc[1], marks) + "</a>" +
        (doc[2] ? '<time datetime="' + doc[2] + '">' + chineseDate(doc[2]) + "</time>" : "<span></span>") +
        '<p class="item-summary">' + escapeHTML(doc[3]) + "：" + highlight(doc[4], marks) + "</p>";
      list.appendChild(li);
      // A ledger record's summary is the record itself; pages show where the words stand.
      if (rank < 10 && doc[0].indexOf("#") < 0) snippet(li, doc[0], doc[3], marks, mine);
    });
    // The time a query took (ranking and listing, the index already loaded), for readers and benchmarks.
    var ms = Math.max(1, Math.round(performance.now() - started));
    status.setAttribute("data-ms", ms);
    status.textContent = hits.length ? "找到 " + hits.length + " 个结果（用时 " + ms + " 毫秒）。" : "没有找到与“" + q + "”相关的内容。";
  }
  function run(query) {
    if (index) { search(query); return; }
    status.textContent = "正在加载索引……";
    fetch(form.getAttribute("data-search-index")).then(function (r) { return r.json(); }).then(function (data) {
      index = data;
      search(query);
    }).catch(function () { status.textContent = "索引加载失败，请稍后重试。"; });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var q = input.value;
    history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    run(q);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
})();
