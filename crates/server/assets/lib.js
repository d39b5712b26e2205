// carelens dashboard components: DOM helpers, formatting, CSV download, sortable tables and
// small SVG charts (line, bar, map, timeline). Plain ES2017, no dependencies, no build step:
// the server embeds this file in the binary, and nothing here talks to any host but this one.
"use strict";

const CL = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const SERIES = ["var(--s1)", "var(--s2)", "var(--s3)", "var(--s4)", "var(--s5)"];
  // Sequential palette for maps and heat cells (light to dark teal), colour-blind safe.
  const SEQ = ["#e0f3f1", "#a9dbd5", "#6bbcb8", "#2f8f95", "#0b5563"];

  // ---- DOM -------------------------------------------------------------------------------
  function add(el, kids) {
    for (const k of kids.flat(Infinity)) {
      if (k === null || k === undefined || k === false) continue;
      el.appendChild(k instanceof Node ? k : document.createTextNode(String(k)));
    }
    return el;
  }
  function attrs(el, a) {
    for (const [k, v] of Object.entries(a || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "class") el.setAttribute("class", v);
      else if (k === "text") el.textContent = v;
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    return el;
  }
  /** h("div", {class: "x"}, child, …) builds an HTML element. */
  function h(tag, a, ...kids) { return add(attrs(document.createElement(tag), a), kids); }
  /** s("rect", {…}) builds an SVG element. */
  function s(tag, a, ...kids) { return add(attrs(document.createElementNS(SVG_NS, tag), a), kids); }

  // ---- data ------------------------------------------------------------------------------
  /** GETs JSON from this server's API; a lapsed session goes back to the login page. */
  async function api(path) {
    const res = await fetch(path, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (res.status === 401) {
      location.href = "/login?next=" + encodeURIComponent(location.pathname + location.search);
      throw new Error("signed out");
    }
    if (!res.ok) {
      let msg = res.status + " " + res.statusText;
      try { const j = await res.json(); if (j.error) msg = j.error; } catch (_) { /* not JSON */ }
      const e = new Error(msg); e.status = res.status; throw e;
    }
    return res.json();
  }

  // ---- formatting --------------------------------------------------------------------------
  const nf0 = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
  const nf1 = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  /** Formats a value in its unit: "count", "percent", "rate" (per 10,000), "miles", "grade". */
  function fmt(v, unit) {
    if (v === null || v === undefined || Number.isNaN(v)) return "–";
    switch (unit) {
      case "percent": return (Math.abs(v) < 10 && v % 1 ? nf1.format(v) : nf0.format(v)) + "%";
      case "rate": return nf0.format(v);
      case "miles": return nf1.format(v);
      case "decimal": return nf1.format(v);
      case "grade": return GRADES[Math.round(v)] || String(v);
      default: return nf0.format(v);
    }
  }
  const GRADES = { 1: "Outstanding", 2: "Good", 3: "Requires improvement", 4: "Inadequate" };
  const UNITS = { percent: "%", rate: "per 10,000 children", count: "children", miles: "miles", grade: "" };
  function gradePill(g) {
    if (!g) return h("span", { class: "muted" }, "–");
    const n = typeof g === "number" ? g : ({ Outstanding: 1, Good: 2, "Requires improvement": 3, "Requires improvement to be good": 3,
      Adequate: 3, Satisfactory: 3, Inadequate: 4 })[g];
    return h("span", { class: "pill g" + (n || 0) }, GRADES[n] || g);
  }

  // ---- CSV ---------------------------------------------------------------------------------
  function csvCell(v) {
    if (v === null || v === undefined) return "";
    const t = String(v);
    return /[",\n\r]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
  }
  /** Builds CSV text from a header row and rows (arrays). */
  function csv(header, rows) {
    return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }
  /** Offers text as a file download; made in the browser, so nothing is sent anywhere. */
  function download(name, text) {
    const blob = new Blob(["\ufeff" + text], { type: "text/csv;charset=utf-8" });
    const a = h("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
  function slug(t) { return String(t).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "figure"; }

  /**
   * A figure card: title, subtitle, content and a "CSV" button. `data` is a function returning
   * {header, rows} so the download always matches what is on screen.
   */
  function figure({ title, sub, caption, data, tools }, ...content) {
    const btn = data && h("button", { class: "csv", type: "button", title: "Download this figure as CSV",
      onclick: () => { const d = data(); download(slug(title) + ".csv", csv(d.header, d.rows)); } }, "⤓ CSV");
    return h("figure", { class: "fig", "data-figure": slug(title) },
      h("header", null, h("div", null, h("div", { class: "t" }, title), sub && h("div", { class: "s" }, sub)),
        h("div", { class: "tools" }, tools || null, btn || null)),
      content,
      caption && h("figcaption", null, caption));
  }

  // ---- tooltip -----------------------------------------------------------------------------
  let tipEl = null;
  function tip(text, ev) {
    if (!tipEl) { tipEl = h("div", { class: "tip", role: "tooltip" }); document.body.appendChild(tipEl); }
    if (text === null) { tipEl.style.display = "none"; return; }
    tipEl.textContent = text;
    tipEl.style.display = "block";
    const x = Math.min(ev.clientX + 14, window.innerWidth - tipEl.offsetWidth - 8);
    const y = Math.min(ev.clientY + 14, window.innerHeight - tipEl.offsetHeight - 8);
    tipEl.style.left = x + "px"; tipEl.style.top = y + "px";
  }
  function withTip(el, text) {
    el.addEventListener("mousemove", (e) => tip(text, e));
    el.addEventListener("mouseleave", () => tip(null));
    el.appendChild(s("title", null, text));
    return el;
  }

  // ---- sortable table ------------------------------------------------------------------------
  /**
   * table({columns: [{key, label, num, fmt(v,row), href(row), cls(v,row), bar}], rows, sort, desc,
   * filter, highlight(row)}) → element. Clicking a header sorts; the CSV holds raw values.
   */
  function table(opts) {
    const cols = opts.columns;
    let rows = opts.rows.slice();
    let key = opts.sort || null;
    let desc = !!opts.desc;
    let q = "";
    const tbody = h("tbody");
    const ths = cols.map((c) => h("th", { class: c.num ? "num" : null, scope: "col", tabindex: 0,
      onclick: () => sortBy(c.key), onkeydown: (e) => { if (e.key === "Enter") sortBy(c.key); } }, c.label));
    const maxes = {};
    for (const c of cols) if (c.bar) maxes[c.key] = Math.max(0, ...rows.map((r) => +r[c.key] || 0));
    function cmp(a, b) {
      const x = a[key], y = b[key];
      if (x === y) return 0;
      if (x === null || x === undefined || x === "") return 1; // blanks last either way
      if (y === null || y === undefined || y === "") return -1;
      const r = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "en", { numeric: true });
      return desc ? -r : r;
    }
    function sortBy(k) {
      if (key === k) desc = !desc; else { key = k; desc = !!(cols.find((c) => c.key === k) || {}).num; }
      render();
    }
    function visible() {
      if (!q) return rows;
      const t = q.toLowerCase();
      return rows.filter((r) => cols.some((c) => String(r[c.key] ?? "").toLowerCase().includes(t)));
    }
    function render() {
      if (key) rows.sort(cmp);
      ths.forEach((th, i) => th.setAttribute("aria-sort", cols[i].key === key ? (desc ? "descending" : "ascending") : "none"));
      tbody.textContent = "";
      const vis = visible();
      for (const r of vis) {
        const tr = h("tr", { class: opts.highlight && opts.highlight(r) ? "me" : null });
        for (const c of cols) {
          const v = r[c.key];
          const shown = c.fmt ? c.fmt(v, r) : (v === null || v === undefined ? "–" : v);
          const cell = c.href && c.href(r) ? h("a", { href: c.href(r) }, shown) : shown;
          const td = h("td", { class: [c.num ? "num" : "", c.cls ? c.cls(v, r) || "" : ""].join(" ").trim() || null });
          if (c.bar && typeof v === "number" && maxes[c.key] > 0) {
            td.appendChild(h("span", { class: "bar", style: "width:" + Math.round((v / maxes[c.key]) * 40) + "px" }));
          }
          add(td, [cell]);
          tr.appendChild(td);
        }
        tbody.appendChild(tr);
      }
      if (!vis.length) tbody.appendChild(h("tr", null, h("td", { colspan: cols.length, class: "empty" }, opts.empty || "Nothing to show.")));
    }
    render();
    const el = h("div", null,
      opts.filter ? h("input", { type: "search", class: "filter", placeholder: opts.filter, "aria-label": opts.filter,
        oninput: (e) => { q = e.target.value; render(); } }) : null,
      h("div", { class: "table-wrap" }, h("table", { class: "data" }, h("thead", null, h("tr", null, ths)), tbody)));
    el.csvData = () => ({ header: cols.map((c) => c.label), rows: visible().map((r) => cols.map((c) => (c.csv ? c.csv(r[c.key], r) : r[c.key]))) });
    el.setRows = (newRows) => { rows = newRows.slice(); render(); };
    return el;
  }

  // ---- scales --------------------------------------------------------------------------------
  function niceTicks(lo, hi, n) {
    if (!(hi > lo)) { hi = lo + 1; }
    const span = hi - lo;
    const step0 = Math.pow(10, Math.floor(Math.log10(span / n)));
    const err = (span / n) / step0;
    const step = step0 * (err >= 7.5 ? 10 : err >= 3.5 ? 5 : err >= 1.5 ? 2 : 1);
    const out = [];
    for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(+v.toFixed(10));
    if (out[out.length - 1] < hi) out.push(out[out.length - 1] + step);
    return out;
  }

  // ---- line chart ------------------------------------------------------------------------------
  /**
   * lineChart({series: [{name, points: [[x, y], …], color, dash}], unit, height, xFmt}) draws
   * years (or any numbers) on x. Missing points break the line.
   */
  function lineChart({ series: seriesIn, unit, height = 220, xFmt = String, zero = true }) {
    const W = 560, H = height, m = { l: 48, r: 14, t: 12, b: 26 };
    let series = seriesIn;
    // Years where no series has a value are left off the axis.
    const xs = [...new Set(series.flatMap((sr) => sr.points.filter((p) => p[1] !== null && p[1] !== undefined).map((p) => p[0])))].sort((a, b) => a - b);
    series = series.map((sr) => Object.assign({}, sr, { points: sr.points.filter((p) => xs.includes(p[0])) }));
    const ys = series.flatMap((sr) => sr.points.map((p) => p[1])).filter((v) => v !== null && v !== undefined);
    const svgEl = s("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img" });
    if (!xs.length || !ys.length) {
      svgEl.appendChild(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "No figures for this measure"));
      return h("div", null, svgEl);
    }
    let lo = Math.min(...ys), hi = Math.max(...ys);
    if (zero) lo = Math.min(0, lo);
    const ticks = niceTicks(lo, hi === lo ? lo + 1 : hi, 4);
    lo = ticks[0]; hi = ticks[ticks.length - 1];
    const x0 = xs[0], x1 = xs[xs.length - 1];
    const X = (x) => m.l + (x1 === x0 ? (W - m.l - m.r) / 2 : ((x - x0) / (x1 - x0)) * (W - m.l - m.r));
    const Y = (y) => H - m.b - ((y - lo) / (hi - lo)) * (H - m.t - m.b);
    const grid = s("g", { class: "grid" });
    for (const t of ticks) {
      grid.appendChild(s("line", { x1: m.l, x2: W - m.r, y1: Y(t), y2: Y(t) }));
      grid.appendChild(s("text", { x: m.l - 6, y: Y(t) + 4, "text-anchor": "end" }, fmt(t, unit === "percent" ? "percent" : unit === "grade" ? "decimal" : "count")));
    }
    for (const x of xs) grid.appendChild(s("text", { x: X(x), y: H - 8, "text-anchor": "middle" }, xFmt(x)));
    svgEl.appendChild(grid);
    series.forEach((sr, i) => {
      const color = sr.color || SERIES[i % SERIES.length];
      const g = s("g", { class: "series" });
      let d = "", pen = false;
      const pts = sr.points.slice().sort((a, b) => a[0] - b[0]);
      for (const [x, y] of pts) {
        if (y === null || y === undefined) { pen = false; continue; }
        d += (pen ? "L" : "M") + X(x).toFixed(1) + "," + Y(y).toFixed(1);
        pen = true;
      }
      g.appendChild(s("path", { d, stroke: color, "stroke-dasharray": sr.dash ? "5 4" : null }));
      for (const [x, y] of pts) {
        if (y === null || y === undefined) continue;
        const c = s("circle", { cx: X(x), cy: Y(y), r: sr.dash ? 3 : 3.8, fill: color });
        withTip(c, `${sr.name}\n${xFmt(x)}: ${fmt(y, unit)}`);
        g.appendChild(c);
      }
      svgEl.appendChild(g);
    });
    const legend = series.length > 1 ? h("div", { class: "legend" }, series.map((sr, i) =>
      h("span", null, h("i", { style: `background:${sr.color || SERIES[i % SERIES.length]}` }), sr.name))) : null;
    return h("div", null, svgEl, legend);
  }

  // ---- bar chart (horizontal) --------------------------------------------------------------------
  /** barChart({bars: [{label, value, color, strong}], unit}) draws one bar per row. */
  function barChart({ bars, unit, labelWidth = 170, width = 560 }) {
    const rowH = 22, W = width, maxChars = Math.floor(labelWidth / 6.4), m = { l: labelWidth, r: 56, t: 4, b: 4 };
    const H = m.t + m.b + rowH * Math.max(1, bars.length);
    const vals = bars.map((b) => b.value).filter((v) => v !== null && v !== undefined);
    const hi = Math.max(0, ...vals) || 1;
    const X = (v) => ((W - m.l - m.r) * v) / hi;
    const svgEl = s("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img" });
    bars.forEach((b, i) => {
      const y = m.t + i * rowH;
      svgEl.appendChild(s("text", { class: "bar-label", x: m.l - 8, y: y + rowH / 2 + 4, "text-anchor": "end",
        "font-weight": b.strong ? "700" : null }, b.label.length > maxChars ? b.label.slice(0, maxChars - 1) + "…" : b.label));
      if (b.value === null || b.value === undefined) {
        svgEl.appendChild(s("text", { x: m.l + 4, y: y + rowH / 2 + 4 }, "not published"));
        return;
      }
      const r = s("rect", { class: "bar", x: m.l, y: y + 3, height: rowH - 6, width: Math.max(1, X(b.value)), rx: 3,
        fill: b.color || (b.strong ? "var(--s1)" : "#9fb3bf") });
      withTip(r, `${b.label}: ${fmt(b.value, unit)}`);
      svgEl.appendChild(r);
      svgEl.appendChild(s("text", { class: "value-label", x: m.l + X(b.value) + 5, y: y + rowH / 2 + 4 }, fmt(b.value, unit)));
    });
    return svgEl;
  }

  // ---- map ---------------------------------------------------------------------------------------
  /** Five classes by quintile of the values shown; returns {breaks, color(v)}. */
  function quintiles(values) {
    const v = values.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
    if (!v.length) return { breaks: [], color: () => null };
    const q = (p) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
    const breaks = [q(0.2), q(0.4), q(0.6), q(0.8)];
    const color = (x) => {
      if (x === null || x === undefined) return null;
      let i = 0; while (i < 4 && x >= breaks[i]) i++;
      return SEQ[i];
    };
    return { breaks, color, min: v[0], max: v[v.length - 1] };
  }

  /**
   * mapChart({geo, values: {code: value}, unit, label(code), onClick(code), selected}) draws the
   * authorities from `geo` ({width, height, areas: [{code, name, d}], insets}) filled by quintile.
   */
  function mapChart({ geo, values, unit, onClick, selected, categorical }) {
    const svgEl = s("svg", { class: "chart map", viewBox: `0 0 ${geo.width} ${geo.height}`, role: "img",
      "aria-label": "Map of England's local authorities" });
    const scale = categorical ? { color: (v) => CAT[v] || null } : quintiles(Object.values(values));
    for (const inset of geo.insets || []) {
      svgEl.appendChild(s("rect", { class: "inset", x: inset.x, y: inset.y, width: inset.w, height: inset.h }));
      svgEl.appendChild(s("text", { x: inset.x + 4, y: inset.y + 13 }, inset.label));
    }
    for (const a of geo.areas) {
      const v = values[a.code];
      const fill = scale.color(v);
      const p = s("path", { d: a.d, class: "la" + (fill ? "" : " nodata") + (selected === a.code ? " on" : ""),
        fill: fill || null, "data-la": a.code });
      withTip(p, `${a.name}\n${v === null || v === undefined ? "no figure" : fmt(v, unit)}`);
      if (onClick) p.addEventListener("click", () => onClick(a.code));
      svgEl.appendChild(p);
    }
    let legend;
    if (categorical) {
      legend = h("div", { class: "legend" }, [1, 2, 3, 4].map((g) => h("span", null, h("i", { class: "box", style: `background:${CAT[g]}` }), GRADES[g])),
        h("span", null, h("i", { class: "box", style: "background:#e5e9ec" }), "no grade"));
    } else if (scale.breaks.length) {
      const edges = [scale.min, ...scale.breaks, scale.max];
      legend = h("div", { class: "legend" }, SEQ.map((c, i) => h("span", null, h("i", { class: "box", style: `background:${c}` }),
        `${fmt(edges[i], unit)} – ${fmt(edges[i + 1], unit)}`)),
        h("span", null, h("i", { class: "box", style: "background:#e5e9ec" }), "no figure"));
    }
    return h("div", null, svgEl, legend || null);
  }
  const CAT = { 1: "#1b7a3a", 2: "#6bbcb8", 3: "#f0b35a", 4: "#c0392b" };

  // ---- timeline ------------------------------------------------------------------------------------
  /**
   * timeline({start, end, lanes: [{label, items: [{from, to, label, color, kind}]}]}) draws dated
   * spans (kind "span") and instants (kind "point") in lanes; dates are ISO strings.
   */
  function timeline({ start, end, lanes }) {
    const t = (d) => new Date(d + "T00:00:00Z").getTime();
    const t0 = t(start), t1 = Math.max(t(end), t0 + 86400000);
    const W = 1000, m = { l: 130, r: 16, t: 24, b: 8 }, laneH = 30;
    const H = m.t + m.b + laneH * lanes.length;
    const X = (d) => m.l + ((t(d) - t0) / (t1 - t0)) * (W - m.l - m.r);
    const svgEl = s("svg", { class: "chart timeline", viewBox: `0 0 ${W} ${H}`, role: "img" });
    const y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
    const every = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
    for (let y = y0; y <= y1 + 1; y += every) {
      const d = `${y}-01-01`;
      if (t(d) < t0 || t(d) > t1) continue;
      const g = s("g", { class: "tick" }, s("line", { x1: X(d), x2: X(d), y1: m.t - 6, y2: H - m.b }),
        s("text", { x: X(d) + 3, y: m.t - 10 }, String(y)));
      svgEl.appendChild(g);
    }
    lanes.forEach((lane, i) => {
      const y = m.t + i * laneH;
      svgEl.appendChild(s("text", { class: "lane-label", x: 4, y: y + laneH / 2 + 4 }, lane.label));
      svgEl.appendChild(s("line", { x1: m.l, x2: W - m.r, y1: y + laneH - 0.5, y2: y + laneH - 0.5, stroke: "#eef1f3" }));
      for (const it of lane.items) {
        if (it.kind === "point") {
          const x = X(it.from);
          const mark = it.shape === "line"
            ? s("line", { class: "move", x1: x, x2: x, y1: y + 3, y2: y + laneH - 3 })
            : s("circle", { cx: x, cy: y + laneH / 2, r: 4.5, fill: it.color || "var(--s3)", stroke: "#fff", "stroke-width": 1 });
          withTip(mark, it.label);
          svgEl.appendChild(mark);
        } else {
          const x = X(it.from), x2 = X(it.to || end);
          const r = s("rect", { class: "seg", x, y: y + 5, width: Math.max(2, x2 - x), height: laneH - 10,
            fill: it.color || "var(--s1)", opacity: it.open ? 0.75 : 1 });
          withTip(r, it.label);
          svgEl.appendChild(r);
          if (x2 - x > 60 && it.short) {
            svgEl.appendChild(s("text", { x: x + 4, y: y + laneH / 2 + 4, fill: "#fff", style: "fill:#fff", "pointer-events": "none" },
              it.short.slice(0, Math.floor((x2 - x - 8) / 6.2))));
          }
        }
      }
    });
    return svgEl;
  }

  // ---- misc ----------------------------------------------------------------------------------------
  function stat({ label, value, unit, delta, deltaUnit, alt, better }) {
    let d = null;
    if (delta !== null && delta !== undefined && delta !== 0) {
      const up = delta > 0;
      d = h("div", { class: "delta " + (up ? "up" : "down") }, `${fmt(Math.abs(delta), deltaUnit || unit)} on last year`);
    } else if (delta === 0) d = h("div", { class: "delta" }, "no change on last year");
    return h("div", { class: "card stat", "data-stat": slug(label) },
      h("div", { class: "label" }, label),
      h("div", { class: "value" }, fmt(value, unit), unit === "rate" ? h("span", { class: "unit" }, "per 10k") : null),
      d, alt ? h("div", { class: "alt" }, alt) : null);
  }
  function select(options, value, onchange, label) {
    const sel = h("select", { "aria-label": label || "choose", onchange: (e) => onchange(e.target.value) },
      options.map((o) => o.group
        ? h("optgroup", { label: o.group }, o.options.map((x) => h("option", { value: x.value, selected: x.value === value ? true : null }, x.label)))
        : h("option", { value: o.value, selected: o.value === value ? true : null }, o.label)));
    return label ? h("label", null, label, sel) : sel;
  }
  function yearLabel(y) { return `${y - 1}/${String(y % 100).padStart(2, "0")}`; }

  return { h, s, api, fmt, csv, download, figure, table, lineChart, barChart, mapChart, timeline, stat, select,
    quintiles, gradePill, yearLabel, slug, GRADES, UNITS, SERIES, tip };
})();
