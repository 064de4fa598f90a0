"""The projection page (render/screen.py): what each slide says, how lists are spread over
slides, that the page is one file needing nothing else, and its golden files.

Regenerate the golden files after an intended change with ``UPDATE_GOLDEN=1`` and review the
diff. How the page looks in a real browser is tested in ``tests/browser``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tally import TallyError, TieDecision
from tally.audit.congress_log import record_congress
from tally.audit.replay import replay
from tally.congress.run import CongressRecord, run_congress
from tally.counting.result import ContestResult
from tally.i18n.messages import Lang
from tally.io.ballot_files import BallotFiles
from tally.io.spec import load_congress
from tally.render import screen
from tally.render.screen import render_screen
from tests.render import screen_cases as cases

ROOT = Path(__file__).resolve().parents[2]
DISTRICT = ROOT / "examples" / "district_congress" / "congress.toml"
DELEGATE = ROOT / "examples" / "delegate_congress" / "congress.toml"


def run(spec: Path) -> tuple[CongressRecord, BallotFiles]:
    congress = load_congress(spec)
    files = BallotFiles(congress, spec.parent, None, congress.contests[0].contest.id)
    return run_congress(congress, files), files


class Slide:
    """What one slide shows, read back from the HTML."""

    def __init__(self, style: str) -> None:
        self.style = style
        self.header = ""
        self.title = ""
        self.facts: dict[str, str] = {}
        self.lists: list[tuple[str, list[tuple[str, str, str, str]]]] = []
        self.notes: list[str] = []
        self.indicator = ""

    @property
    def names(self) -> list[str]:
        return [row[1] for _, rows in self.lists for row in rows]

    def layout(self) -> dict[str, float]:
        return {k: float(v) for k, v in re.findall(r"--(\w+): ([\d.]+)", self.style)}


class _Reader(HTMLParser):
    """The slides of a page: titles, figures, lists and notes, as text."""

    VOID = frozenset({"meta", "br", "link", "img", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.slides: list[Slide] = []
        self.open: list[tuple[str, str, list[str]]] = []
        """Each open element: tag, class, the text inside it so far."""
        self.row: list[str] = []
        self.term = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        found = dict(attrs)
        if tag == "section":
            self.slides.append(Slide(found.get("style") or ""))
        elif tag == "li":
            self.row = []
        self.open.append((tag, found.get("class") or "", []))

    def handle_data(self, data: str) -> None:
        for _, _, text in self.open:
            text.append(data)

    def handle_endtag(self, tag: str) -> None:
        opened, cls, parts = self.open.pop()
        assert opened == tag, (opened, tag)
        text = " ".join("".join(parts).split())
        if not self.slides or tag in {"style", "script", "title"}:
            return
        slide = self.slides[-1]
        if tag == "header":
            slide.header = text
        elif tag == "h1":
            slide.title = text
        elif tag == "dt":
            self.term = text
        elif tag == "dd":
            slide.facts[self.term] = text
        elif tag == "span" and cls in {"rank", "name", "votes", "percent"}:
            self.row.append(text)
        elif tag == "li":
            slide.lists[-1][1].append((self.row[0], self.row[1], self.row[2], self.row[3]))
        elif tag == "span" and not cls and self.open[-1][0] == "h2":
            slide.lists.append((text, []))
        elif tag == "p":
            slide.notes.append(text)
        elif tag == "footer":
            slide.indicator = text


def slides_of(page: str) -> list[Slide]:
    reader = _Reader()
    reader.feed(page)
    return reader.slides


# --- what the slides say -----------------------------------------------------------------------


def test_every_round_of_the_district_congress_is_shown_with_its_figures() -> None:
    record, _ = run(DISTRICT)
    slides = slides_of(render_screen(record))
    rounds = [(c, r) for c in record.contests for r in c.rounds]
    assert [s.title for s in slides] == [
        "Bầu Ban Chấp hành Đảng bộ huyện khóa XXV, nhiệm kỳ 2020–2025",
        "Bầu Ban Chấp hành Đảng bộ huyện khóa XXV, nhiệm kỳ 2020–2025",
        "Bầu Ban Chấp hành Đảng bộ huyện khóa XXV, nhiệm kỳ 2020–2025 — vòng 2",
        "Bầu trực tiếp Bí thư Huyện ủy tại Đại hội",
        "Bầu đại biểu dự Đại hội Đảng bộ tỉnh lần thứ XVII",
    ]
    assert len(rounds) == 4
    assert all(s.header == record.congress.name for s in slides)
    assert [s.indicator for s in slides] == [f"{i}/5" for i in range(1, 6)]
    first = slides[0]
    assert first.facts == {
        "Số lượng bầu": "41",
        "Căn cứ tính kết quả": "245",
        "Số phiếu cần để trúng cử": "123quá một nửa căn cứ",
        "Số người trúng cử": "40/41",
    }
    bch = record.contests[0].rounds[0]
    votes = {s.name: s.votes for s in bch.outcome.standings}
    heading, rows = first.lists[0]
    assert heading == "Người trúng cử, xếp theo số phiếu"
    assert rows == [
        (f"{i}.", name, str(votes[name]), bch.rules.percent.format(votes[name], 245) + "%")
        for i, name in enumerate(bch.outcome.elected, start=1)
    ]
    assert rows[0] == ("1.", "Hoàng Xuân Dũng", "231", "94,29%")
    # The tie at the cut-off: who, on how many votes, and what happens next.
    tie = slides[1]
    assert tie.lists == [
        (
            "Bằng phiếu ở vị trí cuối cùng: 2 người cùng được 140 phiếu cho 1 chỉ tiêu còn lại",
            [("", "Dương Quang Hải", "140", "57,14%"), ("", "Đinh Minh Thảo", "140", "57,14%")],
        )
    ]
    assert tie.notes == [
        "Chưa xác định người trúng cử cho 1 chỉ tiêu này. Cách giải quyết: bầu lại giữa những "
        "người bằng phiếu."
    ]
    assert slides[2].facts["Số lượng bầu"] == "1" and slides[2].names == ["Dương Quang Hải"]
    delegates = slides[4]
    assert [heading for heading, _ in delegates.lists] == [
        "Người trúng cử, xếp theo số phiếu",
        "Đại biểu dự khuyết, xếp theo số phiếu",
    ]
    assert delegates.lists[1][1] == [
        ("1.", "Đinh Minh Lan", "139", "56,73%"),
        ("2.", "Nguyễn Ngọc Nga", "135", "55,10%"),
        ("3.", "Đinh Minh Thảo", "131", "53,47%"),
    ]


def test_no_slide_shows_a_contest_id() -> None:
    record, _ = run(DISTRICT)
    for slide in slides_of(render_screen(record)):
        assert not {"bch", "bt", "dbdh"} & set(re.findall(r"\w+", slide.title.lower()))
    untitled = slides_of(render_screen(cases.tie()))[0]
    assert untitled.title == "Bầu Ban Thường vụ" and untitled.header == ""
    assert slides_of(render_screen(cases.tie(), lang="en"))[0].title == (
        "Election of the standing committee"
    )


def test_english_words_and_numbers() -> None:
    record, _ = run(DISTRICT)
    page = render_screen(record, lang="en")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    first = slides_of(page)[0]
    assert list(first.facts) == ["Seats", "Threshold base", "Votes needed", "Elected"]
    assert first.lists[0][0] == "Elected, by votes"
    assert first.lists[0][1][0] == ("1.", "Hoàng Xuân Dũng", "231", "94.29%")
    assert "Tied at the cut-off: 2 candidates on 140 votes for 1 seat(s) left" in page
    assert "Alternate delegates, by votes" in page
    vi = render_screen(record)
    assert "Seats" not in vi and "Elected" not in vi


@pytest.mark.parametrize(
    ("result", "said"),
    [
        (cases.shortfall, ["Còn thiếu 3 trong 5 chỉ tiêu."]),
        (cases.nobody, ["Không có người nào trúng cử.", "Còn thiếu 1 trong 1 chỉ tiêu."]),
        (cases.alternates, ["Thứ tự dự khuyết của những người này do đại hội quyết định."]),
    ],
)
def test_open_seats_and_ties_are_said(result: Callable[[], ContestResult], said: list[str]) -> None:
    (slide,) = slides_of(render_screen(result()))
    assert slide.notes == said


def test_a_tie_among_the_alternates_names_the_tied() -> None:
    (slide,) = slides_of(render_screen(cases.alternates(), lang="en"))
    headings = [heading for heading, _ in slide.lists]
    assert headings == [
        "Elected, by votes",
        "Alternate delegates, by votes",
        "Tied at the alternates' cut-off: 2 candidates on 60 votes for 1 place(s) left",
    ]
    assert [row[1:3] for row in slide.lists[2][1]] == [
        ("Lê Thị Phương Hưng", "60"),
        ("Nguyễn Thị Phương Thảo", "60"),
    ]


def test_a_resolved_tie_is_one_sentence() -> None:
    tied = cases.tie().outcome.tie
    assert tied is not None
    decision = TieDecision(winners=(tied.candidates[1],), note="bầu lại")
    (slide,) = slides_of(render_screen(cases.tie(decision)))
    assert slide.notes == [
        f"Có 2 người bằng phiếu (60 phiếu) ở vị trí cuối cùng: {', '.join(tied.candidates)}. "
        f"Đã giải quyết: {tied.candidates[1]}."
    ]
    assert slide.names[-1] == tied.candidates[1] and len(slide.lists) == 1


# --- the title, the sources --------------------------------------------------------------------


def test_the_page_from_the_log_is_the_page_from_the_spec(tmp_path: Path) -> None:
    record, files = run(DISTRICT)
    log = tmp_path / "district.jsonl"
    record_congress(record, files.loaded, log)
    assert render_screen(replay(log)) == render_screen(record)
    assert render_screen(replay(log), lang="en") == render_screen(record, lang="en")


def test_title_and_page_title() -> None:
    record, _ = run(DELEGATE)
    page = render_screen(record, title='Đại hội <thử> & "nghiệm"')
    assert "<title>Đại hội &lt;thử&gt; &amp; &quot;nghiệm&quot;</title>" in page
    assert slides_of(page)[0].header == 'Đại hội <thử> & "nghiệm"'
    plain = render_screen([cases.tie(), cases.shortfall()], lang="en")
    assert "<title>Election results</title>" in plain and "<header" not in plain


def test_nothing_counted_yet_is_one_slide() -> None:
    (slide,) = slides_of(render_screen([], title="Đại hội"))
    assert slide.notes == ["Chưa có kết quả kiểm phiếu."] and slide.indicator == "1/1"


def test_a_wrong_argument_is_a_tally_error() -> None:
    with pytest.raises(TallyError, match="render_screen"):
        render_screen("bch")  # type: ignore[arg-type]
    with pytest.raises(TallyError, match="lang"):
        render_screen(cases.tie(), lang="fr")  # type: ignore[arg-type]


def test_the_page_needs_nothing_else() -> None:
    """One file: no link, script or style from elsewhere, no font to fetch."""
    record, _ = run(DISTRICT)
    page = render_screen(record)
    for outside in ("http:", "https:", "//", "src=", "href=", "@import", "url(", "@font-face"):
        assert outside not in page.replace("<!DOCTYPE", ""), outside
    assert page.count("<style>") == 1 and page.count("<script>") == 1
    assert 'font-family: Arial, "Liberation Sans", Helvetica, sans-serif' in page


# --- lists spread over slides -------------------------------------------------------------------


def _type(slide: Slide) -> float:
    """The type of the names in hundredths of a 16:9 screen's height, as the style computes
    it from the slide's lines, columns and column width (at the script's ``--k`` of 1)."""
    got = slide.layout()
    across = got["cols"] * got["w"] + (got["cols"] - 1) * 0.8
    return min(8.0, 70 / (got["lines"] * 1.4), 169.8 / across)


def test_sixty_names_are_two_slides_of_thirty() -> None:
    result = cases.elected(60)
    slides = slides_of(render_screen(result))
    assert len(slides) == 2
    assert [s.lists[0][0] for s in slides] == [
        "Người trúng cử, xếp theo số phiếu (1–30 trong 60)",
        "Người trúng cử, xếp theo số phiếu (31–60 trong 60)",
    ]
    ranks = [row[0] for s in slides for _, rows in s.lists for row in rows]
    assert ranks == [f"{i}." for i in range(1, 61)]
    assert [n for s in slides for n in s.names] == list(result.outcome.elected)
    assert all(s.facts["Số người trúng cử"] == "60/60" for s in slides)


@pytest.mark.parametrize("long_name", [False, True])
def test_every_list_up_to_sixty_keeps_large_type_on_few_slides(long_name: bool) -> None:
    """Every name once, in order; the type at least screen.SMALLEST; and no more slides than
    the type needs: the same names on one slide fewer would be smaller than SMALLEST."""
    for n in range(1, 61):
        result = cases.elected(n, long_name=long_name and n > 1)
        slides = slides_of(render_screen(result))
        assert [name for s in slides for name in s.names] == list(result.outcome.elected), n
        assert all(_type(s) >= screen.SMALLEST for s in slides), n
        assert len(slides) <= 3, n
        if len(slides) > 1:
            size = -(-n // (len(slides) - 1))
            first = result.outcome.elected[:size]
            votes = {s.name: s.votes for s in result.outcome.standings}
            letters = max(len(name) for name in first) + max(len(str(votes[m])) for m in first)
            width = 6.1 + 0.56 * letters
            best = max(
                min(8.0, 70 / ((1.1 + -(-size // c)) * 1.4), 169.8 / (c * width + (c - 1) * 0.8))
                for c in (1, 2, 3)
            )
            assert best < screen.SMALLEST, n


def test_few_names_get_large_type_in_one_column() -> None:
    (slide,) = slides_of(render_screen(cases.nobody()))
    record, _ = run(DISTRICT)
    secretary = slides_of(render_screen(record))[3]
    assert secretary.layout()["cols"] == 1 and _type(secretary) == 8.0
    assert slide.layout()["cols"] == 1


# --- golden files ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_delegate_congress_matches_golden(lang: Lang, golden: Callable[[str, str], None]) -> None:
    record, _ = run(DELEGATE)
    golden(f"screen_delegate_congress.{lang}.html", render_screen(record, lang=lang))


def test_ties_and_open_seats_match_golden(golden: Callable[[str, str], None]) -> None:
    page = render_screen(
        [cases.tie(), cases.shortfall(), cases.alternates(), cases.nobody()],
        title="Đại hội Đảng bộ xã thử",
    )
    golden("screen_ties_and_open_seats.vi.html", page)
