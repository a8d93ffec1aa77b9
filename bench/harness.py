"""Timing helpers for `make bench`: repeated runs, percentiles, ratios against a baseline."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    name: str
    samples_ms: list[float]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def per_second(self) -> float:
        return 1000 / statistics.mean(self.samples_ms)


def measure(name: str, action: Callable[[], object], *, runs: int = 200, warmup: int = 20) -> Timing:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return Timing(name, samples)


def report(title: str, timings: list[Timing], baseline: Timing) -> None:
    print(f"\n{title}")
    print(f"  {'':44} {'p50 ms':>8} {'p95 ms':>8} {'per s':>8} {'x baseline':>11}")
    for t in timings:
        ratio = t.per_second / baseline.per_second
        print(f"  {t.name:44} {t.p50:8.2f} {t.p95:8.2f} {t.per_second:8.0f} {ratio:10.2f}x")
