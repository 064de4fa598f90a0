"""The station's entry page in a real browser, by keyboard only: a strike-out contest of more
than 200 ballots in stacks (with an undo, a correction, a withdrawal, observations, kept mode and
an empty ballot), a yes/no contest, closing; the result is ``count_contest`` on the same ballots.
Refusals show the API's words and keep what was typed; a station that does not answer is named."""

from __future__ import annotations

import random
import socket
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from tally.counting.result import ContestResult, count_contest
from tally.io.spec import load_congress
from tally.model.ballots import Ballots, Mark
from tally.station.background import serving
from tally.station.desk import Desk

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.browser.conftest import OpenPage

ROOT = Path(__file__).resolve().parents[2]
DELEGATE = load_congress(ROOT / "examples" / "delegate_congress" / "congress.toml")
DISTRICT = load_congress(ROOT / "examples" / "district_congress" / "congress.toml")
SHOTS = Path("/tmp/r13")
OBSERVATION_FLAG = {"write_in": 2, "identifying_mark": 4, "not_issued": 1}


def open_station(page: OpenPage, url: str) -> Page:
    shown = page(1366, 768)
    shown.route(lambda address: address.startswith(url), lambda route: route.continue_())
    shown.goto(url + "/")
    shown.wait_for_selector("#names li")
    return shown


def declare(shown: Page, count: int, batch: str) -> None:
    shown.keyboard.press("F4")
    shown.keyboard.type(str(count))
    shown.keyboard.press("Enter")
    shown.wait_for_function(
        "b => document.getElementById('next').textContent.includes(b)", arg=batch
    )


def acknowledged(shown: Page, serial: str) -> None:
    from playwright.sync_api import TimeoutError as Timeout

    try:
        shown.wait_for_function(
            "s => document.querySelector('#latest li')?.dataset.serial === s"
            " && document.getElementById('entry').value === ''",
            arg=serial,
            timeout=5000,
        )
    except Timeout:
        said = shown.text_content("#message"), shown.input_value("#entry")
        raise AssertionError(f"{serial} not acknowledged; the page says {said}") from None


def enter(shown: Page, keys: list[str], serial: str) -> None:
    """Type one ballot (text, or key names in brackets such as ``[F7]``) and record it."""
    for key in keys:
        if key.startswith("[") and key.endswith("]"):
            shown.keyboard.press(key[1:-1])
        else:
            shown.keyboard.type(key)
    shown.keyboard.press("Enter")
    acknowledged(shown, serial)


def as_read(desk: Desk) -> dict[str, tuple[list[int], int]]:
    """Every ballot the station holds, as a mark row and observation flags."""
    n = len(desk.ballot_contest.names)
    strike_out = "struck" in _MARKS[desk.ballot_contest.form.value]
    held: dict[str, tuple[list[int], int]] = {}
    for entered in desk.entries():
        marks = entered.marks
        if strike_out:
            row = [0 if k in marks.get("struck", []) else 1 for k in range(1, n + 1)]
        else:
            row = [0] * n
            for key, code in (("agree", 1), ("disagree", 2), ("both", 3)):
                for k in marks.get(key, []):
                    row[k - 1] = code
        flags = sum(OBSERVATION_FLAG[o] for o in marks.get("observations", []))
        held[entered.serial] = (row, flags)
    return held


_MARKS = {"strike_out": ("struck",), "yes_no": ("agree", "disagree", "both")}


def expected(desk: Desk, rows: dict[str, tuple[list[int], int]], issued: int) -> ContestResult:
    serials = list(rows)
    marks = np.array([rows[s][0] for s in serials], dtype=np.uint8)
    flags = np.array([rows[s][1] for s in serials], dtype=np.uint8)
    state = desk.state
    ballots = Ballots.from_arrays(state.contest, marks, serials, flags)
    return count_contest(
        state.contest,
        ballots,
        roll=state.roll,
        issued=issued,
        collected=len(rows),
        rules=state.rules,
    )


def close(shown: Page, issued: int, collected: int) -> None:
    shown.keyboard.press("F3")
    shown.keyboard.type(str(issued))
    shown.keyboard.press("Tab")
    shown.keyboard.type(str(collected))
    shown.keyboard.press("Enter")
    try:
        shown.wait_for_selector("#result:not([hidden])", timeout=5000)
    except Exception:
        raise AssertionError(f"not closed: {shown.text_content('#message')}") from None


def strike_out_ballot(rng: random.Random, n: int) -> tuple[list[str], list[int], int]:
    """Keys for one ballot, its mark row (1 kept, 0 struck) and its observation flags."""
    roll = rng.random()
    if roll < 0.05:  # kept mode: the few names kept
        kept = sorted(rng.sample(range(1, n + 1), rng.randint(1, 3)))
        row = [1 if k in kept else 0 for k in range(1, n + 1)]
        return ["k", " ".join(map(str, kept))], row, 0
    struck = rng.sample(range(1, n + 1), rng.choice([3, 4, 4, 4, 4, 5, 6]))
    row = [0 if k in struck else 1 for k in range(1, n + 1)]
    return [" ".join(map(str, struck))], row, 0


def test_two_hundred_ballots_by_keyboard_then_closing(page: OpenPage, tmp_path: Path) -> None:
    rng = random.Random(14)
    desk = Desk.open(tmp_path / "a.jsonl", DELEGATE, "bch", station="A")
    n = len(desk.ballot_contest.names)
    rows: dict[str, tuple[list[int], int]] = {}
    with serving(desk) as url:
        shown = open_station(page, url)
        assert shown.locator("#names li").count() == n
        for batch, count in (("S01", 100), ("S02", 94)):
            declare(shown, count, batch)
            for place in range(1, count + 1):
                serial = f"{batch}-{place:03d}"
                keys, row, flags = strike_out_ballot(rng, n)
                if place == 50:
                    keys, row = (
                        ["30 9 13 5"],
                        [0 if k in (5, 9, 13, 30) else 1 for k in range(1, n + 1)],
                    )
                if place == 7:  # an observation: a name written in
                    keys, flags = ["[F7]", *keys], OBSERVATION_FLAG["write_in"]
                if place == 9:  # nothing struck: Enter asks, Enter again records
                    keys, row = ["[Enter]"], [1] * n
                    shown.keyboard.press("Enter")
                    shown.wait_for_function("document.getElementById('message').textContent")
                    keys = []
                if batch == "S01" and place == 60:
                    shown.wait_for_function("document.getElementById('verdict').textContent === ''")
                    shown.keyboard.type(keys[-1])
                    shown.wait_for_selector("#names li.struck")
                    shown.wait_for_function("document.getElementById('verdict').textContent")
                    shown.screenshot(path=str(SHOTS / "station-entry.png"))
                    shown.keyboard.press("Control+a")
                    shown.keyboard.press("Delete")
                enter(shown, keys, serial)
                rows[serial] = (row, flags)
                if batch == "S01" and place == 50:  # undo: back in the line, fixed, again
                    shown.keyboard.press("Control+z")
                    shown.wait_for_function(
                        "s => document.querySelector('#latest li')?.dataset.serial !== s",
                        arg=serial,
                    )
                    assert shown.input_value("#entry") == "5 9 13 30"
                    shown.keyboard.press("Control+a")
                    shown.keyboard.type("1 2 3 4")
                    shown.keyboard.press("Enter")
                    acknowledged(shown, serial)
                    rows[serial] = ([0, 0, 0, 0] + [1] * (n - 4), 0)
                if batch == "S02" and place == count:  # a ballot entered twice: withdrawn
                    shown.keyboard.press("F10")
                    shown.keyboard.type(serial)
                    shown.keyboard.press("Tab")
                    shown.keyboard.type("nhập trùng")
                    shown.keyboard.press("Enter")
                    shown.wait_for_function("!document.getElementById('withdraw-panel').open")
                    del rows[serial]
                    enter(shown, ["5 6 7 8"], serial)
                    rows[serial] = ([1] * 4 + [0] * 4 + [1] * (n - 8), 0)
        # a correction of an earlier ballot, by its serial
        shown.keyboard.press("F9")
        shown.keyboard.type("S01-010")
        shown.keyboard.press("Tab")
        shown.keyboard.type("10 20 30 31")
        shown.keyboard.press("Tab")
        shown.keyboard.type("đọc lại")
        shown.keyboard.press("Enter")
        shown.wait_for_function("!document.getElementById('correct-panel').open")
        rows["S01-010"] = ([0 if k in (10, 20, 30, 31) else 1 for k in range(1, n + 1)], 0)
        assert len(rows) == 194
        close(shown, 194, 194)
        shown.screenshot(path=str(SHOTS / "station-closed.png"))
        result = desk.status().result
        assert result is not None
        assert as_read(desk) == rows
        want = expected(desk, rows, 194)
        assert list(result.count.votes) == list(want.count.votes)
        assert result.outcome.elected == want.outcome.elected
        assert result.count.valid == want.count.valid
        shown_names = shown.locator("#result li").all_inner_texts()
        names = desk.ballot_contest.names
        elected = [_name(names, e) for e in want.outcome.elected]
        assert [t.split(" — ")[0] for t in shown_names] == elected
    desk.session.close()


def _name(names: tuple[str, ...], who: Any) -> str:
    return names[who] if isinstance(who, int) else str(who)


def test_a_yes_no_contest_by_keyboard(page: OpenPage, tmp_path: Path) -> None:
    rng = random.Random(15)
    desk = Desk.open(tmp_path / "b.jsonl", DISTRICT, "bt", station="A")
    rows: dict[str, tuple[list[int], int]] = {}
    codes = {"a": Mark.AGREE, "d": Mark.DISAGREE, "b": Mark.BOTH}
    with serving(desk) as url:
        shown = open_station(page, url)
        declare(shown, 30, "S01")
        for place in range(1, 31):
            serial = f"S01-{place:03d}"
            letter = rng.choice("aaaaddb")
            keys, flags = [f"1{letter}" if place % 2 else letter], 0
            if place == 5:
                keys, flags = ["[F8]", *keys], OBSERVATION_FLAG["identifying_mark"]
            if place == 15:
                shown.keyboard.type("1d")
                shown.wait_for_function("document.getElementById('verdict').textContent")
                shown.screenshot(path=str(SHOTS / "station-yes-no.png"))
                shown.keyboard.press("Control+a")
                shown.keyboard.press("Delete")
            enter(shown, keys, serial)
            rows[serial] = ([int(codes[letter])], flags)
        close(shown, 30, 30)
        result = desk.status().result
        assert result is not None
        assert as_read(desk) == rows
        want = expected(desk, rows, 30)
        assert list(result.count.votes) == list(want.count.votes)
        assert result.outcome.elected == want.outcome.elected
    desk.session.close()


def test_refusals_keep_what_was_typed_and_a_lost_ballot_is_named(
    page: OpenPage, tmp_path: Path
) -> None:
    desk = Desk.open(tmp_path / "c.jsonl", DELEGATE, "bch", station="A", durable=False)
    with serving(desk, lang="en") as url:
        shown = open_station(page, url)
        assert "Ballot entry" in shown.title()
        shown.keyboard.type("1 2 3 4")
        shown.keyboard.press("Enter")  # no stack open: refused in the API's words
        shown.wait_for_selector("#message.refused")
        assert "No stack is open" in str(shown.text_content("#message"))
        assert shown.input_value("#entry") == "1 2 3 4 "
        declare(shown, 5, "S01")
        shown.keyboard.press("Control+a")
        shown.keyboard.press("Delete")
        shown.click("#names li[data-n='3']")  # clicking a name toggles it
        assert shown.input_value("#entry") == "3 "
        assert shown.get_attribute("#names li[data-n='3']", "class") == "struck"
        shown.click("#names li[data-n='3']")
        assert shown.input_value("#entry") == ""
        shown.keyboard.type("1 38")
        shown.keyboard.press("Enter")
        shown.wait_for_selector("#message.refused")
        assert "38" in str(shown.text_content("#message"))
        assert shown.input_value("#entry") == "1 38 "
    # the station is gone: the page says which ballot was not saved
    shown.keyboard.press("Control+a")
    shown.keyboard.type("1 2 3 4")
    shown.keyboard.press("Enter")
    shown.wait_for_selector("#message.lost")
    assert "S01-001" in str(shown.text_content("#message"))
    assert "NOT SAVED" in str(shown.text_content("#message"))
    assert shown.input_value("#entry") == "1 2 3 4 "
    desk.session.close()


def test_the_page_types_the_space_after_a_number_that_cannot_grow(
    page: OpenPage, tmp_path: Path
) -> None:
    """37 names: 4…9 and 10…37 end their number, 1…3 may grow; a space typed after the page's
    own is dropped, so typing every space gives the same line."""
    desk = Desk.open(tmp_path / "d.jsonl", DELEGATE, "bch", station="A", durable=False)
    with serving(desk) as url:
        shown = open_station(page, url)
        declare(shown, 2, "S01")
        for typed, line in (
            ("3 1227 31", "3 12 27 31 "),
            ("3 12 27 31", "3 12 27 31 "),
            ("  9  ", "  9  "),
            ("1", "1"),
            ("45", "4 5 "),
        ):
            shown.keyboard.press("Control+a")
            shown.keyboard.press("Delete")
            shown.keyboard.type(typed)
            assert shown.input_value("#entry") == line, typed
        shown.keyboard.press("Control+a")
        shown.keyboard.press("Delete")
        for key in "3 1227 31":  # 8 keys and Enter: the "at most 10"
            shown.keyboard.press("Space" if key == " " else key)
        shown.keyboard.press("Enter")
        acknowledged(shown, "S01-001")
        assert desk.entries()[0].marks == {"struck": [3, 12, 27, 31]}
        shown.keyboard.press("k")  # kept mode and no number: nothing kept, every name struck
        shown.keyboard.press("Enter")
        acknowledged(shown, "S01-002")
        assert desk.entries()[1].marks == {"struck": list(range(1, 38))}
    desk.session.close()


def test_the_hall_screen_follows_the_count_then_shows_the_result(
    page: OpenPage, tmp_path: Path
) -> None:
    """/screen in its own page: the ballots entered, stack by stack; the running votes only once
    the board ticks the box on the entry page (and gone when it is unticked); the result once
    the count is closed — all without reloading the hall's page by hand."""
    desk = Desk.open(tmp_path / "e.jsonl", DELEGATE, "bch", station="A", durable=False)
    with serving(desk) as url:
        shown = open_station(page, url)
        hall = page(1280, 720)
        hall.route(lambda address: address.startswith(url), lambda route: route.continue_())
        hall.goto(url + "/screen")
        declare(shown, 3, "S01")
        for place, line in enumerate(("1 2 3 4", "5 6 7 8", "1 5 9 10"), start=1):
            enter(shown, [line], f"S01-{place:03d}")
        hall.wait_for_function("document.getElementById('entered').textContent === '3'")
        assert "S01: 3/3" in str(hall.text_content("#stacks"))
        assert hall.locator("#votes div").count() == 0
        shown.click("#totals")
        hall.wait_for_function("document.querySelectorAll('#votes div').length === 37")
        votes = hall.locator("#votes div").all_inner_texts()
        assert votes[0].split("\n")[-1].strip() == "1"  # struck on two of three ballots
        assert votes[10].split("\n")[-1].strip() == "3"
        shown.click("#totals")
        hall.wait_for_function("document.querySelectorAll('#votes div').length === 0")
        close(shown, 3, 3)
        hall.wait_for_function("document.getElementById('entered') === null")
        # 3 ballots where more than half the delegates are needed: nobody, and the page says so
        text = hall.inner_text("body")
        assert str(desk.ballot_contest.title) in text
        assert "0/33" in text and "Không có người nào trúng cử." in text
        hall.screenshot(path=str(SHOTS / "station-screen-result.png"))
    desk.session.close()


def test_the_boards_check_on_a_ballot_over_the_seats_asks_for_a_second_enter(
    page: OpenPage, tmp_path: Path
) -> None:
    desk = Desk.open(
        tmp_path / "f.jsonl", DELEGATE, "bch", station="A", durable=False, check_over_seats=True
    )
    with serving(desk) as url:
        shown = open_station(page, url)
        declare(shown, 2, "S01")
        shown.keyboard.type("5 12 30")  # a number left out: 34 kept for 33 seats
        shown.keyboard.press("Enter")
        shown.wait_for_selector("#message.refused")
        assert "giữ lại 34 tên" in str(shown.text_content("#message"))
        assert desk.entries() == ()
        shown.keyboard.type("7")  # the clerk finds the number left out: the check applies again
        shown.keyboard.press("Enter")
        acknowledged(shown, "S01-001")
        shown.keyboard.type("5 12 30")
        shown.keyboard.press("Enter")
        shown.wait_for_selector("#message.refused")
        shown.keyboard.press("Enter")  # it really is so: recorded, invalid
        acknowledged(shown, "S01-002")
        assert [e.verdict for e in desk.entries()] == [None, "over_seats"]
    desk.session.close()


def test_what_is_typed_while_a_ballot_is_being_saved_is_kept_for_the_next(
    page: OpenPage, tmp_path: Path
) -> None:
    """A fast clerk starts the next ballot before the station has answered (a slow disk):
    the keys typed meanwhile — numbers, and kept mode or an observation switched on — stay on
    the line for the next ballot instead of being wiped with the one saved."""
    desk = Desk.open(tmp_path / "g.jsonl", DELEGATE, "bch", station="A", durable=False)
    recording = desk.record

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.6)
        return recording(*args, **kwargs)

    desk.record = slow  # type: ignore[method-assign]
    with serving(desk) as url:
        shown = open_station(page, url)
        declare(shown, 3, "S01")
        shown.keyboard.type("1 2 3 4")
        shown.keyboard.press("Enter")
        shown.keyboard.press("F7")
        shown.keyboard.type("5 6 7 8")
        acknowledged_first = "document.querySelector('#latest li')?.dataset.serial === 'S01-001'"
        shown.wait_for_function(acknowledged_first)
        assert shown.input_value("#entry").strip() == "5 6 7 8"
        assert "ghi thêm tên" in str(shown.text_content("#observations")).lower()
        shown.keyboard.press("Enter")
        shown.wait_for_function(
            "document.querySelector('#latest li')?.dataset.serial === 'S01-002'"
        )
        first, second = desk.entries()
        assert first.marks == {"struck": [1, 2, 3, 4]}
        assert second.marks == {"struck": [5, 6, 7, 8], "observations": ["write_in"]}
    desk.session.close()


def test_a_stack_recounted_is_declared_again_with_a_second_enter(
    page: OpenPage, tmp_path: Path
) -> None:
    """F4 while a stack is open asks first; Enter again on the same count declares it again."""
    desk = Desk.open(tmp_path / "h.jsonl", DELEGATE, "bch", station="A", durable=False)
    with serving(desk) as url:
        shown = open_station(page, url)
        declare(shown, 52, "S01")
        enter(shown, ["1 2 3 4"], "S01-001")
        shown.keyboard.press("F4")
        shown.keyboard.type("2")
        shown.keyboard.press("Enter")
        shown.wait_for_selector("#message.refused")
        assert "Enter lần nữa" in str(shown.text_content("#message"))
        assert desk.stacks()[0].expected == 52
        shown.keyboard.press("Enter")
        shown.wait_for_function("document.getElementById('stacks').textContent === 'S01 1/2'")
        assert desk.stacks()[0].expected == 2
        shown.keyboard.press("Escape")
        enter(shown, ["5 6 7 8"], "S01-002")
    desk.session.close()


def test_a_ballot_withdrawn_from_a_full_stack_is_replaced_by_its_serial(
    page: OpenPage, tmp_path: Path
) -> None:
    """A double entry in S01 found while S02 is entered: the page names the empty place, the
    next ballot still goes to S02, and F9 with the serial fills S01's place."""
    desk = Desk.open(tmp_path / "g.jsonl", DELEGATE, "bch", station="A", durable=False)
    with serving(desk) as url:
        shown = open_station(page, url)
        declare(shown, 3, "S01")
        for place in (1, 2, 3):
            enter(shown, [f"{place} 10 11 12"], f"S01-00{place}")
        declare(shown, 2, "S02")
        enter(shown, ["4 10 11 12"], "S02-001")
        shown.keyboard.press("F10")
        shown.keyboard.type("s01-002")
        shown.keyboard.press("Tab")
        shown.keyboard.type("nhập hai lần")
        shown.keyboard.press("Enter")
        shown.wait_for_selector("#gaps:not([hidden])")
        assert "S01-002" in str(shown.text_content("#gaps"))
        shown.wait_for_function("document.getElementById('message').textContent.includes('F9')")
        assert shown.locator("#stacks .short").inner_text() == "S01 2/3"
        shown.screenshot(path=str(SHOTS / "station-gap.png"))
        enter(shown, ["5 10 11 12"], "S02-002")
        shown.keyboard.press("F9")
        shown.keyboard.type("S01-002")
        shown.keyboard.press("Tab")
        shown.keyboard.type("2 10 11 13")
        shown.keyboard.press("Enter")
        shown.wait_for_function("document.getElementById('gaps').hidden")
        shown.wait_for_function(
            "document.getElementById('message').textContent.includes('S01-002')"
        )
        close(shown, 194, 5)
    assert [e.serial for e in desk.entries()] == [
        "S01-001",
        "S01-003",
        "S02-001",
        "S02-002",
        "S01-002",
    ]
    assert desk.entries()[-1].marks == {"struck": [2, 10, 11, 13]}
    desk.session.close()


def test_a_stack_already_entered_is_recounted_by_its_name(page: OpenPage, tmp_path: Path) -> None:
    desk = Desk.open(tmp_path / "r.jsonl", DELEGATE, "bch", station="A", durable=False)
    with serving(desk) as url:
        shown = open_station(page, url)
        declare(shown, 2, "S01")
        for place in (1, 2):
            enter(shown, [f"{place} 10 11 12"], f"S01-00{place}")
        shown.keyboard.press("F10")
        shown.keyboard.type("S01-002")
        shown.keyboard.press("Tab")
        shown.keyboard.type("sấp chỉ có 1 lá")
        shown.keyboard.press("Enter")
        shown.wait_for_function("!document.getElementById('withdraw-panel').open")
        shown.keyboard.press("F4")
        shown.keyboard.type("s01 1")
        shown.keyboard.press("Enter")
        shown.wait_for_function("document.getElementById('stacks').textContent === 'S01 1/1'")
        close(shown, 194, 1)
    assert desk.stacks()[0].expected == 1
    desk.session.close()


def test_the_hall_screen_carries_on_after_a_restart_with_the_same_token(
    page: OpenPage, tmp_path: Path
) -> None:
    """The screen opened with the token keeps it (a cookie): after the station is started
    again with the same token it follows the count again by itself; with another token it
    says what to do instead of freezing."""
    from tally.station.token import choose_token, keep_token

    log = tmp_path / "t.jsonl"
    desk = Desk.open(log, DELEGATE, "bch", station="A", durable=False)
    token = choose_token(log)
    keep_token(log, token)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    with serving(desk, token=token, port=port) as url:
        hall = page(1280, 720)
        hall.route(lambda address: address.startswith(url), lambda route: route.continue_())
        hall.goto(f"{url}/screen?token={token}")
        hall.wait_for_function("document.getElementById('entered').textContent === '0'")
    desk.open_stack(2)
    desk.record({"struck": [1, 2, 3, 4]})
    with serving(desk, token=choose_token(log), port=port):
        hall.wait_for_function("document.getElementById('entered').textContent === '1'")
    with serving(desk, token="another-token-after-the-file-was-deleted", port=port):
        hall.wait_for_function("document.getElementById('note').textContent.includes('mã')")
        assert "?token=" in str(hall.text_content("#note"))
        assert hall.evaluate("document.body.classList.contains('stale')")  # old figures greyed
        hall.screenshot(path=str(SHOTS / "station-screen-token.png"))
    desk.session.close()


def test_closing_with_no_ballot_needs_a_second_enter(page: OpenPage, tmp_path: Path) -> None:
    desk = Desk.open(tmp_path / "z.jsonl", DELEGATE, "bch", station="A", durable=False)
    with serving(desk) as url:
        shown = open_station(page, url)
        shown.keyboard.press("F3")
        shown.keyboard.type("0")
        shown.keyboard.press("Tab")
        shown.keyboard.type("0")
        shown.keyboard.press("Enter")
        shown.wait_for_selector("#message.refused")
        assert "Enter lần nữa" in str(shown.text_content("#message"))
        assert not desk.state.closed
        shown.keyboard.press("Enter")
        shown.wait_for_selector("#result:not([hidden])")
    assert desk.state.closed
    desk.session.close()


def _with_a_gap(shown: Page, desk: Desk) -> None:
    """S01 (2) entered, S02 (2) open with one ballot, S01-002 withdrawn: an empty place."""
    declare(shown, 2, "S01")
    enter(shown, ["1 10 11 12"], "S01-001")
    enter(shown, ["2 10 11 12"], "S01-002")
    declare(shown, 2, "S02")
    enter(shown, ["3 10 11 12"], "S02-001")
    desk.withdraw("S01-002", "nhập hai lần")
    shown.reload()
    shown.wait_for_selector("#gaps:not([hidden])")


def _fill(shown: Page, serial: str, *keys: str) -> None:
    shown.keyboard.press("F9")
    shown.keyboard.type(serial)
    shown.keyboard.press("Tab")
    for key in keys:
        if key.startswith("[") and key.endswith("]"):
            shown.keyboard.press(key[1:-1])
        else:
            shown.keyboard.type(key)
    shown.keyboard.press("Enter")


def test_an_empty_place_filled_by_f9_is_checked_as_the_entry_line_is(
    page: OpenPage, tmp_path: Path
) -> None:
    """The board's check against a number left out asks first, a second Enter records; an
    observation (F6) pressed in the F9 form goes with the ballot."""
    desk = Desk.open(
        tmp_path / "o.jsonl", DELEGATE, "bch", station="A", durable=False, check_over_seats=True
    )
    with serving(desk) as url:
        shown = open_station(page, url)
        _with_a_gap(shown, desk)
        _fill(shown, "S01-002", "5 12 30")  # a number left out: 34 kept for 33 seats
        shown.wait_for_selector("#message.refused")
        assert "Enter lần nữa" in str(shown.text_content("#message"))
        assert desk.gaps() == ("S01-002",)
        shown.keyboard.press("Enter")
        shown.wait_for_function("document.getElementById('gaps').hidden")
        assert desk.entries()[-1].verdict == "over_seats"
        desk.withdraw("S01-002", "đọc lại")
        shown.reload()
        shown.wait_for_selector("#gaps:not([hidden])")
        _fill(shown, "S01-002", "4 10 11 12", "[F6]")
        shown.wait_for_function("document.getElementById('gaps').hidden")
        filled = desk.entries()[-1]
        assert filled.marks["observations"] == ["not_issued"]
        assert filled.verdict == "not_issued"
    desk.session.close()


def test_undo_after_the_next_stack_opened_goes_back_into_its_serial(
    page: OpenPage, tmp_path: Path
) -> None:
    desk = Desk.open(tmp_path / "u.jsonl", DELEGATE, "bch", station="A", durable=False)
    with serving(desk) as url:
        shown = open_station(page, url)
        declare(shown, 2, "S01")
        enter(shown, ["1 10 11 12"], "S01-001")
        enter(shown, ["2 10 11 12"], "S01-002")
        declare(shown, 2, "S02")
        shown.keyboard.press("Control+z")  # a typo seen in the last ballot
        shown.wait_for_function("document.getElementById('entry').value !== ''")
        assert "S01-002" in str(shown.text_content("#next"))  # shown before the line is back
        shown.keyboard.press("End")
        shown.keyboard.type(" 13")
        shown.keyboard.press("Enter")
        acknowledged(shown, "S01-002")
        assert "S02-001" in str(shown.text_content("#next"))
    assert [e.serial for e in desk.entries()] == ["S01-001", "S01-002"]
    assert desk.entries()[-1].marks == {"struck": [2, 10, 11, 12, 13]}
    desk.session.close()
