"""The calendar of a class: month grids with the days that have a session. No Django here."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Day:
    date: datetime.date | None  # None: a blank square before the 1st or after the last day
    sessions: tuple[int, ...] = ()  # ids of the sessions on that day
    is_today: bool = False


@dataclass(frozen=True)
class Month:
    first: datetime.date
    weeks: list[list[Day]]


def month_grids(sessions: Iterable[tuple[int, datetime.date]], *, today: datetime.date, months: int = 2) -> list[Month]:
    """`months` month grids (weeks from Monday) starting with the month of `today`, each day with
    the ids of its sessions (`sessions`: id, date)."""
    by_day: dict[datetime.date, list[int]] = {}
    for pk, day in sessions:
        by_day.setdefault(day, []).append(pk)
    grids = []
    year, month = today.year, today.month
    for _ in range(months):
        weeks = [
            [_day(datetime.date(year, month, d), by_day, today) if d else Day(None) for d in week]
            for week in calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)
        ]
        grids.append(Month(datetime.date(year, month, 1), weeks))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return grids


def _day(date: datetime.date, by_day: dict[datetime.date, list[int]], today: datetime.date) -> Day:
    return Day(date, tuple(by_day.get(date, ())), date == today)
