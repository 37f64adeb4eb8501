/* Qingshan site search: loads /search-index.json once, ranks pages by the query's bigrams
   and words (titles weigh more), highlights matches. No framework, no server. */
(function () {
  "use strict";
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
  function decode(list) {
    var out = {}, doc = 0;
    list.split(",").forEach(function (p) {
      var m = /^([0-9a-z]+)(?:~([0-9a-z]+))?(!)?$/.exec(p);
      if (!m) return;
      doc += parseInt(m[1], 36);
      out[doc] = { n: m[2] ? parseInt(m[2], 36) : 1, t: !!m[3] };
    });
    return out;
  }
  /* Postings of a token; a single Han character is the union of the bigrams holding it. */
  function postings(token) {
    if (token.length === 1 && isHan(token)) {
      var merged = {};
      Object.keys(index.terms).forEach(function (term) {
        if (term.length === 2 && term.indexOf(token) >= 0) {
          var p = decode(index.terms[term]);
          Object.keys(p).forEach(function (d) {
            var e = merged[d] || { n: 0, t: false };
            e.n += p[d].n; e.t = e.t || p[d].t; merged[d] = e;
          });
        }
      });
      return merged;
    }
    return index.terms[token] ? decode(index.terms[token]) : {};
  }
  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  function highlight(text, words) {
    var html = escapeHTML(text);
    words.forEach(function (w) {
      if (!w) return;
      html = html.split(escapeHTML(w)).join("<mark>" + escapeHTML(w) + "</mark>");
    });
    return html;
  }
  function search(query) {
    var q = query.trim();
    list.innerHTML = "";
    if (!q) { status.textContent = ""; return; }
    var toks = tokens(q);
    if (!toks.length) { status.textContent = "请输入中文、字母或数字。"; return; }
    // Pages matching most of the query's tokens first (a phrase like 农村污水 need not appear
    // verbatim), then by counts, titles weighing more.
    var scores = {}, matched = {};
    toks.forEach(function (t) {
      var p = postings(t);
      Object.keys(p).forEach(function (d) {
        scores[d] = (scores[d] || 0) + Math.log(1 + p[d].n) + (p[d].t ? 5 : 0);
        matched[d] = (matched[d] || 0) + 1;
      });
    });
    var need = Math.max(1, Math.ceil(toks.length * 0.6));
    Object.keys(matched).forEach(function (d) { if (matched[d] < need) delete scores[d]; });
    var hits = Object.keys(scores).sort(function (a, b) {
      return matched[b] - matched[a] || scores[b] - scores[a] || b - a;
    });
    status.textContent = hits.length ? "找到 " + hits.length + " 个结果。" : "没有找到与“" + q + "”相关的内容。";
    var words = q.split(/\s+/);
    hits.slice(0, 50).forEach(function (d) {
      var doc = index.docs[d];
      var li = document.createElement("li");
      li.className = "item";
      li.innerHTML = '<a href="' + escapeHTML(doc[0]) + '">' + highlight(doc[1], words) + "</a>" +
        (doc[2] ? '<time datetime="' + doc[2] + '">' + doc[2] + "</time>" : "<span></span>") +
        '<p class="item-summary">' + escapeHTML(doc[3]) + "：" + highlight(doc[4], words) + "</p>";
      list.appendChild(li);
    });
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
