"""Issue 11 at the command's edges: no output over an input, awaiting ballots from the start and
the list to print ballots from, files as the umask says, one-line free text, spec-named files
beside the spec, and the two scopes of direct election."""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally.cli.main import EXIT_BAD_INPUT, EXIT_NEEDS_DECISION, EXIT_OK, main
from tally.congress.chain import ElectionModel, Venue
from tally.errors import ContestError, InputFileError, TallyError
from tally.files import check_output
from tally.io.spec import congress_from_toml, load_congress
from tally.model.bodies import Body
from tally.render.document import Paragraph, Title, _md, render
from tally.testing import congresses

ROOT = Path(__file__).resolve().parents[2]
DIRECT = ROOT / "examples" / "direct_election"
DISTRICT = ROOT / "examples" / "district_congress"


@pytest.fixture
def direct(tmp_path: Path) -> Path:
    """A copy of examples/direct_election (spec and ballots) a test may change."""
    for path in DIRECT.iterdir():
        if path.suffix in {".toml", ".csv"}:
            shutil.copy(path, tmp_path / path.name)
    return tmp_path / "congress.toml"


def _state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def _log(direct: Path, name: str) -> Path:
    log = direct.parent / name
    assert main(["count", str(direct), "--log", str(log)]) == EXIT_OK
    return log


# --- 3. No output over an input ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "output", "input_"),
    [
        (["replay", "{a}", "-o", "{a}"], "{a}", "{a}"),
        (["count", "{spec}", "-o", "{spec}"], "{spec}", "{spec}"),
        (["count", "{spec}", "-o", "{dir}/ballots_bt.csv"], "ballots_bt.csv", "ballots_bt.csv"),
        (["count", "{spec}", "-o", "{dir}/ballots_bch_r2.csv"], "ballots_bch_r2.csv", None),
        (["count", "{spec}", "--log", "{dir}/x.jsonl", "-o", "{dir}/x.jsonl"], "x.jsonl", None),
        (["count", "{spec}", "--log", "{spec}"], "{spec}", "{spec}"),
        (["reconcile", "{a}", "{b}", "-o", "{a}"], "{a}", "{a}"),
        (["reconcile", "{a}", "{b}", "--merge", "{a}"], "{a}", "{a}"),
        (["reconcile", "{a}", "{b}", "--merge", "{dir}/m.jsonl", "-o", "{dir}/m.jsonl"], "m", "m"),
        (["count", "{spec}", "--ballots", "{dir}/other.csv", "--contest", "bch", "-o",
          "{dir}/other.csv"], "other.csv", "other.csv"),
    ],
)  # fmt: skip
def test_an_output_that_names_an_input_is_refused_and_nothing_changes(
    direct: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    output: str,
    input_: str | None,
) -> None:
    folder = direct.parent
    a = _log(direct, "a.jsonl")
    shutil.copy(a, folder / "b.jsonl")
    shutil.copy(folder / "ballots_bch.csv", folder / "other.csv")
    capsys.readouterr()
    before = _state(folder)
    names = {"a": str(a), "b": str(folder / "b.jsonl"), "spec": str(direct), "dir": str(folder)}
    assert main([part.format(**names) for part in args] + ["--lang", "en"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "is the same file as" in err and "Nothing was written." in err
    assert err.count(Path(output.format(**names)).name) >= 2  # both paths are named
    assert _state(folder) == before


def test_links_and_other_spellings_of_an_input_are_seen(
    direct: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = direct.parent
    (folder / "link.toml").symlink_to(direct)
    os.link(folder / "ballots_btv.csv", folder / "hard.csv")
    (folder / "sub").mkdir()
    before = _state(folder)
    for target in (
        folder / "link.toml",
        folder / "hard.csv",
        folder / "sub" / ".." / "ballots_pbt.csv",
    ):
        assert main(["count", str(direct), "-o", str(target)]) == EXIT_BAD_INPUT
        assert "chính là tệp" in capsys.readouterr().err
    assert _state(folder) == before
    assert (folder / "link.toml").is_symlink()


@pytest.mark.parametrize("kind", ["device", "folder", "fifo"])
def test_an_output_that_is_not_a_regular_file_is_refused(
    direct: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    folder = direct.parent
    if kind == "device":
        # A node of its own (the numbers of /dev/null): were the check ever broken, running
        # this as root would replace the copy, never the machine's /dev/null.
        target = folder / "null"
        try:
            os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("making a device node needs privileges")
    elif kind == "folder":
        target = folder / "out"
        target.mkdir()
    else:
        target = folder / "pipe"
        os.mkfifo(target)
    mode = target.stat().st_mode
    assert main(["count", str(direct), "-o", str(target), "--lang", "en"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    word = {"device": "a device", "folder": "a folder", "fifo": "a pipe (FIFO)"}[kind]
    assert f"Will not write to {target}: it is {word}" in err
    assert target.stat().st_mode == mode


def test_dev_null_is_refused_without_writing_anything() -> None:
    """``check_output`` only looks: the real /dev/null is safe to name here."""
    with pytest.raises(InputFileError) as raised:
        check_output(Path("/dev/null"), [])
    assert raised.value.code == "file.output_not_file"
    assert raised.value.params["kind"].render("en") == "a device"  # type: ignore[attr-defined]


def test_the_output_is_checked_before_anything_is_counted(
    direct: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ballots = direct.parent / "ballots_bch.csv"
    ballots.write_text(ballots.read_text(encoding="utf-8") + "BCH-999,99,\n", encoding="utf-8")
    assert main(["count", str(direct), "-o", str(direct), "--lang", "en"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "is the same file as" in err and "BCH-999" not in err


def test_a_new_output_is_written_with_the_umask_mode_and_the_folder_synced(
    direct: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[bool] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    for mask, mode in ((0o022, 0o644), (0o077, 0o600), (0o002, 0o664)):
        old = os.umask(mask)
        try:
            out = direct.parent / f"minutes_{mask:o}.txt"
            assert main(["count", str(direct), "-o", str(out)]) == EXIT_OK
        finally:
            os.umask(old)
        assert stat.S_IMODE(out.stat().st_mode) == mode
    assert synced.count(True) == 3  # the folder, once after each rename
    assert synced.count(False) == 3  # each file before it


# --- 9. Awaiting ballots from the start, and the list to print ballots from -----------------


def test_the_first_contest_without_its_ballots_file_awaits_it_and_prints_its_list(
    direct: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (direct.parent / "ballots_bch.csv").unlink()
    assert main(["count", str(direct), "--lang", "en"]) == EXIT_NEEDS_DECISION
    captured = capsys.readouterr()
    names = load_congress(direct).plan("bch").contest.names
    listed = captured.out.split("LIST OF CANDIDATES")[1]
    rows = [m.groups() for m in re.finditer(r"^\s*(\d+)  (\S.*)$", listed, flags=re.MULTILINE)]
    assert rows == [(str(i), name) for i, name in enumerate(names, start=1)]
    assert "LIST OF CANDIDATES" in captured.out and "Seats: 15" in captured.out
    assert "No ballots file yet for contest bch (round 1)" in captured.err
    assert "ballots_bch.csv" in captured.err and "Nothing was written" not in captured.err


def test_a_later_round_without_its_file_prints_that_round_s_list(
    direct: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (direct.parent / "ballots_bch_r2.csv").unlink()
    assert main(["count", str(direct), "--lang", "en", "--contest", "bch"]) == 4
    out = capsys.readouterr().out
    tail = out.split("LIST OF CANDIDATES")[1]
    assert "— round 2" in tail and "Seats: 1" in tail
    assert re.search(r"1  Lê Văn Đạo\n\s*2  Cao Văn Phong", tail)


def test_a_contest_naming_no_ballots_file_is_still_bad_input(
    direct: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = direct.read_text(encoding="utf-8").replace('ballots = "ballots_bch.csv"\n', "")
    direct.write_text(spec, encoding="utf-8")
    assert main(["count", str(direct), "--lang", "en"]) == EXIT_BAD_INPUT
    assert "No ballots file for contest 'bch'" in capsys.readouterr().err


@pytest.mark.parametrize(("lang", "fmt"), [("vi", "text"), ("en", "text"), ("vi", "markdown")])
def test_count_list_prints_every_contest_in_ballot_order(
    direct: Path, capsys: pytest.CaptureFixture[str], lang: str, fmt: str
) -> None:
    for ballots in direct.parent.glob("*.csv"):
        ballots.unlink()  # the lists come before any vote
    assert main(["count", str(direct), "--list", "--lang", lang, "--format", fmt]) == EXIT_OK
    out = capsys.readouterr().out
    congress = load_congress(direct)
    title = {"vi": "DANH SÁCH BẦU CỬ", "en": "LIST OF CANDIDATES"}[lang]
    assert out.count(title) == len(congress.contests) == 4
    for document, plan in zip(out.split(title)[1:], congress.contests, strict=True):
        contest = plan.contest
        if fmt == "markdown":
            rows = re.findall(r"^\| (\d+) \| (.+) \|$", document, flags=re.MULTILINE)
        else:
            rows = re.findall(r"^\s*(\d+)  (\S.*)$", document, flags=re.MULTILINE)
        assert rows == [(str(i), n) for i, n in enumerate(contest.names, start=1)]
        assert f"{contest.seats}" in document and contest.id in document
    assert ("phiếu gạch tên" if lang == "vi" else "strike-out ballot") in out


def test_count_list_is_not_json() -> None:
    with pytest.raises(SystemExit) as raised:
        main(["count", str(DIRECT / "congress.toml"), "--list", "--format", "json"])
    assert raised.value.code == 2


# --- 11. The term once; one-line free text; Markdown escaped ----------------------------------


@pytest.mark.parametrize("term", ["nhiệm kỳ 2025–2030", "Nhiệm kỳ 2025–2030", "term 2025–2030"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_term_is_printed_once_whatever_the_spec_says(
    direct: Path, capsys: pytest.CaptureFixture[str], term: str, lang: str
) -> None:
    spec = direct.read_text(encoding="utf-8").replace('term = "2025–2030"', f'term = "{term}"')
    direct.write_text(spec, encoding="utf-8")
    assert main(["count", str(direct), "--contest", "bt", "--lang", lang]) == EXIT_OK
    out = capsys.readouterr().out.lower()
    word = "nhiệm kỳ" if lang == "vi" else "term"
    assert f"{word} 2025–2030" in out
    assert "nhiệm kỳ nhiệm kỳ" not in out and "term term" not in out
    assert "term nhiệm kỳ" not in out and "nhiệm kỳ: nhiệm kỳ" not in out


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('title = "Bầu Bí thư Đảng ủy xã khóa I"', 'title = "Bầu Bí thư\\nKẾT QUẢ GIẢ"',
         "contest.bt.title"),
        ('name = "Đại hội đại biểu', 'name = "\\u001b[2JĐại hội đại biểu', "congress.name"),
        ('term = "2025–2030"', 'term = "2025\\u202e0302"', "congress.term"),
        ('place = "Hội trường', 'place = "\\u0085Hội trường', "congress.place"),
        ('term = "2025–2030"', 'term = "2025\\t2030"', "congress.term"),
        ('ballots = "ballots_bt.csv"', 'ballots = "ballots_bt.csv"\ncomplaints = '
         '[{ summary = "a\\u2028b", settlement = "c" }]', "contest.bt.complaints#1.summary"),
    ],
)  # fmt: skip
def test_free_text_with_a_line_break_or_control_is_refused_naming_the_field(
    direct: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, field: str
) -> None:
    spec = direct.read_text(encoding="utf-8")
    assert old in spec
    direct.write_text(spec.replace(old, new, 1), encoding="utf-8")
    assert main(["count", str(direct), "--lang", "en"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert f"field {field}" in err and "one line of plain text" in err


def test_markdown_minutes_show_html_and_markup_as_typed(
    direct: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = direct.read_text(encoding="utf-8").replace(
        'title = "Bầu Bí thư Đảng ủy xã khóa I"',
        'title = "<script>alert(1)</script> **Bí thư** [x](http://e) | `y`"',
    )
    direct.write_text(spec, encoding="utf-8")
    assert main(["count", str(direct), "--contest", "bt", "--format", "markdown"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert r"\*\*Bí thư\*\* \[x\](http://e) \| \`y\`" in out


_MD_ESCAPED = re.compile(r"\\([\\`*_\[\]~|])")


@given(st.text())
def test_markdown_escaping_round_trips(text: str) -> None:
    """What the reader sees is what was typed: undoing the escapes gives the text back, and no
    markup character is left bare."""
    escaped = _md(text)
    assert "<" not in escaped and ">" not in escaped
    assert html.unescape(_MD_ESCAPED.sub(r"\1", escaped)) == text
    bare = _MD_ESCAPED.sub("", escaped)
    assert not re.search(r"[\\`*\[\]~|]", bare)
    assert not re.search(r"(?<![^\W_])_|_(?![^\W_])", bare)  # "_" only inside a word


def test_a_paragraph_line_is_never_a_heading_or_list() -> None:
    out = render([Title("T"), Paragraph("# not\n- a list\n1. nor this\n---")], "markdown")
    assert "\n\\# not\n\\- a list\n1\\. nor this\n---\n" in out


# --- 12. Spec-named files stay beside the spec ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("/etc/passwd", "absolute path"),
        ("../../etc/passwd", "'..' leads out"),
        ("sub/../../x.csv", "'..' leads out"),
        ("C:\\\\ballots.csv", "absolute path"),
        ("outside.csv", "a link leads out"),
        ("", "empty"),
    ],
)
def test_a_spec_named_file_outside_the_spec_folder_is_refused(
    direct: Path, tmp_path_factory: pytest.TempPathFactory, name: str, why: str
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "b.csv"
    shutil.copy(direct.parent / "ballots_bt.csv", elsewhere)
    (direct.parent / "outside.csv").symlink_to(elsewhere)
    spec = direct.read_text(encoding="utf-8").replace(
        'ballots = "ballots_bt.csv"', f'ballots = "{name}"'
    )
    direct.write_text(spec, encoding="utf-8")
    with pytest.raises(InputFileError) as raised:
        load_congress(direct)
    assert raised.value.where.field == "contest.bt.ballots"
    assert why in raised.value.message("en")


def test_subfolders_and_explicit_paths_stay_allowed(
    direct: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    (direct.parent / "phieu").mkdir()
    shutil.move(direct.parent / "ballots_bt.csv", direct.parent / "phieu" / "bt.csv")
    spec = direct.read_text(encoding="utf-8").replace('"ballots_bt.csv"', '"phieu/bt.csv"')
    direct.write_text(spec, encoding="utf-8")
    assert main(["count", str(direct), "--contest", "bt"]) == EXIT_OK
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "bt.csv"
    shutil.copy(direct.parent / "phieu" / "bt.csv", elsewhere)
    assert main(["count", str(direct), "--contest", "bt", "--ballots", str(elsewhere)]) == 0
    assert "Bí thư" in capsys.readouterr().out


# --- 15. The scope of direct election ---------------------------------------------------------


def test_a_bare_direct_model_is_refused_naming_both_scopes(direct: Path) -> None:
    spec = direct.read_text(encoding="utf-8").replace('"direct_standing"', '"direct"')
    direct.write_text(spec, encoding="utf-8")
    with pytest.raises(TallyError) as raised:
        load_congress(direct)
    message = raised.value.message("en")
    assert raised.value.code == "spec.bare_direct"
    assert raised.value.where.field == "congress.model"
    assert "direct_secretary" in message and "direct_standing" in message


def test_direct_standing_holds_btv_secretary_and_deputies_at_the_congress() -> None:
    congress = load_congress(DIRECT / "congress.toml")
    assert congress.election_model is ElectionModel.DIRECT_STANDING
    assert {p.contest.id: congress.venue_of(p) for p in congress.contests} == dict.fromkeys(
        ("bch", "btv", "bt", "pbt"), Venue.CONGRESS
    )


def test_direct_secretary_leaves_btv_and_deputies_to_the_conference(direct: Path) -> None:
    text = direct.read_text(encoding="utf-8")
    spec = text.replace('"direct_standing"', '"direct_secretary"')
    with pytest.raises(ContestError) as raised:  # the BTV (and so the secretary's list) comes later
        congress_from_toml(spec + "\n[committee_roll]\npresent = 15\n")
    assert raised.value.code == "chain.congress_after_conference"
    assert raised.value.where.field == "contest.bt"
    # Held as CT 35/45 hold it: the secretary first, from the BCH, then the conference.
    bt_block = text[text.index('[[contest]]\nid = "bt"') : text.index('[[contest]]\nid = "pbt"')]
    reordered = text.replace(bt_block, "").replace(
        '[[contest]]\nid = "btv"', bt_block + '[[contest]]\nid = "btv"'
    )
    reordered = reordered.replace('"direct_standing"', '"direct_secretary"')
    at_conference = reordered[reordered.index('id = "btv"') :]
    reordered = reordered.replace(
        at_conference,
        at_conference.replace("issued = 146\ncollected = 146", "issued = 15\ncollected = 15"),
    )
    congress = congress_from_toml(reordered + "\n[committee_roll]\npresent = 15\n")
    venues = {p.contest.id: congress.venue_of(p) for p in congress.contests}
    assert venues == {
        "bch": Venue.CONGRESS,
        "bt": Venue.CONGRESS,
        "btv": Venue.COMMITTEE,
        "pbt": Venue.COMMITTEE,
    }
    assert congress.source_of(congress.plan("bt")) == "bch"


def test_the_district_example_elects_its_secretary_directly() -> None:
    congress = load_congress(DISTRICT / "congress.toml")
    assert congress.election_model is ElectionModel.DIRECT_SECRETARY
    assert congress.venue_of(congress.plan("bt")) is Venue.CONGRESS


@given(congresses(model=ElectionModel.DIRECT_SECRETARY))
def test_drawn_direct_secretary_congresses_put_each_post_at_its_venue(case: object) -> None:
    record = case.record  # type: ignore[attr-defined]
    for contest in record.contests:
        at_congress = contest.body in (Body.EXECUTIVE_COMMITTEE, Body.SECRETARY)
        assert contest.venue is (Venue.CONGRESS if at_congress else Venue.COMMITTEE)
        if contest.body is Body.SECRETARY:
            assert contest.draws_from == "bch"


def test_an_output_folder_that_refuses_files_is_found_before_the_log_is_written(
    direct: Path, tmp_path: Path
) -> None:
    """``-o`` where no file can be made: refused before the count, so no log appears and
    "nothing was written" is true (it used to write the log, then fail on the minutes)."""
    if os.geteuid() != 0:  # as another user, a folder without write permission does the same
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        output = locked / "minutes.txt"
    else:
        output = Path("/proc/minutes.txt")
    log = tmp_path / "new.jsonl"
    assert main(["count", str(direct), "--log", str(log), "-o", str(output)]) == EXIT_BAD_INPUT
    assert not log.exists()


def test_an_output_link_is_written_through_and_a_file_keeps_its_mode(
    direct: Path, tmp_path: Path
) -> None:
    target = tmp_path / "minutes.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert main(["count", str(direct), "-o", str(link)]) == EXIT_OK
    assert link.is_symlink() and link.resolve() == target
    assert "BIÊN BẢN KIỂM PHIẾU" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_spec_figure_the_count_refuses_names_the_spec_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The collected figure is checked against the ballots entered when counting: the error
    names the spec's file as well as the field."""
    folder = tmp_path / "district"
    shutil.copytree(DISTRICT, folder)
    ballots = folder / "ballots_dbdh.csv"
    rows = ballots.read_text(encoding="utf-8").splitlines(keepends=True)
    ballots.write_text("".join(rows[:5] + rows[6:]), encoding="utf-8")
    spec = folder / "congress.toml"
    assert main(["count", str(spec)]) == EXIT_BAD_INPUT
    assert f"Lỗi: {spec}, trường contest.dbdh.collected: " in capsys.readouterr().err
    assert main(["count", str(spec), "--lang", "en"]) == EXIT_BAD_INPUT
    assert f"Error: {spec}, field contest.dbdh.collected: " in capsys.readouterr().err


def test_a_ballots_path_out_of_the_folder_names_the_field_once_and_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "district"
    shutil.copytree(DISTRICT, folder)
    spec = folder / "congress.toml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace('"ballots_dbdh.csv"', '"../x.csv"'),
        encoding="utf-8",
    )
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        assert main(["count", "congress.toml"]) == EXIT_BAD_INPUT
        err = capsys.readouterr().err
        assert main(["count", "congress.toml", "--lang", "en"]) == EXIT_BAD_INPUT
        english = capsys.readouterr().err
    finally:
        os.chdir(cwd)
    assert err.count("contest.dbdh.ballots") == 1 and english.count("contest.dbdh.ballots") == 1
    assert f"trong thư mục của tệp mô tả ({folder.resolve()})" in err
    assert f"inside the spec's folder ({folder.resolve()})" in english
    assert "(.)" not in err + english
