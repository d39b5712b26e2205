// carelens dashboard pages. Each page fetches its JSON from /api and draws it with lib.js.
// The server sends the same shell for every page; the path picks the page here.
"use strict";

(() => {
  const { h, api, fmt, figure, table, lineChart, barChart, mapChart, timeline, stat, select, gradePill, yearLabel } = CL;
  const BOOT = JSON.parse(document.getElementById("boot").textContent);
  const main = document.getElementById("main");
  let META = null;

  const isLa = () => BOOT.user.role === "la";
  const laName = (code) => (META.las.find((l) => l.code === code) || { name: code }).name;
  const indicator = (id) => META.indicators.find((i) => i.id === id);

  function head(title, sub, crumbs, right) {
    return h("div", { class: "page-head" },
      h("div", null, crumbs ? h("div", { class: "crumbs" }, crumbs) : null, h("h1", null, title), sub ? h("div", { class: "sub" }, sub) : null),
      right || null);
  }
  function show(...els) { main.textContent = ""; for (const e of els.flat()) if (e) main.appendChild(e); document.body.dataset.ready = "1"; }
  function fail(e) {
    show(h("div", { class: "error", role: "alert" }, e.status === 403 ? "You do not have access to this page." :
      e.status === 404 ? "Not found." : "Could not load this page: " + e.message));
  }
  function pointsTable(title, unit, series) {
    // CSV for a line chart: one row per year, one column per series.
    return () => {
      const years = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort();
      return { header: ["year", ...series.map((s) => s.name)],
        rows: years.map((y) => [yearLabel(y), ...series.map((s) => { const p = s.points.find((q) => q[0] === y); return p ? p[1] : ""; })]) };
    };
  }
  const betterNote = (ind) => ind.better === "higher" ? "higher is better" : ind.better === "lower" ? "lower is better" : "";
  const srcLabel = { dfe: "DfE published", returns: "computed from loaded returns", ofsted: "Ofsted" };

  // ---- England -------------------------------------------------------------------------------
  async function england() {
    const d = await api("/api/england");
    const cards = h("div", { class: "cards" }, d.headline.map((x) => stat({
      label: x.label, value: x.value, unit: x.unit, delta: x.previous === null || x.value === null ? null : x.value - x.previous,
      alt: x.computed !== null && x.computed !== undefined ? `From loaded returns: ${fmt(x.computed, x.unit)}` : null })));
    let chosen = d.trend[0] ? d.trend[0].id : null;
    const trendBox = h("div");
    function drawTrend() {
      const t = d.trend.find((x) => x.id === chosen);
      if (!t) return;
      const series = [{ name: "England (DfE published)", points: t.published }];
      if (t.computed && t.computed.length) series.push({ name: "England (from loaded returns)", points: t.computed, dash: true, color: "var(--s3)" });
      trendBox.textContent = "";
      trendBox.appendChild(figure({ title: `Trend: ${t.label}, England`, sub: `Years ending 31 March · ${CL.UNITS[t.unit] || ""}`,
        data: pointsTable(t.label, t.unit, series) },
        h("div", { class: "controls" }, select(d.trend.map((x) => ({ value: x.id, label: x.label })), chosen, (v) => { chosen = v; drawTrend(); }, "Measure")),
        lineChart({ series, unit: t.unit, xFmt: yearLabel })));
    }
    drawTrend();
    const regCols = [{ key: "region", label: "Region" }].concat(d.region_indicators.map((id) => {
      const ind = indicator(id); return { key: id, label: ind.label, num: true, fmt: (v) => fmt(v, ind.unit) };
    }));
    const regRows = d.regions.map((r) => Object.assign({ region: r.region }, r.values));
    const regTable = table({ columns: regCols, rows: regRows });
    const rateId = d.region_indicators[0];
    const regionBars = figure({ title: `${indicator(rateId).label} by region`, sub: `${yearLabel(d.year)} · DfE published, summed over each region's LAs`,
      data: () => ({ header: ["region", indicator(rateId).label], rows: d.regions.map((r) => [r.region, r.values[rateId]]) }) },
      barChart({ bars: d.regions.map((r) => ({ label: r.region, value: r.values[rateId] })).concat([{ label: "England", value: d.england_values[rateId], strong: true, color: "var(--s2)" }]), unit: indicator(rateId).unit }));
    const returnsNote = d.returns && d.returns.las
      ? `Returns loaded for ${d.returns.las} LA${d.returns.las === 1 ? "" : "s"}: ${d.returns.years.map(yearLabel).join(" and ")}.`
      : "No returns loaded yet: figures are the DfE's published ones.";
    show(head("England", `Children looked after · year ending 31 March ${d.year} · ${returnsNote}`),
      cards,
      h("div", { class: "grid cols-2" }, trendBox, regionBars),
      h("section", { style: "margin-top:1rem" }, figure({ title: "Regions", sub: `${yearLabel(d.year)} · DfE published figures summed over each region's authorities; suppressed cells left out`,
        data: regTable.csvData }, regTable)),
      d.computed && d.computed.length ? computedSection(d.computed) : null);
  }

  function computedSection(rows) {
    const years = [...new Set(rows.flatMap((r) => r.values.map((v) => v[0])))].sort();
    const cols = [{ key: "label", label: "Indicator (from loaded returns)" }].concat(years.map((y) => ({ key: "y" + y, label: yearLabel(y), num: true, fmt: (v, r) => fmt(v, r.unit) })));
    const t = table({ columns: cols, rows: rows.map((r) => { const o = { label: r.label, unit: r.unit }; for (const [y, v] of r.values) o["y" + y] = v; return o; }) });
    return h("section", null, figure({ title: "Indicators computed from loaded returns, England", sub: "All loaded LAs together", data: t.csvData }, t));
  }

  // ---- LA list and LA page ----------------------------------------------------------------------
  async function laList() {
    const d = await api("/api/lottery?indicator=dfe.cla_rate");
    const t = table({ filter: "Find an authority…", sort: "name", columns: [
      { key: "name", label: "Local authority", href: (r) => "/la/" + r.code },
      { key: "code", label: "DfE code" },
      { key: "region", label: "Region" },
      { key: "value", label: "Children looked after per 10,000", num: true, fmt: (v) => fmt(v, "rate") },
      { key: "ilacs", label: "ILACS", fmt: (v) => gradePill(v) }], rows: d.rows, highlight: (r) => r.code === BOOT.user.la });
    show(head("Local authorities", "All 153 children's services authorities in England. Pick one to see its indicators against England, its region and similar authorities."),
      figure({ title: "Authorities", sub: yearLabel(d.year), data: t.csvData }, t));
  }

  async function laPage(code) {
    const d = await api("/api/la/" + encodeURIComponent(code));
    const cards = h("div", { class: "cards" }, d.indicators.filter((x) => x.headline).map((x) => {
      const last = (pts) => { const p = pts.filter((q) => q[1] !== null); return p.length ? p[p.length - 1] : null; };
      const l = last(x.series.la), e = last(x.series.england);
      return stat({ label: x.label + (l ? ` (${yearLabel(l[0])})` : ""), value: l ? l[1] : null, unit: x.unit,
        alt: e ? `England: ${fmt(e[1], x.unit)}` : null });
    }));
    const charts = d.indicators.map((x) => {
      const series = [
        { name: d.la.name, points: x.series.la },
        { name: "England", points: x.series.england },
        { name: d.la.region, points: x.series.region },
        { name: "Similar LAs (average)", points: x.series.similar, dash: true },
      ].filter((sr, i) => (x.unit !== "count" || i === 0) && sr.points && sr.points.some((p) => p[1] !== null));
      return figure({ title: x.label, sub: `${srcLabel[x.source] || ""}${betterNote(x) ? " · " + betterNote(x) : ""}${x.unit === "count" ? " · a count: compared with no other area" : ""}`,
        data: pointsTable(x.label, x.unit, series) }, lineChart({ series, unit: x.unit, xFmt: yearLabel, height: 190 }));
    });
    const simT = table({ columns: [{ key: "name", label: "Similar authority", href: (r) => "/la/" + r.code },
      { key: "region", label: "Region" }, { key: "cla_rate", label: "CLA per 10,000", num: true }], rows: d.similar });
    const ilacs = d.ilacs ? h("div", null, "ILACS (", d.ilacs.date, "): ", gradePill(d.ilacs.overall)) : h("span", { class: "muted" }, "No ILACS grade");
    const q = d.quality;
    const quality = figure({ title: "Data quality (from validation)", sub: q && q.years.length ? "Latest loaded return" : "No return loaded for this authority",
      data: q && q.years.length ? () => ({ header: ["year", "rules run", "findings", "rules failed", "children affected", "children"],
        rows: q.years.map((y) => [yearLabel(y.year), y.rules_run, y.findings, y.rules_failed, y.children_affected, y.children]) }) : null },
      q && q.years.length ? h("div", null,
        h("div", { class: "cards" }, [
          stat({ label: "Findings", value: q.years[q.years.length - 1].findings, unit: "count" }),
          stat({ label: "Rules failed", value: q.years[q.years.length - 1].rules_failed, unit: "count" }),
          stat({ label: "Children affected", value: q.years[q.years.length - 1].children_affected, unit: "count",
            alt: `of ${fmt(q.years[q.years.length - 1].children)} children in the return` })]),
        h("a", { href: "/validation/" + d.la.code }, "Open the validation report →")) : h("p", { class: "empty" }, "Load this authority's returns with `carelens load` to see its data quality."));
    show(head(d.la.name, h("span", null, `${d.la.region} · DfE code ${d.la.code} · `, ilacs), h("span", null, h("a", { href: "/la" }, "Local authorities"), " / ", d.la.name)),
      cards,
      h("section", null, h("h2", null, "Indicators over the years"),
        h("p", { class: "note" }, `${d.la.name} against England, ${d.la.region} and the ${d.similar.length} most similar authorities (by size, rate of children looked after and share of unaccompanied children).`),
        h("div", { class: "grid cols-3" }, charts)),
      h("div", { class: "grid cols-2" }, quality, figure({ title: "Similar authorities", data: simT.csvData }, simT)));
  }

  // ---- postcode lottery --------------------------------------------------------------------------
  async function lottery() {
    const params = new URLSearchParams(location.search);
    let id = params.get("indicator") || "dfe.cla_rate";
    let year = params.get("year") || "";
    const geo = await api("/api/map");
    const box = h("div");
    async function draw() {
      const d = await api(`/api/lottery?indicator=${encodeURIComponent(id)}${year ? "&year=" + year : ""}`);
      history.replaceState(null, "", `/lottery?indicator=${encodeURIComponent(id)}${year ? "&year=" + year : ""}`);
      const ind = d.indicator;
      const values = {}; for (const r of d.rows) values[r.code] = r.value;
      const opt = (i) => ({ value: i.id, label: i.label });
      const groups = [
        { group: srcLabel.dfe, options: META.indicators.filter((i) => i.source === "dfe").map(opt) },
        { group: srcLabel.ofsted, options: META.indicators.filter((i) => i.source === "ofsted").map(opt) },
        { group: "Computed from loaded returns: headline", options: META.indicators.filter((i) => i.source === "returns" && i.headline).map(opt) },
        { group: "Computed from loaded returns: all", options: META.indicators.filter((i) => i.source === "returns" && !i.headline).map(opt) },
      ].filter((g) => g.options.length);
      const controls = h("div", { class: "controls" },
        select(groups, id, (v) => { id = v; year = ""; draw(); }, "Indicator"),
        d.years.length > 1 ? select(d.years.map((y) => ({ value: String(y), label: yearLabel(y) })), String(d.year), (v) => { year = v; draw(); }, "Year") : null,
        h("span", { class: "note" }, `${srcLabel[ind.source]}${betterNote(ind) ? " · " + betterNote(ind) : ""}${d.england !== null ? " · England: " + fmt(d.england, ind.unit) : ""}`));
      const t = table({ sort: "rank", columns: [
        { key: "rank", label: "Rank", num: true },
        { key: "name", label: "Local authority", href: (r) => "/la/" + r.code },
        { key: "region", label: "Region" },
        { key: "value", label: ind.unit === "percent" ? "%" : ind.unit === "rate" ? "Per 10,000" : ind.unit === "grade" ? "Grade" : "Value", num: true, fmt: (v) => (ind.unit === "grade" ? gradePill(v) : fmt(v, ind.unit)), csv: (v) => v, bar: ind.unit !== "grade" },
        { key: "ilacs", label: "ILACS", fmt: (v) => gradePill(v) }], rows: d.rows, filter: "Filter authorities…",
        highlight: (r) => r.code === BOOT.user.la });
      const map = figure({ title: `${ind.label} by local authority`, sub: `${d.year ? yearLabel(d.year) : ""} · ${d.rows.filter((r) => r.value !== null).length} of ${d.rows.length} authorities with a figure`,
        data: () => ({ header: ["la_code", "la_name", "region", ind.label], rows: d.rows.map((r) => [r.code, r.name, r.region, r.value]) }) },
        mapChart({ geo, values, unit: ind.unit, categorical: ind.unit === "grade", selected: BOOT.user.la, onClick: (c) => { location.href = "/la/" + c; } }));
      box.textContent = "";
      box.appendChild(controls);
      box.appendChild(h("div", { class: "map-wrap" }, map, figure({ title: "League table", sub: `${ind.label} · ${d.ranked === "best" ? "1 is the best" : "1 is the highest"}; click a header to sort`, data: t.csvData }, t)));
      document.body.dataset.ready = "1";
    }
    show(head("Postcode lottery", "Where a child lives decides a lot. Every authority in England on one measure: the DfE's published figures, Ofsted's ILACS judgements, and the indicators computed from loaded returns."), box);
    await draw();
  }

  // ---- validation ------------------------------------------------------------------------------------
  async function validationIndex() {
    if (isLa()) { location.replace("/validation/" + BOOT.user.la); return; }
    const d = await api("/api/validation");
    const t = table({ sort: "findings", desc: true, filter: "Find an authority…", columns: [
      { key: "name", label: "Local authority", href: (r) => "/validation/" + r.code },
      { key: "year", label: "Year", fmt: (v) => yearLabel(v) },
      { key: "children", label: "Children", num: true, fmt: (v) => fmt(v) },
      { key: "findings", label: "Findings", num: true, fmt: (v) => fmt(v), bar: true },
      { key: "rules_failed", label: "Rules failed", num: true },
      { key: "children_affected", label: "Children affected", num: true, fmt: (v) => fmt(v) },
      { key: "per_child", label: "Findings per child", num: true, fmt: (v) => fmt(v, "decimal") }], rows: d.las });
    show(head("Validation", "How clean each loaded return is: the DfE rulebook run on every authority's latest return."),
      figure({ title: "Returns loaded", sub: `${d.las.length} authorities`, data: t.csvData }, t));
  }

  async function validationLa(code) {
    const d = await api("/api/la/" + encodeURIComponent(code) + "/validation");
    const latest = d.years[d.years.length - 1];
    if (!latest) { show(head("Validation: " + laName(code)), h("p", { class: "empty" }, "No return loaded for this authority.")); return; }
    let year = latest.year;
    const box = h("div");
    function draw() {
      const y = d.years.find((x) => x.year === year);
      const cards = h("div", { class: "cards" }, [
        stat({ label: "Rules run", value: y.rules_run, unit: "count" }),
        stat({ label: "Findings", value: y.findings, unit: "count" }),
        stat({ label: "Rules failed", value: y.rules_failed, unit: "count" }),
        stat({ label: "Children affected", value: y.children_affected, unit: "count", alt: `of ${fmt(y.children)} children in the return` })]);
      const rt = table({ sort: "findings", desc: true, filter: "Filter rules…", columns: [
        { key: "code", label: "Rule", fmt: (v) => h("code", null, v) },
        { key: "message", label: "Message" },
        { key: "tables", label: "Table" },
        { key: "findings", label: "Findings", num: true, bar: true },
        { key: "children", label: "Children affected", num: true }], rows: y.rules });
      const top = y.rules.slice().sort((a, b) => b.findings - a.findings).slice(0, 15);
      const parts = [cards,
        figure({ title: "Findings by rule (top 15)", sub: yearLabel(year), data: () => ({ header: ["rule", "message", "findings", "children affected"], rows: y.rules.map((r) => [r.code, r.message, r.findings, r.children]) }) },
          barChart({ bars: top.map((r) => ({ label: r.code + " " + r.message, value: r.findings })), unit: "count", labelWidth: 620, width: 1180 })),
        h("div", { style: "margin-top:1rem" }, figure({ title: "Rules failed", sub: `${yearLabel(year)} · ${y.rules.length} rules`, data: rt.csvData }, rt))];
      if (d.child_level) parts.push(h("section", { id: "children" }, childList(code, year)));
      else parts.push(h("p", { class: "note" }, "Child-level drill-down is for the authority's own users."));
      box.textContent = "";
      parts.forEach((p) => box.appendChild(p));
    }
    show(head("Validation: " + d.la.name, `The DfE rulebook on the loaded return${d.years.length > 1 ? "s" : ""}`, h("span", null, h("a", { href: "/validation" }, "Validation"), " / ", d.la.name),
      d.years.length > 1 ? select(d.years.map((x) => ({ value: String(x.year), label: yearLabel(x.year) })), String(year), (v) => { year = +v; draw(); }, "Year") : null), box);
    draw();
  }

  function childList(code, year) {
    const holder = h("div", null, h("p", { class: "loading" }, "Loading children…"));
    api(`/api/children?year=${year}&with_findings=1`).then((d) => {
      const t = table({ sort: "findings", desc: true, filter: "Find a child id or rule…", columns: [
        { key: "id", label: "Child", href: (r) => `/children/${encodeURIComponent(r.id)}/rows?year=${year}`, fmt: (v) => h("code", null, v) },
        { key: "findings", label: "Findings", num: true, bar: true },
        { key: "rules", label: "Rules", fmt: (v) => v.join(", "), csv: (v) => v.join(" ") },
        { key: "timeline", label: "", fmt: (v, r) => h("a", { href: "/children/" + encodeURIComponent(r.id) }, "timeline") }], rows: d.children.map((c) => Object.assign({ timeline: "" }, c)) });
      holder.textContent = "";
      holder.appendChild(figure({ title: "Children with findings", sub: `${d.children.length} children · ${yearLabel(year)} · select a child to see the failing cells`, data: t.csvData }, t));
    }).catch((e) => { holder.textContent = e.message; });
    return holder;
  }

  async function childRows(id) {
    const params = new URLSearchParams(location.search);
    const year = params.get("year");
    const d = await api(`/api/children/${encodeURIComponent(id)}/rows${year ? "?year=" + year : ""}`);
    const findings = h("ul", { class: "findings" }, d.findings.map((f) => h("li", null, h("code", null, f.rule), " ", f.message,
      h("span", { class: "muted" }, ` — ${f.table}${f.last_year ? " (last year's return)" : ""}${f.line ? ", line " + f.line : ""}${f.fields.length ? ": " + f.fields.map((x, i) => `${x} = "${f.values[i] ?? ""}"`).join(", ") : ""}`))));
    const tables = d.tables.map((tb) => {
      const cols = tb.columns.map((c, i) => ({ key: "c" + i, label: c, cls: (v, r) => (r.failing[i] && r.failing[i].length ? "bad" : null),
        fmt: (v, r) => (r.failing[i] && r.failing[i].length ? h("span", { title: "failed rule " + r.failing[i].join(", ") }, v === "" ? "(blank)" : v) : v) }));
      const rows = tb.rows.map((r) => {
        const o = { line: r.line, rules: r.rules.join(", "), failing: r.cells.map((c) => c.failing) };
        r.cells.forEach((c, i) => { o["c" + i] = c.raw; });
        return o;
      });
      const t = table({ columns: [{ key: "line", label: "Line", num: true }].concat(cols, [{ key: "rules", label: "Rules failed" }]), rows });
      return figure({ title: tb.table, sub: `${tb.rows.length} row${tb.rows.length === 1 ? "" : "s"} · failing cells highlighted`, data: t.csvData }, t);
    });
    show(head(`Child ${d.child}`, `${d.la.name} · ${yearLabel(d.year)} return · ${d.findings.length} finding${d.findings.length === 1 ? "" : "s"}`,
      h("span", null, h("a", { href: "/validation/" + d.la.code }, "Validation"), " / ", d.child), h("a", { class: "btn", href: "/children/" + encodeURIComponent(d.child) }, "Timeline →")),
      figure({ title: "Findings", data: () => ({ header: ["rule", "message", "table", "line", "fields", "values"], rows: d.findings.map((f) => [f.rule, f.message, f.table, f.line, f.fields.join(" "), f.values.join(" | ")]) }) },
        d.findings.length ? findings : h("p", { class: "empty" }, "No findings for this child.")),
      h("div", { class: "child-rows grid", style: "margin-top:1rem" }, tables));
  }

  // ---- child timeline ---------------------------------------------------------------------------------
  async function childrenIndex() {
    const d = await api("/api/children");
    const t = table({ sort: "id", filter: "Find a child id…", columns: [
      { key: "id", label: "Child", href: (r) => "/children/" + encodeURIComponent(r.id), fmt: (v) => h("code", null, v) },
      { key: "episodes", label: "Episodes", num: true },
      { key: "rows", label: "Rows in the return", num: true },
      { key: "findings", label: "Findings", num: true, bar: true },
      { key: "check", label: "", fmt: (v, r) => (r.findings ? h("a", { href: `/children/${encodeURIComponent(r.id)}/rows` }, "failing cells") : "") }],
      rows: d.children.map((c) => Object.assign({ check: "" }, c)) });
    show(head("Children", `${d.la.name} · ${yearLabel(d.year)} return · ${fmt(d.total)} children. Child-level records are for this authority's users only.`),
      figure({ title: "Children in the return", data: t.csvData }, t));
  }

  const PLACE_COLORS = { foster: "#0e7c86", adoption: "#2e7d32", parents: "#7b61a8", homes: "#d9822b", supported: "#b26a00", school: "#5c6bc0", other: "#74838e", temporary: "#b0bec5" };
  function placeGroup(code) {
    if (!code) return "other";
    if (/^U[1-6]$/.test(code)) return "foster";
    if (/^A[3-6]$/.test(code)) return "adoption";
    if (code === "P1") return "parents";
    if (code === "K1" || code === "K2") return "homes";
    if (["H5", "P2", "K3", "K4"].includes(code)) return "supported";
    if (code === "S1") return "school";
    if (/^T/.test(code)) return "temporary";
    return "other";
  }
  const codeText = (c) => (c ? `${c.code} ${c.label}` : "–");

  async function childTimeline(id) {
    const d = await api("/api/children/" + encodeURIComponent(id) + "/timeline");
    const dates = [].concat(d.periods.map((p) => p.start), d.placements.map((p) => p.start), d.social_workers.map((w) => w.start),
      d.missing.map((m) => m.start), d.reviews.map((r) => r.date)).filter(Boolean).sort();
    const start = dates[0] || d.as_at;
    const endDates = [].concat(d.periods.map((p) => p.end), d.placements.map((p) => p.end), d.missing.map((m) => m.end), [d.as_at]).filter(Boolean).sort();
    const end = endDates[endDates.length - 1];
    const moves = d.placements.filter((p) => p.move_kind === "carer_change");
    const lanes = [
      { label: "Periods of care", items: d.periods.map((p) => ({ from: p.start, to: p.end || end, open: !p.end, color: "var(--s2)",
        label: `Period of care\n${p.start} – ${p.end || "continuing"}${p.end_reason ? "\nended: " + codeText(p.end_reason) : ""}`, short: p.end ? "" : "continuing" })) },
      { label: "Placements", items: d.placements.map((p) => ({ from: p.start, to: p.end || end, open: !p.end, color: PLACE_COLORS[placeGroup(p.place && p.place.code)],
        short: p.place ? p.place.code : "?",
        label: `${codeText(p.place)}\n${p.start} – ${p.end || "continuing"}\nprovider: ${codeText(p.provider)}${p.urn ? " · URN " + p.urn : ""}\n${p.distance_miles !== null ? p.distance_miles + " miles from home" : "distance not known"}${p.pl_location ? " · " + (p.pl_location === "OUT" ? "outside the LA" : "inside the LA") : ""}` })) },
      { label: "Moves", items: moves.map((m) => ({ kind: "point", shape: "line", from: m.start, label: `Move (change of carer) ${m.start}` })) },
      { label: "Legal status", items: d.legal_statuses.map((l) => ({ from: l.start, to: l.end || end, color: "#9fb3bf", short: l.legal_status ? l.legal_status.code : "", label: `${codeText(l.legal_status)}\n${l.start} – ${l.end || "continuing"}` })) },
      { label: "Missing / away", items: d.missing.filter((m) => m.start).map((m) => ({ from: m.start, to: m.end || m.start, color: "var(--s5)", label: `${codeText(m.kind)} ${m.start} – ${m.end || "not returned"}` })) },
      { label: "Reviews", items: d.reviews.filter((r) => r.date).map((r) => ({ kind: "point", from: r.date, color: "var(--s4)", label: `Review ${r.date}${r.participation ? "\n" + codeText(r.participation) : ""}` })) },
      { label: "Social workers", items: d.social_workers.filter((w) => w.start).map((w, i) => ({ from: w.start, to: w.end || end, color: i % 2 ? "#5c8a96" : "#2f6f7e", short: w.sw_id, label: `Social worker ${w.sw_id}\n${w.start} – ${w.end || "continuing"}${w.reason ? "\n" + codeText(w.reason) : ""}` })) },
    ];
    const events = [].concat(
      d.placements.map((p) => ({ date: p.start, what: p.move_kind === "carer_change" ? "Move: new placement" : p.move_kind === "start" ? "Placement (start of care)" : "Placement (same carer)",
        detail: `${codeText(p.place)}; provider ${p.provider ? p.provider.code : "–"}${p.distance_miles !== null ? "; " + p.distance_miles + " miles" : ""}${p.pl_location ? "; " + p.pl_location : ""}` })),
      d.legal_statuses.map((l) => ({ date: l.start, what: "Legal status", detail: codeText(l.legal_status) })),
      d.missing.filter((m) => m.start).map((m) => ({ date: m.start, what: m.kind ? m.kind.label : "Missing", detail: m.end ? "until " + m.end : "" })),
      d.reviews.filter((r) => r.date).map((r) => ({ date: r.date, what: "Review", detail: r.participation ? codeText(r.participation) : "" })),
      d.social_workers.filter((w) => w.start).map((w) => ({ date: w.start, what: "Social worker", detail: w.sw_id })),
      d.periods.map((p) => ({ date: p.start, what: "Period of care starts", detail: "" })),
      d.periods.filter((p) => p.end).map((p) => ({ date: p.end, what: "Period of care ends", detail: codeText(p.end_reason) })));
    const et = table({ sort: "date", columns: [{ key: "date", label: "Date" }, { key: "what", label: "Event" }, { key: "detail", label: "Detail" }], rows: events });
    const facts = h("dl", { class: "kv" },
      h("dt", null, "Sex"), h("dd", null, d.sex ? d.sex.label : "–"),
      h("dt", null, "Date of birth"), h("dd", null, d.dob || "–"),
      h("dt", null, "Periods of care"), h("dd", null, String(d.periods.length)),
      h("dt", null, "Placements"), h("dd", null, String(d.placements.length)),
      h("dt", null, "Moves in " + yearLabel(d.year)), h("dd", null, String(d.moves_in_year)),
      h("dt", null, "Missing or away"), h("dd", null, String(d.missing.length)),
      h("dt", null, "Social workers"), h("dd", null, String(new Set(d.social_workers.map((w) => w.sw_id)).size)),
      d.issues.length ? [h("dt", null, "Chain issues"), h("dd", null, d.issues.join(", "))] : null);
    show(head(`Child ${d.child}`, `${d.la.name} · care history from the loaded returns, as at ${d.as_at}`, h("span", null, h("a", { href: "/children" }, "Children"), " / ", d.child),
      h("a", { class: "btn", href: `/children/${encodeURIComponent(d.child)}/rows` }, "Rows and findings →")),
      figure({ title: "Timeline", sub: `${start} – ${end}`, data: et.csvData,
        caption: "Placements coloured by type: foster teal, adoption green, with parents purple, children's homes orange, supported accommodation brown, residential school blue, temporary grey. Red ticks are moves (changes of carer). Hover for details." },
        timeline({ start, end, lanes }),
        h("div", { class: "legend" }, Object.entries(PLACE_COLORS).map(([k, c]) => h("span", null, h("i", { class: "box", style: `background:${c}` }), k)))),
      h("div", { class: "grid cols-2", style: "margin-top:1rem" }, figure({ title: "About the child" }, facts), figure({ title: "Events", data: et.csvData }, et)));
  }

  // ---- homes and owners ----------------------------------------------------------------------------------
  const GROUP_LABEL = { local_authority: "Local authority", voluntary: "Voluntary", all_private: "Private" };
  const goodPct = (r) => { const g = r.outstanding + r.good, n = g + r.requires_improvement + r.inadequate; return n ? Math.round((1000 * g) / n) / 10 : null; };
  const homesOf = (r) => r.outstanding + r.good + r.requires_improvement + r.inadequate + r.not_inspected;

  async function homes() {
    const params = new URLSearchParams(location.search);
    const q = params.get("q") || "";
    const [sector, found] = await Promise.all([api("/api/sector"), q ? api("/api/homes/search?q=" + encodeURIComponent(q)) : null]);
    const form = h("form", { class: "controls", method: "get", action: "/homes" },
      h("input", { type: "search", name: "q", value: q, placeholder: "Owner, URN, local authority or region…", "aria-label": "Search homes and owners", style: "min-width:340px" }),
      h("button", { class: "btn primary", type: "submit" }, "Search"));
    const results = [];
    if (found) {
      const ot = table({ sort: "homes", desc: true, columns: [
        { key: "name", label: "Owner", href: (r) => "/homes/owner/" + encodeURIComponent(r.key) },
        { key: "sector", label: "Sector" }, { key: "homes", label: "Homes", num: true }, { key: "places", label: "Places", num: true },
        { key: "share_of_places_pct", label: "Share of England's places", num: true, fmt: (v) => fmt(v, "percent") }], rows: found.owners, empty: "No owner matches." });
      const ht = table({ sort: "owner", filter: "Filter these homes…", columns: [
        { key: "urn", label: "URN", href: (r) => "/homes/home/" + r.urn },
        { key: "owner", label: "Owner", href: (r) => (r.owner_key ? "/homes/owner/" + encodeURIComponent(r.owner_key) : null) },
        { key: "la_name", label: "Local authority" }, { key: "places", label: "Places", num: true },
        { key: "rating", label: "Latest grade", fmt: (v) => gradePill(v) }, { key: "rating_date", label: "Inspected" }], rows: found.homes, empty: "No home matches." });
      results.push(h("div", { class: "grid cols-2 search-results", style: "margin-bottom:1rem" },
        figure({ title: `Owners matching “${q}”`, sub: `${found.owners.length} owners`, data: ot.csvData }, ot),
        figure({ title: `Homes matching “${q}”`, sub: `${found.total_homes} open children's homes${found.truncated ? " (first " + found.homes.length + " listed)" : ""}`, data: ht.csvData }, ht)));
    }
    show(head("Homes and owners", `Children's homes in Ofsted's register at 31 March, ${sector.years[0]}–${sector.year}. Search any home or owner; compare sectors and owner sizes.`),
      form, results, sectorFigures(sector));
  }

  function sectorFigures(d) {
    const groups = [...new Set(d.over_time.map((x) => x.group))];
    const homesSeries = groups.map((g, i) => ({ name: GROUP_LABEL[g] || g, color: CL.SERIES[i % 5], points: d.over_time.filter((x) => x.group === g).map((x) => [x.year, homesOf(x.ratings)]) }));
    const goodSeries = groups.map((g, i) => ({ name: GROUP_LABEL[g] || g, color: CL.SERIES[i % 5], points: d.over_time.filter((x) => x.group === g).map((x) => [x.year, goodPct(x.ratings)]) }));
    const cmpT = table({ columns: [
      { key: "label", label: "Group" }, { key: "owners", label: "Owners", num: true }, { key: "homes", label: "Homes", num: true },
      { key: "places", label: "Places", num: true }, { key: "good_or_outstanding_pct", label: "Good or outstanding", num: true, fmt: (v) => fmt(v, "percent"), bar: true },
      { key: "ri_or_inadequate_pct", label: "Requires improvement or inadequate", num: true, fmt: (v) => fmt(v, "percent") }],
      rows: d.comparison.rows.map((r) => Object.assign({ homes: homesOf(r.ratings) }, r)) });
    const topT = table({ sort: "places", desc: true, columns: [
      { key: "name", label: "Owner", href: (r) => "/homes/owner/" + encodeURIComponent(r.key) },
      { key: "homes", label: "Homes", num: true }, { key: "places", label: "Places", num: true, bar: true },
      { key: "las", label: "LAs", num: true },
      { key: "share_of_places_pct", label: "Market share (places)", num: true, fmt: (v) => fmt(v, "percent") }], rows: d.top_owners });
    return h("div", null,
      h("div", { class: "grid cols-2" },
        figure({ title: "Children's homes by sector", sub: "At 31 March each year (2015–2020, 2023 and 2024 lists hold inspected homes only)", data: pointsTable("homes", "count", homesSeries) }, lineChart({ series: homesSeries, unit: "count" })),
        figure({ title: "Homes good or outstanding, by sector", sub: "Share of graded homes at 31 March", data: pointsTable("good", "percent", goodSeries) }, lineChart({ series: goodSeries, unit: "percent", zero: false }))),
      h("div", { class: "grid cols-2", style: "margin-top:1rem" },
        figure({ title: "Sector and owner size", sub: `${d.year}: ${d.comparison.finding}`, data: cmpT.csvData }, cmpT),
        figure({ title: "Largest owners", sub: `${d.year}, by places`, data: topT.csvData }, topT)));
  }

  async function owner(id) {
    const d = await api("/api/owners/" + encodeURIComponent(id));
    const s = d.summary;
    const ht = table({ sort: "status", filter: "Filter homes…", columns: [
      { key: "urn", label: "URN", href: (r) => "/homes/home/" + r.urn }, { key: "la_name", label: "Local authority" },
      { key: "places", label: "Places", num: true }, { key: "rating", label: "Latest grade", fmt: (v) => gradePill(v) },
      { key: "status", label: "Status" }, { key: "registered", label: "Registered" }], rows: d.homes.map((x) => x.home) });
    const ps = [{ name: "Places", points: d.over_time.map((x) => [x.year, x.places]) }, { name: "Homes", points: d.over_time.map((x) => [x.year, x.homes]) }];
    const gs = [{ name: "Good or outstanding", points: d.over_time.map((x) => [x.year, goodPct(x.ratings)]) }];
    const r = s.ratings;
    const gradeBars = [["Outstanding", r.outstanding], ["Good", r.good], ["Requires improvement", r.requires_improvement], ["Inadequate", r.inadequate], ["Not yet inspected", r.not_inspected]]
      .map(([label, value], i) => ({ label, value, color: ["#1b7a3a", "#6bbcb8", "#f0b35a", "#c0392b", "#b0bec5"][i] }));
    const shareT = table({ sort: "share", desc: true, columns: [{ key: "la_name", label: "Local authority" }, { key: "homes", label: "Owner's homes", num: true },
      { key: "all_homes", label: "All homes in the LA", num: true },
      { key: "share", label: "Owner's share", num: true, fmt: (v) => fmt(v, "percent"), bar: true }], rows: d.market_share });
    show(head(s.name, `${s.sector} · ${s.homes} homes · ${fmt(s.places)} places · ${fmt(s.share_of_places_pct, "percent")} of England's children's home places · ${s.las} LAs`,
      h("span", null, h("a", { href: "/homes" }, "Homes and owners"), " / owner")),
      h("div", { class: "grid cols-3" },
        figure({ title: "Places over time", sub: "Homes and places at 31 March", data: pointsTable("places", "count", ps) }, lineChart({ series: ps, unit: "count", height: 200 })),
        figure({ title: "Ratings over time", sub: "Share of graded homes good or outstanding", data: pointsTable("good", "percent", gs) }, lineChart({ series: gs, unit: "percent", height: 200 })),
        figure({ title: "Latest Ofsted grades", sub: `${d.year}`, data: () => ({ header: ["grade", "homes"], rows: gradeBars.map((b) => [b.label, b.value]) }) }, barChart({ bars: gradeBars, unit: "count", labelWidth: 150 }))),
      h("div", { class: "grid cols-2", style: "margin-top:1rem" },
        figure({ title: "Homes", sub: "Every children's home it has owned", data: ht.csvData }, ht),
        figure({ title: "Market share by local authority", sub: `${d.year}: the owner's share of the children's homes in each LA it is in`, data: shareT.csvData }, shareT)));
  }

  async function home(urn) {
    const d = await api("/api/homes/" + encodeURIComponent(urn));
    const x = d.home;
    const hist = table({ sort: "year", columns: [{ key: "year", label: "31 March" }, { key: "owner", label: "Owner" }, { key: "sector", label: "Sector" },
      { key: "places", label: "Places", num: true }, { key: "rating", label: "Latest grade", fmt: (v) => gradePill(v) },
      { key: "inspection_date", label: "Inspected" }, { key: "suspended", label: "Suspended", fmt: (v) => (v ? "yes" : "") }], rows: d.years });
    const insp = table({ sort: "date", desc: true, columns: [{ key: "date", label: "Date" }, { key: "kind", label: "Inspection" }, { key: "rating", label: "Grade", fmt: (v) => gradePill(v) }], rows: d.inspections, empty: "No inspections listed." });
    show(head(`${x.provision_type} ${x.urn}`, `${x.la_name || ""} · ${x.sector} · ${x.status}`, h("span", null, h("a", { href: "/homes" }, "Homes and owners"), " / ", x.urn)),
      h("div", { class: "grid cols-2" },
        figure({ title: "The home" }, h("dl", { class: "kv" },
          h("dt", null, "URN"), h("dd", null, x.urn), h("dt", null, "Type"), h("dd", null, x.provision_type),
          h("dt", null, "Owner"), h("dd", null, x.owner_key ? h("a", { href: "/homes/owner/" + encodeURIComponent(x.owner_key) }, x.owner || x.owner_key) : (x.owner || "–")),
          h("dt", null, "Local authority"), h("dd", null, x.la_name || "–"), h("dt", null, "Region"), h("dd", null, x.region || "–"),
          h("dt", null, "Places"), h("dd", null, x.places ?? "–"), h("dt", null, "Latest grade"), h("dd", null, gradePill(x.rating), x.rating_date ? " " + x.rating_date : ""),
          h("dt", null, "Registered"), h("dd", null, x.registered || "–"), h("dt", null, "Listed"), h("dd", null, `${x.first_listed}–${x.last_listed}`))),
        figure({ title: "Inspections", data: insp.csvData }, insp)),
      h("div", { style: "margin-top:1rem" }, figure({ title: "At 31 March each year", data: hist.csvData }, hist)));
  }

  // ---- router ---------------------------------------------------------------------------------------
  const routes = [
    [/^\/$/, england],
    [/^\/la\/?$/, laList],
    [/^\/la\/([^/]+)$/, laPage],
    [/^\/lottery\/?$/, lottery],
    [/^\/validation\/?$/, validationIndex],
    [/^\/validation\/([^/]+)$/, validationLa],
    [/^\/children\/?$/, childrenIndex],
    [/^\/children\/([^/]+)\/rows$/, childRows],
    [/^\/children\/([^/]+)$/, childTimeline],
    [/^\/homes\/?$/, homes],
    [/^\/homes\/owner\/([^/]+)$/, owner],
    [/^\/homes\/home\/([^/]+)$/, home],
  ];

  async function start() {
    try {
      META = await api("/api/meta");
      for (const [re, page] of routes) {
        const m = location.pathname.match(re);
        if (m) { await page(...m.slice(1).map(decodeURIComponent)); return; }
      }
      show(h("div", { class: "error" }, "No such page."));
    } catch (e) { if (e.message !== "signed out") fail(e); }
  }
  start();
})();
