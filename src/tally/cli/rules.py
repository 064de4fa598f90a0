"""``tally rules``: the presets, or every policy of one rule set — a preset's, or the one a
congress spec puts in force with its overrides."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tally.i18n.messages import Lang


def rules_command(args: argparse.Namespace) -> tuple[str, bool, str]:
    """The list of presets (no name), or one rule set printed in full."""
    from tally.model.presets import preset
    from tally.render.rule_set import render_presets, render_rule_set

    lang: Lang = args.lang
    name: str | None = args.name
    if name is None:
        if args.fmt == "json":
            from tally.model.presets import PRESETS

            listed = [{"name": n, "title": r.title, "source": r.source} for n, r in PRESETS.items()]
            return json.dumps(listed, ensure_ascii=False, indent=2) + "\n", False, ""
        return render_presets(lang, args.fmt), False, ""
    if name.endswith(".toml") or Path(name).is_file():
        from tally.io.spec import load_congress

        rules = load_congress(name).rules
    else:
        rules = preset(name)
    if args.fmt == "json":
        return rules.model_dump_json(indent=2) + "\n", False, ""
    return render_rule_set(rules, lang, args.fmt), False, ""
