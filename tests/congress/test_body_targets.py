"""Targets per body and incumbency per body (issue 16): a standing committee is checked against
its own targets, not the executive committee's, and is re-elected to the BTV only someone who sat
on the outgoing BTV — never because the BCH's list calls them incumbent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tally import Ballots, Body, CongressKind, Contest, ContestError, Roll, TallyError
from tally.congress.composition import BodyTargets, Targets, composition
from tally.congress.plan import BoardMember, Congress, ContestPlan
from tally.congress.run import CongressRecord, run_congress
from tally.i18n.messages import Lang
from tally.io.results_json import load_record, record_from_json
from tally.io.spec import congress_from_toml
from tally.model.contest import Candidate
from tally.render.summary import render_summary

ROOT = Path(__file__).resolve().parents[2]
OLD_RECORD = ROOT / "tests" / "golden" / "record_before_body_targets.json"
"""A record written before per-body targets and ``outgoing`` existed: a commune congress
(2025-06-21) elects 9 of 10 to the BCH (personal data and ``incumbent`` on that list) and 3 of 4
to the BTV (names only); targets women 20%, minorities 10%. Its BTV — Nguyễn Văn An, Trần Văn
Cường, Phạm Văn Dũng — has no woman and no minority."""


def _with_targets(record: CongressRecord, targets: Targets | None) -> CongressRecord:
    congress = record.congress.model_copy(update={"targets": targets})
    return record.model_copy(update={"congress": congress})


def _findings(record: CongressRecord, contest_id: str) -> list[tuple[str, int, bool]]:
    made = record.composition(contest_id, record.congress.targets)
    return [(f.target, f.required_percent, f.met) for f in made.findings]


@pytest.fixture(scope="module")
def old() -> CongressRecord:
    return load_record(OLD_RECORD)


# --- an old record -----------------------------------------------------------------------------


def test_an_old_record_loads_writes_back_byte_for_byte_and_counts_its_bch_as_before(
    old: CongressRecord,
) -> None:
    assert old.model_dump_json(indent=2) + "\n" == OLD_RECORD.read_text(encoding="utf-8")
    assert old.congress.targets is not None and old.congress.targets.by_body == {}
    bch = old.composition("bch", old.congress.targets)
    # the numbers tally printed for this record before the change
    assert (bch.size, bch.women, bch.minorities, bch.reelected, bch.new) == (9, 3, 2, 6, 3)
    assert _findings(old, "bch") == [("women_percent", 20, True), ("minorities_percent", 10, True)]
    # no table of its own: the BTV is checked against the defaults, as before
    assert _findings(old, "btv") == [
        ("women_percent", 20, False),
        ("minorities_percent", 10, False),
    ]


def test_an_old_record_no_longer_takes_the_btvs_incumbency_from_the_bch_list(
    old: CongressRecord,
) -> None:
    """Before, the BTV counted 2 re-elected and 1 new from the BCH list's ``incumbent``; the
    BTV's own list says nothing, so it is unknown."""
    btv = old.composition("btv")
    assert (btv.reelected, btv.new, btv.incumbency_unknown) == (0, 0, 3)
    bch = {m.name: m.incumbent for m in old.members("bch")}
    assert [bch[name] for name in ("Nguyễn Văn An", "Trần Văn Cường", "Phạm Văn Dũng")] == [
        True,
        False,
        True,
    ]


# --- targets per body --------------------------------------------------------------------------


def test_an_empty_btv_table_means_no_targets_for_the_btv_and_the_bch_keeps_the_defaults(
    old: CongressRecord,
) -> None:
    assert old.congress.targets is not None
    own = old.congress.targets.model_copy(
        update={"by_body": {Body.STANDING_COMMITTEE: BodyTargets()}}
    )
    record = _with_targets(old, own)
    assert _findings(record, "btv") == []
    assert _findings(record, "bch") == _findings(old, "bch")


def test_a_btv_table_replaces_the_defaults_entirely(old: CongressRecord) -> None:
    """A share the BTV's table does not give is no target for the BTV: minorities go."""
    record = _with_targets(
        old,
        Targets(
            women_percent=20,
            minorities_percent=10,
            by_body={Body.STANDING_COMMITTEE: BodyTargets(women_percent=30, new_percent=0)},
        ),
    )
    assert _findings(record, "btv") == [("women_percent", 30, False), ("new_percent", 0, True)]


def test_the_majority_ethnicity_is_inherited_unless_the_body_gives_its_own() -> None:
    targets = Targets(
        majority_ethnicity="Tày",
        by_body={
            Body.STANDING_COMMITTEE: BodyTargets(minorities_percent=10),
            Body.INSPECTION_COMMISSION: BodyTargets(majority_ethnicity="Kinh"),
        },
    )
    assert targets.for_body(Body.STANDING_COMMITTEE).majority_ethnicity == "Tày"
    assert targets.for_body(Body.INSPECTION_COMMISSION).majority_ethnicity == "Kinh"
    assert targets.for_body(Body.EXECUTIVE_COMMITTEE).majority_ethnicity == "Tày"
    people = [Candidate(name="Lê Văn An", ethnicity="Kinh")]
    on = dt.date(2025, 6, 21)
    assert composition(people, on, targets.for_body(Body.STANDING_COMMITTEE)).minorities == 1
    assert composition(people, on, targets.for_body(Body.INSPECTION_COMMISSION)).minorities == 0


def test_a_post_has_no_targets_and_none_of_its_own() -> None:
    targets = Targets(women_percent=20)
    assert targets.for_body(Body.SECRETARY).women_percent is None
    with pytest.raises(ContestError) as raised:
        Targets(by_body={Body.SECRETARY: BodyTargets(women_percent=20)})
    assert raised.value.code == "targets.not_a_body"


def test_the_summary_checks_each_body_against_its_own_targets(old: CongressRecord) -> None:
    assert old.congress.targets is not None
    own = old.congress.targets.model_copy(
        update={"by_body": {Body.STANDING_COMMITTEE: BodyTargets(women_percent=0)}}
    )
    record = _with_targets(old, own)
    expected: dict[Lang, tuple[str, str, str]] = {
        "en": (
            "Standing committee: ethnic minorities 0/3",
            "Standing committee: women 0/3 (0.00%) — meets the target of at least 0%",
            "Executive committee: ethnic minorities 2/9 (22.22%) — meets the target",
        ),
        "vi": (
            "Ban Thường vụ: dân tộc thiểu số 0/3",
            "Ban Thường vụ: nữ 0/3 (0,00%) — đạt chỉ tiêu ít nhất 0%",
            "Ban Chấp hành: dân tộc thiểu số 2/9 (22,22%) — đạt chỉ tiêu",
        ),
    }
    for lang, (gone, kept, bch) in expected.items():
        assert gone in render_summary(old, lang)
        after = render_summary(record, lang)
        assert gone not in after
        assert kept in after and bch in after


# --- the spec --------------------------------------------------------------------------------

SPEC = (ROOT / "examples" / "direct_election" / "congress.toml").read_text(encoding="utf-8")
TABLE = "[targets.standing_committee]\nwomen_percent = 20\n"


def test_the_example_gives_its_btv_targets_of_its_own() -> None:
    targets = congress_from_toml(SPEC).targets
    assert targets is not None
    assert targets.for_body(Body.STANDING_COMMITTEE) == Targets(women_percent=20)
    assert targets.for_body(Body.EXECUTIVE_COMMITTEE) == Targets(
        women_percent=20, minorities_percent=10, under_40_percent=15
    )
    empty = congress_from_toml(SPEC.replace(TABLE, "[targets.standing_committee]\n")).targets
    assert empty is not None and empty.for_body(Body.STANDING_COMMITTEE) == Targets()


@pytest.mark.parametrize(
    ("table", "field", "vi", "en"),
    [
        (
            "[targets.standing_commitee]\nwomen_percent = 20\n",
            "targets.standing_commitee",
            "chỉ tiêu cơ cấu riêng chỉ đặt cho một tập thể được bầu",
            "set only for an elected body of several members",
        ),
        (
            "[targets.secretary]\nwomen_percent = 20\n",
            "targets.secretary",
            "Dùng một trong: executive_committee, standing_committee",
            "Use one of: executive_committee, standing_committee",
        ),
        (
            "[targets.standing_committee]\nwomen_percent = 120\n",
            "targets.standing_committee.women_percent",
            "giá trị quá lớn (nhận 120)",
            "less than or equal to 100 (got 120)",
        ),
        (
            '[targets.standing_committee]\nwomen_percent = "20"\n',
            "targets.standing_committee.women_percent",
            "phải là số nguyên",
            "valid integer",
        ),
        (
            "[targets.standing_committee]\nwomen = 20\n",
            "targets.standing_committee.women",
            "trường không được biết",
            "Extra inputs are not permitted",
        ),
    ],
)
def test_a_bad_body_table_is_refused_naming_the_field(
    table: str, field: str, vi: str, en: str
) -> None:
    with pytest.raises(TallyError) as raised:
        congress_from_toml(SPEC.replace(TABLE, table), source="congress.toml")
    error = raised.value
    assert error.where.field == field
    assert error.message("vi").startswith(f"congress.toml, trường {field}: ")
    assert vi in error.message("vi")
    assert error.message("en").startswith(f"congress.toml, field {field}: ")
    assert en in error.message("en")


BINH = '{ name = "Nguyễn Văn Bình", birth_date = 1972-04-12, gender = "male", ethnicity = "Kinh"'


@pytest.mark.parametrize(
    ("outgoing", "field", "vi", "en"),
    [
        (
            'outgoing = ["bch"]',
            "contest.bch.candidates#1.outgoing",
            "dùng một trong: 'executive_committee'",
            "(got 'bch')",
        ),
        (
            'outgoing = "executive_committee"',
            "contest.bch.candidates#1.outgoing",
            "phải là một danh sách",
            "valid tuple",
        ),
        (
            'incumbent = true, outgoing = ["standing_committee"]',
            "contest.bch.candidates#1",
            'incumbent = true nhưng outgoing = ["standing_committee"]',
            'incumbent = true but outgoing = ["standing_committee"] says otherwise',
        ),
    ],
)
def test_a_bad_outgoing_is_refused_naming_the_candidate(
    outgoing: str, field: str, vi: str, en: str
) -> None:
    line = next(line for line in SPEC.splitlines() if BINH in line)
    spec = SPEC.replace(line, f"    {BINH}, {outgoing} }},")
    with pytest.raises(TallyError) as raised:
        congress_from_toml(spec, source="congress.toml")
    error = raised.value
    assert error.where.field == field
    assert vi in error.message("vi") and en in error.message("en")


# --- incumbency per body -----------------------------------------------------------------------

PEOPLE = ["Nguyễn Văn An", "Lê Văn Bình", "Trần Văn Cường", "Phạm Văn Dũng", "Hoàng Văn Giang"]
PEOPLE += ["Vũ Văn Hải", "Đặng Văn Khoa", "Bùi Văn Lâm", "Đỗ Văn Minh", "Ngô Văn Nam"]


def _counted(bch_list: Sequence[Candidate], btv_list: Sequence[Candidate | str]) -> CongressRecord:
    """A BCH of 9 (Ngô Văn Nam not elected) and a BTV of 3 (An, Bình, Cường) elected directly."""
    bch = Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=9, candidates=bch_list)
    btv = Contest(id="btv", body=Body.STANDING_COMMITTEE, seats=3, candidates=btv_list)
    congress = Congress(
        name="Đại hội Đảng bộ xã Tân Lập",
        date=dt.date(2025, 6, 21),
        model="direct_standing",
        roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=12, present=12),
        board=[BoardMember(name="Mạc Thị Huyền", role="head")],
        contests=[ContestPlan(contest=bch, issued=12), ContestPlan(contest=btv, issued=12)],
    )
    bch_rows = [[int(c.name != "Ngô Văn Nam") for c in bch.candidates]] * 12
    btv_rows = [[int(c.name in PEOPLE[:3]) for c in btv.candidates]] * 12
    return run_congress(
        congress,
        {"bch": Ballots.from_arrays(bch, bch_rows), "btv": Ballots.from_arrays(btv, btv_rows)},
    )


def _incumbency(record: CongressRecord, contest_id: str) -> dict[str, bool | None]:
    return {m.name: m.incumbent for m in record.members(contest_id)}


def test_incumbent_on_the_bch_list_says_nothing_of_the_btv() -> None:
    bch = [Candidate(name=name, incumbent=True) for name in PEOPLE]
    record = _counted(bch, PEOPLE[:4])
    assert set(_incumbency(record, "bch").values()) == {True}
    assert _incumbency(record, "btv") == dict.fromkeys(PEOPLE[:3])
    made = record.composition("bch"), record.composition("btv")
    assert [(c.reelected, c.new, c.incumbency_unknown) for c in made] == [(9, 0, 0), (0, 0, 3)]


def test_outgoing_from_any_list_decides_when_the_btv_list_is_silent() -> None:
    outgoing = {
        "Nguyễn Văn An": [Body.EXECUTIVE_COMMITTEE, Body.STANDING_COMMITTEE],
        "Lê Văn Bình": [Body.EXECUTIVE_COMMITTEE],
        "Trần Văn Cường": [],
    }
    bch = [
        Candidate(name=name, incumbent=bool(outgoing.get(name)), outgoing=outgoing.get(name))
        for name in PEOPLE
    ]
    record = _counted(bch, PEOPLE[:4])
    assert _incumbency(record, "btv") == {
        "Nguyễn Văn An": True,  # sat on the outgoing BTV
        "Lê Văn Bình": False,  # re-elected to the BCH, new to the BTV
        "Trần Văn Cường": False,
    }
    assert _incumbency(record, "bch")["Lê Văn Bình"] is True
    btv = record.composition("btv")
    assert (btv.reelected, btv.new, btv.incumbency_unknown) == (1, 2, 0)


def test_incumbent_on_the_btvs_own_list_decides_before_outgoing() -> None:
    bch = [Candidate(name=name, outgoing=[Body.EXECUTIVE_COMMITTEE]) for name in PEOPLE]
    btv: list[Candidate | str] = [Candidate(name=PEOPLE[0], incumbent=True), *PEOPLE[1:4]]
    record = _counted(bch, btv)
    assert _incumbency(record, "btv") == {
        "Nguyễn Văn An": True,
        "Lê Văn Bình": False,
        "Trần Văn Cường": False,
    }


def test_other_personal_data_is_still_merged_across_lists() -> None:
    bch = [
        Candidate(name=name, gender="male", ethnicity="Kinh", birth_date=dt.date(1980, 1, 1))
        for name in PEOPLE
    ]
    btv: list[Candidate | str] = [Candidate(name=PEOPLE[0], incumbent=False), *PEOPLE[1:4]]
    an = _counted(bch, btv).members("btv")[0]
    assert (an.gender, an.ethnicity, an.birth_date, an.incumbent) == (
        "male",
        "Kinh",
        dt.date(1980, 1, 1),
        False,
    )


def test_a_record_with_outgoing_and_body_targets_reads_back_the_same(tmp_path: Path) -> None:
    bch = [Candidate(name=name, outgoing=[Body.EXECUTIVE_COMMITTEE]) for name in PEOPLE]
    record = _counted(bch, PEOPLE[:4])
    targets = Targets(women_percent=20, by_body={Body.STANDING_COMMITTEE: BodyTargets()})
    record = _with_targets(record, targets)
    text = record.model_dump_json(indent=2)
    assert '"outgoing": [\n' in text and '"by_body": {\n' in text
    again = record_from_json(text)
    assert again == record
    assert _findings(again, "btv") == [] and _findings(again, "bch") == [
        ("women_percent", 20, False)
    ]


# --- properties ------------------------------------------------------------------------------

_percent = st.none() | st.integers(0, 100)
_people = st.lists(
    st.builds(
        Candidate,
        name=st.just("Lê Văn An"),
        gender=st.none() | st.sampled_from(["male", "female"]),
        ethnicity=st.none() | st.sampled_from(["Kinh", "Tày", "Thái"]),
        birth_date=st.none() | st.dates(dt.date(1955, 1, 1), dt.date(2000, 1, 1)),
        incumbent=st.none() | st.booleans(),
    ),
    max_size=12,
)
_targets = st.builds(
    Targets,
    women_percent=_percent,
    minorities_percent=_percent,
    under_40_percent=_percent,
    new_percent=_percent,
    majority_ethnicity=st.sampled_from(["Kinh", "Tày"]),
)
_bodies = st.sampled_from([body for body in Body if body.is_collective])


@given(_people, _targets, _bodies, _bodies)
def test_a_body_table_equal_to_the_defaults_finds_what_the_defaults_find(
    people: list[Candidate], targets: Targets, own: Body, other: Body
) -> None:
    """Giving ``own`` a table with the default's shares changes nothing, for it or for any
    other body; without any table every body is checked against the defaults."""
    shares = targets.model_dump(exclude={"majority_ethnicity", "by_body"})
    with_table = targets.model_copy(update={"by_body": {own: BodyTargets(**shares)}})
    on = dt.date(2025, 6, 21)
    expected = composition(people, on, targets)
    for body in (own, other):
        assert targets.for_body(body) == targets
        assert composition(people, on, with_table.for_body(body)) == expected
