"""``tally rollup`` at the size of a province and of a nation: N synthetic congresses' JSON
records into Parquet, CSV and (when tally has it) the workbook, each step as a new process.

Run: ``.venv/bin/python benchmarks/bench_rollup.py`` (2,000 congresses: about two minutes), or
``--congresses 2000 5000 100000 --csv-max 20000 --national --folder DIR`` for the figures of
docs/rollup.md (100,000 congresses are 6.7 GB of JSON, generated in under a minute; each
100,000-congress roll-up step takes 8–15 minutes on 2 CPUs).

* **Generation.** Some three hundred congresses are counted once with tally's own API (a
  :class:`~tally.congress.plan.Congress`, :func:`~tally.congress.run.run_congress` on ballots
  designed with :func:`~tally.testing.designed.designed_ballots`): chi bộ congresses (a
  secretary only; or a chi ủy of 3–5, its secretary and deputy), commune and ward congresses
  (a BCH of 9–15 from a list 10–30% longer, the secretary elected by the congress, a BTV, deputy
  secretaries, the inspection commission, delegates with alternates) and delegate congresses
  (a BCH of 30–50, a BTV of 9–13, 20–60 delegates…), with gender, ethnicity, birth date and
  incumbency for everyone; some contests wait for their ballots, some end in a tie or short of
  seats and hold a second round. Each record's JSON, as ``tally count --format json`` writes
  it, becomes a template whose slots are every person's name and the congress's identity
  (name, unit, place, date); the N files are variants with new names — given in ballot order,
  so that every list stays in ballot order — and a new identity. Every file is a whole, valid
  record: the roll-up decides each count again, and the bench reads a variant of every template
  with ``load_record`` before measuring. Files go to a temporary folder (``--folder`` keeps
  them and reuses them in a later run), 1,000 to a subfolder.
* **Measurement.** Each step runs as a new process, timed with its peak resident memory
  (``ru_maxrss`` read by a small wrapper process, so each run is measured alone), on the first
  N files: the baseline reads and json-parses every file with the standard library and nothing
  else; ``load_record`` reads and checks every file and builds nothing; then ``tally rollup``
  to Parquet, to CSV and to ``.xlsx`` (when the tally imported accepts it and the candidates
  fit one sheet). Ratios are to the baseline measured in the same run. The files are given to
  ``tally rollup`` as folders when it accepts them, else as paths on the command line when they
  fit, else through ``tally.cli.main.main`` in the child (100,000 paths exceed ``ARG_MAX``).
* ``--national`` builds a national cycle (~500,000 congresses, ~12 million candidate rows) by
  copying the largest roll-up's Parquet tables under new congress names, writes it as one file
  and partitioned by province (``province=…/part-0.parquet``), and times three DuckDB queries on
  each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from measure import machine

import tally
from tally import Ballots, Body, CongressKind, Contest, Roll
from tally.congress.plan import BoardMember, CommitteeRoll, Congress, ContestPlan, RoundPlan
from tally.congress.run import CongressRecord, ContestStatus, run_congress
from tally.model.bodies import Level
from tally.model.contest import Candidate
from tally.model.names import ballot_order_key
from tally.testing import GIVEN_NAMES, SURNAMES
from tally.testing.designed import designed_ballots

SRC = Path(tally.__file__).resolve().parents[1]
"""Where the tally measured comes from: the children import the same one."""
PER_FOLDER = 1_000
SHEET_ROWS = 1_048_575
"""Data rows in one worksheet (Excel's 1,048,576 rows less the header)."""
TEMPLATE_DAY = dt.date(2025, 6, 15)
TERM = "2025–2030"

# --- people --------------------------------------------------------------------------------

FEMALE_MIDDLES = ("Thị", "Thị", "Thị", "Thị", "Thị Thu", "Ngọc", "Thu", "Thùy", "Kim", "Mỹ")
MALE_MIDDLES = (
    "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Xuân", "Đình", "Công", "Thế", "Bá",
    "Trọng", "Mạnh", "Quang", "Tiến", "Khắc", "Đăng", "Thanh",
)  # fmt: skip
MINORITIES = ("Tày", "Thái", "Mường", "Khmer", "H'Mông", "Nùng", "Dao", "Ê Đê", "Gia Rai")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def name_pool() -> list[tuple[str, str]]:
    """Every (surname, given name) pair, distinct as names and sorted in ballot order: any
    sorted choice of pairs, with any middle names, is a list in ballot order."""
    pairs = {
        ballot_order_key(_nfc(f"{s} {g}"))[:2]: (_nfc(s), _nfc(g))
        for s in SURNAMES
        for g in GIVEN_NAMES
    }
    pool = [pairs[key] for key in sorted(pairs)]
    for (s1, g1), (s2, g2) in itertools.pairwise(pool):  # middle names never reorder
        assert ballot_order_key(f"{s1} Thị Thu {g1}") < ballot_order_key(f"{s2} Bá {g2}")
    return pool


POOL = name_pool()


@dataclass(frozen=True)
class Person:
    """Whose name fills a slot: the gender decides the middle name."""

    gender: str


def people(rng: np.random.Generator, n: int, women: float, incumbent: float) -> list[Candidate]:
    """``n`` candidates with personal data, named from the pool (renamed in every variant)."""
    made = []
    for _ in range(n):
        female = bool(rng.random() < women)
        born = dt.date(int(rng.integers(1962, 1998)), int(rng.integers(1, 13)), 1)
        born += dt.timedelta(days=int(rng.integers(0, 28)))
        minority = rng.random() < 0.15
        made.append(
            Candidate(
                name="placeholder",
                gender="female" if female else "male",
                birth_date=born,
                ethnicity=str(rng.choice(MINORITIES)) if minority else "Kinh",
                incumbent=bool(rng.random() < incumbent),
            )
        )
    return made


def named(persons: list[Candidate], start: int) -> list[Candidate]:
    """``persons`` given distinct pool names from ``start`` on (a template's own names)."""
    out = []
    for i, person in enumerate(persons):
        surname, given = POOL[(start + 7 * i) % len(POOL)]
        middle = "Thị" if person.gender == "female" else "Văn"
        out.append(person.model_copy(update={"name": f"{surname} {middle} {given}"}))
    return out


# --- counting the shapes -------------------------------------------------------------------


@dataclass
class Shape:
    """What a template congress holds: its family, level, roll and contests to plan."""

    family: str
    level: Level
    kind: CongressKind
    convened: int
    model: str


def votes_for(rng: np.random.Generator, contest: Contest, valid: int, mood: str) -> list[int]:
    """Vote totals the way a congress votes: most of the seats' worth of names well above half,
    the rest well below; ``tie`` puts two names level at the cut-off, ``short`` one favourite
    below half."""
    k, seats = len(contest.candidates), contest.ballot_seats
    if k <= seats:  # yes/no
        shares = rng.uniform(0.72, 0.99, k)
        if mood == "short":
            shares[0] = rng.uniform(0.2, 0.45)
        return [int(v) for v in np.round(shares * valid)]
    order = rng.permutation(k)
    popular, rest = order[:seats], order[seats:]
    shares = np.empty(k)
    shares[popular] = rng.uniform(0.66, 0.99, seats)
    if contest.alternates:  # the alternates well behind the delegates: no tie between them
        shares[popular[: contest.seats]] = rng.uniform(0.78, 0.99, contest.seats)
        shares[popular[contest.seats :]] = rng.uniform(0.55, 0.74, contest.alternates)
    shares[rest] = rng.uniform(0.08, 0.5, k - seats)
    if mood == "short":
        shares[popular[0]] = rng.uniform(0.2, 0.45)
    if mood == "tie":
        weakest = popular[np.argmin(shares[popular])]
        shares[weakest] = shares[rest[0]] = rng.uniform(0.58, 0.64)
    votes = np.minimum(np.round(shares * valid), valid).astype(int)
    while votes.sum() < valid:  # every valid strike-out ballot keeps a name…
        votes[rng.integers(k)] += 1
        votes = np.minimum(votes, valid)
    for j in (*rest, *popular):  # …and at most as many as the seats
        excess = int(votes.sum()) - valid * seats
        if excess <= 0:
            break
        votes[j] -= min(excess, votes[j])
    return [int(v) for v in votes]


def count_shape(seed: int, family: str) -> CongressRecord:
    """One template congress of ``family`` (cell, commune, delegate), counted by tally."""
    rng = np.random.default_rng(seed)
    moods: dict[str, str] = {}
    pending: set[str] = set()
    draw = rng.random()
    if draw < 0.05:
        moods["first"] = "tie"
    elif draw < 0.10:
        moods["first"] = "short"
    if rng.random() < 0.04:
        pending.add("last")
    cursor = int(rng.integers(len(POOL)))

    def take(n: int, women: float, incumbent: float) -> list[Candidate]:
        nonlocal cursor
        made = named(people(rng, n, women, incumbent), cursor)
        cursor += 7 * n
        return made

    if family == "cell":
        members = int(rng.integers(3, 9)) if rng.random() < 0.65 else int(rng.integers(9, 45))
        roll = Roll(
            kind=CongressKind.MEMBER_CONGRESS,
            convened=members,
            present=members - int(rng.integers(0, 1 + members // 10)),
        )
        level = Level.GRASSROOTS
        board_size = 2 if members < 9 else 3
    else:
        delegate = family == "delegate" or rng.random() < 0.3
        convened = int(rng.integers(150, 320) if delegate else rng.integers(40, 260))
        kind = CongressKind.DELEGATE_CONGRESS if delegate else CongressKind.MEMBER_CONGRESS
        roll = Roll(kind=kind, convened=convened, present=convened - int(rng.integers(0, 8)))
        level = Level.COMMUNE
        if family == "delegate":
            level = (
                Level.PROVINCE
                if rng.random() < 0.1
                else rng.choice([Level.COMMUNE] * 3 + [Level.GRASSROOTS])
            )
        board_size = 5 if delegate else 3
    board_people = take(board_size, 0.4, 0.0)
    board = [
        BoardMember(name=p.name, role="head" if i == 0 else "member")
        for i, p in enumerate(board_people)
    ]
    plans: list[ContestPlan] = []
    committee: CommitteeRoll | None = None

    def issued_of(present: int) -> int:
        return present - int(rng.integers(0, 1 + present // 50))

    def plan(contest: Contest, present: int) -> ContestPlan:
        return ContestPlan(contest=contest, issued=issued_of(present))

    drawn: dict[tuple[str, int], Ballots] = {}

    def ballots(contest_id: str, number: int, contest: Contest) -> Ballots | None:
        """The same ballots for a round in every pass (the lists after it are drawn from it)."""
        if contest_id in pending:
            return None
        if (contest_id, number) not in drawn:
            drawn[contest_id, number] = designed(contest_id, number, contest)
        return drawn[contest_id, number]

    def designed(contest_id: str, number: int, contest: Contest) -> Ballots:
        figures = next(p for p in plans if p.contest.id == contest_id).round_plan(number)
        collected = figures.issued - int(rng.integers(0, 2))
        odds = 0.3 if figures.issued >= 30 else 0.03
        invalid = [r for r in ("over_seats", "no_vote", "write_in") if rng.random() < odds]
        if len(contest.candidates) <= contest.ballot_seats:
            invalid = [r for r in invalid if r != "over_seats"]
        valid = collected - len(invalid)
        mood = moods.get(contest_id, "clear") if number == 1 else "clear"
        votes = votes_for(rng, contest, valid, mood)
        return designed_ballots(contest, votes, valid, invalid)

    def congress() -> Congress:
        return Congress(
            name="QQNAMEQQ",
            term=TERM,
            place="QQPLACEQQ",
            date=TEMPLATE_DAY,
            locality="QQLOCALITYQQ",
            level=level,
            unit="QQUNITQQ",
            roll=roll,
            board=board,
            contests=tuple(plans),
            committee_roll=committee,
            model="cell" if family == "cell" else "direct_secretary",
        )

    def run() -> CongressRecord:
        return run_congress(congress(), ballots)

    def elected_or_listed(contest_id: str, record: CongressRecord) -> list[Candidate]:
        """Whom a later contest may list: those elected; the whole list while the contest
        still waits for a round (the later one then waits too)."""
        held = record.contest(contest_id)
        listed = list(next(p.contest.candidates for p in plans if p.contest.id == contest_id))
        if held.status in (ContestStatus.AWAITING_BALLOTS, ContestStatus.NEEDS_REVOTE):
            return listed
        return [c for c in listed if c.name in held.elected]

    def first_id(contest_id: str) -> None:
        if "first" in moods:
            moods[contest_id] = moods.pop("first")

    if family == "cell":
        if roll.convened < 9:
            listed = take(int(rng.choice([1, 1, 1, 2])), 0.35, 0.7)
            first_id("bt")
            plans.append(
                plan(
                    Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=listed),
                    roll.present,
                )
            )
            if "last" in pending:
                pending.add("bt")
            return run()
        seats = int(rng.integers(3, 6))
        first_id("cu")
        plans.append(
            plan(
                Contest(
                    id="cu",
                    body=Body.CELL_COMMITTEE,
                    seats=seats,
                    candidates=take(seats + 1, 0.35, 0.6),
                ),
                roll.present,
            )
        )
        record = run()
        pool = elected_or_listed("cu", record)
        if pool:
            bt = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=pool[:1])
            plans.append(plan(bt, roll.present))
        if len(pool) > 1:
            pbt = Contest(id="pbt", body=Body.CELL_DEPUTY_SECRETARY, seats=1, candidates=pool[1:2])
            plans.append(plan(pbt, roll.present))
        if "last" in pending:
            pending.add("pbt")
        return run()

    small = family == "commune"
    seats = int(rng.integers(9, 16) if small else rng.integers(30, 51))
    surplus = max(1, int(seats * rng.uniform(0.1, 0.3 if small else 0.15)))
    first_id("bch")
    listed = take(seats + surplus, 0.3, 0.65)
    plans.append(
        plan(
            Contest(id="bch", body=Body.EXECUTIVE_COMMITTEE, seats=seats, candidates=listed),
            roll.present,
        )
    )
    delegates = int(rng.integers(5, 21) if small else rng.integers(20, 61))
    alternates = max(1, delegates // 10)
    listed = take(delegates + alternates + int(rng.integers(1, 4)), 0.3, 0.0)
    plans.append(
        plan(
            Contest(
                id="dbdh",
                body=Body.UPPER_DELEGATES,
                seats=delegates,
                alternates=alternates,
                candidates=listed,
            ),
            roll.present,
        )
    )
    record = run()
    bch = record.contest("bch")
    if bch.status is ContestStatus.NEEDS_ROUND and rng.random() < 0.7:
        # a second round among those not elected, for the seats still open
        plans[0] = plans[0].model_copy(update={"rounds": (RoundPlan(issued=plans[0].issued),)})
        record = run()
        bch = record.contest("bch")
    members = max(len(bch.elected), 9)
    committee = CommitteeRoll(present=members - int(rng.integers(0, 2)))
    pool = elected_or_listed("bch", record)
    order = [int(i) for i in rng.permutation(len(pool))]
    secretary = pool[order[0]]
    btv_seats = int(rng.integers(3, 6) if small else rng.integers(9, 14))
    btv_seats = min(btv_seats, len(pool) - 2)
    extra = 1 if btv_seats <= 5 else int(rng.integers(1, 3))
    btv_list = [secretary, *(pool[i] for i in order[1 : btv_seats + extra])]
    ubkt_seats = int(rng.integers(3, 6) if small else rng.integers(7, 10))
    ubkt_list = take(ubkt_seats + int(rng.integers(0, 2)), 0.3, 0.5)
    plans[1:1] = [
        plan(Contest(id="bt", body=Body.SECRETARY, seats=1, candidates=[secretary]), roll.present),
        plan(
            Contest(id="btv", body=Body.STANDING_COMMITTEE, seats=btv_seats, candidates=btv_list),
            committee.present,
        ),
        plan(
            Contest(
                id="ubkt", body=Body.INSPECTION_COMMISSION, seats=ubkt_seats, candidates=ubkt_list
            ),
            committee.present,
        ),
    ]
    record = run()
    deputies = 1 if small else 2
    standing = [c for c in elected_or_listed("btv", record) if c.name != secretary.name]
    if standing:
        listed = standing[:deputies]
        deputy = Contest(id="pbt", body=Body.DEPUTY_SECRETARY, seats=len(listed), candidates=listed)
        plans.insert(3, plan(deputy, committee.present))
    if "last" in pending:
        pending.add("dbdh")
    return run()


# --- templates and variants ----------------------------------------------------------------

FAMILIES = {"cell": (0.6, 120), "commune": (0.3, 90), "delegate": (0.1, 60)}
"""Each family's share of the congresses and how many templates it has. The shares give about
3.4 contests and 26 candidate rows per congress, the national cycle's averages (1.5–2 million
contests, 10–15 million candidate rows for ~0.5 million congresses)."""
IDENTITY = ("QQNAMEQQ", "QQUNITQQ", "QQPLACEQQ", "QQLOCALITYQQ", TEMPLATE_DAY.isoformat())
"""The congress's identity in a template, in the order of the last values of a variant."""


@dataclass(frozen=True)
class Template:
    """A counted congress's JSON cut at its slots: ``chunks[i]`` comes before slot ``i``; a slot
    is a person (by rank in ballot order) or, counted from the end, a part of the identity."""

    family: str
    delegate: bool
    chunks: tuple[str, ...]
    slots: tuple[int, ...]
    women: tuple[bool, ...]

    def fill(self, values: list[str]) -> str:
        """The JSON of a variant: ``values`` are the people's names then the identity."""
        parts = [""] * (2 * len(self.slots) + 1)
        parts[0::2] = self.chunks
        parts[1::2] = [values[slot] for slot in self.slots]
        return "".join(parts)


def template_of(record: CongressRecord, family: str) -> Template:
    """``record``'s JSON, as ``tally count --format json`` writes it, with its slots."""
    text = record.model_dump_json(indent=2) + "\n"
    congress = record.congress
    names = {m.name for m in congress.board}
    names |= {c.name for plan in congress.contests for c in plan.everyone_listed}
    ranked = sorted(names, key=ballot_order_key)
    slot_of = {name: i for i, name in enumerate(ranked)}
    slot_of |= {token: i - len(IDENTITY) for i, token in enumerate(IDENTITY)}
    quoted = "|".join(re.escape(name) for name in [*ranked, *IDENTITY[:-1]])
    pieces = re.split(f'((?<=")(?:{quoted})(?=")|{IDENTITY[-1]})', text)
    chunks, found = tuple(pieces[0::2]), pieces[1::2]
    assert not any(name in chunk for chunk in chunks for name in ranked), "a name left unslotted"
    return Template(
        family=family,
        delegate=congress.roll.kind is CongressKind.DELEGATE_CONGRESS,
        chunks=chunks,
        slots=tuple(slot_of[piece] for piece in found),
        women=tuple(name.split()[1] == "Thị" for name in ranked),
    )


def templates(seed: int) -> dict[str, list[Template]]:
    """Every family's templates, each counted once by tally."""
    made: dict[str, list[Template]] = {}
    for f, (family, (_, count)) in enumerate(FAMILIES.items()):
        made[family] = [
            template_of(count_shape(seed * 1000 + f * 300 + i, family), family)
            for i in range(count)
        ]
    return made


PROVINCES = (
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
    "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
    "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
    "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Thành phố Hồ Chí Minh", "Đồng Nai",
    "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
)  # fmt: skip
"""The 34 provinces and centrally-run cities since 2025."""
PREFIXES = (
    "Tân", "Phú", "An", "Bình", "Hòa", "Long", "Thạnh", "Phước", "Vĩnh", "Đông", "Tây", "Nam",
    "Bắc", "Hưng", "Thuận", "Quang", "Minh", "Hồng", "Xuân", "Yên",
)  # fmt: skip
SUFFIXES = (
    "Lập", "Hòa", "Thịnh", "Phú", "An", "Lợi", "Mỹ", "Hưng", "Thành", "Tiến", "Sơn", "Hải",
    "Bình", "Phong", "Lạc", "Khánh", "Trung", "Đức", "Nghĩa", "Quý",
)  # fmt: skip
CELL_KINDS = ("thôn", "tổ dân phố", "khu phố", "ấp", "bản", "Trường Tiểu học", "Trạm Y tế")
ORGS = ("Công ty Cổ phần", "Trường Trung học phổ thông", "Bệnh viện Đa khoa", "Khối Cơ quan")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XV", "XX")
PER_COMMUNE = 20
WINDOWS = {"cell": (dt.date(2025, 4, 1), 60), "commune": (dt.date(2025, 6, 1), 75)}
WINDOWS["delegate"] = (dt.date(2025, 7, 15), 90)


def identity(i: int, template: Template, rand: random.Random) -> list[str]:
    """Congress ``i``'s name, unit, place, locality and date: unique for every ``i``."""
    c, j = divmod(i, PER_COMMUNE)
    c, province = divmod(c, len(PROVINCES))
    c, prefix = divmod(c, len(PREFIXES))
    round_, suffix = divmod(c, len(SUFFIXES))
    locality = f"{PREFIXES[prefix]} {SUFFIXES[suffix]}" + (f" {round_ + 1}" if round_ else "")
    kind = "phường" if (prefix + suffix) % 3 == 0 else "xã"
    commune = f"{kind} {locality}, tỉnh {PROVINCES[province]}"
    if template.family == "cell":
        unit = f"Chi bộ {CELL_KINDS[j % len(CELL_KINDS)]} {j + 1}, Đảng bộ {commune}"
    elif j == 0:
        unit = f"Đảng bộ {commune}"
    else:
        unit = f"Đảng bộ {ORGS[j % len(ORGS)]} số {j}, {commune}"
    what = "Đại hội đại biểu" if template.delegate else "Đại hội"
    start, days = WINDOWS[template.family]
    day = start + dt.timedelta(days=rand.randrange(days))
    name = f"{what} {unit} lần thứ {rand.choice(ROMAN)}"
    return [name, unit, f"Hội trường {commune}", locality, day.isoformat()]


def variant(i: int, template: Template, rand: random.Random) -> str:
    """Congress ``i``: ``template`` with new people and a new identity."""
    chosen = sorted(rand.sample(range(len(POOL)), len(template.women)))
    names = []
    for rank, woman in zip(chosen, template.women, strict=True):
        surname, given = POOL[rank]
        middle = rand.choice(FEMALE_MIDDLES if woman else MALE_MIDDLES)
        names.append(f"{surname} {middle} {given}")
    return template.fill([*names, *identity(i, template, rand)])


def generate(folder: Path, n: int, seed: int) -> int:
    """Write congresses ``0..n-1`` as ``folder/batch-KKK/cNNNNNN.json``; their total bytes.
    One variant of every template is read back with ``load_record`` first."""
    from tally.io.results_json import record_from_json

    made = templates(seed)
    rand = random.Random(seed)
    for family in made.values():
        for t in family:
            record_from_json(variant(0, t, rand), f"<{t.family} template>")
    shares = [share for share, _ in FAMILIES.values()]
    families = list(made)
    total = 0
    for i in range(n):
        family = made[rand.choices(families, shares)[0]]
        text = variant(i, rand.choice(family), rand).encode("utf-8")
        path = folder / f"batch-{i // PER_FOLDER:03d}" / f"c{i:06d}.json"
        if i % PER_FOLDER == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text)
        total += len(text)
    return total


# --- measuring -----------------------------------------------------------------------------

PEAK = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
print(json.dumps({"rc": done.returncode, "wall": wall, "peak": peak,
                  "err": done.stderr.decode(errors="replace")[-600:]}))
"""
BASELINE = """
import json, sys
for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    with open(path, "rb") as stream:
        json.loads(stream.read())
"""
LOAD = """
import sys
from tally.io.results_json import load_record
for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    load_record(path)
"""
CLI = """
import sys
from tally.cli.main import main
paths = open(sys.argv[1], encoding="utf-8").read().splitlines()
sys.exit(main(["rollup", *paths, "-o", sys.argv[2]]))
"""
LIBRARY = """
import sys
from pathlib import Path
from tally.rollup.tables import roll_up
from tally.rollup.write import write_tables
paths = [Path(p) for p in open(sys.argv[1], encoding="utf-8").read().splitlines()]
done = roll_up(paths)
write_tables(Path(sys.argv[2]), done.tables, paths)
"""
ARGV_ROOM = 1_500_000
"""Bytes of paths passed on a command line at most (Linux's ARG_MAX is 2 MiB, environment
included)."""


Figures = tuple[float, int] | str
"""Wall seconds and peak resident bytes of a step, or why there are none."""


def load_average() -> str:
    """The machine's load over the last minute (other work disturbs the figures)."""
    with open("/proc/loadavg", encoding="ascii") as stream:
        return stream.read().split()[0]


def measured(command: list[str]) -> Figures:
    """Wall seconds and peak resident bytes of ``command`` as a new process, or why it failed.
    The process imports the tally this script imports."""
    path = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *command],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
    )
    figures = json.loads(done.stdout)
    if figures["rc"] != 0:
        last = (figures["err"].strip().splitlines() or [""])[-1]
        return f"exit {figures['rc']}: {last[:120]}"
    return float(figures["wall"]), int(figures["peak"])


def best(command: list[str], runs: int) -> Figures:
    """The best time and the least peak of ``runs`` runs of ``command``."""
    results = [measured(command) for _ in range(runs)]
    ok = [result for result in results if not isinstance(result, str)]
    if len(ok) < len(results):
        return next(result for result in results if isinstance(result, str))
    return min(r[0] for r in ok), min(r[1] for r in ok)


def accepts(arguments: list[str]) -> bool:
    """Whether ``tally rollup`` exits 0 on ``arguments`` (probing a feature on one file)."""
    return not isinstance(measured([sys.executable, "-m", "tally", "rollup", *arguments]), str)


def written_bytes(output: Path) -> int:
    """The size of the three tables a roll-up wrote to ``output`` and beside it."""
    from tally.rollup.write import table_paths

    return sum(p.stat().st_size for p in table_paths(output).values() if p.exists())


def table_rows(output: Path) -> str:
    """How many rows each table of the Parquet roll-up ``output`` has."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    from tally.rollup.write import table_paths

    counts = {
        name: pq.ParquetFile(path).metadata.num_rows for name, path in table_paths(output).items()
    }
    return ", ".join(f"{name} {rows:,}" for name, rows in counts.items())


@dataclass(frozen=True)
class Features:
    """What the tally measured accepts: folders as inputs, ``.xlsx``, the streamed roll-up."""

    folders: bool
    xlsx: bool
    library: bool


def features(sample: Path, out: Path) -> Features:
    """Probe the tally measured on one file."""
    try:
        from tally.rollup.tables import roll_up  # noqa: F401
    except ImportError:
        library = False
    else:
        library = True
    return Features(
        folders=accepts([str(sample.parent), "-o", str(out / "probe.csv")]),
        xlsx=accepts([str(sample), "-o", str(out / "probe.xlsx")]),
        library=library,
    )


def cli_command(
    chosen: list[Path], listing: Path, target: Path, folders: bool
) -> tuple[str, list[str]]:
    """How ``tally rollup`` is given ``chosen``: as folders of 1,000 when it accepts them, as
    paths when they fit a command line, else through ``main()`` in the child."""
    rollup = [sys.executable, "-m", "tally", "rollup"]
    if folders and len(chosen) % PER_FOLDER == 0:
        batches = sorted({str(p.parent) for p in chosen})
        return "folders", [*rollup, *batches, "-o", str(target)]
    if sum(len(str(p)) + 1 for p in chosen) < ARGV_ROOM:
        return "paths", [*rollup, *map(str, chosen), "-o", str(target)]
    return "main()", [sys.executable, "-c", CLI, str(listing), str(target)]


def steps(
    n: int, chosen: list[Path], scratch: Path, can: Features, args: argparse.Namespace
) -> list[tuple[str, Figures, Path | None]]:
    """Each step measured on the first ``n`` files: its name, its figures, its output."""
    listing = scratch / f"files_{n}.txt"
    listing.write_text("\n".join(map(str, chosen)), encoding="utf-8")
    python = [sys.executable, "-c"]
    done: list[tuple[str, Figures, Path | None]] = [
        ("baseline: read + json.loads", best([*python, BASELINE, str(listing)], args.runs), None)
    ]
    if n <= args.load_max:
        done.append(
            ("load_record, no tables", best([*python, LOAD, str(listing)], args.runs), None)
        )
    for suffix in (".parquet", ".csv", ".xlsx"):
        target = scratch / f"cli_{n}{suffix}"
        if suffix == ".xlsx" and not can.xlsx:
            done.append(("tally rollup → .xlsx", "not available", None))
        elif n > args.cli_max:
            done.append(
                (f"tally rollup → {suffix}", f"skipped (above --cli-max {args.cli_max:,})", None)
            )
        elif suffix == ".xlsx" and n * 30 > SHEET_ROWS:
            done.append(("tally rollup → .xlsx", "skipped (candidates may exceed one sheet)", None))
        else:
            how, command = cli_command(chosen, listing, target, can.folders)
            done.append((f"tally rollup → {suffix} ({how})", best(command, args.runs), target))
    if can.library:
        for suffix in (".parquet", ".csv"):
            target = scratch / f"lib_{n}{suffix}"
            if suffix == ".csv" and n > args.csv_max:
                done.append(
                    ("roll_up() → .csv", f"skipped (above --csv-max {args.csv_max:,})", None)
                )
                continue
            command = [*python, LIBRARY, str(listing), str(target)]
            done.append((f"roll_up() → {suffix} (streamed)", best(command, args.runs), target))
    return done


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--congresses", type=int, nargs="+", default=[2_000], help="sizes")
    parser.add_argument("--folder", type=Path, help="where the JSON files are written and kept")
    parser.add_argument("--runs", type=int, default=1, help="runs of each step (the best is kept)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--load-max", type=int, default=10_000, help="largest load_record step")
    parser.add_argument(
        "--cli-max",
        type=int,
        default=20_000,
        help="largest size for `tally rollup` itself, which holds every record (~330 KB each)",
    )
    parser.add_argument(
        "--csv-max", type=int, default=1_000_000, help="largest size for the streamed CSV step"
    )
    parser.add_argument("--national", action="store_true", help="a national cycle in DuckDB")
    args = parser.parse_args()
    sizes = sorted(args.congresses)
    print(f"# tally rollup — {machine()}")
    with tempfile.TemporaryDirectory() as name:
        scratch = Path(name)
        folder = args.folder or scratch / "results"
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        manifest = folder / "bench_rollup.json"
        kept = json.loads(manifest.read_text()) if manifest.exists() else {}
        if kept.get("seed") == args.seed and kept.get("congresses", 0) >= sizes[-1]:
            print(f"reusing {kept['congresses']:,} congresses in {folder}")
        else:
            total = generate(folder, sizes[-1], args.seed)
            made = {"seed": args.seed, "congresses": sizes[-1], "bytes": total}
            manifest.write_text(json.dumps(made))
            spent = time.perf_counter() - started
            print(f"generated {sizes[-1]:,} congresses ({total / 1e6:,.0f} MB) in {spent:.0f} s")
        files = sorted(p for d in sorted(folder.glob("batch-*")) for p in sorted(d.glob("c*.json")))
        can = features(files[0], scratch)
        print(
            f"tally rollup FOLDER: {'accepted' if can.folders else 'refused'}; "
            f"-o FILE.xlsx: {'accepted' if can.xlsx else 'not available'}; "
            f"streamed roll_up(): {'yes' if can.library else 'no'}; load {load_average()}"
        )
        print(
            f"{'congresses':>10} {'files MB':>9} {'step':<34} {'seconds':>8} {'peak MB':>8} "
            f"{'time ×':>7} {'peak ×':>7} {'out MB':>7}"
        )
        largest: Path | None = None
        for n in sizes:
            chosen = files[:n]
            size = sum(p.stat().st_size for p in chosen)
            measured_steps = steps(n, chosen, scratch, can, args)
            base = measured_steps[0][1]
            assert not isinstance(base, str), base
            for step, figures, target in measured_steps:
                if isinstance(figures, str):
                    print(f"{n:>10,} {size / 1e6:>9,.0f} {step:<34} {figures}")
                    continue
                spent, peak = figures
                written = f"{written_bytes(target) / 1e6:>7.1f}" if target else f"{'':>7}"
                print(
                    f"{n:>10,} {size / 1e6:>9,.0f} {step:<34} {spent:>8.1f} {peak / 1e6:>8,.0f} "
                    f"{spent / base[0]:>7.1f} {peak / base[1]:>7.1f} {written}",
                    flush=True,
                )
                if target is not None and target.suffix == ".parquet" and target.exists():
                    largest = target
            if largest is not None:
                print(f"{'':>20} tables: {table_rows(largest)}; load {load_average()}")
        if args.national and largest is not None:
            national(largest, scratch / "national", args.runs)


# --- a national cycle ----------------------------------------------------------------------

NATIONAL = 500_000
QUERIES = {
    "progress by province and level": (
        "select province, level, count(*) as congresses,"
        " count(*) filter (where complete = contests) as done, sum(seats_open) as seats_open"
        " from {progress} group by all order by all"
    ),
    "women's share of the elected, by level": (
        "select level, body, round(100.0 * count(*) filter (where gender = 'female') / count(*), 1)"
        " from {candidates} where result = 'elected' group by all order by all"
    ),
    "contests waiting, by province": (
        "select province, sum(awaiting_ballots), sum(awaiting_decision) from {progress}"
        " where awaiting_ballots + awaiting_decision > 0 group by all order by all"
    ),
    "one province's candidates by result": (
        "select result, count(*), avg(share) from {candidates}"
        " where province = 'Phú Thọ' group by all order by all"
    ),
}
PARTS = "partition_by (province)"
PROVINCE = "regexp_extract(congress, 'tỉnh (.+?) lần thứ', 1)"
"""The province, from the congress's name as the generator writes it."""


def national(rolled: Path, folder: Path, runs: int) -> None:
    """A national cycle from the roll-up ``rolled`` (Parquet), copied under new congress names
    until it has :data:`NATIONAL` congresses: written as one file per table and partitioned by
    province (``province=…/``); then :data:`QUERIES` timed in DuckDB on each."""
    import duckdb

    from tally.rollup.write import table_paths

    folder.mkdir()
    con = duckdb.connect()
    sources = table_paths(rolled)
    congresses = con.execute(f"select count(*) from '{sources['progress']}'").fetchone()
    assert congresses is not None
    copies = -(-NATIONAL // congresses[0])
    print(
        f"# national cycle: {copies} copies of {congresses[0]:,} congresses, {duckdb.__version__}"
    )
    print(
        f"{'table':<12} {'rows':>12} {'one file MB':>12} {'by province MB':>15} {'written s':>10}"
    )
    for name, source in sources.items():
        started = time.perf_counter()
        copied = (
            f"select t.* exclude (rid) replace (t.congress || ' · ' || k as congress),"
            f" {PROVINCE} as province"
            f" from range({copies}) r(k)"
            f" cross join (select *, row_number() over () as rid from '{source}') t"
            f" order by k, rid"
        )
        con.execute(f"copy ({copied}) to '{folder / name}.parquet' (format parquet)")
        whole = f"'{folder / name}.parquet'"
        con.execute(f"copy (select * from {whole}) to '{folder / name}' (format parquet, {PARTS})")
        spent = time.perf_counter() - started
        rows = con.execute(f"select count(*) from '{folder / name}.parquet'").fetchone()
        assert rows is not None
        one = (folder / f"{name}.parquet").stat().st_size
        parted = sum(p.stat().st_size for p in (folder / name).rglob("*.parquet"))
        print(
            f"{name:<12} {rows[0]:>12,} {one / 1e6:>12,.0f} {parted / 1e6:>15,.0f} {spent:>10.1f}"
        )
    print(f"{'query':<40} {'one file s':>10} {'by province s':>14}")
    for title, query in QUERIES.items():
        timings = []
        for parted in (False, True):
            tables = {}
            for name in ("candidates", "progress"):
                if parted:
                    tables[name] = (
                        f"read_parquet('{folder / name}/*/*.parquet', hive_partitioning = true)"
                    )
                else:
                    tables[name] = f"'{folder / name}.parquet'"
            sql = query.format(**tables)
            best_s = float("inf")
            for _ in range(max(runs, 3)):
                started = time.perf_counter()
                duckdb.connect().sql(sql).fetchall()
                best_s = min(best_s, time.perf_counter() - started)
            timings.append(best_s)
        print(f"{title:<40} {timings[0]:>10.2f} {timings[1]:>14.2f}")


if __name__ == "__main__":
    main()
