/**
 * The sentences the script shows, each with the parameters it fills in: the page formats them in its
 * language from the catalog (`page.upload.<id>`) and hands them over as a JSON data block.
 */
export const UPLOAD_SCRIPT_TEXT: Record<string, string[]> = {
  needToken: [],
  needFiles: [],
  roleTwice: ["role"],
  checking: [],
  stored: ["id"],
  verdict: [],
  openReport: [],
  dashboard: [],
  requirement: [],
  verdictColumn: [],
  measured: [],
  why: [],
  fixErrors: ["count"],
  refused: [],
  notStored: [],
  wholeSubmission: [],
  rowColumn: ["line", "column"],
  row: ["line"],
  failed: ["message"],
  status: ["status"],
  tokenRefused: ["status"],
  verifying: [],
  queued: [],
  remove: [],
  roleOf: ["file"],
};

/**
 * The upload page's script, served as `/assets/upload.js`: plain browser JavaScript, no framework and
 * nothing from another host. It builds DOM nodes (never HTML strings), so file names and messages
 * cannot inject markup.
 */
export const UPLOAD_SCRIPT = String.raw`"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var form = $("upload"), tokenInput = $("token"), topicSelect = $("topic"), fileInput = $("files");
  var drop = $("drop"), list = $("file-list"), statusEl = $("status"), result = $("result");
  var chosen = [];
  var TEXT = JSON.parse($("page-text").textContent);
  function say(id, params) {
    return TEXT[id].replace(/\{(\w+)\}/g, function (all, name) { return params && name in params ? String(params[name]) : all; });
  }
  function withLang(path) { return path + (path.indexOf("?") < 0 ? "?" : "&") + "lang=" + TEXT.lang; }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function guessRole(name, taken) {
    var n = name.toLowerCase();
    if (/\.zip$/.test(n)) return "submission";
    if (/qrel/.test(n)) return "qrels";
    if (/base/.test(n) && /(mem|smi|gpu)/.test(n)) return "baseline-memory";
    if (/(mem|smi|gpu)/.test(n)) return "memory";
    if (/base/.test(n)) return "baseline";
    return taken.indexOf("candidate") < 0 ? "candidate" : "baseline";
  }

  function addFiles(files) {
    Array.prototype.forEach.call(files, function (file) {
      var same = chosen.filter(function (c) { return c.file.name === file.name; })[0];
      if (same) { same.file = file; return; }
      chosen.push({ file: file, role: guessRole(file.name, chosen.map(function (c) { return c.role; })) });
    });
    renderList();
  }

  function renderList() {
    var body = list.tBodies[0];
    body.textContent = "";
    list.hidden = chosen.length === 0;
    chosen.forEach(function (c, i) {
      var select = el("select", { "aria-label": say("roleOf", { file: c.file.name }) });
      select.innerHTML = $("role-options").innerHTML;
      select.value = c.role;
      select.addEventListener("change", function () { c.role = select.value; });
      var remove = el("button", { type: "button", class: "secondary", text: say("remove") });
      remove.addEventListener("click", function () { chosen.splice(i, 1); renderList(); });
      body.appendChild(el("tr", {}, [el("td", {}, breakable(c.file.name)), el("td", { text: size(c.file.size) }),
        el("td", {}, [select]), el("td", {}, [remove])]));
    });
  }

  // A long file name may wrap after its separators, never letter by letter.
  function breakable(text) {
    var out = [];
    text.split(/(?<=[\/\-_.])/).forEach(function (piece, i) { if (i > 0) out.push(el("wbr")); out.push(piece); });
    return out;
  }

  function size(n) { return n >= 1048576 ? (n / 1048576).toFixed(1) + " MiB" : n >= 1024 ? (n / 1024).toFixed(1) + " KiB" : n + " B"; }

  fileInput.addEventListener("change", function () { addFiles(fileInput.files); fileInput.value = ""; });
  ["dragenter", "dragover"].forEach(function (t) { drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("over"); }); });
  ["dragleave", "drop"].forEach(function (t) { drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove("over"); }); });
  drop.addEventListener("drop", function (e) { addFiles(e.dataTransfer.files); });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var token = tokenInput.value.trim();
    if (!token) return showError(say("needToken"));
    if (!chosen.length) return showError(say("needFiles"));
    var roles = chosen.map(function (c) { return c.role; });
    var twice = roles.filter(function (r, i) { return roles.indexOf(r) !== i; })[0];
    if (twice) return showError(say("roleTwice", { role: twice }));
    localStorage.removeItem("claimcheck.token");
    var data = new FormData();
    if (roles.indexOf("submission") < 0) data.append("topic", topicSelect.value);
    chosen.forEach(function (c) { data.append(c.role, c.file, c.file.name); });
    statusEl.textContent = say("checking");
    $("submit").disabled = true;
    // The server turns the token into an HttpOnly session cookie; the page keeps nothing secret.
    fetch("/api/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token: token }) })
      .then(function (res) {
        if (!res.ok) throw new Error(say("tokenRefused", { status: res.status }));
        return fetch("/api/submissions", { method: "POST", credentials: "same-origin", body: data });
      })
      .then(answer)
      .then(function (r) { return r.status === 202 ? follow(r.body) : r; })
      .then(function (r) {
        if (r.status === 201 || r.status === 200) showVerdict(r.body);
        else if (r.status === 422) showFindings(r.body);
        else showError(r.body.error || say("status", { status: r.status }));
      }, function (e) { showError(say("failed", { message: e.message })); })
      .then(function () { $("submit").disabled = false; });
  });

  function scrollBox(table) {
    return el("div", { class: "scroll" }, [el("p", { class: "scroll-note", text: TEXT.scroll }), table]);
  }

  function answer(res) { return res.json().then(function (body) { return { status: res.status, body: body }; }); }

  // The upload is stored and queued (202): poll its status until it is verified, then fetch the
  // submission for the verdict, or show the findings of a failed one. The session cookie authorises.
  function follow(queued) {
    var auth = { credentials: "same-origin" };
    return new Promise(function (resolve) { setTimeout(resolve, 500); })
      .then(function () { return fetch(withLang(queued.links.status), auth).then(answer); })
      .then(function (r) {
        if (r.status !== 200) return r;
        if (r.body.status === "done") return fetch(withLang(queued.links.self), auth).then(answer);
        if (r.body.status === "failed") return { status: 422, body: r.body };
        statusEl.textContent = say(r.body.status === "running" ? "verifying" : "queued");
        return follow(queued);
      });
  }

  function showError(message) {
    statusEl.textContent = "";
    result.textContent = "";
    result.appendChild(el("p", { class: "error", id: "upload-error", text: message }));
  }

  function badge(verdict, big) {
    return el("span", { class: "badge" + (big ? " big" : ""), style: "background:" + COLORS[verdict], text: TEXT["verdict." + verdict] });
  }
  var COLORS = { pass: "#1a7f37", fail: "#cf222e", inconclusive: "#9a6700", missing: "#6e7781", invalid: "#8250df", waived: "#0969da", reported: "#0550ae" };

  function showVerdict(body) {
    var report = body.report;
    // With ?lang= the API adds the reasons in the page's language (texts); the report keeps its English.
    var reasons = (body.texts && body.texts.reasons) || {};
    statusEl.textContent = say("stored", { id: body.id });
    result.textContent = "";
    result.appendChild(el("h2", { id: "verdict" }, [say("verdict") + " ", badge(report.verdict, true)]));
    result.appendChild(el("p", {}, [el("a", { id: "report-link", href: withLang("/submissions/" + encodeURIComponent(body.id)), text: say("openReport") }),
      " · ", el("a", { href: withLang(body.links.dashboard), text: say("dashboard") })]));
    var rows = report.requirements.map(function (r) {
      var m = r.measured && r.measured.value !== null ? String(+r.measured.value.toPrecision(4)) + " " + (r.target ? r.target.unit : "") : "—";
      return el("tr", {}, [el("td", {}, [el("code", { text: r.id }), el("br"), r.title[TEXT.lang] || r.title.en]),
        el("td", {}, [badge(r.verdict)]), el("td", { text: m }), el("td", { text: reasons[r.id] || r.reason })]);
    });
    // No scroll box: on a phone the rows become cards (layout.ts), so nothing scrolls sideways.
    result.appendChild(el("table", { id: "requirements" }, [el("thead", {}, [el("tr", {}, [say("requirement"), say("verdictColumn"), say("measured"), say("why")].map(function (h) { return el("th", { text: h }); }))]), el("tbody", {}, rows)]));
  }

  function showFindings(body) {
    var findings = body.findings || [];
    var texts = (body.texts && body.texts.findings) || [];
    findings.forEach(function (f, i) { if (texts[i]) f.text = texts[i]; });
    statusEl.textContent = "";
    result.textContent = "";
    var heading = findings.length ? say("fixErrors", { count: findings.length }) : say("refused");
    result.appendChild(el("h2", { class: "error", id: "errors" }, [heading]));
    result.appendChild(el("p", { text: findings.length ? say("notStored") : body.error }));
    var byPath = {};
    findings.forEach(function (f) { var p = f.location ? f.location.path : ""; (byPath[p] = byPath[p] || []).push(f); });
    Object.keys(byPath).forEach(function (path) {
      var input = (body.inputs || []).filter(function (i) { return i.path === path; })[0];
      var entry = input && chosen.filter(function (c) { return c.role === input.role; })[0];
      var section = el("section", { class: "file-errors" }, [el("h3", { text: path || say("wholeSubmission") })]);
      result.appendChild(section);
      var after = messages(byPath[path]);
      if (!entry || !byPath[path].some(function (f) { return f.location && f.location.line; })) { section.appendChild(after); return; }
      entry.file.text().then(function (text) { section.appendChild(scrollBox(sheet(text, byPath[path]))); section.appendChild(after); });
    });
  }

  function messages(findings) {
    return el("ul", { class: "errors" }, findings.map(function (f) {
      var where = !(f.location && f.location.line) ? "" : f.location.column ? say("rowColumn", { line: f.location.line, column: f.location.column }) + " " : say("row", { line: f.location.line }) + " ";
      return el("li", {}, [el("strong", { text: where }), (f.text || f.message) + " (" + f.code + ")"]);
    }));
  }

  function sheet(text, findings) {
    var lines = text.split(/\r?\n/);
    var delim = [",", "\t", ";"].sort(function (a, b) { return lines[0].split(b).length - lines[0].split(a).length; })[0];
    var header = splitRow(lines[0] || "", delim);
    var bad = {};
    findings.forEach(function (f) {
      var line = f.location && f.location.line;
      if (!line) return;
      var b = bad[line] = bad[line] || {};
      var col = f.location.column || "";
      b[col] = (b[col] ? b[col] + "\n" : "") + (f.text || f.message);
    });
    var shown = [1].concat(Object.keys(bad).map(Number).filter(function (n) { return n > 1; }).sort(function (a, b) { return a - b; }).slice(0, 40));
    var head = el("tr", {}, [el("th", { class: "rownum" })].concat(header.map(function (_, i) { return el("th", { text: letters(i) }); })));
    var body = el("tbody");
    shown.forEach(function (line, k) {
      if (k > 0 && line > shown[k - 1] + 1) body.appendChild(el("tr", { class: "gap" }, [el("td", { colspan: String(header.length + 1), text: "⋯" })]));
      var cells = splitRow(lines[line - 1] || "", delim);
      var marks = bad[line] || {};
      var tr = el("tr", { class: line > 1 && marks ? "badrow" : "", "data-line": String(line) }, [el("td", { class: "rownum", text: String(line) })]);
      header.forEach(function (name, i) {
        var note = marks[name];
        var td = el("td", { text: line === 1 ? name : cells[i] === undefined ? "" : cells[i] });
        if (note) { td.className = "bad"; td.title = note; }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    return el("table", { class: "sheet" }, [el("thead", {}, [head]), body]);
  }

  function splitRow(line, delim) {
    var out = [], cell = "", quoted = false;
    for (var i = 0; i < line.length; i++) {
      var ch = line[i];
      if (quoted) { if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch; }
      else if (ch === '"') quoted = true;
      else if (ch === delim) { out.push(cell); cell = ""; }
      else cell += ch;
    }
    out.push(cell);
    return out;
  }

  function letters(i) { var s = ""; i++; while (i > 0) { var r = (i - 1) % 26; s = String.fromCharCode(65 + r) + s; i = Math.floor((i - 1) / 26); } return s; }
})();
`;
