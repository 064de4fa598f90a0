"""Shared test configuration: hypothesis profiles, chosen by ``HYPOTHESIS_PROFILE``.

``default`` (200 examples) for everyday runs, ``ci`` (2,000) for CI, ``dev`` (50) while editing:
``HYPOTHESIS_PROFILE=ci pytest tests/test_properties.py``.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile("ci", max_examples=2000, deadline=None)
settings.register_profile("dev", max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
