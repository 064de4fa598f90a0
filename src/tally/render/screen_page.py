"""The style and the script of the projection page (:mod:`tally.render.screen`), inline.

**Type.** A sans-serif face: Arial first (on the Windows laptops that drive most hall
projectors), then Liberation Sans — metric-compatible with Arial, so a page laid out and tested
with one is laid out the same with the other — then Helvetica and the system's sans-serif.
Serifs thin out and blur on a projector seen from the back of a hall; the printed minutes keep
the serif face of Party documents. Every face named has the Vietnamese letters. No web font:
the page needs no network.

**Sizes.** Every length is a multiple of ``--u``, one hundredth of the height of a 16:9 screen
(on a wider or narrower screen, whichever side is short), so a slide looks the same at 1920×1080,
1280×720 or on a 4:3 projector. The type of the names, ``--f``, is the smallest of three bounds:
8u; the height left for the lists divided by the slide's lines (``--lines``); the width
divided by the columns (``--cols``) of ``--w`` em each (rank, the longest name, votes and
share) — the three set per slide by the renderer. The script lowers ``--k`` below 1 only when
something still does not fit (a name of wide letters, a very odd screen).

**Without the script** every slide is shown, one under the other, each at least a screen high;
printed, one slide per landscape page.
"""

STYLE = """\
:root { --u: min(1vh, 0.5625vw); --red: #a50f15; --ink: #111; --grey: #555; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: var(--ink); }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; }
.slide {
  --k: 1;
  --f: calc(var(--k) * min(8 * var(--u), 70 * var(--u) / (var(--lines) * 1.4),
       (100vw - 8 * var(--u)) / (var(--cols) * var(--w) + (var(--cols) - 1) * 0.8)));
  position: relative; display: flex; flex-direction: column; width: 100%;
  min-height: 100vh; padding: calc(2.4 * var(--u) * var(--k)) calc(4 * var(--u));
  border-top: calc(0.8 * var(--u)) solid var(--red);
}
body.js .slide { display: none; height: 100vh; overflow: hidden; }
body.js .slide.current { display: flex; }
.congress {
  font-size: calc(2.4 * var(--u) * var(--k)); color: var(--grey); line-height: 1.25;
}
h1 {
  font-size: calc(4.6 * var(--u) * var(--k)); line-height: 1.15; color: var(--red);
  margin: calc(0.6 * var(--u) * var(--k)) 0 calc(1.4 * var(--u) * var(--k));
}
.facts {
  display: flex; flex-wrap: wrap; gap: calc(0.8 * var(--u) * var(--k)) calc(5 * var(--u));
  margin: 0 0 calc(1.6 * var(--u) * var(--k));
}
.facts div { display: flex; flex-direction: column; }
.facts dt { font-size: calc(2.2 * var(--u) * var(--k)); color: var(--grey); line-height: 1.2; }
.facts dd {
  margin: 0; font-size: calc(4.4 * var(--u) * var(--k)); font-weight: bold; line-height: 1.15;
  font-variant-numeric: tabular-nums;
}
.facts small {
  font-size: calc(2.2 * var(--u) * var(--k)); font-weight: normal; color: var(--grey);
  margin-left: 0.6em;
}
.lists { flex: 1 1 auto; min-height: 0; font-size: var(--f); }
.names { width: min(100%, var(--cols) * (var(--w) + 4) * 1em + (var(--cols) - 1) * 0.8em); }
.names h2 {
  display: flex; justify-content: space-between; align-items: baseline; gap: 1em;
  font-size: min(0.8em, 3.4 * var(--u) * var(--k)); line-height: 1.3;
  margin: 0.25em 0 0.2em; padding-bottom: 0.1em;
  border-bottom: calc(0.25 * var(--u)) solid var(--red);
}
.names h2 .part { font-weight: normal; color: var(--grey); }
.names h2 .legend {
  font-size: 0.7em; font-weight: normal; color: var(--grey); white-space: nowrap;
}
.names ol {
  display: grid; grid-template-columns: repeat(var(--cols), minmax(0, 1fr));
  grid-template-rows: repeat(var(--n), auto); grid-auto-flow: column;
  column-gap: 0.8em; margin: 0; padding: 0; list-style: none;
}
.names li {
  display: grid; grid-template-columns: 1.7em minmax(0, 1fr) auto 3.3em; column-gap: 0.35em;
  align-items: baseline; line-height: 1.38; min-width: 0;
}
.rank { text-align: right; color: var(--grey); }
.name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.votes { text-align: right; font-weight: bold; font-variant-numeric: tabular-nums; }
.percent {
  text-align: right; font-size: 0.72em; color: var(--grey); font-variant-numeric: tabular-nums;
}
.tied h2 { color: var(--red); }
.note {
  font-size: min(0.85em, 3.6 * var(--u) * var(--k)); line-height: 1.3; margin: 0.3em 0;
}
.note.warn { color: var(--red); font-weight: bold; }
.note.info { color: var(--grey); }
.indicator {
  position: absolute; right: calc(1.6 * var(--u)); bottom: calc(0.8 * var(--u));
  font-size: calc(1.8 * var(--u)); color: var(--grey); font-variant-numeric: tabular-nums;
}
@media print {
  :root { --u: 1.9mm; }
  @page { size: A4 landscape; margin: 8mm; }
  .slide, body.js .slide {
    display: flex; min-height: 0; height: auto; overflow: visible; border-top-width: 1mm;
    --f: min(8 * var(--u), 70 * var(--u) / (var(--lines) * 1.4),
         (281mm - 8 * var(--u)) / (var(--cols) * var(--w) + (var(--cols) - 1) * 0.8));
    break-after: page;
  }
  .slide:last-child { break-after: auto; }
  .name { white-space: normal; overflow: visible; }
}
"""

SCRIPT = """\
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  if (!slides.length) { return; }
  var current = 0;
  document.body.classList.add("js");

  function overflows(slide) {
    if (slide.scrollHeight > slide.clientHeight + 1 || slide.scrollWidth > slide.clientWidth + 1) {
      return true;
    }
    var cells = slide.querySelectorAll(".name, h1, .facts, .names h2, .note");
    for (var i = 0; i < cells.length; i++) {
      if (cells[i].scrollWidth > cells[i].clientWidth + 1) { return true; }
    }
    return false;
  }

  function fit(slide) {
    var k = 1;
    slide.style.setProperty("--k", "1");
    while (k > 0.35 && overflows(slide)) {
      k -= 0.04;
      slide.style.setProperty("--k", k.toFixed(2));
    }
  }

  function show(index) {
    index = Math.max(0, Math.min(slides.length - 1, index));
    slides[current].classList.remove("current");
    current = index;
    slides[current].classList.add("current");
    fit(slides[current]);
    if (window.history && history.replaceState) {
      try { history.replaceState(null, "", "#" + slides[current].id); } catch (e) { /* file: */ }
    }
  }

  var forward = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, Spacebar: 1 };
  var back = { ArrowLeft: 1, ArrowUp: 1, PageUp: 1 };
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var key = event.key;
    if (forward[key]) { show(current + 1); }
    else if (back[key]) { show(current - 1); }
    else if (key === "Home") { show(0); }
    else if (key === "End") { show(slides.length - 1); }
    else if ((key === "f" || key === "F") && document.documentElement.requestFullscreen) {
      if (document.fullscreenElement) { document.exitFullscreen(); }
      else { document.documentElement.requestFullscreen().catch(function () {}); }
    }
    else { return; }
    event.preventDefault();
  });
  window.addEventListener("resize", function () { fit(slides[current]); });
  window.addEventListener("beforeprint", function () { document.body.classList.remove("js"); });
  window.addEventListener("afterprint", function () { document.body.classList.add("js"); });

  var start = 0;
  for (var i = 0; i < slides.length; i++) {
    if ("#" + slides[i].id === location.hash) { start = i; }
  }
  slides[0].classList.add("current");
  show(start);
})();
"""
