"""The roll-up's two charts, as PNG images (matplotlib, the ``rollup`` extra): where the
congresses stand, by level; and the share of women, ethnic minorities, members under 40 and
re-elected members in each kind of elected body. Each chart is drawn from the roll-up's own
rows, so it shows the figures of the tables beside it.

>>> progress = [{"level": "commune", "reported": True, "contests": 3, "complete": 3},
...             {"level": "commune", "reported": False, "contests": 0, "complete": 0}]
>>> progress_counts(progress)
{'commune': {'complete': 1, 'open': 0, 'not_reported': 1}}
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from enum import Enum
from typing import Any

from tally.extras import need
from tally.i18n.labels import label
from tally.i18n.messages import Lang, Words
from tally.model.bodies import Body, Level
from tally.rollup.tables import Row

_t = Words("rollup")

STANDINGS = ("complete", "open", "not_reported")
"""How a congress stands in the progress chart: every contest complete, some still open
(waiting for ballots or a decision), or not reported yet."""

SHARES = ("women", "minorities", "under_40", "reelected")
"""The composition chart's shares of the elected (of each body's members)."""


def progress_counts(progress: Iterable[Row]) -> dict[str, dict[str, int]]:
    """Congresses by level (``""`` when unknown) and by standing (:data:`STANDINGS`)."""
    counts: dict[str, dict[str, int]] = {}
    for row in progress:
        level = counts.setdefault(str(row.get("level") or ""), dict.fromkeys(STANDINGS, 0))
        if not row["reported"]:
            level["not_reported"] += 1
        elif row["complete"] == row["contests"]:
            level["complete"] += 1
        else:
            level["open"] += 1
    return counts


def composition_shares(composition: Iterable[Row]) -> dict[str, dict[str, tuple[int, int]]]:
    """For each body, each share of :data:`SHARES` as (count, members), summed over the
    congresses."""
    sums: dict[str, dict[str, tuple[int, int]]] = {}
    for row in composition:
        body = sums.setdefault(str(row["body"]), dict.fromkeys(SHARES, (0, 0)))
        for share in SHARES:
            count, size = body[share]
            body[share] = (count + int(row[share]), size + int(row["size"]))
    return sums


def code_words(kind: type[Enum], code: object, lang: Lang = "vi") -> str:
    """What a board calls the code ``code`` of ``kind`` (``commune`` → ``cấp xã``); an
    unknown or empty code as it is, or "unknown".

    >>> code_words(Body, "executive_committee"), code_words(Level, "", "en")
    ('Ban Chấp hành', 'unknown')
    """
    if code in (None, ""):
        return _t("unknown", lang)
    try:
        words = label(kind(code), lang)
    except ValueError:
        return str(code)
    return words[:1].upper() + words[1:]


def _pyplot() -> Any:
    matplotlib = need("matplotlib", "rollup")
    matplotlib.use("Agg")
    return need("matplotlib.pyplot", "rollup")


def progress_chart(progress: Iterable[Row], lang: Lang = "vi") -> bytes:
    """A horizontal stacked bar per level: congresses complete, open, not reported (PNG)."""
    plt = _pyplot()
    counts = progress_counts(progress)
    levels = sorted(counts)
    figure, axes = plt.subplots(figsize=(8, 1.2 + 0.5 * max(1, len(levels))), dpi=110)
    left = [0] * len(levels)
    colours = {"complete": "#2e7d32", "open": "#f9a825", "not_reported": "#9e9e9e"}
    names = [code_words(Level, level, lang) for level in levels]
    for standing in STANDINGS:
        values = [counts[level][standing] for level in levels]
        axes.barh(names, values, left=left, color=colours[standing], label=_t(standing, lang))
        for i, value in enumerate(values):
            if value:
                axes.text(left[i] + value / 2, i, str(value), ha="center", va="center", fontsize=8)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_title(_t("chart_progress", lang))
    axes.set_xlabel(_t("congresses", lang))
    axes.xaxis.set_major_locator(need("matplotlib.ticker", "rollup").MaxNLocator(integer=True))
    axes.legend(loc="lower right", fontsize=8)
    return _png(plt, figure)


def composition_chart(composition: Iterable[Row], lang: Lang = "vi") -> bytes:
    """Grouped bars: each body's share of women, minorities, under 40, re-elected (PNG)."""
    plt = _pyplot()
    sums = composition_shares(composition)
    bodies = list(sums)
    figure, axes = plt.subplots(figsize=(8, 4), dpi=110)
    width = 0.8 / len(SHARES)
    for k, share in enumerate(SHARES):
        values = [100 * c / s if s else 0.0 for c, s in (sums[b][share] for b in bodies)]
        positions = [i + k * width for i in range(len(bodies))]
        axes.bar(positions, values, width=width, label=_t(f"rollup.col.{share}", lang))
    axes.set_xticks([i + 0.4 - width / 2 for i in range(len(bodies))])
    axes.set_xticklabels([code_words(Body, b, lang) for b in bodies], fontsize=8, rotation=15)
    axes.set_ylabel("%")
    axes.set_ylim(0, 100)
    axes.set_title(_t("chart_composition", lang))
    axes.legend(fontsize=8)
    return _png(plt, figure)


def _png(plt: Any, figure: Any) -> bytes:
    sink = io.BytesIO()
    figure.tight_layout()
    figure.savefig(sink, format="png")
    plt.close(figure)
    return sink.getvalue()
