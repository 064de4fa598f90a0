// The station's entry page: keyboard first. Plain script, no build step; its words come from
// the page (WORDS, the catalogue's station_page.* in the station's language).
"use strict";
const $ = (id) => document.getElementById(id);
const say = (key, vars = {}) => (WORDS[key] || key).replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? "");
const OBSERVATIONS = { F6: "not_issued", F7: "write_in", F8: "identifying_mark" };
const YES_NO = { a: "agree", d: "disagree", b: "both" };
let status = null;
let kept = false;
let observed = new Set();
let confirmEmpty = false;
let confirmOver = false;  // the board's check refused this line once: Enter again records it
let busy = false;
let undone = null;  // the serial taken back by Ctrl+Z: the line goes back into it
let previewSeq = 0;
let previewTimer = 0;

class Refused extends Error {
  constructor(message, code) { super(message); this.code = code; }
}

async function call(path, body) {
  const init = body === undefined ? { cache: "no-store" }
    : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const answer = await fetch(path, init);
  let data = null;
  try { data = await answer.json(); } catch (e) { data = null; }
  if (!answer.ok) {
    throw new Refused((data && data.message) || answer.status + " " + answer.statusText, data && data.error);
  }
  return data;
}

function tell(text, kind = "") {
  const m = $("message");
  m.textContent = text;
  m.className = kind;
}

function strikeOut() { return !status || status.contest.form === "strike_out"; }

// What the line says: {marks, error}; the marks as the API takes them.
function parse(line, asKept = kept) {
  const tokens = line.trim().split(/[\s,;]+/).filter(Boolean);
  const marks = {};
  if (strikeOut()) {
    const numbers = [];
    for (const t of tokens) {
      if (!/^\d+$/.test(t)) return { error: say("not_a_number", { token: t }) };
      numbers.push(parseInt(t, 10));
    }
    // kept mode with no number: nothing kept, every name struck
    if (numbers.length || asKept) marks[asKept ? "kept" : "struck"] = numbers;
  } else {
    for (const t of tokens) {
      const found = /^(\d*)([adb])$/i.exec(t);
      if (!found || (!found[1] && status.contest.names.length !== 1)) {
        return { error: say("not_yes_no", { token: t }) };
      }
      const key = YES_NO[found[2].toLowerCase()];
      (marks[key] = marks[key] || []).push(found[1] ? parseInt(found[1], 10) : 1);
    }
  }
  return { marks };
}

function withObservations(marks) {
  return observed.size ? { ...marks, observations: [...observed] } : marks;
}

function empty(marks) { return Object.keys(marks).length === 0; }

// --- drawing ---------------------------------------------------------------------------
function drawNames() {
  const names = status.contest.names;
  const list = $("names");
  list.style.columnCount = Math.max(1, Math.ceil(names.length / 20));
  list.replaceChildren(...names.map((name, i) => {
    const li = document.createElement("li");
    const b = document.createElement("b");
    b.textContent = i + 1;
    li.append(b, name);
    li.dataset.n = i + 1;
    li.addEventListener("click", () => toggle(i + 1));
    return li;
  }));
}

function highlight(marks) {
  const n = status.contest.names.length;
  const cls = new Array(n + 1).fill("");
  if (marks.struck) marks.struck.forEach((k) => { cls[k] = "struck"; });
  if (marks.kept) {
    for (let k = 1; k <= n; k++) cls[k] = marks.kept.includes(k) ? "" : "struck";
  }
  for (const key of ["agree", "disagree", "both"]) (marks[key] || []).forEach((k) => { cls[k] = key; });
  for (const li of $("names").children) li.className = cls[Number(li.dataset.n)] || "";
}

function describe(marks) {
  const parts = [];
  if (marks.struck && marks.struck.length) parts.push(say("struck_label") + " " + marks.struck.join(" "));
  if (marks.kept) parts.push(say("kept_label") + " " + marks.kept.join(" "));
  for (const [letter, key] of Object.entries(YES_NO)) {
    (marks[key] || []).forEach((k) => parts.push(k + letter + " (" + say(key) + ")"));
  }
  (marks.observations || []).forEach((o) => parts.push(say("obs_" + o)));
  return parts.length ? parts.join(" · ") : say("empty_ballot");
}

// An undone ballot of an earlier stack (or an empty place filled, then undone) goes back into
// its own serial, not into the stack being entered.
function undoneGap() { return status && undone && status.gaps.includes(undone) ? undone : null; }

function nextSerial() {
  if (undoneGap()) return undone;
  if (!status || !status.stack) return null;
  return status.next_serial;
}

function drawStatus() {
  $("title").textContent = status.contest.title;
  $("station").textContent = say("station", { station: status.station });
  $("entered").textContent = say("entered", { entered: status.entered });
  $("stacks").replaceChildren(...status.stacks.map((s) => {
    const d = document.createElement("span");
    d.textContent = s.batch + " " + s.entered + "/" + s.expected;
    if (status.stack && status.stack.batch === s.batch) d.className = "open";
    else if (s.entered < s.expected) d.className = "short";
    return d;
  }));
  $("gaps").hidden = status.gaps.length === 0;
  $("gaps").textContent = status.gaps.length ? say("gaps", { gaps: status.gaps.join(", ") }) : "";
  const serial = nextSerial();
  $("next").textContent = status.closed ? say("closed", { entered: status.entered })
    : serial ? say("next", { serial }) : say("no_stack");
  $("entry").disabled = status.closed;
  $("latest").replaceChildren(...status.latest.map((e) => {
    const li = document.createElement("li");
    li.dataset.serial = e.serial;
    li.textContent = e.serial + "  " + describe(e.marks) + (e.valid ? "" : " — " + e.said);
    li.title = e.said;
    if (!e.valid) li.className = "invalid";
    return li;
  }));
  drawMode();
  if (status.closed) { $("mode").textContent = ""; drawResult(); }
}

function drawMode() {
  document.body.classList.toggle("kept", kept);
  $("mode").textContent = strikeOut() ? say(kept ? "mode_kept" : "mode_struck") : say("mode_yes_no");
  $("observations").textContent = [...observed].map((o) => say("obs_" + o)).join(" · ");
}

function drawKeys() {
  const keys = [...(strikeOut() ? [["F2 / k", say("key_kept")]] : []), ["F6", say("obs_not_issued")],
    ["F7", say("obs_write_in")], ["F8", say("obs_identifying_mark")],
    ["Ctrl+Z", say("key_undo")], ["F4", say("declare")], ["F9", say("correct")],
    ["F10", say("withdraw")], ["F3", say("close")], ["Esc", say("key_escape")]]
    .map(([k, what]) => [k, what.replace(/\s*\(F\d+\)$/, "")]);
  $("keys").replaceChildren(...keys.flatMap(([k, what]) => {
    const kbd = document.createElement("kbd");
    kbd.textContent = k;
    return [kbd, document.createTextNode(" " + what + "   ")];
  }));
}

function drawResult() {
  const box = $("result");
  const h = document.createElement("h2");
  h.textContent = say("closed", { entered: status.entered });
  const list = document.createElement("ol");
  const names = status.contest.names;
  for (const who of status.elected) {
    const i = typeof who === "number" ? who : names.indexOf(who);
    const li = document.createElement("li");
    li.textContent = (i >= 0 ? names[i] : who) + (i >= 0 && status.votes.length ? " — " + status.votes[i] + " " + say("votes") : "");
    list.append(li);
  }
  const title = document.createElement("h3");
  title.textContent = say("elected") + ": " + status.elected.length + "/" + status.contest.seats;
  box.replaceChildren(h, title, status.elected.length ? list : document.createTextNode(say("nobody")),
    ...printLinks());
  box.hidden = false;
  const first = box.querySelector("a");
  if (first) first.focus();  // Enter opens the minutes, Tab goes to the next format
}

// The documents to print once closed, each in the formats this station can print (the status
// says which); each opens in a new tab, from the station's log as it stands.
const PRINTED = [["minutes", "print_minutes"], ["entry-log", "print_entry_log"]];

function printLinks() {
  const formats = status.print || [];
  return PRINTED.map(([name, words]) => {
    const line = document.createElement("p");
    line.className = "print";
    const label = document.createElement("span");
    label.textContent = say(words);
    line.append(label, " ");
    formats.forEach((format, i) => {
      const a = document.createElement("a");
      a.href = "/print/" + name + "." + format;
      a.target = "_blank";
      a.textContent = say("format_" + format);
      line.append(...(i ? [" · ", a] : [a]));
    });
    return line;
  });
}

async function refresh() {
  status = await call("/api/status");
  drawStatus();
}

// --- the entry line --------------------------------------------------------------------
async function preview() {
  const seq = ++previewSeq;
  const line = $("entry").value;
  const { marks, error } = parse(line);
  const verdict = $("verdict");
  if (error) { verdict.textContent = error; verdict.className = "invalid"; return; }
  highlight(marks);
  try {
    const said = await call("/api/preview", { marks: withObservations(marks) });
    if (seq !== previewSeq) return;
    verdict.textContent = said.said;
    verdict.className = said.valid ? "valid" : "invalid";
  } catch (e) {
    if (seq !== previewSeq) return;
    verdict.textContent = e instanceof Refused ? e.message : say("request_failed");
    verdict.className = "invalid";
  }
}

// Ask for the verdict once typing pauses (a fast clerk types a ballot in a second).
function lineChanged() {
  confirmEmpty = false;
  confirmOver = false;
  if ($("message").className !== "lost") tell("");
  clearTimeout(previewTimer);
  const { marks, error } = parse($("entry").value);
  if (!error) highlight(withObservations(marks));
  previewTimer = setTimeout(preview, 120);
}

function toggle(number) {
  const entry = $("entry");
  const tokens = entry.value.trim().split(/\s+/).filter(Boolean);
  if (strikeOut()) {
    const at = tokens.indexOf(String(number));
    if (at >= 0) tokens.splice(at, 1); else tokens.push(String(number));
  } else {
    const at = tokens.findIndex((t) => parseInt(t, 10) === number);
    const cycle = ["", "a", "d", "b"];
    const now = at >= 0 ? tokens[at].replace(/^\d+/, "").toLowerCase() : "";
    const next = cycle[(cycle.indexOf(now) + 1) % cycle.length];
    if (at >= 0) tokens.splice(at, 1);
    if (next) tokens.push(number + next);
  }
  entry.value = tokens.join(" ") + (tokens.length ? " " : "");
  entry.focus();
  lineChanged();
}

async function record() {
  if (busy) return;
  const line = $("entry").value;
  const { marks, error } = parse(line);
  if (error) { tell(error, "refused"); return; }
  const given = withObservations(marks);
  if (empty(given) && !confirmEmpty) {
    confirmEmpty = true;
    tell(say("confirm_empty"), "refused");
    return;
  }
  const serial = nextSerial() || "?";
  const sent = { kept, observed: new Set(observed) };
  clearTimeout(previewTimer);
  previewSeq++;
  busy = true;
  tell(say("saving"));
  try {
    const body = { marks: given, confirm: confirmOver || confirmEmpty };
    if (undoneGap()) body.serial = undone;
    const entered = await call("/api/ballot", body);
    undone = null;
    // What was typed or switched while the ballot was being saved is the next ballot's.
    const now = $("entry").value;
    $("entry").value = now.startsWith(line) ? now.slice(line.length).replace(/^\s+/, "") : "";
    kept = kept !== sent.kept;
    observed = new Set([...observed, ...sent.observed].filter((o) => observed.has(o) !== sent.observed.has(o)));
    confirmEmpty = false;
    confirmOver = false;
    tell(say("saved", { serial: entered.serial }), "ok");
    highlight({});
    $("verdict").textContent = "";
    await refresh();
    if ($("entry").value) lineChanged();
  } catch (e) {
    if (e instanceof Refused) {
      confirmOver = e.code === "station.over_seats_check";
      tell(e.message, "refused");
    } else tell(say("not_saved", { serial, typed: describe(given) }), "lost");
  } finally {
    busy = false;
  }
}

async function undo() {
  try {
    const back = await call("/api/undo", {});
    undone = back.serial;
    const m = back.marks;
    kept = false;
    observed = new Set(m.observations || []);
    const tokens = strikeOut() ? (m.struck || []).map(String)
      : Object.entries(YES_NO).flatMap(([letter, key]) => (m[key] || []).map((k) => k + letter));
    await refresh();  // the status first: the line goes back into the serial it shows
    $("entry").value = tokens.join(" ");
    tell(say("undone", { serial: back.serial }), "ok");
    preview();
  } catch (e) {
    tell(e instanceof Refused ? e.message : say("request_failed"), "refused");
  }
  $("entry").focus();
}

// --- the forms ---------------------------------------------------------------------------
function whole(value) { return /^\s*\d+\s*$/.test(value) ? parseInt(value, 10) : value; }

// A step the station asks about once (a recount, an empty place filled, closing with none):
// Enter again on the same input confirms it. One per form.
function askOnce() {
  let asked = null;
  return {
    confirmed(typed) { const yes = asked !== null && asked === typed; asked = null; return yes; },
    ask(typed) { asked = typed; },
    forget() { asked = null; },
  };
}

// A form's step, then the status again; a refusal is told (and handed to ``refused``).
async function submit(work, refused = () => {}) {
  try {
    await work();
    await refresh();
    return true;
  } catch (e) {
    if (e instanceof Refused) refused(e);
    tell(e instanceof Refused ? e.message : say("request_failed"), "refused");
    return false;
  }
}

// A stack open: the station asks first; Enter again on the same count declares the open stack
// again with it (the board recounted it).
const recountAsk = askOnce();
$("hand-count").addEventListener("input", () => recountAsk.forget());

// "S01 49": stack S01 (already entered) recounted holds 49 ballots.
const RECOUNT = /^\s*(s\d+)\s+(\d+)\s*$/i;

$("stack-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const typed = $("hand-count").value;
  const earlier = RECOUNT.exec(typed);
  if (earlier) {
    const batch = earlier[1].toUpperCase(), expected = parseInt(earlier[2], 10);
    const ok = await submit(() => call("/api/stack", { batch, expected }));
    if (ok) { $("hand-count").value = ""; tell(say("recounted", { batch, expected }), "ok"); $("entry").focus(); }
    return;
  }
  const expected = whole(typed);
  const confirm = recountAsk.confirmed(expected);
  const ok = await submit(() => call("/api/stack", { expected, confirm }), (e) => {
    if (e.code === "station.stack_recount") recountAsk.ask(expected);
  });
  if (ok) { $("hand-count").value = ""; tell(""); $("entry").focus(); }
});

const gapAsk = askOnce();

$("correct-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const { marks, error } = parse($("correct-marks").value, false);
  if (error) { tell(error, "refused"); return; }
  const given = withObservations(marks);
  const serial = $("correct-serial").value.trim().toUpperCase();
  // an empty place of an earlier stack takes a ballot of its own, asked about as on the entry
  // line (nothing marked; the board's check); any other serial is corrected
  const gap = status !== null && status.gaps.includes(serial);
  const typed = JSON.stringify([serial, given]);
  const confirm = gapAsk.confirmed(typed) && gap;
  if (gap && empty(given) && !confirm) {
    gapAsk.ask(typed);
    tell(say("confirm_empty"), "refused");
    return;
  }
  const ok = await submit(() => gap
    ? call("/api/ballot", { serial, marks: given, confirm })
    : call("/api/correct", { serial, marks: given, reason: $("correct-reason").value }),
  (e) => { if (e.code === "station.over_seats_check") gapAsk.ask(typed); });
  if (ok) {
    observed = new Set();
    drawMode();
    $("correct-form").reset();
    $("correct-panel").open = false;
    tell(say(gap ? "gap_filled" : "corrected", { serial }), "ok");
    $("entry").focus();
  }
});

$("withdraw-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const serial = $("withdraw-serial").value.trim().toUpperCase();
  const ok = await submit(() => call("/api/withdraw",
    { serial, reason: $("withdraw-reason").value }));
  if (ok) {
    $("withdraw-form").reset();
    $("withdraw-panel").open = false;
    tell(say(status.gaps.includes(serial) ? "withdrawn_gap" : "withdrawn", { serial }), "ok");
    $("entry").focus();
  }
});

// Closing with no ballot collected asks first; Enter again on the same figures closes.
const closeAsk = askOnce();

$("close-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const figures = { issued: whole($("issued").value), collected: whole($("collected").value) };
  const typed = JSON.stringify(figures);
  const confirm = closeAsk.confirmed(typed);
  const ok = await submit(() => call("/api/close", { ...figures, confirm }), (e) => {
    if (e.code === "station.close_empty") closeAsk.ask(typed);
  });
  if (ok) tell("");
});

// --- keys ----------------------------------------------------------------------------------
function openPanel(panel, field) {
  $(panel).open = true;
  $(field).focus();
}

document.addEventListener("keydown", (ev) => {
  const inEntry = ev.target === $("entry");
  if (ev.key in OBSERVATIONS) {
    ev.preventDefault();
    const code = OBSERVATIONS[ev.key];
    if (observed.has(code)) observed.delete(code); else observed.add(code);
    drawMode();
    if (!$("correct-form").contains(ev.target)) $("entry").focus();  // F9's ballot takes them too
    lineChanged();
  } else if (ev.key === "F2" || (inEntry && (ev.key === "k" || ev.key === "K") && strikeOut())) {
    ev.preventDefault();
    kept = !kept;
    drawMode();
    $("entry").focus();
    lineChanged();
  } else if (ev.key === "F3") { ev.preventDefault(); openPanel("close-panel", "issued"); }
  else if (ev.key === "F4") { ev.preventDefault(); $("hand-count").focus(); }
  else if (ev.key === "F9") { ev.preventDefault(); openPanel("correct-panel", "correct-serial"); }
  else if (ev.key === "F10") { ev.preventDefault(); openPanel("withdraw-panel", "withdraw-serial"); }
  else if (ev.key === "Escape") {
    ev.preventDefault();
    if (inEntry) { confirmEmpty = false; confirmOver = false; undone = null; tell(""); }
    $("result").hidden = true;
    $("entry").focus();
  } else if ((ev.ctrlKey || ev.metaKey) && (ev.key === "z" || ev.key === "Z") && (inEntry || ev.target === document.body)) {
    ev.preventDefault();
    undo();
  } else if (inEntry && ev.key === "Enter") {
    ev.preventDefault();
    record();
  }
});

// Fewer keystrokes: a number that cannot grow (one more digit would pass the list's length)
// and a yes/no letter end their token, so the page types the space; a space typed right after
// one it typed is dropped, so a clerk who types every space gets the same line.
let spaceTyped = false;

function separate(ev) {
  const entry = $("entry");
  const typed = ev.inputType === "insertText" ? ev.data : null;
  spaceTyped = false;
  if (!typed || entry.selectionStart !== entry.value.length) return;
  const last = /(\d*)([adb]?)$/i.exec(entry.value);
  const n = status ? status.contest.names.length : 0;
  const ends = strikeOut() ? last[1] !== "" && !last[2] && parseInt(last[1], 10) * 10 > n
    : last[2] !== "";
  if (ends) {
    entry.value += " ";
    spaceTyped = true;
  }
}

$("entry").addEventListener("keydown", (ev) => {
  if (ev.key === " " && spaceTyped && $("entry").value.endsWith(" ")) ev.preventDefault();
  if (ev.key.length === 1 || ev.key === "Backspace" || ev.key === "Delete") spaceTyped = false;
});
$("entry").addEventListener("input", (ev) => { separate(ev); lineChanged(); });

// The hall's screen (/screen) shows the running votes only while the board has this on.
$("totals").addEventListener("change", async () => {
  const box = $("totals");
  try {
    const shown = await call("/api/screen", { totals: box.checked });
    box.checked = shown.votes !== null;
  } catch (e) {
    box.checked = !box.checked;
    tell(e instanceof Refused ? e.message : say("request_failed"), "refused");
  }
  $("entry").focus();
});
call("/api/screen").then((shown) => { $("totals").checked = shown.votes !== null; }).catch(() => {});

for (const el of document.querySelectorAll("[data-w]")) el.textContent = say(el.dataset.w);
document.title = say("title");
drawKeys();
refresh().then(() => { drawNames(); drawStatus(); drawKeys(); $("entry").focus(); })
  .catch(() => tell(say("request_failed"), "refused"));
