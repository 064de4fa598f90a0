"""Golden files: the example congress's minutes and JSON result, byte for byte.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 make pytest`` and review the diff.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tally.congress.plan import Congress
from tally.counting.result import ContestResult
from tally.i18n.messages import Lang
from tally.io.ballots_csv import read_ballots_csv
from tally.io.spec import load_congress
from tally.render.document import Format
from tally.render.html import render_html
from tally.render.minutes import minutes_document, render_minutes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "delegate_congress"


def _example() -> tuple[Congress, ContestResult]:
    congress = load_congress(EXAMPLE / "congress.toml")
    plan = congress.plan("bch")
    ballots = read_ballots_csv(plan.contest, EXAMPLE / "ballots_bch.csv")
    return congress, congress.count("bch", ballots)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("fmt", "suffix"), [("text", "txt"), ("markdown", "md")])
def test_example_minutes_match_golden(
    lang: Lang, fmt: Format, suffix: str, golden: Callable[[str, str], None]
) -> None:
    congress, result = _example()
    golden(f"delegate_congress_bch.{lang}.{suffix}", render_minutes(result, congress, lang, fmt))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_example_minutes_html_match_golden(lang: Lang, golden: Callable[[str, str], None]) -> None:
    congress, result = _example()
    golden(
        f"delegate_congress_bch.{lang}.html",
        render_html([minutes_document(result, congress, lang)]),
    )


def test_example_json_matches_golden(golden: Callable[[str, str], None]) -> None:
    _, result = _example()
    golden("delegate_congress_bch.json", result.to_json() + "\n")


def test_example_result_figures() -> None:
    """The figures a board would check by hand on the example."""
    _, result = _example()
    count, outcome = result.count, result.outcome
    assert (result.issued, count.collected, count.valid, count.invalid) == (194, 194, 189, 5)
    assert outcome.base == 196 and outcome.min_votes == 99
    assert len(outcome.elected) == 33 and outcome.open_seats == 0
    not_elected = {s.name for s in outcome.standings if not s.elected}
    assert not_elected == {"Hồ Văn Đông", "Nguyễn Hữu Khang", "Phạm Văn Long", "Phạm Thị Thảo"}
    assert {r.value: n for r, n in count.invalid_by_reason.items() if n} == {
        "over_seats": 2,
        "no_vote": 1,
        "write_in": 1,
        "identifying_mark": 1,
    }
