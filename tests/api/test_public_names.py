"""No public name of a package shadows one of its submodules: ``import tally.X`` is always the
module X, and ``tally.X`` is the same object (issue 11: ``tally.decide`` was a function)."""

from __future__ import annotations

import importlib
import pkgutil
import types

import pytest

import tally
import tally.testing

PACKAGES = [tally, tally.testing]


def _submodules(package: types.ModuleType) -> list[str]:
    return [info.name for info in pkgutil.iter_modules(package.__path__)]


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_no_public_name_is_also_a_submodule(package: types.ModuleType) -> None:
    clashes = sorted(set(package.__all__) & set(_submodules(package)))
    assert clashes == [], f"{package.__name__} exports names of its own submodules: {clashes}"


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_every_submodule_attribute_is_the_module(package: types.ModuleType) -> None:
    for name in _submodules(package):
        if name == "__main__":
            continue
        module = importlib.import_module(f"{package.__name__}.{name}")
        assert getattr(package, name) is module, f"{package.__name__}.{name} is not the module"


def test_decide_is_a_function_of_the_outcome_module() -> None:
    import tally.counting.outcome

    assert callable(tally.counting.outcome.decide)
    assert isinstance(tally.counting.outcome, types.ModuleType)
