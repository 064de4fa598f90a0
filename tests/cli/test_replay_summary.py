"""``tally replay`` prints the congress summary after the minutes, as ``tally count`` does —
rebuilt from the log alone (the plan and the open votes are in it), in both languages and both
document formats, with the same exit code; and the log follows the spec's open votes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tally.audit.replay import replay
from tally.cli.main import EXIT_BAD_INPUT, EXIT_NEEDS_DECISION, EXIT_OK, main
from tally.congress.run import ContestStatus
from tally.io.spec import load_congress

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
RULE = "=" * 78 + "\n\n"


def copied(tmp_path: Path, example: str) -> Path:
    folder = tmp_path / example
    shutil.copytree(EXAMPLES / example, folder)
    return folder / "congress.toml"


@pytest.mark.parametrize("example", ["district_congress", "direct_election", "delegate_congress"])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_replay_prints_what_count_printed_summary_included(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], example: str, fmt: str, lang: str
) -> None:
    spec = EXAMPLES / example / "congress.toml"
    log = tmp_path / "congress.jsonl"
    options = ["--lang", lang, "--format", fmt]
    counted_code = main(["count", str(spec), "--log", str(log), *options])
    counted = capsys.readouterr().out
    assert main(["replay", str(log), *options]) == counted_code
    assert capsys.readouterr().out == counted
    title = "TỔNG HỢP KẾT QUẢ BẦU CỬ" if lang == "vi" else "SUMMARY OF THE ELECTIONS"
    assert (title in counted) == (example != "delegate_congress")  # one contest: no summary


def test_the_district_summary_from_the_log_shows_the_open_votes_and_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "district.jsonl"
    spec = EXAMPLES / "district_congress" / "congress.toml"
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_OK
    capsys.readouterr()
    markdown = ["--lang", "en", "--format", "markdown"]  # tables not wrapped
    assert main(["replay", str(log), *markdown]) == EXIT_OK
    summary = capsys.readouterr().out.split("\n---\n\n")[-1]
    assert summary.startswith("# SUMMARY OF THE ELECTIONS")
    for vote in load_congress(spec).open_votes:
        assert vote.subject in summary
    assert "NOT passed" in summary and "123 / 245" in summary and "15%" in summary
    assert main(["replay", str(log), "--contest", "bch.r2", *markdown]) == EXIT_OK
    parts = capsys.readouterr().out.split("\n---\n\n")
    assert len(parts) == 2 and parts[1] == summary  # as count --contest bch prints it


def test_a_failed_vote_and_a_contest_still_to_count_need_the_congress_in_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = copied(tmp_path, "district_congress")
    text = spec.read_text(encoding="utf-8")
    vote = '[[open_vote]]\nmotion = "list"\nsubject = "Danh sách bầu Bí thư"\nyes = 100\nno = 143\n'
    spec.write_text(text.replace("[[contest]]", vote + "\n[[contest]]", 1), encoding="utf-8")
    (spec.parent / "ballots_dbdh.csv").unlink()
    log = tmp_path / "district.jsonl"
    assert main(["count", str(spec), "--log", str(log), "--lang", "en"]) == EXIT_NEEDS_DECISION
    counted = capsys.readouterr()
    assert main(["replay", str(log), "--lang", "en"]) == EXIT_NEEDS_DECISION
    replayed = capsys.readouterr()
    # count goes on with the list to print the awaited ballots from; the log has no such list
    assert counted.out.startswith(replayed.out) and "LIST OF CANDIDATES" in counted.out
    failed = '"Danh sách bầu Bí thư" (open vote not passed)'
    assert failed in counted.err and failed in replayed.err
    assert replay(log).congress_record().contest("dbdh").status is ContestStatus.AWAITING_BALLOTS
    assert main(["replay", str(log), "--format", "json"]) == EXIT_NEEDS_DECISION
    assert set(json.loads(capsys.readouterr().out)) == {"bch", "bch.r2", "bt"}  # no summary


def test_the_entry_log_shows_the_open_votes_its_fingerprint_covers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "district.jsonl"
    main(["count", str(EXAMPLES / "district_congress" / "congress.toml"), "--log", str(log)])
    capsys.readouterr()
    assert main(["replay", str(log), "--entries", "--contest", "bt", "--lang", "en"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "SUMMARY" not in out
    assert (
        "Congress plan (#2): recorded at 15:20:00, 15 July 2020; 3 contest(s): bch, bt, dbdh"
        in (" ".join(out.split()))
    )
    joined = " ".join(out.split())
    assert "#5: Cho đồng chí Lò Thanh Quân rút khỏi danh sách bầu cử: yes 110, no 131, " in joined
    assert "needed 123/245 — NOT passed" in joined


def test_the_log_follows_the_spec_s_open_votes_and_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A vote added to the spec is appended, and a target set records the plan again; a vote
    already in the log that the spec now says otherwise is refused, and nothing is added."""
    spec = copied(tmp_path, "district_congress")
    log = tmp_path / "district.jsonl"
    assert main(["count", str(spec), "--log", str(log)]) == EXIT_OK
    before = log.read_bytes()
    text = spec.read_text(encoding="utf-8")
    added = '[[open_vote]]\nmotion = "other"\nsubject = "Thông qua nghị quyết"\nyes = 240\nno = 0\n'
    spec.write_text(
        text.replace("under_40_percent = 10", "under_40_percent = 50").replace(
            "[[contest]]", added + "\n[[contest]]", 1
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["count", str(spec), "--log", str(log), "--lang", "en"]) == EXIT_OK
    counted = capsys.readouterr().out
    after = log.read_bytes()
    assert after.startswith(before)
    new = [json.loads(line)["kind"] for line in after[len(before) :].decode().splitlines()]
    assert new == ["congress_planned", "open_vote_recorded"]
    assert main(["replay", str(log), "--lang", "en"]) == EXIT_OK
    replayed = capsys.readouterr().out
    assert replayed == counted
    assert "Thông qua nghị quyết" in replayed
    targets = replay(log).congress_record().congress.targets
    assert targets is not None and targets.under_40_percent == 50  # the latest plan stands
    earlier = replay(log, replay(log).fingerprint("dbdh").hash)
    assert len(earlier.congress_record().congress.open_votes) == 4  # as it stood when signed

    spec.write_text(
        spec.read_text(encoding="utf-8").replace("no = 131", "no = 130"), encoding="utf-8"
    )
    assert main(["count", str(spec), "--log", str(log), "--lang", "en"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "line 5: This log recorded open vote 3" in err and "Nothing was added" in err
    assert log.read_bytes() == after
