"""A rule set printed for a board: every policy, its value as the spec's ``[rules]`` table
writes it, and where it comes from (``tally rules NAME``); and the list of presets
(``tally rules``).

>>> from tally.model.presets import preset
>>> text = render_rule_set(preset("youth_union"), "en")
>>> "threshold.base" in text and "collected_ballots" in text
True
>>> "youth_union" in render_presets("en")
True
"""

from __future__ import annotations

import json
from typing import Any

from tally.arguments import checked
from tally.i18n.labels import label
from tally.i18n.messages import Lang, Words
from tally.model.presets import PRESETS, policy_values
from tally.model.rules import RuleOverride, RuleSet
from tally.render.document import (
    Block,
    Fields,
    Format,
    Heading,
    Paragraph,
    Title,
    render,
)

_t = Words("rules")


def shown_value(value: Any, lang: Lang) -> str:
    """A policy value as the spec writes it: ``"valid_ballots"`` → ``valid_ballots``, a list
    joined by commas, a limit that is off as the word for off."""
    if value is None:
        return _t("off", lang)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ", ".join(_item(v) for v in value) or _t("none", lang)
    return str(value)


def _item(value: Any) -> str:
    """One item of a list policy: a size range as ``commune executive_committee 27–33``."""
    if isinstance(value, dict):
        return f"{value['level']} {value['body']} {value['low']}–{value['high']}"
    return str(value)


def policy_name(path: str, lang: Lang) -> str:
    """The words for the policy at ``path`` (``tie.policy`` → "Khi bằng phiếu ở vị trí cuối")."""
    return _t(f"rules.policy.{path}", lang)


def override_lines(overrides: tuple[RuleOverride, ...], lang: Lang) -> list[str]:
    """Each policy the congress set differently, in words: ``name (path): value``."""
    return [
        f"{policy_name(o.path, lang)} ({o.path}): {shown_value(json.loads(o.value), lang)}"
        for o in overrides
    ]


def rule_set_blocks(rules: RuleSet, lang: Lang = "vi") -> list[Block]:
    """The rule set's name, organisation and source, any overrides, then every policy."""
    fields = [
        (_t("name", lang), rules.name),
        (_t("rules.rule_set", lang), rules.title),
        (_t("organisation", lang), label(rules.organisation, lang)),
        (_t("source", lang), rules.source),
    ]
    fields += [(_t("overridden", lang), line) for line in override_lines(rules.overrides, lang)]
    policies: list[Block] = [
        Paragraph(
            f"{path} = {shown_value(value, lang)} — {policy_name(path, lang)}"
            f" [{cited.render(lang) if cited is not None else '—'}]"
        )
        for path, value, cited in policy_values(rules)
    ]
    return [
        Title(_t("title", lang), (rules.title,)),
        Fields(tuple(fields)),
        Heading(_t("policies", lang)),
        Paragraph(_t("policies_how", lang)),
        *policies,
        Paragraph(_t("how_to_use", lang, name=rules.name)),
    ]


@checked
def render_rule_set(rules: RuleSet, lang: Lang = "vi", fmt: Format = "text") -> str:
    """Every policy of ``rules`` with its value and citation, as plain text or Markdown."""
    return render(rule_set_blocks(rules, lang), fmt)


@checked
def render_presets(lang: Lang = "vi", fmt: Format = "text") -> str:
    """The presets: each name, with its title and organisation."""
    listed = tuple(
        (name, f"{rules.title} — {label(rules.organisation, lang)}")
        for name, rules in PRESETS.items()
    )
    blocks: list[Block] = [
        Title(_t("presets", lang), ()),
        Fields(listed),
        Paragraph(_t("list_hint", lang)),
    ]
    return render(blocks, fmt)
