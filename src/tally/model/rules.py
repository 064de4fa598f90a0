"""Rule sets: the regulation as data — named policies, each citing its article (DESIGN decision 2).

A :class:`RuleSet` is frozen. The presets :data:`QC_190` (default, in force since 10/2024) and
:data:`QC_244` (2014 – 10/2024) differ only in their article numbers. A custom rule set is the
same policies with other values:

>>> state_tie = TieRule(policy=TiePolicy.OLDER_WINS,
...     citation=Citation(source="Luật 85/2015/QH13", article="78", confidence="V"))
>>> custom = QC_190.model_copy(update={"name": "my_rules", "tie": state_tie})
>>> custom.tie.policy.value, QC_190.tie.policy.value
('older_wins', 'revote')
>>> QC_190.percent.format(2, 3, "vi"), QC_190.percent.format(2, 3, "en")
('66,67', '66.67')
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, Self

from pydantic import Field, model_validator

from tally.errors import Location, RollError
from tally.i18n.labels import Term
from tally.i18n.messages import Lang, text
from tally.model.base import FrozenModel
from tally.model.bodies import Body, Level
from tally.model.roll import ALLOWED_DEDUCTIONS, CongressKind, Deduction, Roll

Confidence = Literal["V", "P", "U"]


class Citation(FrozenModel):
    """Where a rule comes from, and how sure we are (RULES.md tags: V read, P partly, U policy).

    >>> Citation(source="QĐ 190-QĐ/TW", article="30", clause="2", confidence="V").render("en")
    'QĐ 190-QĐ/TW, Art. 30(2)'
    """

    source: str
    article: str | None = None
    clause: str | None = None
    confidence: Confidence
    note: str = ""

    def render(self, lang: Lang = "vi") -> str:
        """Short citation for the minutes, e.g. ``QĐ 190-QĐ/TW, Điều 30 khoản 2``."""
        if self.source == TALLY_POLICY:
            return text("citation.tally_policy", lang)
        if self.article is None:
            cited = self.source
        elif self.clause:
            cited = text(
                "citation.article_clause",
                lang,
                source=self.source,
                article=self.article,
                clause=self.clause,
            )
        else:
            cited = text("citation.article", lang, source=self.source, article=self.article)
        if self.confidence == "U":
            cited += text("citation.unconfirmed", lang)
        return cited


TALLY_POLICY = "tally"
"""The ``source`` of a policy that no regulation sets (RULES.md tag U)."""


class Organisation(StrEnum):
    """Whose election the rule set counts: it chooses the words of the documents (the masthead,
    who is convened), never a rule."""

    PARTY = "party"
    STATE = "state"
    """National Assembly and People's Council deputies, elected by the voters."""
    PEOPLES_COUNCIL = "peoples_council"
    """Officers elected by a People's Council (or the National Assembly) from its deputies."""
    TRADE_UNION = "trade_union"
    YOUTH_UNION = "youth_union"


class ThresholdBase(StrEnum):
    """What a winner must have more than half of."""

    ROLL = "roll"
    """The roll-based base fixed at the congress (Party rule)."""
    VALID_BALLOTS = "valid_ballots"
    """Valid ballots (state elections)."""
    COLLECTED_BALLOTS = "collected_ballots"
    """Ballots collected, invalid included (some mass organisations)."""


class ThresholdPolicy(FrozenModel):
    """Winning needs ``2 * votes > base``; this policy says which number is the base."""

    base: ThresholdBase = ThresholdBase.ROLL
    citation: Citation


class ValidityPolicy(FrozenModel):
    """How ballots are judged (RULES §3)."""

    all_unmarked_yes_no_invalid: bool = True
    """A multi-candidate yes/no ballot on which no candidate has a clear mark is ``no_vote``."""
    no_agree_yes_no_invalid: bool = False
    """A multi-candidate yes/no ballot that agrees with nobody (every name disagreed, or left
    unclear) votes for nobody on a multi-name list: ``no_vote``. On in the Party presets; off
    when a rule set recorded before this policy existed is read back, as it was counted."""
    citation: Citation
    all_unmarked_citation: Citation
    no_agree_citation: Citation | None = None
    """Where :attr:`no_agree_yes_no_invalid` comes from (the Party presets: the ballot
    article, confidence P)."""
    one_name_blank_valid: bool = False
    """A one-name yes/no ballot with neither box marked is valid (it votes for nobody, and
    the name gets no vote from it) instead of ``yes_no_unclear``: the Youth Union's rule."""
    one_name_blank_citation: Citation | None = None
    partial_strike_kept: bool = False
    """A reading rule for the board, not a computation: a name struck only in part (the
    surname or the middle name) or underlined counts as **not** struck (the trade union's
    guidance). ``tally rules`` prints it; the board reads ballots by it."""
    partial_strike_citation: Citation | None = None


class TiePolicy(StrEnum):
    """What happens when equal votes at the cut-off exceed the seats left (RULES §4)."""

    REVOTE = "revote"
    """Report the tied group; the congress holds a re-vote among them."""
    OLDER_WINS = "older_wins"
    """The older candidate wins (state-election rule); needs every tied birth date."""
    CONGRESS_DECIDES = "congress_decides"
    """The congress decides; the decision is recorded explicitly."""


class RevoteThreshold(StrEnum):
    """What a re-vote among candidates tied at the cut-off needs (RULES §4 [U])."""

    MORE_THAN_HALF = "more_than_half"
    """More than half of the base, as in any round (default)."""
    MOST_VOTES = "most_votes"
    """The most-voted of the tied win, without the threshold (at least one vote; a new tie at
    the cut-off is reported again)."""


class TieRule(FrozenModel):
    """The tie policy and its citation."""

    policy: TiePolicy = TiePolicy.REVOTE
    citation: Citation
    revote_threshold: RevoteThreshold = RevoteThreshold.MORE_THAN_HALF
    """What the re-vote among the tied needs; no source settles it (tally's policy, [U])."""


class ShortfallRemedy(StrEnum):
    """What follows a shortfall, in the words of the next-step text."""

    FURTHER_ROUND = "further_round"
    """The congress decides whether to hold another round (the Party's rule)."""
    SUPPLEMENTARY_ELECTION = "supplementary_election"
    """A supplementary election (bầu cử thêm) is organised (the State's rule)."""


class RoundPolicy(FrozenModel):
    """Further rounds elect only the seats still open, against the same base (RULES §4)."""

    cell_secretary_max_rounds: int = Field(default=3, ge=1)
    """A chi bộ that fails to elect a secretary in this many rounds gets one appointed."""
    surplus_in_further_rounds: bool = False
    """Apply the list-surplus rule to a further round's list too. Off by default [U]: the
    further round's list is what the congress decided for it."""
    delegate_rounds_required: int = Field(default=0, ge=0)
    """Rounds the congress must hold while delegates to the upper congress (official or
    alternate) are short; after them, whether to vote again is its choice. The Party presets:
    1 — "bầu lần thứ nhất chưa đủ số lượng đại biểu thì bầu tiếp" (QĐ 244 Art. 20(2)). A rule
    set recorded before this policy existed reads back with 0, as it was counted."""
    citation: Citation
    delegate_citation: Citation | None = None
    """Where :attr:`delegate_rounds_required` comes from."""
    max_rounds: int | None = Field(default=None, ge=1)
    """At most this many rounds of one contest (the Youth Union: two); ``None``, no limit."""
    max_rounds_citation: Citation | None = None
    shortfall_remedy: ShortfallRemedy = ShortfallRemedy.FURTHER_ROUND
    shortfall_citation: Citation | None = None


class SurplusPolicy(FrozenModel):
    """How much longer than the seats a committee's list must and may be (RULES §5)."""

    bodies: tuple[Body, ...] = tuple(b for b in Body if b.is_committee)
    """Bodies whose lists must be longer than the seats."""
    max_percent: int = Field(default=30, ge=0)
    """The surplus is at most this percentage of the seats."""
    small_body_max_seats: int = Field(default=5, ge=0)
    """Bodies of at most this many seats use :attr:`small_body_max_surplus` instead."""
    small_body_max_surplus: int = Field(default=1, ge=1)
    citation: Citation

    def max_surplus(self, seats: int) -> int:
        """The largest surplus allowed for ``seats`` seats.

        >>> QC_190.surplus.max_surplus(33), QC_190.surplus.max_surplus(5)
        (9, 1)
        """
        if seats <= self.small_body_max_seats:
            return self.small_body_max_surplus
        return seats * self.max_percent // 100


class QuorumFinding(FrozenModel):
    """Whether enough of those convened are present (a warning, not a stop)."""

    met: bool
    present: int
    convened: int
    required: int


class QuorumPolicy(FrozenModel):
    """At least ``numerator/denominator`` of those convened present (RULES §7, default 2/3)."""

    numerator: int = Field(default=2, ge=0)
    denominator: int = Field(default=3, gt=0)
    citation: Citation

    @model_validator(mode="after")
    def _a_share(self) -> Self:
        if self.numerator > self.denominator:
            raise ValueError("rules.constraint.share")
        return self

    def check(self, roll: Roll) -> QuorumFinding:
        """Quorum finding for ``roll``.

        >>> from tally.model.roll import CongressKind
        >>> QC_190.quorum.check(Roll(kind=CongressKind.MEMBER_CONGRESS, convened=10, present=6))
        QuorumFinding(met=False, present=6, convened=10, required=7)
        """
        required = -(-self.numerator * roll.convened // self.denominator)
        return QuorumFinding(
            met=roll.present >= required,
            present=roll.present,
            convened=roll.convened,
            required=required,
        )


class TurnoutFinding(FrozenModel):
    """Whether enough of those convened (the voters on the list) voted for the result to stand."""

    met: bool
    voted: int
    convened: int


class TurnoutPolicy(FrozenModel):
    """The result stands only if more than half of those convened voted (the State's rule: more
    than half of the voters on the list); ``required`` off (the default), nothing is checked.
    It decides the first ballot: the re-run that follows stands whatever the turnout (Law
    85/2015 Art. 80)."""

    required: bool = False
    citation: Citation | None = None

    def check(self, roll: Roll, collected: int) -> TurnoutFinding | None:
        """The finding for ``collected`` ballots, or ``None`` when the rule set has no gate.

        >>> from tally.model.roll import CongressKind
        >>> gate = TurnoutPolicy(required=True)
        >>> gate.check(Roll(kind=CongressKind.MEMBER_CONGRESS, convened=10, present=10), 5).met
        False
        """
        if not self.required:
            return None
        return TurnoutFinding(
            met=2 * collected > roll.convened, voted=collected, convened=roll.convened
        )


class Rounding(StrEnum):
    """How a displayed percentage is rounded."""

    HALF_UP = "half_up"
    TRUNCATE = "truncate"


class PercentPolicy(FrozenModel):
    """Percentages of the base for display only (integers decide)."""

    decimals: int = Field(default=2, ge=0, le=6)
    rounding: Rounding = Rounding.HALF_UP
    citation: Citation
    of_valid: bool = False
    """The minutes also show each candidate's share of the valid ballots (off for the Party)."""
    of_present: bool = False
    """The minutes also show each candidate's share of those present (off for the Party)."""

    def scaled(self, votes: int, base: int) -> int | None:
        """``votes / base`` in hundredths of a percent (with two decimals; thousandths with
        three…), rounded as the policy says, computed exactly in integers; ``None`` without a
        base.

        >>> PercentPolicy(citation=Citation(source="x", confidence="U")).scaled(2, 3)
        6667
        """
        if base <= 0:
            return None
        quotient, remainder = divmod(votes * 100 * int(10**self.decimals), base)
        if self.rounding is Rounding.HALF_UP and 2 * remainder >= base:
            quotient += 1
        return quotient

    def value(self, votes: int, base: int) -> float | None:
        """The share as a number for a spreadsheet cell (``66.67``), rounded as
        :meth:`format` prints it; ``None`` without a base."""
        scaled = self.scaled(votes, base)
        return None if scaled is None else scaled / 10**self.decimals

    def format(self, votes: int, base: int, lang: Lang = "vi") -> str:
        """``votes / base`` as a percentage string, computed exactly in integers."""
        quotient = self.scaled(votes, base)
        if quotient is None:
            return "—"
        scale = 10**self.decimals
        whole, frac = divmod(quotient, scale)
        separator = text("number.decimal_separator", lang)
        return f"{whole}{separator}{frac:0{self.decimals}d}" if self.decimals else str(whole)


class OpenVoteBase(StrEnum):
    """What a motion in an open vote needs more than half of."""

    ROLL = "roll"
    """The roll-based base, as in the elections (default)."""
    PRESENT = "present"
    """Those present."""


class OpenVotePolicy(FrozenModel):
    """Open votes (show of hands, delegate card) pass with ``2 * yes > base`` (RULES §7 [U])."""

    base: OpenVoteBase = OpenVoteBase.ROLL
    citation: Citation


class SizeRange(FrozenModel):
    """The seats advised for one body at one level: ``low`` to ``high``."""

    level: Level
    body: Body
    low: int = Field(ge=0)
    high: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.low > self.high:
            raise ValueError("rules.constraint.range")
        return self


class SizePolicy(FrozenModel):
    """Advisory sizes of the bodies (the congress votes them; a size outside is a note in the
    summary, never an error): the standing committee at most ``numerator/denominator`` of the
    executive committee (RULES §6: one third, QĐ 29-QĐ/TW Art. 12)."""

    standing_max_numerator: int = Field(default=1, ge=0)
    standing_max_denominator: int = Field(default=3, gt=0)
    citation: Citation | None = None
    ranges: tuple[SizeRange, ...] = ()
    """Seats advised per level and body (Chỉ thị 45-CT/TW), noted when the spec states its
    level and a contest's seats fall outside."""
    ranges_citation: Citation | None = None
    committee_list_min_percent: int = Field(default=10, ge=0)
    committee_list_max_percent: int = Field(default=15, ge=0)
    """The list the convening committee prepares for a committee carries 10–15% more names than
    the seats (RULES §5); noted when outside, only with :attr:`committee_list_citation`."""
    committee_list_citation: Citation | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.standing_max_numerator > self.standing_max_denominator:
            raise ValueError("rules.constraint.share")
        if self.committee_list_min_percent > self.committee_list_max_percent:
            raise ValueError("rules.constraint.range")
        seen = [(r.level, r.body) for r in self.ranges]
        if len(set(seen)) != len(seen):
            raise ValueError("rules.constraint.twice")
        return self

    def size_range(self, level: Level, body: Body) -> SizeRange | None:
        """The advised range of ``body`` at ``level``, if the rule set has one."""
        return next((r for r in self.ranges if r.level is level and r.body is body), None)

    def standing_too_large(self, standing: int, executive: int) -> bool:
        """Whether a standing committee of ``standing`` seats passes the share of an executive
        committee of ``executive``.

        >>> QC_190.sizes.standing_too_large(11, 33), QC_190.sizes.standing_too_large(12, 33)
        (False, True)
        """
        return standing * self.standing_max_denominator > executive * self.standing_max_numerator


CONFERENCE_DEDUCTIONS = (
    Deduction.TEMPORARY_REGISTRATION,
    Deduction.SUSPENDED,
    Deduction.PROSECUTED,
)
"""What QĐ 24-QĐ/TW (2021) point 9.3.3 takes from a committee conference's incumbent members,
as far as read (RULES §1, P): temporary registration elsewhere, suspended, prosecuted."""


def _kind_deductions(kind: CongressKind) -> tuple[Deduction, ...]:
    return tuple(c for c in Deduction if c in ALLOWED_DEDUCTIONS[kind])


class DeductionPolicy(FrozenModel):
    """Which categories of those convened each kind of meeting takes off the base (RULES §1).

    The defaults are every category the kind admits — the member congress's list at a committee
    conference, as rule sets recorded before this policy counted. The Party presets give a
    conference only :data:`CONFERENCE_DEDUCTIONS` (QĐ 24-QĐ/TW 9.3.3); a body whose base is all
    its members (a People's Council electing its chair) takes nothing off.

    >>> QC_190.deductions.committee_conference == CONFERENCE_DEDUCTIONS
    True
    >>> DeductionPolicy().allowed(CongressKind.COMMITTEE_CONFERENCE)[-1].value
    'absent_with_reason'
    """

    member_congress: tuple[Deduction, ...] = _kind_deductions(CongressKind.MEMBER_CONGRESS)
    delegate_congress: tuple[Deduction, ...] = _kind_deductions(CongressKind.DELEGATE_CONGRESS)
    committee_conference: tuple[Deduction, ...] = _kind_deductions(
        CongressKind.COMMITTEE_CONFERENCE
    )
    citation: Citation | None = None
    """Where the lists come from, when a source sets them."""
    conference_citation: Citation | None = None
    """Where the committee conference's list comes from."""

    @model_validator(mode="after")
    def _of_the_kind(self) -> Self:
        """Each kind deducts only categories that exist for it, each once."""
        for kind in CongressKind:
            chosen = self.allowed(kind)
            if len(set(chosen)) != len(chosen):
                raise ValueError("rules.constraint.twice")
            if not set(chosen) <= ALLOWED_DEDUCTIONS[kind]:
                raise ValueError(f"rules.constraint.deductions.{kind.value}")
        return self

    def allowed(self, kind: CongressKind) -> tuple[Deduction, ...]:
        """The categories a meeting of ``kind`` deducts under this policy."""
        chosen: tuple[Deduction, ...] = getattr(self, kind.value)
        return chosen

    def check(self, kind: CongressKind, deductions: dict[Deduction, int], field: str) -> None:
        """Every non-zero deduction is one the policy allows for ``kind``; the error names the
        field and the categories allowed."""
        allowed = self.allowed(kind)
        for category, number in deductions.items():
            if number and category not in allowed:
                raise RollError(
                    "roll.category_rules",
                    Location(field=f"{field}.{category.value}"),
                    category=category.value,
                    label=Term(category),
                    kind=Term(kind),
                    allowed=", ".join(c.value for c in allowed) or "—",
                )


class PollPolicy(FrozenModel):
    """Polls that elect nobody (RULES §7, §8): what an introduction poll's shares are of, and
    what a confidence vote's shares are of, when low confidence is an outcome, and how many of
    those convened must be present for it."""

    introduction_base: ThresholdBase = ThresholdBase.COLLECTED_BALLOTS
    """Each nominee's share of this number (no threshold) [P: "a share of ballots"]."""
    introduction_citation: Citation | None = None
    introduction_blank_valid: bool = True
    """An introduction ballot that marks nobody is valid and introduces nobody; off, it is
    invalid (``no_vote``). No source settles it (tally's policy, [U])."""
    confidence_base: ThresholdBase = ThresholdBase.ROLL
    """Shares of all members of the body: the roll's base [P]."""
    low_numerator: int = Field(default=1, ge=0)
    low_denominator: int = Field(default=2, gt=0)
    """An outcome when low confidence is more than this share of the base [P]."""
    confidence_citation: Citation | None = None
    presence_numerator: int = Field(default=2, ge=0)
    presence_denominator: int = Field(default=3, gt=0)
    """A confidence vote proceeds only with at least this share of those convened present [V]."""
    presence_citation: Citation | None = None

    @model_validator(mode="after")
    def _shares(self) -> Self:
        if self.presence_numerator > self.presence_denominator:
            raise ValueError("rules.constraint.share")
        if not 0 < self.low_numerator < self.low_denominator:
            raise ValueError("rules.constraint.low_share")
        return self

    def low_over_share(self, low: int, base: int) -> bool:
        """Whether ``low`` ratings are more than the stated share of ``base`` (integers).

        >>> PollPolicy().low_over_share(6, 11), PollPolicy().low_over_share(5, 10)
        (True, False)
        """
        return low * self.low_denominator > self.low_numerator * base


class RuleOverride(FrozenModel):
    """One policy value the congress set differently from its preset: the dotted path of the
    policy (``threshold.base``) and the value, as JSON (``"valid_ballots"``, ``1``, ``true``)."""

    path: str
    value: str


class RuleSet(FrozenModel):
    """A complete set of counting rules: every policy named and cited."""

    name: str
    title: str
    source: str
    threshold: ThresholdPolicy
    validity: ValidityPolicy
    tie: TieRule
    rounds: RoundPolicy
    surplus: SurplusPolicy
    quorum: QuorumPolicy
    percent: PercentPolicy
    open_vote: OpenVotePolicy
    sizes: SizePolicy = SizePolicy()
    """Advisory only; a rule set recorded before it existed reads back with its defaults."""
    deductions: DeductionPolicy = DeductionPolicy()
    """A rule set recorded before this policy existed reads back with every category allowed."""
    turnout: TurnoutPolicy = TurnoutPolicy()
    organisation: Organisation = Organisation.PARTY
    """Whose election: the documents' words (masthead, who is convened), not a rule."""
    polls: PollPolicy = PollPolicy()
    """Introduction polls and confidence votes."""
    overrides: tuple[RuleOverride, ...] = ()
    """The policies the congress set differently from the preset :attr:`name` (the spec's
    ``[rules]`` table); the minutes list them as the congress's decisions."""


def _party_rules(
    name: str, source: str, title: str, art: dict[str, str], delegates: Citation
) -> RuleSet:
    """A Party rule set; the two regulations share substance and differ in article numbers."""

    def cite(key: str, confidence: Confidence = "V", clause: str | None = None) -> Citation:
        return Citation(source=source, article=art[key], clause=clause, confidence=confidence)

    tally_policy = Citation(source=TALLY_POLICY, confidence="U")
    return RuleSet(
        name=name,
        title=title,
        source=source,
        threshold=ThresholdPolicy(citation=cite("results")),
        validity=ValidityPolicy(
            citation=cite("ballots"),
            all_unmarked_citation=tally_policy,
            no_agree_yes_no_invalid=True,
            no_agree_citation=cite("ballots", "P"),
        ),
        tie=TieRule(citation=tally_policy),
        rounds=RoundPolicy(
            citation=cite("results", "P"), delegate_rounds_required=1, delegate_citation=delegates
        ),
        surplus=SurplusPolicy(citation=cite("surplus")),
        quorum=QuorumPolicy(citation=tally_policy),
        percent=PercentPolicy(citation=tally_policy),
        open_vote=OpenVotePolicy(citation=tally_policy),
        sizes=SizePolicy(
            citation=Citation(
                source="QĐ 29-QĐ/TW",
                article="12",
                confidence="V",
                note="carried into later guidance",
            ),
            ranges=(
                SizeRange(level=Level.COMMUNE, body=Body.EXECUTIVE_COMMITTEE, low=27, high=33),
                SizeRange(level=Level.COMMUNE, body=Body.STANDING_COMMITTEE, low=9, high=11),
                SizeRange(level=Level.COMMUNE, body=Body.DEPUTY_SECRETARY, low=2, high=2),
            ),
            ranges_citation=Citation(
                source="Chỉ thị 45-CT/TW",
                confidence="P",
                note="the commune level's ranges as read; other levels not read",
            ),
            committee_list_citation=cite("surplus"),
        ),
        polls=PollPolicy(
            introduction_citation=Citation(
                source="Hướng dẫn 04-HD/TW",
                article="8",
                confidence="P",
                note="the introduction poll before a direct election; Mẫu số 5",
            ),
            confidence_citation=Citation(
                source="QĐ 96-QĐ/TW (2023)",
                confidence="P",
                note="three levels; the share that makes low confidence an outcome is stated",
            ),
            presence_citation=Citation(
                source="QĐ 96-QĐ/TW (2023)",
                confidence="V",
                note="at least 2/3 of those convened present",
            ),
        ),
        deductions=DeductionPolicy(
            committee_conference=CONFERENCE_DEDUCTIONS,
            citation=cite("results"),
            conference_citation=Citation(
                source="QĐ 24-QĐ/TW, điểm 9.3.3",
                confidence="P",
                note="the exclusions read; the full list was not",
            ),
        ),
    )


QC_190 = _party_rules(
    "qc190",
    "QĐ 190-QĐ/TW",
    "Quy chế bầu cử trong Đảng (Quyết định 190-QĐ/TW ngày 10/10/2024)",
    {"results": "30", "ballots": "15", "surplus": "14", "board": "8"},
    Citation(
        source="QĐ 244-QĐ/TW",
        article="20",
        clause="2",
        confidence="P",
        note="the rule read in QĐ 244; its article in QĐ 190 was not read",
    ),
)
"""Quyết định 190-QĐ/TW (2024), in force now: the default rule set."""

QC_244 = _party_rules(
    "qc244",
    "QĐ 244-QĐ/TW",
    "Quy chế bầu cử trong Đảng (Quyết định 244-QĐ/TW ngày 09/6/2014)",
    {"results": "32", "ballots": "17", "surplus": "14", "board": "7"},
    Citation(source="QĐ 244-QĐ/TW", article="20", clause="2", confidence="V"),
)
"""Quyết định 244-QĐ/TW (2014 – 10/2024)."""

DEFAULT_RULES = QC_190
