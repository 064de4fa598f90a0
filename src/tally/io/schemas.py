"""The JSON Schema of every JSON file tally writes, from the models that write it, so that
other software can validate tally's output (``tally schema KIND``).

>>> schema = json_schema("result")
>>> schema["$schema"], schema["title"], "outcome" in schema["properties"]
('https://json-schema.org/draft/2020-12/schema', 'tally result', True)
>>> sorted(SCHEMAS)
['contest', 'poll', 'record', 'result', 'rules']
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from tally.arguments import checked
from tally.congress.run import CongressRecord, ContestRecord
from tally.counting.poll import PollResult
from tally.counting.result import ContestResult
from tally.errors import InputFileError, Location
from tally.model.rules import RuleSet

SCHEMAS: dict[str, type[BaseModel]] = {
    "record": CongressRecord,
    "contest": ContestRecord,
    "result": ContestResult,
    "poll": PollResult,
    "rules": RuleSet,
}
"""What each kind of file holds: ``record`` — ``tally count --format json`` for a whole
congress (read with ``load_record``); ``contest`` — the same with ``--contest``; ``result`` —
one round's result, ``ContestResult.to_json()`` (``load_result``); ``poll`` — each element of
``tally poll --format json``; ``rules`` — ``tally rules NAME --format json``."""

DIALECT = "https://json-schema.org/draft/2020-12/schema"


@checked
def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the files of ``kind``, as tally writes them."""
    model = SCHEMAS.get(kind)
    if model is None:
        raise InputFileError(
            "schema.unknown_kind", Location(field="kind"), kind=kind, allowed=", ".join(SCHEMAS)
        )
    schema = model.model_json_schema(mode="serialization")
    return {"$schema": DIALECT, **schema, "title": f"tally {kind}"}
