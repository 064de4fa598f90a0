"""The projection page for the hall: the results on a screen, one contest's round a slide.

:func:`render_screen` turns the results of a congress (a :class:`CongressRecord` from
:func:`~tally.congress.run.run_congress`), of a replayed log (a
:class:`~tally.audit.replay.Replay`) or any contest results into ONE self-contained HTML file:
inline CSS and script, no network, no web fonts. Each slide shows the contest's title, the
seats, the threshold base and the votes needed, the elected with their votes and share of the
base, the alternates, a tie at the cut-off (who, on how many votes) and the seats left open.

The pages are decided here, not in the browser: a list too long for one slide at a type of
at least :data:`SMALLEST` (in up to :data:`MOST_COLUMNS` columns) is spread evenly over several
slides of the same contest; each slide gets the columns that give the largest type, and the
style sizes the type to the slide's lines and longest name (:mod:`tally.render.screen_page`).
The script shows one slide at a time, pages with the keyboard, and shrinks a slide's type only
if a name of unusually wide letters would not fit. Without the script — printed, or script
turned off — every slide is shown in order.

>>> from tally import Ballots, Body, CongressKind, Contest, Roll, count_contest
>>> roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
>>> contest = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
>>> result = count_contest(contest, Ballots.from_arrays(contest, [[1], [1], [2]]), roll=roll,
...                        issued=3)
>>> page = render_screen(result, lang="en")
>>> page.startswith("<!DOCTYPE html>") and "Lê Văn Tám" in page and "66.67%" in page
True
>>> "http" in page.replace("http-equiv", "")
False
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape
from typing import Literal

from tally.arguments import checked
from tally.audit.replay import Replay
from tally.congress.run import CongressRecord
from tally.counting.outcome import OutcomeStatus, Tie
from tally.counting.result import ContestResult
from tally.i18n.labels import contest_title, label
from tally.i18n.messages import Lang, Words
from tally.render.screen_page import SCRIPT, STYLE

_t = Words("screen")

# The layout, in units of one hundredth of a 16:9 screen's height (``--u`` in the style), as
# the style sizes the type: the smallest of the three bounds of :func:`_type_size`.
LARGEST = 8.0
"""The largest type of the names, however few."""
SMALLEST = 3.0
"""The smallest type a list is spread over more slides to keep (about 32 px at 1080 lines)."""
MOST_COLUMNS = 3
_HEIGHT = 70.0
"""The height left for the lists under a title of one line."""
_TITLE_LINE = 5.3
"""The height of each further line of a long title."""
_TITLE_LETTERS = 68
"""The letters of a title's line, about."""
_WIDTH = 169.8
"""The width for the lists: a 16:9 screen less its margins."""
_LINE_EM = 1.4
"""The height of a line of names, in em of their type."""
_GAP_EM = 0.8
"""The gap between columns, in em."""
_LETTER_EM = 0.56
"""The widest average letter of a Vietnamese name in Arial (or Liberation Sans), in em."""
_FIXED_EM = 6.1
"""A line's width beside the name and the digits of the votes: rank, share, gaps (em)."""
_COLUMN_EM = 17.5
"""A column's width when no names are shown (em)."""


# --- what a slide shows ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    """One name on the screen: rank (empty for the tied), name, votes, share of the base."""

    rank: str
    name: str
    votes: str
    percent: str


@dataclass(frozen=True)
class _Names:
    """A list of names under a heading: the elected, the alternates, the tied."""

    kind: Literal["elected", "alternates", "tied"]
    heading: str
    lines: tuple[_Line, ...]
    total: int = 0
    """When the list is spread over slides: its length, and :attr:`first` the rank shown
    first on this slide (0: not spread)."""
    first: int = 0


@dataclass(frozen=True)
class _Note:
    """A sentence under the lists: how a tie is resolved, the seats left open."""

    kind: Literal["warn", "info"]
    text: str


_Block = _Names | _Note


@dataclass(frozen=True)
class _Contest:
    """What every slide of one round repeats: its title and its figures."""

    title: str
    facts: tuple[tuple[str, str, str], ...]
    """(label, figure, a note beside the figure)."""


@dataclass(frozen=True)
class _Slide:
    """One slide: the round's title and figures, its blocks, and how the style lays them out."""

    contest: _Contest | None
    blocks: tuple[_Block, ...]
    columns: int = 1
    lines: float = 1.0
    """The lines the type is sized for: the slide's, more when a long title takes room."""
    width: float = _COLUMN_EM
    """The width of a column of names, in em: the longest line of the slide, estimated."""


# --- the public function -----------------------------------------------------------------------


@checked
def render_screen(
    results: CongressRecord | Replay | ContestResult | Sequence[ContestResult],
    title: str | None = None,
    lang: Lang = "vi",
) -> str:
    """The projection page of ``results``: one HTML file, every round of every contest.

    ``results`` is a congress run (each contest's rounds, in order), a replayed log (every
    closed count, in the order the log opened them), one contest's result or several.
    ``title`` is the line above every slide and the page's title; by default the congress's
    name (from the spec or the log).
    """
    rounds, congress = _rounds(results)
    heading = title if title is not None else congress
    slides = [slide for result in rounds for slide in _slides(result, lang)]
    if not slides:
        slides = [_layout((_Note("info", _t("no_results", lang)),), 1)]
    return _page(slides, heading, lang)


def _rounds(
    results: CongressRecord | Replay | ContestResult | Sequence[ContestResult],
) -> tuple[list[ContestResult], str | None]:
    """The rounds to show, in order, and the congress's name when it is known."""
    if isinstance(results, CongressRecord):
        rounds = [r for contest in results.contests for r in contest.rounds]
        return rounds, results.congress.name
    if isinstance(results, Replay):
        opened = results.state.opened
        name = opened.congress.name if opened is not None and opened.congress else None
        return list(results.results().values()), name
    if isinstance(results, ContestResult):
        return [results], None
    return list(results), None


# --- from a result to its slides ---------------------------------------------------------------


def _slides(result: ContestResult, lang: Lang) -> list[_Slide]:
    """The slides of one round: its blocks spread over as few slides as fit."""
    contest = _contest(result, lang)
    title_lines = -(-len(contest.title) // _TITLE_LETTERS)
    slides = _paginate(_blocks(result, lang), title_lines)
    return [replace(slide, contest=contest) for slide in slides]


def _contest(result: ContestResult, lang: Lang) -> _Contest:
    contest, outcome = result.contest, result.outcome
    title = contest_title(contest, lang)
    facts = (
        (_t("doc.seats", lang), str(outcome.seats), ""),
        (_t("base", lang), str(outcome.base), ""),
        (_t("needed", lang), str(outcome.min_votes), _t("needed_note", lang)),
        (_t("elected_count", lang), f"{len(outcome.elected)}/{outcome.seats}", ""),
    )
    return _Contest(title, facts)


def _blocks(result: ContestResult, lang: Lang) -> list[_Block]:
    """The lists and notes of one round, in the order they are read out."""
    outcome = result.outcome
    blocks: list[_Block] = []
    if outcome.elected:
        blocks.append(_names(result, "elected", _t("elected", lang), outcome.elected, lang))
    else:
        blocks.append(_Note("warn", _t("nobody", lang)))
    blocks += _tie(result, lang)
    if outcome.status is OutcomeStatus.SHORTFALL:
        text = _t("open_seats", lang, open=outcome.open_seats, seats=outcome.seats)
        blocks.append(_Note("warn", text))
    if outcome.alternates:
        heading = _t("alternates", lang)
        blocks.append(_names(result, "alternates", heading, outcome.alternates, lang))
    blocks += _alternate_tie(result, lang)
    return blocks


def _names(
    result: ContestResult,
    kind: Literal["elected", "alternates", "tied"],
    heading: str,
    names: Sequence[str],
    lang: Lang,
) -> _Names:
    votes = {s.name: s.votes for s in result.outcome.standings}
    base = result.outcome.base
    lines = tuple(
        _Line(
            "" if kind == "tied" else f"{rank}.",
            name,
            str(votes[name]),
            result.rules.percent.format(votes[name], base, lang) + "%",
        )
        for rank, name in enumerate(names, start=1)
    )
    return _Names(kind, heading, lines)


def _tie(result: ContestResult, lang: Lang) -> list[_Block]:
    """A tie at the cut-off of the seats: open, the tied and how it is to be resolved;
    resolved, one sentence naming them and the winners."""
    outcome = result.outcome
    tie, resolution = outcome.tie, outcome.tie_resolution
    if tie is None:
        return []
    if resolution is not None:
        return [_resolved(tie, resolution.winners, lang)]
    policy = label(result.rules.tie.policy, lang)
    return [
        _names(result, "tied", _tied_heading("tie", tie, lang), tie.candidates, lang),
        _Note("warn", _t("tie_open", lang, stake=tie.seats_at_stake, policy=policy)),
    ]


def _alternate_tie(result: ContestResult, lang: Lang) -> list[_Block]:
    outcome = result.outcome
    tie, resolution = outcome.alternate_tie, outcome.alternate_resolution
    if tie is None:
        return []
    if resolution is not None:
        return [_resolved(tie, resolution.winners, lang)]
    heading = _tied_heading("alternate_tie", tie, lang)
    return [
        _names(result, "tied", heading, tie.candidates, lang),
        _Note("warn", _t("alternate_tie_open", lang)),
    ]


def _tied_heading(key: str, tie: Tie, lang: Lang) -> str:
    return _t(key, lang, n=len(tie.candidates), votes=tie.votes, stake=tie.seats_at_stake)


def _resolved(tie: Tie, winners: Sequence[str], lang: Lang) -> _Note:
    return _Note(
        "info",
        _t(
            "tie_resolved",
            lang,
            n=len(tie.candidates),
            votes=tie.votes,
            names=", ".join(tie.candidates),
            winners=", ".join(winners),
        ),
    )


# --- spreading the blocks over slides ----------------------------------------------------------


def _cost(block: _Block, columns: int) -> float:
    """The lines ``block`` takes with ``columns`` columns of names (a heading: a little more
    than a line; a note: a line per hundred letters)."""
    if isinstance(block, _Note):
        return 1.0 + len(block.text) // 100
    return 1.1 + -(-len(block.lines) // columns)


def _width(blocks: Sequence[_Block]) -> float:
    """The width of a column of names, in em, from the longest name and votes shown."""
    shown = [line for b in blocks if isinstance(b, _Names) for line in b.lines]
    if not shown:
        return _COLUMN_EM
    letters = max(len(line.name) for line in shown) + max(len(line.votes) for line in shown)
    return round(_FIXED_EM + _LETTER_EM * letters, 1)


def _type_size(blocks: Sequence[_Block], columns: int, title_lines: int) -> float:
    """The type of the names (in ``u``) with ``columns`` columns, as the style computes it."""
    lines = sum(_cost(b, columns) for b in blocks)
    height = _HEIGHT - _TITLE_LINE * (title_lines - 1)
    across = columns * _width(blocks) + (columns - 1) * _GAP_EM
    return min(LARGEST, height / (lines * _LINE_EM), _WIDTH / across)


def _best_columns(blocks: Sequence[_Block], title_lines: int) -> tuple[int, float]:
    """The columns giving the largest type (the fewer on a tie), and that type."""
    sizes = {c: _type_size(blocks, c, title_lines) for c in range(1, MOST_COLUMNS + 1)}
    columns = max(sizes, key=lambda c: (sizes[c], -c))
    return columns, sizes[columns]


def _layout(blocks: tuple[_Block, ...], title_lines: int) -> _Slide:
    columns, _ = _best_columns(blocks, title_lines)
    lines = sum(_cost(b, columns) for b in blocks)
    height = _HEIGHT - _TITLE_LINE * (title_lines - 1)
    effective = round(lines * _HEIGHT / height, 2)
    return _Slide(None, blocks, columns, effective, _width(blocks))


def _split(block: _Block, title_lines: int) -> list[_Block]:
    """A list too long for the type of :data:`SMALLEST` on one slide, cut into the fewest
    even parts that keep it; anything else whole."""
    if isinstance(block, _Note):
        return [block]
    n = len(block.lines)
    parts = 1
    while parts < n:
        size = -(-n // parts)
        if _best_columns([replace(block, lines=block.lines[:size])], title_lines)[1] >= SMALLEST:
            break
        parts += 1
    if parts == 1:
        return [block]
    size = -(-n // parts)
    return [
        replace(block, lines=block.lines[start : start + size], total=n, first=start + 1)
        for start in range(0, n, size)
    ]


def _paginate(blocks: list[_Block], title_lines: int) -> list[_Slide]:
    """The blocks on as few slides as keep the type at least :data:`SMALLEST`, in order: a
    long list cut into even parts (each under its heading), and a block that would make the
    type smaller starting a new slide."""
    slides: list[list[_Block]] = []
    for block in blocks:
        for part in _split(block, title_lines):
            if slides and _best_columns([*slides[-1], part], title_lines)[1] >= SMALLEST:
                slides[-1].append(part)
            else:
                slides.append([part])
    return [_layout(tuple(chosen), title_lines) for chosen in slides]


# --- HTML --------------------------------------------------------------------------------------


def _page(slides: list[_Slide], title: str | None, lang: Lang) -> str:
    head_title = escape(title or _t("page_title", lang))
    body = "\n".join(
        _slide_html(slide, number, len(slides), title, lang)
        for number, slide in enumerate(slides, start=1)
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{head_title}</title>\n<style>\n{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n"
        f"<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _slide_html(slide: _Slide, number: int, total: int, title: str | None, lang: Lang) -> str:
    parts = [
        f'<section class="slide" id="s{number}" '
        f'style="--lines: {slide.lines}; --cols: {slide.columns}; --w: {slide.width}">'
    ]
    if title:
        parts.append(f'<header class="congress">{escape(title)}</header>')
    contest = slide.contest
    if contest is not None:
        parts.append(f"<h1>{escape(contest.title)}</h1>")
        parts.append('<dl class="facts">')
        for name, figure, note in contest.facts:
            small = f"<small>{escape(note)}</small>" if note else ""
            parts.append(f"<div><dt>{escape(name)}</dt><dd>{escape(figure)}{small}</dd></div>")
        parts.append("</dl>")
    parts.append('<div class="lists">')
    parts += [_block_html(block, slide.columns, lang) for block in slide.blocks]
    parts.append("</div>")
    keys = escape(_t("keys", lang))
    parts.append(f'<footer class="indicator" title="{keys}">{number}/{total}</footer>')
    parts.append("</section>")
    return "\n".join(parts)


def _block_html(block: _Block, columns: int, lang: Lang) -> str:
    if isinstance(block, _Note):
        return f'<p class="note {block.kind}">{escape(block.text)}</p>'
    heading = escape(block.heading)
    if block.total:
        last = block.first + len(block.lines) - 1
        part = _t("part", lang, first=block.first, last=last, total=block.total)
        heading += f' <span class="part">({escape(part)})</span>'
    rows = -(-len(block.lines) // columns)
    items = "\n".join(
        f'<li><span class="rank">{escape(line.rank)}</span>'
        f'<span class="name">{escape(line.name)}</span>'
        f'<span class="votes">{escape(line.votes)}</span>'
        f'<span class="percent">{escape(line.percent)}</span></li>'
        for line in block.lines
    )
    return (
        f'<div class="names {block.kind}">\n'
        f'<h2><span>{heading}</span><span class="legend">{escape(_t("legend", lang))}</span></h2>\n'
        f'<ol style="--n: {rows}">\n{items}\n</ol>\n</div>'
    )
