"""The one lookup of user-facing text: a catalogue key, a language, parameters.

Every sentence and label a counting board reads comes from :mod:`tally.i18n.catalogue`, keyed by
a stable code, so that the two languages cannot drift apart and tests can check both.

>>> text("roll.negative", "en", field="present", value=-1)
'present is -1; a count of people cannot be negative. Enter the number from the roll.'
>>> text("roll.negative", "vi", field="present", value=-1).startswith("present")
True
>>> _t = Words("minutes")
>>> _t("title", "en"), _t("doc.seats", "en")
('COUNTING MINUTES', 'Seats')
"""

from __future__ import annotations

from typing import Literal, get_args

from tally.i18n.catalogue import CATALOGUE

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)


def template(key: str, lang: Lang = "vi", /) -> str:
    """The raw template ``key`` in ``lang``, placeholders unfilled."""
    vi, en = CATALOGUE[key]
    return vi if lang == "vi" else en


def text(key: str, lang: Lang = "vi", /, **params: object) -> str:
    """Return the message ``key`` in ``lang``, with ``params`` filled in."""
    return template(key, lang).format(**params)


class Words:
    """The words of one document, looked up under its prefix: ``Words("minutes")("title", lang)``
    is ``text("minutes.title", lang)``; a key with a dot (``"doc.seats"``) is taken whole."""

    __slots__ = ("prefix",)

    def __init__(self, prefix: str, /) -> None:
        self.prefix = prefix

    def __call__(self, key: str, lang: Lang, /, **params: object) -> str:
        """The word or sentence ``key`` in ``lang``, with ``params`` filled in."""
        return text(key if "." in key else f"{self.prefix}.{key}", lang, **params)


class Phrase:
    """A catalogue entry used as a parameter of another message, rendered in its language."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key, self.params = key, params

    def render(self, lang: Lang = "vi") -> str:
        """The phrase in ``lang`` (a phrase given as a parameter rendered in ``lang`` too)."""
        params = {
            name: value.render(lang) if isinstance(value, Phrase) else value
            for name, value in self.params.items()
        }
        return text(self.key, lang, **params)


def keys() -> frozenset[str]:
    """Every key of the catalogue, messages and labels, for tests that check both languages."""
    return frozenset(CATALOGUE)
