"""An argparse parser that speaks one language, Vietnamese or English, argparse's own words
included.

argparse writes its own words through ``gettext`` (``argparse._`` is ``gettext.gettext``,
bound when argparse is imported), which looks them up in compiled ``.mo`` catalogues of the
process-wide text domain: a ``gettext.NullTranslations`` object installed with
``gettext.install`` never reaches it, and patching ``argparse._`` would change every parser of
the process. :class:`Parser` instead fixes each place argparse's words reach the user, through
hooks that are the same in Python 3.11, 3.12 and 3.13 (tests run the help and the errors):

- the help option is its own (``add_help=False``, then ``-h/--help`` with a translated help),
  and the version option is given its help by :mod:`tally.cli.main`;
- the titles of argparse's two default groups (its ``_positionals`` and ``_optionals``
  attributes, unchanged since Python 3.2) are set once the parser is built;
- the formatter passes its own ``"usage: "`` prefix to :meth:`argparse.HelpFormatter.add_usage`;
- :meth:`Parser.error` says the message in the parser's language: argparse's messages are
  recognised against their English templates (``cli.argparse.*`` in
  :mod:`tally.i18n.catalogue.cli_help`) and filled into the Vietnamese ones; a message argparse
  writes in a later version and no template knows is shown as argparse wrote it.

The language is chosen before the parser is built (:func:`language_of` reads ``--lang`` from
anywhere on the command line), so ``tally count --lang en --help`` is English throughout.

>>> translate("argument --lang: invalid choice: 'fr' (choose from 'vi', 'en')", "vi")
"đối số --lang: lựa chọn không hợp lệ: 'fr' (chọn một trong 'vi', 'en')"
>>> translate("the following arguments are required: SPEC.toml", "en")
'the following arguments are required: SPEC.toml'
>>> language_of(["count", "congress.toml", "--lang=en"]), language_of(["--lang", "fr"])
('en', 'vi')
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, NoReturn

from tally.i18n.catalogue import CATALOGUE
from tally.i18n.messages import LANGS, Lang, template

if TYPE_CHECKING:
    from argparse import _MutuallyExclusiveGroup

EXIT_USAGE = 2

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sr]|%[sr]")


def language_of(argv: Sequence[str]) -> Lang:
    """The language asked for with ``--lang`` (or an unambiguous prefix such as ``--lan``)
    anywhere before ``--``; the last one given wins, as in argparse; Vietnamese by default
    or when the value is not a language (argparse then refuses it)."""
    lang: Lang = "vi"
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        option, equals, value = arg.partition("=")
        if len(option) < 4 or not "--lang".startswith(option):
            continue
        if not equals:
            value = argv[index + 1] if index + 1 < len(argv) else ""
        for known in LANGS:
            if value == known:
                lang = known
    return lang


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    """argparse's English templates as patterns, each with its Vietnamese template."""
    templates = []
    for key, (vi, en) in CATALOGUE.items():
        if not key.startswith("cli.argparse.") or key == "cli.argparse.error":
            continue
        parts: list[str] = []
        position = 0
        for number, found in enumerate(_PLACEHOLDER.finditer(en)):
            parts.append(re.escape(en[position : found.start()]))
            parts.append(f"(?P<{found.group(1) or f'_{number}'}>.+?)")
            position = found.end()
        parts.append(re.escape(en[position:]))
        templates.append((re.compile("".join(parts), re.DOTALL), vi))
    return templates


def translate(message: str, lang: Lang) -> str:
    """``message``, formatted by argparse in English, said in ``lang`` (unknown: unchanged)."""
    if lang == "en":
        return message
    for pattern, vi in _templates():
        found = pattern.fullmatch(message)
        if found is None:
            continue
        values = found.groupdict()
        if "message" in values:
            values["message"] = translate(values["message"], lang)
        return _fill(vi, values)
    return message


def _fill(template: str, values: dict[str, str]) -> str:
    """``template`` with its placeholders replaced by ``values`` (``%s``: ``_0``, ``_1``…)."""
    numbered = iter(values[name] for name in sorted(values) if name.startswith("_"))

    def value(placeholder: re.Match[str]) -> str:
        name = placeholder.group(1)
        return values[name] if name else next(numbered)

    return _PLACEHOLDER.sub(value, template)


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the usage line's prefix in :attr:`lang`."""

    lang: Lang = "vi"

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[_MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = template("cli.usage", self.lang)
        super().add_usage(usage, actions, groups, prefix)


class _EnglishFormatter(_Formatter):
    lang = "en"


class Parser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` whose help, usage and errors are all in ``lang``;
    its sub-commands (``add_subparsers().add_parser(..., lang=lang)``) are parsers of this
    class too."""

    def __init__(self, *args: Any, lang: Lang = "vi", **kwargs: Any) -> None:
        kwargs["formatter_class"] = _EnglishFormatter if lang == "en" else _Formatter
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.lang: Lang = lang
        self._positionals.title = template("cli.positionals", lang)
        self._optionals.title = template("cli.options", lang)
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=template("cli.help.help", lang),
        )

    def error(self, message: str) -> NoReturn:
        """Print the usage and ``message`` in this parser's language; exit 2."""
        self.print_usage(sys.stderr)
        said = template("cli.argparse.error", self.lang) % {
            "prog": self.prog,
            "message": translate(message, self.lang),
        }
        self.exit(EXIT_USAGE, said)
