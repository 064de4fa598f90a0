"""Throughput of the public hypothesis strategies: examples drawn per second.

Run: ``.venv/bin/python benchmarks/bench_strategies.py [--seconds S]``. Each strategy is drawn
inside a real ``@given`` test (generation only, no shrinking) for about ``S`` seconds; the
table gives examples per second and, as a baseline measured in the same run, the rate of
``st.integers()`` — the cost of hypothesis itself. A strategy with few distinct values (e.g.
``rule_sets()``) may stop early, when hypothesis has drawn them all.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from measure import names_of

from tally import Body, Contest
from tally.testing import (
    ballots,
    candidates,
    congresses,
    contests,
    counted_contests,
    rolls,
    rule_sets,
    sessions,
    vietnamese_names,
)

BCH = Contest(
    id="bch",
    body=Body.EXECUTIVE_COMMITTEE,
    seats=33,
    candidates=names_of(37),
)

STRATEGIES: dict[str, Callable[[], st.SearchStrategy[object]]] = {
    "st.integers() (baseline)": st.integers,
    "vietnamese_names()": vietnamese_names,
    "candidates()": candidates,
    "rolls()": rolls,
    "rule_sets()": rule_sets,
    "contests()": contests,
    "ballots(BCH 33 of 37, n=200)": lambda: ballots(BCH, n=200),
    "counted_contests()": counted_contests,
    "congresses()": congresses,
    "sessions()": sessions,
}


def rate(strategy: st.SearchStrategy[object], seconds: float) -> tuple[int, float]:
    """Examples drawn by a ``@given`` test in about ``seconds``, and the time it took: a short
    run estimates the rate, a second run of about ``seconds`` measures it."""
    drawn, took = _run(strategy, 20)
    budget = max(20, int(seconds * drawn / max(took, 1e-6)))
    return _run(strategy, budget)


def _run(strategy: st.SearchStrategy[object], budget: int) -> tuple[int, float]:
    drawn = 0

    @settings(
        max_examples=budget,
        deadline=None,
        phases=[Phase.generate],
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def draw(value: object) -> None:
        nonlocal drawn
        drawn += 1

    start = time.perf_counter()
    draw()
    return drawn, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=1.0, help="rough time per strategy")
    args = parser.parse_args()
    baseline = 0.0
    rate(st.integers(), 0.2)  # warm hypothesis up before the baseline is measured
    print(f"{'strategy':<32} {'examples':>9} {'seconds':>8} {'per second':>11} {'vs baseline':>12}")
    for name, make in STRATEGIES.items():
        drawn, took = rate(make(), args.seconds)
        per_second = drawn / took if took else float("inf")
        baseline = baseline or per_second
        ratio = per_second / baseline
        print(f"{name:<32} {drawn:>9} {took:>8.2f} {per_second:>11.0f} {ratio:>11.3f}x")


if __name__ == "__main__":
    main()
