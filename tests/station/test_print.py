"""What the station prints (``/print/…``) through Starlette's test client: the minutes once the
count is closed and the entry log at any time, in HTML, PDF, Word and text, as ``tally replay``
prints them from the station's log; refusals in the board's words; the access token."""

from __future__ import annotations

import io
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # starlette asks for httpx2, not yet released everywhere
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from tally.audit.replay import replay
from tally.cli.main import EXIT_NEEDS_DECISION, EXIT_OK, main
from tally.i18n.messages import text
from tally.io.spec import load_congress
from tally.station.app import print_formats, station_app
from tally.station.desk import Desk

ROOT = Path(__file__).resolve().parents[2]
DELEGATE = load_congress(ROOT / "examples" / "delegate_congress" / "congress.toml")
NAMES = DELEGATE.plan("bch").contest.names
ELECTED = NAMES[:33]  # every ballot strikes the last four: the first 33 have every vote
BALLOTS = 120  # more than half of the 196 the result is based on

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEDIA = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": DOCX,
    "txt": "text/plain; charset=utf-8",
}


def _entered(log: Path) -> Desk:
    desk = Desk.open(log, DELEGATE, "bch", station="A", durable=False)
    desk.open_stack(BALLOTS)
    for _ in range(BALLOTS):
        desk.record({"struck": [34, 35, 36, 37]})
    return desk


@pytest.fixture
def counting(tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    """A station with every ballot entered, the count not closed yet."""
    log = tmp_path / "a.jsonl"
    desk = _entered(log)
    with TestClient(station_app(desk)) as client:
        yield client, log
    desk.session.close()


@pytest.fixture
def closed(counting: tuple[TestClient, Path]) -> tuple[TestClient, Path]:
    client, log = counting
    answer = client.post("/api/close", json={"issued": 194, "collected": BALLOTS})
    assert answer.status_code == 200 and answer.json()["elected"]
    return client, log


def _words(document: bytes, fmt: str) -> str:
    """The text of a printed document, whatever its format."""
    if fmt == "pdf":
        pypdf = pytest.importorskip("pypdf")
        pages = pypdf.PdfReader(io.BytesIO(document)).pages
        return "\n".join(page.extract_text() for page in pages)
    if fmt == "docx":
        docx = pytest.importorskip("docx")
        opened = docx.Document(io.BytesIO(document))
        cells = [c.text for t in opened.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in opened.paragraphs] + cells)
    return document.decode("utf-8")


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx", "txt"])
def test_once_closed_the_minutes_print_in_every_format_naming_the_elected(
    closed: tuple[TestClient, Path], fmt: str
) -> None:
    if fmt in ("pdf", "docx"):
        pytest.importorskip("weasyprint" if fmt == "pdf" else "docx")
    client, log = closed
    answer = client.get(f"/print/minutes.{fmt}")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == MEDIA[fmt]
    disposition = f'inline; filename="bien-ban-kiem-phieu-bch.{fmt}"'
    assert answer.headers["content-disposition"] == disposition
    if fmt == "pdf":
        assert answer.content.startswith(b"%PDF")
    words = _words(answer.content, fmt)
    assert "BIÊN BẢN KIỂM PHIẾU" in words and "T/M BAN KIỂM PHIẾU" in words
    assert all(name in words for name in ELECTED)
    assert "Đinh Thị Thu Hà" in words  # the board's head, from the spec through the log
    # bound to the station's log: its fingerprint, up to the close, at the foot
    assert replay(log).fingerprint("bch").grouped() in " ".join(words.split())


def test_the_minutes_are_those_tally_replay_prints_from_the_log(
    closed: tuple[TestClient, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    client, log = closed
    printed = client.get("/print/minutes.txt").text
    assert main(["replay", str(log)]) == EXIT_OK
    assert printed == capsys.readouterr().out
    elected = printed.split("VI. NGƯỜI TRÚNG CỬ")[1].split("VII. ")[0]
    assert all(name in elected for name in ELECTED)
    assert not any(name in elected for name in NAMES[33:])


def test_the_entry_log_prints_at_any_time_and_the_minutes_only_once_closed(
    counting: tuple[TestClient, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    client, log = counting
    refused = client.get("/print/minutes.pdf")
    assert refused.status_code == 409
    assert refused.text.strip() == text("station.minutes_not_closed", "vi")
    assert refused.headers["content-type"] == "text/plain; charset=utf-8"
    entries = client.get("/print/entry-log.txt")
    assert entries.status_code == 200
    name = 'inline; filename="nhat-ky-nhap-phieu-bch.txt"'
    assert entries.headers["content-disposition"] == name
    assert "NHẬT KÝ NHẬP PHIẾU" in entries.text and f"S01-{BALLOTS:03d}" in entries.text
    assert main(["replay", "--entries", str(log)]) == EXIT_NEEDS_DECISION  # the count is open
    assert entries.text == capsys.readouterr().out
    html = client.get("/print/entry-log.html")
    assert html.status_code == 200 and "S01-001" in html.text


def test_in_english_the_refusal_is_english(tmp_path: Path) -> None:
    desk = _entered(tmp_path / "a.jsonl")
    with TestClient(station_app(desk, lang="en")) as client:
        refused = client.get("/print/minutes.html")
        assert refused.status_code == 409
        assert "The count is not closed" in refused.text
        assert "BALLOT-ENTRY LOG" in client.get("/print/entry-log.txt").text
    desk.session.close()


@pytest.mark.parametrize(
    "path",
    ["/print/minutes.odt", "/print/ballots.pdf", "/print/minutes", "/print/minutes.PDF"],
)
def test_an_unknown_document_or_format_is_not_found(
    closed: tuple[TestClient, Path], path: str
) -> None:
    client, _ = closed
    assert client.get(path).status_code == 404


def test_without_the_documents_extra_pdf_and_word_name_it(
    closed: tuple[TestClient, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, _ = closed
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    monkeypatch.setitem(sys.modules, "docx", None)
    for fmt in ("pdf", "docx"):
        answer = client.get(f"/print/minutes.{fmt}")
        assert answer.status_code == 501
        assert "pip install 'tally[documents]'" in answer.text
    assert client.get("/print/minutes.html").status_code == 200
    print_formats.cache_clear()
    try:
        assert client.get("/api/status").json()["print"] == ["html", "txt"]
    finally:
        print_formats.cache_clear()


def test_the_status_says_which_formats_print(closed: tuple[TestClient, Path]) -> None:
    pytest.importorskip("weasyprint")
    pytest.importorskip("docx")
    client, _ = closed
    assert client.get("/api/status").json()["print"] == ["pdf", "docx", "html", "txt"]


def test_printing_needs_the_access_token_too(tmp_path: Path) -> None:
    desk = _entered(tmp_path / "a.jsonl")
    with TestClient(station_app(desk, token="s3cret")) as client:
        assert client.get("/print/entry-log.html").status_code == 401
        bearer = {"Authorization": "Bearer nope"}
        assert client.get("/print/entry-log.html", headers=bearer).status_code == 401
        once = client.get("/print/entry-log.html?token=s3cret", follow_redirects=False)
        assert once.status_code == 303
        assert once.headers["location"].endswith("/print/entry-log.html")
        assert client.get("/print/entry-log.html").status_code == 200  # the cookie it set
    desk.session.close()
