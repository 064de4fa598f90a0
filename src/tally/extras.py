"""Optional dependencies, loaded when a feature needs them.

:func:`need` imports a library that an optional extra installs, or raises
:class:`~tally.errors.MissingExtraError` naming the extra (``pip install 'tally[frames]'``)
instead of a bare ``ModuleNotFoundError``.

>>> from tally.errors import MissingExtraError
>>> need("json", "frames").__name__
'json'
>>> try:
...     need("no_such_library", "frames")
... except MissingExtraError as missing:
...     print(*missing.message("en").split(". "), sep=".\\n")
This needs the optional extra frames (the no_such_library library is not installed).
Install it with: pip install 'tally[frames]'
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from tally.errors import MissingExtraError


def need(module: str, extra: str) -> ModuleType:
    """The module ``module`` (e.g. ``"pandas"``), installed by the optional extra ``extra``."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as missing:
        if missing.name != module and not module.startswith(f"{missing.name}."):
            raise
        raise MissingExtraError("extra.missing", module=module, extra=extra) from None


def installed(module: str, extra: str) -> None:
    """Check that ``module`` is installed, without importing it (a process about to start
    workers that will import it need not load it itself).

    >>> installed("json", "frames")
    """
    try:
        found = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        found = None
    if found is None:
        raise MissingExtraError("extra.missing", module=module, extra=extra)
