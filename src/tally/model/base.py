"""The one base of tally's value models: frozen, closed to unknown fields (and, for text the
minutes print, one line).

>>> from pydantic import ValidationError
>>> class Seat(FrozenModel):
...     number: int
>>> seat = Seat(number=3)
>>> try:
...     seat.number = 4
... except ValidationError as error:
...     print(error.errors()[0]["type"])
frozen_instance
>>> try:
...     Seat(number=3, colour="red")
... except ValidationError as error:
...     print(error.errors()[0]["type"])
extra_forbidden
>>> Seat(number=3) == seat, hash(Seat(number=3)) == hash(seat)
(True, True)
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, field_validator

from tally.model.plain_text import one_line


class FrozenModel(BaseModel):
    """A value that cannot change once made, and that names every field it accepts.

    - **Frozen**: assigning to a field raises; two models with equal fields are equal and hash
      alike, so they can be dictionary keys and set members. Change one with
      ``model_copy(update=...)``, which makes a new value.
    - **Closed** (``extra="forbid"``): a field the model does not know (a misspelt key in a
      spec, a result file from another tool) is refused, never silently dropped.
    - **Not strict** unless a field says so: pydantic's usual conversions apply (``"3"`` or
      ``3.0`` for an ``int``, a list for a tuple); fields that must be given exactly as typed
      carry ``Strict()`` themselves.

    A model that needs more (numpy arrays, an alias) adds only that to its own
    ``model_config``; the settings here are merged in.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")


class OneLineModel(FrozenModel):
    """A :class:`FrozenModel` whose every text field is one line of plain text (the minutes
    print it): a line break, a terminal escape or a direction mark is refused with pydantic's
    error kind ``one_line``, which the loaders word in Vietnamese.

    >>> class Place(OneLineModel):
    ...     name: str
    >>> from pydantic import ValidationError
    >>> try:
    ...     Place(name="Hà Nội\\nHuế")
    ... except ValidationError as error:
    ...     print(error.errors()[0]["type"], error.errors()[0]["msg"])
    one_line contains U+000A (a line break or control character); write it on one line
    """

    @field_validator("*", mode="after")
    @classmethod
    def _one_line(cls, value: object) -> object:
        return one_line(value) if isinstance(value, str) else value
