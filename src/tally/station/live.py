"""The hall's live projection from a station (``/screen``): while the ballots are entered, the
progress in large type — ballots entered, stack by stack — and, only when the board switches
them on, the running votes per candidate; once the count is closed, the result as the static
projection page (:mod:`tally.render.screen`) shows it. The page asks for news every two
seconds, so it carries on by itself after the station restarts.

>>> import tempfile, pathlib
>>> from tally.io.spec import load_congress
>>> from tally.station.desk import Desk
>>> desk = Desk.open(pathlib.Path(tempfile.mkdtemp()) / "a.jsonl",
...                  load_congress("examples/delegate_congress/congress.toml"), "bch", station="A")
>>> _ = desk.open_stack(2); _ = desk.record({"struck": [1, 2, 3, 4]})
>>> progress(desk, totals=False)["entered"], progress(desk, totals=True)["votes"][4]
(1, 1)
>>> desk.session.close()
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from tally.i18n.catalogue import CATALOGUE
from tally.i18n.labels import contest_title
from tally.i18n.messages import Lang
from tally.model.contest import BallotForm
from tally.station.desk import Desk


def progress(desk: Desk, *, totals: bool, lang: Lang = "vi") -> dict[str, Any]:
    """What the live page shows: ballots entered in all and per stack, and — with ``totals``
    — each candidate's votes among the valid ballots entered so far."""
    status = desk.status(latest=0)
    contest = desk.ballot_contest
    shown: dict[str, Any] = {
        "title": contest_title(contest, lang),
        "entered": status.entered,
        "stacks": [
            {"batch": s.batch, "entered": s.entered, "expected": s.expected} for s in status.stacks
        ],
        "closed": status.closed,
        "names": list(contest.names),
        "votes": None,
    }
    if totals:
        votes = [0] * len(contest.names)
        for entered in desk.entries():
            if entered.verdict is not None:
                continue
            marks = entered.marks
            if contest.form is BallotForm.STRIKE_OUT:
                struck = set(marks.get("struck", []))
                chosen = [n for n in range(1, len(votes) + 1) if n not in struck]
            else:
                chosen = list(marks.get("agree", []))
            for number in chosen:
                votes[number - 1] += 1
        shown["votes"] = votes
    return shown


def live_page(lang: Lang) -> str:
    """The live page: it asks ``/api/screen`` every two seconds, and shows the result page
    once the count is closed."""
    words = {
        key.split(".", 1)[1]: pair[1 if lang == "en" else 0]
        for key, pair in CATALOGUE.items()
        if key.startswith("live.")
    }
    return _PAGE.replace("__LANG__", escape(lang)).replace(
        "__WORDS__", json.dumps(words, ensure_ascii=False).replace("<", "\\u003c")
    )


_PAGE = """<!DOCTYPE html>
<html lang="__LANG__"><head><meta charset="utf-8"><title>tally</title>
<style>
html, body { margin: 0; height: 100%; background: #fff; color: #111;
             font-family: Arial, "Liberation Sans", Helvetica, sans-serif; }
main { box-sizing: border-box; height: 100vh; padding: 3vh 4vw; display: flex;
       flex-direction: column; gap: 2vh; overflow: hidden; }
h1 { font-size: 5vh; margin: 0; color: #a00; }
.big { font-size: 12vh; font-weight: bold; }
.label { font-size: 3.2vh; color: #444; }
.stacks { display: flex; flex-wrap: wrap; gap: 1vh 3vw; font-size: 3.5vh; }
.votes { columns: 3; font-size: 2.8vh; column-gap: 4vw; }
.votes div { display: flex; justify-content: space-between; break-inside: avoid; }
.note { font-size: 2.4vh; color: #777; }
body.stale .big, body.stale .stacks, body.stale .votes { opacity: .25; }
body.stale .note { font-size: 4vh; color: #a00; font-weight: bold; }
</style></head>
<body><main>
<h1 id="title"></h1>
<div><div class="label" id="entered-label"></div><div class="big" id="entered">0</div></div>
<div class="stacks" id="stacks"></div>
<div class="votes" id="votes"></div>
<div class="note" id="note"></div>
</main>
<script>
"use strict";
const WORDS = __WORDS__;
document.getElementById("entered-label").textContent = WORDS.entered;
function show(data) {
  if (data.closed) { location.reload(); return; }
  document.getElementById("title").textContent = data.title;
  document.getElementById("entered").textContent = data.entered;
  const stacks = document.getElementById("stacks");
  stacks.replaceChildren(...data.stacks.map(s => {
    const d = document.createElement("div");
    d.textContent = WORDS.stack + " " + s.batch + ": " + s.entered + "/" + s.expected;
    return d;
  }));
  const votes = document.getElementById("votes");
  votes.replaceChildren(...(data.votes || []).map((v, i) => {
    const d = document.createElement("div");
    const n = document.createElement("span"); n.textContent = (i + 1) + ". " + data.names[i];
    const c = document.createElement("b"); c.textContent = v;
    d.append(n, c); return d;
  }));
  document.getElementById("note").textContent = data.votes ? WORDS.running : "";
}
async function poll() {
  try {
    const answer = await fetch("/api/screen", {cache: "no-store"});
    document.body.classList.toggle("stale", answer.status === 401);  // old figures, greyed
    if (answer.ok) { show(await answer.json()); document.getElementById("note").dataset.off = ""; }
    else if (answer.status === 401) document.getElementById("note").textContent = WORDS.token;
  } catch (e) {
    document.getElementById("note").textContent = WORDS.waiting;
  }
  setTimeout(poll, 2000);
}
poll();
</script></body></html>
"""
