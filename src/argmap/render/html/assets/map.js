/* argmap HTML map: details panel, search, filters, pan/zoom and keyboard over Graphviz's SVG.
   Vanilla JS, no network, no innerHTML: user text only ever goes through textContent. */
(function () {
  "use strict";
  var startedAt = performance.now();
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var svg = document.getElementById("map-svg");
  var panel = document.getElementById("panel");
  var body = document.getElementById("panel-body");
  var tools = document.getElementById("tools");
  var PREFIX = "c-";
  var SAFE = /^(https?:|mailto:)/i;
  var RELATIONS = [
    ["supports", "Supports"], ["opposes", "Opposes"], ["supported_by", "Supported by"],
    ["opposed_by", "Opposed by"], ["undercut_by", "Undercut by"]
  ];
  var byId = {};
  var hay = [];
  data.claims.forEach(function (c) {
    byId[c.id] = c;
    var words = [c.text, c.id.slice(c.id.lastIndexOf("/") + 1)];
    c.speakers.forEach(function (s) { words.push(s.name, s.role || ""); });
    hay.push(words.join(" ").toLowerCase());
  });
  var current = null;
  var opened = null;

  function node(id) { return document.getElementById(PREFIX + id); }
  function claimOf(el) {
    while (el && el !== svg) {
      if (el.classList && el.classList.contains("claim")) { return el.id.slice(PREFIX.length); }
      el = el.parentNode;
    }
    return null;
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  /* focus: the map is one tab stop (roving tabindex) */
  function setCurrent(id, focus) {
    var n = node(id);
    if (!n) { return; }
    if (current && current !== n) { current.setAttribute("tabindex", "-1"); current.classList.remove("current"); }
    current = n;
    n.setAttribute("tabindex", "0");
    n.classList.add("current");
    reveal(n);
    if (focus) { n.focus({ preventScroll: true }); }
  }

  /* details panel */
  function go(id) { setCurrent(id, true); open(id); }
  function row(dl, term, value) {
    if (!value) { return; }
    dl.appendChild(el("dt", term));
    var dd = el("dd");
    if (typeof value === "string") { dd.textContent = value; } else { dd.appendChild(value); }
    dl.appendChild(dd);
  }
  function citation(x) {
    var li = el("li");
    if (x.quote) { li.appendChild(el("blockquote", x.quote, "quote")); }
    var src;
    if (x.url && SAFE.test(x.url)) {
      src = el("a", x.source);
      src.setAttribute("href", x.url);
      src.setAttribute("rel", "noopener noreferrer");
      src.setAttribute("target", "_blank");
    } else { src = el("span", x.source); }
    li.appendChild(src);
    if (x.locator) { li.appendChild(document.createTextNode(", " + x.locator)); }
    return li;
  }
  function open(id) {
    var c = byId[id];
    if (!c) { return; }
    opened = id;
    body.textContent = "";
    var h = el("h2", c.text);
    h.id = "panel-title";
    body.appendChild(h);
    var dl = el("dl", null, "facts");
    row(dl, "Id", c.id);
    row(dl, "Type", c.type);
    var status = c.status || "none given";
    if (c.history && c.history.length) {
      status += " (" + c.history.map(function (x) { return x.date + ": " + x.status; }).join("; ") + ")";
    }
    row(dl, "Status", status);
    row(dl, "Sourcing", c.tier);
    if (c.label) { row(dl, "Label", c.label); }
    if (c.why) { row(dl, "Why", c.why); }
    body.appendChild(dl);
    if (c.speakers.length) {
      body.appendChild(el("h3", "Speakers"));
      var ul = el("ul");
      c.speakers.forEach(function (s) { ul.appendChild(el("li", s.role ? s.name + ", " + s.role : s.name)); });
      body.appendChild(ul);
    }
    if (c.citations.length) {
      body.appendChild(el("h3", "Citations"));
      var cl = el("ul", null, "cites");
      c.citations.forEach(function (x) { cl.appendChild(citation(x)); });
      body.appendChild(cl);
    }
    RELATIONS.forEach(function (r) {
      var ids = c[r[0]] || [];
      if (!ids.length) { return; }
      body.appendChild(el("h3", r[1]));
      var rl = el("ul", null, "related");
      ids.forEach(function (other) {
        var b = el("button", byId[other] ? byId[other].text : other);
        b.type = "button";
        b.setAttribute("data-go", other);
        var li = el("li");
        li.appendChild(b);
        rl.appendChild(li);
      });
      body.appendChild(rl);
    });
    if (c.appearances && c.appearances.length) {
      body.appendChild(el("h3", "Appears in"));
      var al = el("ul");
      c.appearances.forEach(function (a) { al.appendChild(el("li", a.document + " (" + a.id + ")")); });
      body.appendChild(al);
    }
    panel.hidden = false;
    panel.scrollTop = 0;
    if (location.hash !== "#" + PREFIX + id) { history.replaceState(null, "", "#" + PREFIX + id); }
    panel.focus({ preventScroll: true });
  }
  function close() {
    if (panel.hidden) { return; }
    panel.hidden = true;
    opened = null;
    if (current) { current.focus({ preventScroll: true }); }
  }

  /* pan and zoom: the viewBox moves, the layout stays Graphviz's */
  var base = svg.viewBox.baseVal;
  var home = [base.x, base.y, base.width, base.height];
  var view = home.slice();
  function apply() { svg.setAttribute("viewBox", view.join(" ")); }
  function zoom(factor, cx, cy) {
    if (cx === undefined) { cx = view[0] + view[2] / 2; cy = view[1] + view[3] / 2; }
    var w = Math.min(Math.max(view[2] * factor, home[2] / 40), home[2] * 4);
    var k = w / view[2];
    view = [cx - (cx - view[0]) * k, cy - (cy - view[1]) * k, view[2] * k, view[3] * k];
    apply();
  }
  function fit() { view = home.slice(); apply(); }
  function toMap(x, y) {
    var r = svg.getBoundingClientRect();
    var s = Math.max(view[2] / r.width, view[3] / r.height);
    return [view[0] + (x - r.left - (r.width - view[2] / s) / 2) * s,
            view[1] + (y - r.top - (r.height - view[3] / s) / 2) * s, s];
  }
  var centers = {};
  function center(n) {
    if (!centers[n.id]) { centers[n.id] = measure(n); }
    return centers[n.id];
  }
  function measure(n) {
    var b = n.getBBox();
    var m = n.getCTM();
    var root = svg.getCTM();
    var p = svg.createSVGPoint();
    p.x = b.x + b.width / 2; p.y = b.y + b.height / 2;
    p = p.matrixTransform(root.inverse().multiply(m));
    return [p.x, p.y];
  }
  function reveal(n) {
    var p = center(n), mx = view[2] * 0.12, my = view[3] * 0.12;  /* keep clear of the edges */
    if (p[0] < view[0] + mx || p[0] > view[0] + view[2] - mx ||
        p[1] < view[1] + my || p[1] > view[1] + view[3] - my) {
      view[0] = p[0] - view[2] / 2; view[1] = p[1] - view[3] / 2; apply();
    }
  }
  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    var p = toMap(e.clientX, e.clientY);
    zoom(Math.exp(e.deltaY * 0.0015), p[0], p[1]);
  }, { passive: false });
  var drag = null;
  var moved = false;
  svg.addEventListener("pointerdown", function (e) { drag = [e.clientX, e.clientY]; moved = false; });
  window.addEventListener("pointerup", function () { drag = null; });
  svg.addEventListener("pointermove", function (e) {
    if (!drag) { return; }
    var dx = e.clientX - drag[0], dy = e.clientY - drag[1];
    if (!moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
    moved = true;
    var s = toMap(0, 0)[2];
    view[0] -= dx * s; view[1] -= dy * s; drag = [e.clientX, e.clientY]; apply();
  });
  tools.addEventListener("click", function (e) {
    var z = e.target.getAttribute && e.target.getAttribute("data-zoom");
    if (z === "in") { zoom(1 / 1.25); } else if (z === "out") { zoom(1.25); } else if (z === "fit") { fit(); }
  });

  /* clicks: a node opens its panel; links in the panel move the focus */
  svg.addEventListener("click", function (e) {
    var id = claimOf(e.target);
    if (!id) { return; }
    e.preventDefault();
    if (moved) { return; }
    go(id);
  });
  document.addEventListener("click", function (e) {
    var t = e.target.closest ? e.target.closest("[data-go]") : null;
    if (t) { e.preventDefault(); go(t.getAttribute("data-go")); }
  });
  document.getElementById("panel-close").addEventListener("click", close);

  /* keyboard: arrows follow links (else the nearest node that way), Enter opens, Esc closes */
  var DIRS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  function neighbours(id) {
    var c = byId[id], seen = {}, out = [];
    RELATIONS.forEach(function (r) {
      (c[r[0]] || []).forEach(function (o) { if (!seen[o] && node(o)) { seen[o] = 1; out.push(o); } });
    });
    return out;
  }
  function best(from, ids, d) {
    var p = center(node(from)), pick = null, score = Infinity;
    ids.forEach(function (o) {
      if (o === from) { return; }
      var q = center(node(o)), dx = q[0] - p[0], dy = q[1] - p[1];
      var dist = Math.sqrt(dx * dx + dy * dy);
      var along = (dx * d[0] + dy * d[1]) / (dist || 1);
      if (along <= 0.3) { return; }
      var s = dist * (2 - along);
      if (s < score) { score = s; pick = o; }
    });
    return pick;
  }
  svg.addEventListener("keydown", function (e) {
    var id = claimOf(e.target);
    if (!id) { return; }
    var d = DIRS[e.key];
    if (d) {
      e.preventDefault();
      var next = best(id, neighbours(id), d) || best(id, Object.keys(byId).filter(node), d);
      if (next) { setCurrent(next, true); }
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      setCurrent(id, false);
      open(id);
    } else if (e.key === "+" || e.key === "=" || e.key === "-") {
      var p = center(node(id));  /* zoom about the focused node, which stays in view */
      zoom(e.key === "-" ? 1.25 : 1 / 1.25, p[0], p[1]);
      reveal(node(id));
    } else if (e.key === "0") { fit(); }
  });
  svg.addEventListener("focusin", function (e) { var id = claimOf(e.target); if (id) { setCurrent(id, false); } });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !panel.hidden) { e.preventDefault(); close(); }
  });

  /* search: text, id and speaker; matches highlighted and listed */
  var search = document.getElementById("search");
  var count = document.getElementById("search-count");
  var results = document.getElementById("search-results");
  var marked = [];
  function find(q) {
    q = q.trim().toLowerCase();
    marked.forEach(function (n) { n.classList.remove("match"); });
    marked = [];
    results.textContent = "";
    if (!q) { count.textContent = ""; svg.classList.remove("searching"); return 0; }
    var found = [];
    var whole = q.indexOf("/") !== -1;
    for (var i = 0; i < hay.length; i++) {
      if (hay[i].indexOf(q) !== -1 || (whole && data.claims[i].id.indexOf(q) !== -1)) { found.push(data.claims[i]); }
    }
    svg.classList.add("searching");
    found.forEach(function (c) { var n = node(c.id); if (n) { n.classList.add("match"); marked.push(n); } });
    count.textContent = found.length + (found.length === 1 ? " match" : " matches");
    var frag = document.createDocumentFragment();
    found.slice(0, 50).forEach(function (c) {
      var b = el("button", c.text);
      b.type = "button";
      b.setAttribute("data-go", c.id);
      var li = el("li");
      li.appendChild(b);
      frag.appendChild(li);
    });
    results.appendChild(frag);
    return found.length;
  }
  search.addEventListener("input", function () { find(search.value); });

  /* filters: what is filtered out is dimmed */
  var selects = Array.prototype.slice.call(tools.querySelectorAll("select[data-filter]"));
  var TEST = {
    perspective: function (c, v) { return c.perspective === v; },
    question: function (c, v) { return c.questions.indexOf(v) !== -1; },
    type: function (c, v) { return c.type === v; },
    status: function (c, v) { return (c.status || "none") === v; },
    tier: function (c, v) { return c.tier === v; }
  };
  function filter() {
    var active = selects.filter(function (s) { return s.value; });
    var shown = 0;
    data.claims.forEach(function (c) {
      var ok = active.every(function (s) { return TEST[s.getAttribute("data-filter")](c, s.value); });
      var n = node(c.id);
      if (ok) { shown++; }
      if (n) { n.classList.toggle("dim", !ok); }
    });
    svg.classList.toggle("filtering", active.length > 0);
    return shown;
  }
  selects.forEach(function (s) { s.addEventListener("change", filter); });

  /* deep links: #c-<id> opens that claim */
  function fromHash() {
    var h = location.hash;
    if (h.indexOf("#" + PREFIX) !== 0) { return; }
    var id = decodeURIComponent(h.slice(1 + PREFIX.length));
    if (!byId[id]) {
      var bare = data.claims.filter(function (c) { return c.id.slice(c.id.lastIndexOf("/") + 1) === id; });
      id = bare.length === 1 ? bare[0].id : id;
    }
    if (byId[id] && opened !== id) { setCurrent(id, false); open(id); }
    /* the browser scrolls to the node's element itself; the map pans to it instead */
  }
  /* the browser scrolls to a #c-<id> element itself: the page stays put and the map pans
     (by its viewBox, never by scrolling its box) */
  var box = document.getElementById("map");
  box.addEventListener("scroll", function () { box.scrollTop = 0; box.scrollLeft = 0; });
  function unscroll() { if (opened) { window.scrollTo(0, 0); } }
  window.addEventListener("load", function () { unscroll(); setTimeout(unscroll, 0); });
  window.addEventListener("hashchange", fromHash);
  tools.hidden = false;
  fromHash();
  /* the plain list of claims (a <noscript> holds it for readers without JavaScript):
     built from the data once the map is drawn, for print, the skip link and Ctrl+F */
  function list() {
    var section = el("section", null, "claims");
    section.id = "claims";
    section.setAttribute("aria-labelledby", "claims-title");
    var h = el("h2", "All claims (" + data.claims.length + ")");
    h.id = "claims-title";
    section.appendChild(h);
    var ol = el("ol");
    data.claims.forEach(function (c) {
      var li = el("li");
      li.id = "list-" + PREFIX + c.id;
      var p = el("p", c.text + " ", "text");
      p.appendChild(el("code", c.id));
      li.appendChild(p);
      var speakers = c.speakers.map(function (s) { return s.role ? s.name + ", " + s.role : s.name; });
      var meta = [c.type, c.tier, c.status, speakers.join("; ")].filter(Boolean).join(" · ");
      li.appendChild(el("p", meta, "meta"));
      if (c.citations.length) {
        var ul = el("ul", null, "cites");
        c.citations.forEach(function (x) { ul.appendChild(citation(x)); });
        li.appendChild(ul);
      }
      ol.appendChild(li);
    });
    section.appendChild(ol);
    var plain = document.getElementById("claims-plain");
    plain.parentNode.insertBefore(section, plain);
  }
  requestAnimationFrame(function () { setTimeout(list, 0); });
  window.argmap = { search: find, filter: filter, open: go, ready: true, startedAt: startedAt, readyAt: performance.now() };
})();
