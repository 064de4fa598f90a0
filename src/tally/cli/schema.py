"""``tally schema KIND``: the JSON Schema of the JSON files tally writes."""

from __future__ import annotations

import argparse
import json


def schema_command(args: argparse.Namespace) -> tuple[str, bool, str]:
    """The schema of ``args.kind`` as indented JSON."""
    from tally.io.schemas import json_schema

    return json.dumps(json_schema(args.kind), ensure_ascii=False, indent=2) + "\n", False, ""
