"""The station's JSON steps through Starlette's test client: every step, every refusal (422,
the board's words, nothing written), resuming, and the access token."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # starlette asks for httpx2, not yet released everywhere
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from tally.audit.replay import verify
from tally.io.spec import load_congress
from tally.station.app import station_app
from tally.station.desk import Desk

ROOT = Path(__file__).resolve().parents[2]
DELEGATE = load_congress(ROOT / "examples" / "delegate_congress" / "congress.toml")


@pytest.fixture
def station(tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    log = tmp_path / "a.jsonl"
    desk = Desk.open(log, DELEGATE, "bch", station="A")
    with TestClient(station_app(desk)) as client:
        yield client, log
    desk.session.close()


def test_a_stack_entered_and_the_count_closed(station: tuple[TestClient, Path]) -> None:
    client, log = station
    status = client.get("/api/status").json()
    assert status["contest"]["names"][0] and status["contest"]["seats"] == 33
    assert client.post("/api/stack", json={"expected": 2}).json() == {"batch": "S01"}
    said = client.post("/api/preview", json={"marks": {"struck": [1]}}).json()
    assert said["valid"] is False and said["reason"] == "over_seats" and said["said"]
    first = client.post("/api/ballot", json={"marks": {"struck": [1, 2, 3, 4]}}).json()
    assert first["serial"] == "S01-001" and first["valid"] is True
    client.post("/api/ballot", json={"marks": {"struck": [5, 6, 7, 8]}})
    undone = client.post("/api/undo").json()
    assert undone["serial"] == "S01-002"
    client.post("/api/ballot", json={"marks": {"struck": [5, 6, 7, 9]}})
    fixed = client.post(
        "/api/correct",
        json={"serial": "S01-001", "marks": {"struck": [1, 2, 3, 5]}, "reason": "đọc lại"},
    )
    assert fixed.status_code == 200
    closed = client.post("/api/close", json={"issued": 194, "collected": 2}).json()
    assert closed["closed"] is True and closed["votes"][0] == 1
    assert verify(log).ok


@pytest.mark.parametrize(
    ("path", "body", "code"),
    [
        ("/api/ballot", {"marks": {"struck": [1]}}, "station.no_stack"),
        ("/api/stack", {"expected": -1}, "station.whole_number"),
        ("/api/stack", {"expected": "ba"}, "station.whole_number"),
        ("/api/withdraw", {"serial": "S09-001", "reason": "x"}, "log.not_entered"),
        ("/api/correct", {"serial": "S01-001", "marks": {}}, "station.text_needed"),
        ("/api/close", {"issued": 194, "collected": 3}, "station.collected_differs"),
    ],
)
def test_refusals_answer_422_in_the_boards_words_and_write_nothing(
    station: tuple[TestClient, Path], path: str, body: dict[str, object], code: str
) -> None:
    client, log = station
    before = log.read_bytes()
    answer = client.post(path, json=body)
    assert answer.status_code == 422
    assert answer.json()["error"] == code and answer.json()["message"]
    assert log.read_bytes() == before


def test_a_request_that_is_not_json_is_refused(station: tuple[TestClient, Path]) -> None:
    client, _ = station
    answer = client.post("/api/ballot", content=b"not json")
    assert answer.status_code == 400


def test_bound_beyond_this_machine_every_request_needs_the_token(tmp_path: Path) -> None:
    desk = Desk.open(tmp_path / "a.jsonl", DELEGATE, "bch", station="A")
    with TestClient(station_app(desk, token="s3cret")) as client:
        assert client.get("/api/status").status_code == 401
        assert (
            client.get("/api/status", headers={"Authorization": "Bearer nope"}).status_code == 401
        )
        ok = client.get("/api/status", headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200
        once = client.get("/api/status?token=s3cret", follow_redirects=False)
        assert once.status_code == 303 and "token" not in once.headers["location"]
        assert client.get("/api/status").status_code == 200  # the cookie it set
    desk.session.close()


def test_the_hall_sees_progress_totals_only_when_switched_on_then_the_result(
    station: tuple[TestClient, Path],
) -> None:
    client, _ = station
    client.post("/api/stack", json={"expected": 2})
    client.post("/api/ballot", json={"marks": {"struck": [1, 2, 3, 4]}})
    news = client.get("/api/screen").json()
    assert news["entered"] == 1 and news["stacks"][0]["entered"] == 1 and news["votes"] is None
    page = client.get("/screen").text
    assert "/api/screen" in page and "Số phiếu đã nhập" in page and "http" not in page
    switched = client.post("/api/screen", json={"totals": True}).json()
    assert switched["votes"][0] == 0 and switched["votes"][4] == 1
    client.post("/api/ballot", json={"marks": {"struck": [1]}})  # invalid: not counted
    assert client.get("/api/screen").json()["votes"][4] == 1
    client.post("/api/close", json={"issued": 194, "collected": 2})
    result_page = client.get("/screen").text
    assert "/api/screen" not in result_page and "Bầu Ban Chấp hành" in result_page


def test_the_entry_page_and_its_files_come_from_the_package(
    station: tuple[TestClient, Path],
) -> None:
    client, _ = station
    page = client.get("/")
    assert page.status_code == 200 and "Nhập phiếu" in page.text
    assert '"confirm_empty": "Phiếu không đánh dấu gì' in page.text  # the words, embedded
    assert "http" not in page.text  # nothing from the network
    script = client.get("/static/entry.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert "fetch(" in script.text and "http://" not in script.text
    assert client.get("/static/entry.css").status_code == 200
    assert client.get("/static/app.py").status_code == 404
    assert client.get("/static/..%2Fapp.py").status_code == 404


def test_the_boards_check_asks_again_for_a_ballot_over_the_seats(tmp_path: Path) -> None:
    """With the check set, 3 names struck of 37 for 33 seats (34 kept) is refused, nothing
    written, until sent again with confirm; without it, it is recorded (invalid) at once."""
    log = tmp_path / "a.jsonl"
    desk = Desk.open(log, DELEGATE, "bch", station="A", check_over_seats=True)
    with TestClient(station_app(desk)) as client:
        client.post("/api/stack", json={"expected": 3})
        lines = log.read_bytes()
        refused = client.post("/api/ballot", json={"marks": {"struck": [1, 2, 3]}})
        assert refused.status_code == 422
        assert refused.json()["error"] == "station.over_seats_check"
        assert "giữ lại 34 tên, nhiều hơn số lượng bầu (33)" in refused.json()["message"]
        assert log.read_bytes() == lines
        kept = client.post("/api/ballot", json={"marks": {"kept": list(range(1, 35))}})
        assert kept.status_code == 422
        valid = client.post("/api/ballot", json={"marks": {"struck": [1, 2, 3, 4]}})
        assert valid.status_code == 200
        confirmed = client.post(
            "/api/ballot", json={"marks": {"struck": [1, 2, 3]}, "confirm": True}
        )
        assert confirmed.status_code == 200
        assert confirmed.json()["serial"] == "S01-002"
        assert confirmed.json()["valid"] is False
    desk.session.close()
    unchecked = Desk.open(tmp_path / "b.jsonl", DELEGATE, "bch", station="A")
    unchecked.open_stack(1)
    assert unchecked.record({"struck": [1, 2, 3]}).verdict == "over_seats"
    unchecked.session.close()


@pytest.mark.parametrize(
    ("path", "body", "code"),
    [
        ("/api/stack", {"expected": 0}, "station.stack_size"),
        ("/api/stack", {"expected": 195}, "station.stack_size"),
        ("/api/stack", {"expected": 10**30}, "station.stack_size"),
        ("/api/close", {"issued": 1, "collected": 2}, "count.collected_exceeds_issued"),
        ("/api/close", {"issued": 195, "collected": 2}, "count.issued_exceeds_present"),
    ],
)
def test_refusals_after_two_ballots_write_nothing(
    station: tuple[TestClient, Path], path: str, body: dict[str, object], code: str
) -> None:
    """A stack of none or of more ballots than delegates present, and figures the count
    refuses, are refused before anything is written (not half-way, after the issued)."""
    client, log = station
    client.post("/api/stack", json={"expected": 2})
    for _ in range(2):
        client.post("/api/ballot", json={"marks": {"struck": [1, 2, 3, 4]}})
    before = log.read_bytes()
    answer = client.post(path, json=body)
    assert answer.status_code == 422
    assert answer.json()["error"] == code
    assert log.read_bytes() == before
    assert client.post("/api/close", json={"issued": 2, "collected": 2}).json()["closed"]


def test_a_ballot_is_answered_as_the_log_holds_it(station: tuple[TestClient, Path]) -> None:
    """Marks sent loosely (one number, not a list; a name; one observation as text) are
    recorded as the log normalises them, and answered so: never written then a 500, which the
    page would take for a ballot not saved and have entered again."""
    client, log = station
    client.post("/api/stack", json={"expected": 3})
    for marks, held in (
        ({"struck": 1}, {"struck": [1]}),
        ({"struck": ["Nguyễn Văn An", "2"]}, {"struck": [1, 2]}),
        ({"struck": [1, 2, 3, 4], "observations": "write_in"}, None),
    ):
        answer = client.post("/api/ballot", json={"marks": marks})
        assert answer.status_code == 200, answer.text
        if held is not None:
            assert answer.json()["marks"] == held
    assert answer.json()["marks"]["observations"] == ["write_in"]
    assert [e["marks"] for e in client.get("/api/status").json()["latest"]][::-1] == [
        {"struck": [1]},
        {"struck": [1, 2]},
        {"struck": [1, 2, 3, 4], "observations": ["write_in"]},
    ]
    assert verify(log).ok


@pytest.mark.parametrize(
    ("path", "body", "words"),
    [
        ("/api/close", {"issued": "", "collected": 2}, "Số phiếu phát ra"),
        ("/api/close", {"issued": 2, "collected": None}, "Số phiếu thu vào"),
        ("/api/stack", {"expected": "ba"}, "Số phiếu đếm tay"),
        ("/api/withdraw", {"serial": "S01-001", "reason": " "}, "Lý do"),
        ("/api/preview", {"marks": {"struck": [38]}}, "Không có người ứng cử 38"),
        ("/api/ballot", {"marks": {"struck": [2, 2]}}, "hai lần"),
        ("/api/stack", {"expected": 2}, "Sấp S01 đang nhập (1/2"),
    ],
)
def test_refusals_name_the_field_as_the_page_does_not_as_the_program_does(
    station: tuple[TestClient, Path], path: str, body: dict[str, object], words: str
) -> None:
    """The page shows these words under the entry line: the board's words for the field,
    not the request's field names, nor a place such as "phiếu preview" or "trường S01"."""
    client, _ = station
    client.post("/api/stack", json={"expected": 2})
    client.post("/api/ballot", json={"marks": {"struck": [1, 2, 3, 4]}})
    said = client.post(path, json=body).json()["message"]
    assert words in said
    for program in ("trường", "preview", "issued", "collected", "expected", "reason"):
        assert program not in said, said


def test_a_stack_declared_with_a_wrong_hand_count_is_declared_again(
    station: tuple[TestClient, Path],
) -> None:
    """A hand count mistyped (52 for 25) would keep the stack open for good — the count could
    never be closed: a second Enter on the new count (``confirm``) declares the open stack
    again; below the ballots already entered it is refused, and nothing is written."""
    client, log = station
    client.post("/api/stack", json={"expected": 52})
    for _ in range(25):
        client.post("/api/ballot", json={"marks": {"struck": [1, 2, 3, 4]}})
    before = log.read_bytes()
    asked = client.post("/api/stack", json={"expected": 25})
    assert asked.status_code == 422 and asked.json()["error"] == "station.stack_recount"
    assert "S01" in asked.json()["message"] and "25" in asked.json()["message"]
    below = client.post("/api/stack", json={"expected": 24, "confirm": True})
    assert below.status_code == 422 and below.json()["error"] == "station.recount_below_entered"
    assert log.read_bytes() == before
    again = client.post("/api/stack", json={"expected": 25, "confirm": True})
    assert again.json() == {"batch": "S01"}
    assert client.get("/api/status").json()["stacks"] == [
        {"batch": "S01", "expected": 25, "entered": 25}
    ]
    assert client.post("/api/close", json={"issued": 25, "collected": 25}).json()["closed"]
    assert verify(log).ok


def test_an_empty_place_of_an_earlier_stack_is_filled_by_its_serial(
    station: tuple[TestClient, Path],
) -> None:
    client, log = station
    for expected in (2, 1):
        client.post("/api/stack", json={"expected": expected})
        for first in range(expected):
            client.post("/api/ballot", json={"marks": {"struck": [first + 1, 10, 11, 12]}})
    client.post("/api/withdraw", json={"serial": "S01-001", "reason": "nhập hai lần"})
    status = client.get("/api/status").json()
    assert status["gaps"] == ["S01-001"] and status["stack"] is None
    refused = client.post("/api/ballot", json={"marks": {"struck": [3, 10, 11, 12]}})
    assert refused.status_code == 422 and refused.json()["error"] == "station.no_stack_gaps"
    wrong = client.post("/api/ballot", json={"marks": {"struck": [3]}, "serial": "S01-002"})
    assert wrong.status_code == 422 and "S01-001" in wrong.json()["message"]
    closing = client.post("/api/close", json={"issued": 194, "collected": 3})
    assert closing.json()["error"] == "station.stack_short"
    filled = client.post(
        "/api/ballot", json={"marks": {"struck": [3, 10, 11, 12]}, "serial": "S01-001"}
    )
    assert filled.json()["serial"] == "S01-001"
    assert client.get("/api/status").json()["gaps"] == []
    client.post("/api/withdraw", json={"serial": "S01-002", "reason": "không có lá này"})
    recount = client.post("/api/stack", json={"batch": "S01", "expected": 1}).json()
    assert recount == {"batch": "S01"}
    unknown = client.post("/api/stack", json={"batch": "S09", "expected": 1}).json()
    assert unknown["error"] == "station.unknown_stack"
    assert client.post("/api/close", json={"issued": 194, "collected": 2}).json()["closed"]
    assert verify(log).ok
