"""The presets — every rule set a Vietnamese counting board applies — and a preset adjusted by
the congress, policy by policy (RULES §8).

The Party's two regulations (:data:`~tally.model.rules.QC_190`, the default, and
:data:`~tally.model.rules.QC_244`) and the neighbouring rule sets are the same policies with
other values; nothing outside the policies knows which preset is in force.

>>> sorted(PRESETS)
['peoples_council', 'qc190', 'qc244', 'state', 'trade_union', 'youth_union']
>>> youth = preset("youth_union")
>>> youth.threshold.base.value, youth.rounds.max_rounds, youth.validity.one_name_blank_valid
('collected_ballots', 2, True)
>>> adjusted = with_overrides(
...     preset("qc190"), {"percent": {"decimals": 1}, "tie.policy": "older_wins"}
... )
>>> [(o.path, o.value) for o in adjusted.overrides]
[('percent.decimals', '1'), ('tie.policy', '"older_wins"')]
>>> adjusted.percent.format(2, 3), adjusted.name
('66,7', 'qc190')
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import ValidationError

from tally.errors import Location, RulesError
from tally.i18n.messages import Phrase
from tally.model.rules import (
    QC_190,
    QC_244,
    TALLY_POLICY,
    Citation,
    Confidence,
    DeductionPolicy,
    OpenVotePolicy,
    Organisation,
    PercentPolicy,
    QuorumPolicy,
    RoundPolicy,
    RuleOverride,
    RuleSet,
    ShortfallRemedy,
    SizePolicy,
    SurplusPolicy,
    ThresholdBase,
    ThresholdPolicy,
    TiePolicy,
    TieRule,
    TurnoutPolicy,
    ValidityPolicy,
)

_TALLY = Citation(source=TALLY_POLICY, confidence="U")
_NO_DEDUCTIONS = DeductionPolicy(member_congress=(), delegate_congress=(), committee_conference=())
_NO_SURPLUS = SurplusPolicy(bodies=(), citation=_TALLY)
_NO_SIZES = SizePolicy(standing_max_numerator=1, standing_max_denominator=1)
"""No size advice (a standing committee can never exceed the whole committee); no citation,
so no note."""


def _cite(
    source: str,
    article: str | None = None,
    confidence: Confidence = "P",
    clause: str | None = None,
    note: str = "",
) -> Citation:
    return Citation(source=source, article=article, clause=clause, confidence=confidence, note=note)


def _neighbour(**given: Any) -> RuleSet:
    """A neighbouring rule set: what ``given`` states, and for the rest no surplus rule, no size
    advice, nothing deducted, and tally's policies (re-vote, 2/3 quorum, two decimals)."""
    shared: dict[str, Any] = {
        "tie": TieRule(citation=_TALLY),
        "rounds": RoundPolicy(citation=_TALLY),
        "surplus": _NO_SURPLUS,
        "quorum": QuorumPolicy(citation=_TALLY),
        "percent": PercentPolicy(citation=_TALLY),
        "open_vote": OpenVotePolicy(citation=_TALLY),
        "sizes": _NO_SIZES,
        "deductions": _NO_DEDUCTIONS,
    }
    return RuleSet(**(shared | given))


def _state() -> RuleSet:
    """National Assembly and People's Council deputies (Law 85/2015/QH13, amended 2025)."""
    law = "Luật Bầu cử đại biểu QH và HĐND (85/2015/QH13, sửa đổi 2025)"
    results = _cite(law, "78", "V")
    return _neighbour(
        name="state",
        title="Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân (Luật 85/2015/QH13)",
        source=law,
        organisation=Organisation.STATE,
        threshold=ThresholdPolicy(
            base=ThresholdBase.VALID_BALLOTS, citation=_cite(law, "78", "V", "2")
        ),
        turnout=TurnoutPolicy(required=True, citation=_cite(law, "78", "V", "1")),
        validity=ValidityPolicy(
            citation=_cite(
                law,
                None,
                "V",
                note="the invalid-ballot article: wrong form, no "
                "seal, more names left than seats, all names struck, a name added",
            ),
            all_unmarked_citation=_TALLY,
            no_agree_yes_no_invalid=True,
            no_agree_citation=_cite(law, None, "P", note="all names struck is invalid"),
        ),
        tie=TieRule(policy=TiePolicy.OLDER_WINS, citation=_cite(law, "78", "V", "4")),
        rounds=RoundPolicy(
            citation=results,
            max_rounds=2,
            max_rounds_citation=_cite(law, "79", "P", note="a supplementary election, once"),
            shortfall_remedy=ShortfallRemedy.SUPPLEMENTARY_ELECTION,
            shortfall_citation=_cite(law, "79", "P"),
        ),
        quorum=QuorumPolicy(numerator=0, denominator=1, citation=_TALLY),
        percent=PercentPolicy(citation=_cite(law, None, "P", note="state-election practice")),
    )


def _peoples_council() -> RuleSet:
    """Officers a People's Council (or the National Assembly) elects from its deputies."""
    law = "Luật Tổ chức chính quyền địa phương"
    base = _cite(law, None, "P", note="more than half of all the council's deputies")
    return _neighbour(
        name="peoples_council",
        title="Bầu các chức danh của Hội đồng nhân dân (Luật Tổ chức chính quyền địa phương)",
        source=law,
        organisation=Organisation.PEOPLES_COUNCIL,
        threshold=ThresholdPolicy(base=ThresholdBase.ROLL, citation=base),
        validity=ValidityPolicy(
            citation=base,
            all_unmarked_citation=_TALLY,
            no_agree_yes_no_invalid=True,
            no_agree_citation=_TALLY,
        ),
        quorum=QuorumPolicy(
            citation=_cite(law, None, "P", note="a session needs 2/3 of the deputies")
        ),
    )


def _trade_union() -> RuleSet:
    """Trade union congresses (Điều lệ Công đoàn Việt Nam 2023; the election guidance)."""
    guide = "Điều lệ Công đoàn Việt Nam (2023) và hướng dẫn bầu cử của Tổng Liên đoàn"
    return _neighbour(
        name="trade_union",
        title="Bầu cử trong tổ chức Công đoàn (Điều lệ Công đoàn Việt Nam 2023)",
        source=guide,
        organisation=Organisation.TRADE_UNION,
        threshold=ThresholdPolicy(
            base=ThresholdBase.COLLECTED_BALLOTS,
            citation=_cite(
                guide,
                None,
                "P",
                note="'số phiếu bầu': collected or valid is ambiguous; collected chosen",
            ),
        ),
        validity=ValidityPolicy(
            citation=_cite(guide, None, "V"),
            all_unmarked_citation=_TALLY,
            no_agree_yes_no_invalid=True,
            no_agree_citation=_cite(
                guide, None, "V", note="all struck is invalid, except on a one-name list"
            ),
            partial_strike_kept=True,
            partial_strike_citation=_cite(guide, None, "V"),
        ),
        tie=TieRule(policy=TiePolicy.REVOTE, citation=_cite(guide, None, "V")),
        rounds=RoundPolicy(citation=_cite(guide, None, "P", note="the congress decides")),
    )


def _youth_union() -> RuleSet:
    """Youth Union congresses (Điều lệ Đoàn 2022; local election rulebooks)."""
    rulebook = "Điều lệ Đoàn TNCS Hồ Chí Minh (2022) và thể lệ bầu cử"
    return _neighbour(
        name="youth_union",
        title="Bầu cử trong Đoàn TNCS Hồ Chí Minh (Điều lệ Đoàn 2022)",
        source=rulebook,
        organisation=Organisation.YOUTH_UNION,
        threshold=ThresholdPolicy(
            base=ThresholdBase.COLLECTED_BALLOTS,
            citation=_cite(rulebook, None, "P", note="ballots collected, invalid included"),
        ),
        validity=ValidityPolicy(
            citation=_cite(rulebook, None, "P"),
            all_unmarked_citation=_TALLY,
            no_agree_yes_no_invalid=True,
            no_agree_citation=_cite(rulebook, None, "P"),
            one_name_blank_valid=True,
            one_name_blank_citation=_cite(
                rulebook, None, "P", note="a blank ballot on a one-name list is valid"
            ),
        ),
        rounds=RoundPolicy(
            citation=_cite(rulebook, None, "P"),
            max_rounds=2,
            max_rounds_citation=_cite(rulebook, None, "P", note="at most two rounds"),
        ),
    )


STATE = _state()
"""Deputies elected by the voters: base the valid ballots, more than half of the voters must
vote, ties to the older, a shortfall leads to a supplementary election."""
PEOPLES_COUNCIL = _peoples_council()
"""Officers elected by a People's Council: base all its deputies, nothing deducted."""
TRADE_UNION = _trade_union()
"""Trade union congresses: base the ballots collected (ambiguous, P), a partly struck name is
read as not struck, ties re-voted."""
YOUTH_UNION = _youth_union()
"""Youth Union congresses: base the ballots collected, a blank one-name ballot valid, at most
two rounds."""

PRESETS: dict[str, RuleSet] = {
    rules.name: rules
    for rules in (QC_190, QC_244, STATE, PEOPLES_COUNCIL, TRADE_UNION, YOUTH_UNION)
}
"""Every preset by name; :data:`~tally.model.rules.QC_190` is the default."""

_OPTIONAL = frozenset({"rounds.max_rounds"})
"""Limits that may be off (``None``, from Python: TOML has no null)."""
_FIXED = frozenset({"name", "title", "source", "overrides"})
"""Fields an override may not touch: what the preset is, and the record of overrides."""


def preset(name: str) -> RuleSet:
    """The preset called ``name``; :class:`~tally.errors.RulesError` listing them otherwise."""
    found = PRESETS.get(name)
    if found is None:
        raise RulesError(
            "rules.unknown_preset", Location(field="rules"), name=name, allowed=", ".join(PRESETS)
        )
    return found


def policy_paths(rules: RuleSet = QC_190) -> tuple[str, ...]:
    """Every policy value a congress may set differently, as dotted paths.

    >>> policy_paths()[:3]
    ('threshold.base', 'validity.all_unmarked_yes_no_invalid', 'validity.no_agree_yes_no_invalid')
    """
    return tuple(path for path, _ in _leaves(rules.model_dump(mode="json")))


_CITED_BY = {
    "validity.all_unmarked_yes_no_invalid": "all_unmarked_citation",
    "tie.revote_threshold": "revote_citation",
    "validity.no_agree_yes_no_invalid": "no_agree_citation",
    "validity.one_name_blank_valid": "one_name_blank_citation",
    "validity.partial_strike_kept": "partial_strike_citation",
    "rounds.delegate_rounds_required": "delegate_citation",
    "rounds.max_rounds": "max_rounds_citation",
    "rounds.shortfall_remedy": "shortfall_citation",
    "deductions.committee_conference": "conference_citation",
    "sizes.ranges": "ranges_citation",
    "polls.introduction_base": "introduction_citation",
    "polls.confidence_base": "confidence_citation",
    "polls.low_numerator": "confidence_citation",
    "polls.low_denominator": "confidence_citation",
    "polls.presence_numerator": "presence_citation",
    "polls.presence_denominator": "presence_citation",
    "sizes.committee_list_min_percent": "committee_list_citation",
    "sizes.committee_list_max_percent": "committee_list_citation",
}
"""Policies cited apart from the rest of their group; the others share the group's. A policy
with no citation field of its own (``tie.revote_threshold``) is tally's."""


def policy_values(rules: RuleSet) -> tuple[tuple[str, Any, Citation | None], ...]:
    """Every policy of ``rules``: its path, its value (as JSON) and where it comes from.

    >>> path, value, cited = policy_values(preset("state"))[0]
    >>> path, value, cited.render("en").endswith("Art. 78(2)")
    ('threshold.base', 'valid_ballots', True)
    """
    found: list[tuple[str, Any, Citation | None]] = []
    for path, value in _leaves(rules.model_dump(mode="json")):
        group, _, _ = path.partition(".")
        policy = getattr(rules, group)
        cited = getattr(policy, _CITED_BY.get(path, "citation"), _TALLY)
        found.append((path, value, cited if isinstance(cited, Citation) else None))
    return tuple(found)


def _leaves(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        path = prefix + key
        if key in _FIXED or "citation" in key:
            continue
        if isinstance(value, Mapping):
            yield from _leaves(value, path + ".")
        else:
            yield path, value


def _flatten(
    overrides: Mapping[str, Any], known: frozenset[str], prefix: str = ""
) -> Iterator[tuple[str, Any]]:
    """``{"percent": {"decimals": 1}}`` and ``{"percent.decimals": 1}`` alike, as leaves."""
    for key, value in overrides.items():
        path = prefix + str(key)
        if path not in known and isinstance(value, Mapping):
            yield from _flatten(value, known, path + ".")
        else:
            yield path, value


def with_overrides(base: RuleSet, overrides: Mapping[str, Any]) -> RuleSet:
    """``base`` with the policy values in ``overrides`` (dotted paths or nested tables), each
    recorded in :attr:`RuleSet.overrides` when it differs from ``base``. A path that is not a
    policy, a citation, or a value the policy does not take is a located
    :class:`~tally.errors.RulesError`."""
    known = frozenset(policy_paths(base))
    data = base.model_dump(mode="json")
    current = dict(_leaves(data))
    changed: list[RuleOverride] = []
    given: set[str] = set()
    for path, value in _flatten(overrides, known):
        where = Location(field=f"rules.{path}")
        if path in given:  # percent = { decimals = 1 } and percent.decimals = 3
            raise RulesError("rules.override_twice", where, path=path)
        given.add(path)
        if path not in known:
            raise RulesError(
                "rules.unknown_policy", where, path=path, allowed=", ".join(sorted(known))
            )
        _check_type(value, current[path], path, where)
        *parents, leaf = path.split(".")
        target = data
        for part in parents:
            target = target[part]
        target[leaf] = value
        _check_value(data, path, where, value)
        if value != current[path]:
            changed.append(RuleOverride(path=path, value=json.dumps(value, ensure_ascii=False)))
    data["overrides"] = [o.model_dump() for o in (*base.overrides, *changed)]
    return RuleSet.model_validate(data)


def _check_type(value: object, now: object, path: str, where: Location) -> None:
    """A switch takes ``true``/``false``, a number a whole number (also a limit that is off,
    ``None``), a list a list — never converted (``"2"`` for 2, ``1`` for ``true``). Choices
    are left to the policy, which names them."""
    if isinstance(now, str):
        return
    allowed: object
    if isinstance(now, bool):
        fits, allowed = isinstance(value, bool), "true, false"
    elif isinstance(now, int) or now is None:
        whole = isinstance(value, int) and not isinstance(value, bool)
        fits = whole or (value is None and path in _OPTIONAL)
        allowed = Phrase("rules.a_whole_number")
    else:
        fits, allowed = isinstance(value, list | tuple), Phrase("rules.a_list")
    if not fits:
        raise RulesError("rules.bad_value", where, path=path, value=value, allowed=allowed)


def _check_value(data: dict[str, Any], path: str, where: Location, value: object) -> None:
    try:
        RuleSet.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        ctx = problem.get("ctx", {})
        allowed: object = Phrase("rules.see_tally_rules")
        said = str(ctx.get("error", ""))
        if said.startswith("rules.constraint."):
            allowed = Phrase(said)
        if "expected" in ctx:
            allowed = str(ctx["expected"]).replace("'", '"').replace(" or ", ", ")
        for bound, sign in (("le", "≤"), ("ge", "≥"), ("lt", "<"), ("gt", ">")):
            if bound in ctx:
                allowed = f"{sign} {ctx[bound]}"
        raise RulesError(
            "rules.bad_value", where, path=path, value=value, allowed=allowed
        ) from None


__all__ = [
    "PEOPLES_COUNCIL",
    "PRESETS",
    "STATE",
    "TRADE_UNION",
    "YOUTH_UNION",
    "policy_paths",
    "policy_values",
    "preset",
    "with_overrides",
]
