"""Demo monthly reports: the last 24 complete months of every active puskesmas, marked as demo.

Numbers follow each kelurahan's target populations (K1 ~ ibu hamil / 12, births ~ lahir hidup / 12)
with seasonality (weighing and measuring in the vitamin A months February and August, school
screening after the new school year in July, TB case finding around World TB Day in March and the
autumn campaign), Poisson noise, a performance level per puskesmas (so the scorecard has greens,
yellows and reds) and stocks that change slowly (households, latrines, JKN members, posyandu).

Statuses are mixed like a real year: old months approved, a few returned with a reason (carrying
the rule violation the reviewer found), the last month mostly submitted and awaiting review with
some drafts and missing reports, drafts in progress for the current month, and puskesmas that
often submit after the due day. A few values are deliberate outliers, explained in a comment.
Every demo comment and reason starts with "DEMO:".

Demo reports are recognised by their history: the creation event carries the context
{"seed": "seed_demo"}, so a rerun replaces them and never touches a report somebody made.
About 165,000 values in a few seconds: loaded with COPY, without per-cell history (VALUE_HISTORY).
"""

from __future__ import annotations

import datetime
import math
import random
from collections import defaultdict

import pghistory
import pgtrigger
from django.conf import settings
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from programs.models import DataElement
from regions.demo import GROUP_SHARE
from regions.models import Kelurahan, Population, Puskesmas, ServiceArea
from reports.models import DataValue, MonthlyReport
from reports.queries import months_before

MONTHS = 24
SEED_CONTEXT = {"seed": "seed_demo"}
# Demo values were never typed by anyone: they get no per-cell history, which would take ten times
# longer to write than the values themselves. Their reports keep theirs (created by seed_demo).
VALUE_HISTORY = ["reports.DataValue:insert_insert", "reports.DataValue:delete_delete"]
Status = MonthlyReport.Status
# Share of the yearly school screening done in each month: most right after the school year starts.
SCHOOL_SEASON = {1: 0.02, 2: 0.03, 3: 0.03, 4: 0.02, 5: 0.02, 6: 0.01, 7: 0.12, 8: 0.3, 9: 0.25, 10: 0.12, 11: 0.06,
                 12: 0.02}  # fmt: skip
TB_SEASON = {3: 1.35, 10: 1.2, 11: 1.25}  # World TB Day (24 March); the city's autumn case finding
WEIGHING_MONTHS = {2, 8}
K6_COMMENT = (
    "DEMO: ibu hamil ini K1 pada bulan-bulan sebelumnya, K6 baru tercapai bulan ini."  # bulan penimbangan and vitamin A
)
# (data element, factor, comment): unusual but true values, explained as a head would.
OUTLIERS = [
    ("IDL", 3, "DEMO: sweeping imunisasi bersama kader dan kelurahan, bayi yang tertinggal dilengkapi."),
    ("TB_TERDUGA", 3.5, "DEMO: skrining TBC massal (active case finding) di pabrik garmen wilayah ini."),
    ("SKRINING_LANSIA", 3, "DEMO: posbindu lansia serentak dalam rangka Hari Lansia."),
    ("HIV_BERISIKO", 3, "DEMO: mobile VCT di lokasi berisiko bersama LSM pendamping."),
]
# (data element raised above its total, the total, reason): what a reviewer sends back.
RETURNS = [
    ("BBLR", "LAHIR_HIDUP", "DEMO: BBLR di Kelurahan {kelurahan} melebihi bayi lahir hidup; cek register."),
    ("STUNTING", "BALITA_DIUKUR", "DEMO: balita stunting di Kelurahan {kelurahan} lebih banyak dari yang diukur."),
    ("KK_JAMBAN_SEHAT", "KK_TOTAL", "DEMO: KK dengan jamban sehat di Kelurahan {kelurahan} melebihi jumlah KK."),
]  # fmt: skip


def demo_reports() -> QuerySet[MonthlyReport]:
    """Reports created by seed_demo (told by the context of their creation event)."""
    created = MonthlyReport.pgh_event_model.objects.filter(
        pgh_label="insert", pgh_context__metadata__seed=SEED_CONTEXT["seed"]
    )
    return MonthlyReport.objects.filter(pk__in=created.values("pgh_obj_id"))


@transaction.atomic
def seed_reports(rng: random.Random) -> tuple[int, int]:
    """Replaces the demo reports; returns (reports, values) written. Months that already have a
    report made by somebody are left alone."""
    today = timezone.localdate()
    current = today.replace(day=1)
    periods = [months_before(current, count) for count in range(MONTHS, -1, -1)]
    with pgtrigger.ignore(*VALUE_HISTORY):
        demo_reports().delete()
    taken = set(MonthlyReport.objects.filter(period__gte=periods[0]).values_list("puskesmas_id", "period"))
    world = _World.load(periods)
    reports, cells = [], []
    for puskesmas in Puskesmas.objects.active().order_by("code"):
        performance = rng.uniform(0.78, 1.1)
        lateness = rng.choice([0.02, 0.05, 0.1, 0.3])
        for period in periods:
            if (puskesmas.pk, period) in taken:
                continue
            status = _status(rng, period, current, today)
            if status is None:
                continue
            report = MonthlyReport(puskesmas=puskesmas, period=period, status=status)
            _timestamps(rng, report, lateness, world)
            columns = {k: world.values(rng, k, period, performance) for k in world.area(puskesmas.pk, period)}
            notes = _anomalies(rng, report, columns, world)
            if status == Status.DRAFT:
                _leave_unfinished(rng, columns)
            reports.append(report)
            cells.append((report, columns, notes))
    with pghistory.context(**SEED_CONTEXT):
        MonthlyReport.objects.bulk_create(reports)
    rows = [
        (report.pk, kelurahan, world.elements[code], value, notes.get((kelurahan, code), ""))
        for report, columns, notes in cells
        for kelurahan, column in columns.items()
        for code, value in column.items()
    ]
    _copy_values(rows)
    with connection.cursor() as cursor:
        # Fresh statistics, so that the first dashboards after seeding are not planned for empty tables.
        cursor.execute(f"ANALYZE {MonthlyReport._meta.db_table}, {DataValue._meta.db_table}")
    return len(reports), len(rows)


def _copy_values(rows: list[tuple[int, int, int, int, str]]) -> None:
    """Loads the values with PostgreSQL's COPY, three times faster than a bulk INSERT. Inside
    pgtrigger.ignore every statement Django runs marks the transaction so that the history
    trigger skips it; the COPY that follows in the same transaction is skipped as well."""
    table, now = DataValue._meta.db_table, timezone.now()
    with pgtrigger.ignore(*VALUE_HISTORY), connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        columns = "report_id, kelurahan_id, data_element_id, value, comment, follow_up, updated_at"
        with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((*row, False, now))


def _status(rng: random.Random, period: datetime.date, current: datetime.date, today: datetime.date) -> str | None:
    """A status by the month's age; None when the puskesmas has not opened the report at all."""
    age = (current.year - period.year) * 12 + current.month - period.month
    if age == 0:
        return Status.DRAFT if rng.random() < 0.35 else None
    if age == 1:
        due_passed = today.day > settings.REPORT_DUE_DAY
        weights = {Status.SUBMITTED: 55, Status.APPROVED: 12 if due_passed else 0, Status.RETURNED: 8, Status.DRAFT: 15}
        weights[None] = 10
    elif age == 2:
        weights = {Status.APPROVED: 82, Status.SUBMITTED: 12, Status.RETURNED: 6}
    else:
        weights = {Status.APPROVED: 985, Status.SUBMITTED: 8, Status.RETURNED: 7}
    return rng.choices(list(weights), list(weights.values()))[0]


def _timestamps(rng: random.Random, report: MonthlyReport, lateness: float, world: _World) -> None:
    report.version = {Status.DRAFT: 1, Status.SUBMITTED: 2}.get(report.status, 3)
    if report.status == Status.DRAFT:
        return
    due = report.due_date
    if rng.random() < lateness:
        day = due + datetime.timedelta(days=rng.randint(1, 20))
    else:
        day = due - datetime.timedelta(days=rng.randint(0, due.day - 1))
    now = timezone.now()
    submitted = min(_moment(rng, day), now - datetime.timedelta(hours=rng.randint(2, 30)))
    report.submitted_at, report.submitted_by = submitted, world.heads.get(report.puskesmas_id)
    if report.status in {Status.APPROVED, Status.RETURNED}:
        reviewed = _moment(rng, timezone.localdate(submitted) + datetime.timedelta(days=rng.randint(1, 9)))
        report.reviewed_at, report.reviewed_by = min(reviewed, now - datetime.timedelta(hours=1)), world.reviewer


def _moment(rng: random.Random, day: datetime.date) -> datetime.datetime:
    naive = datetime.datetime.combine(day, datetime.time(rng.randint(7, 20), rng.randint(0, 59)))
    return timezone.make_aware(naive)


def _anomalies(rng: random.Random, report: MonthlyReport, columns: dict, world: _World) -> dict:
    """Deliberate oddities: the rule violation a returned report was sent back for, and now and
    then an outlier or a K6 above K1, with the head's comment. Returns comments by (kelurahan, code)."""
    if not columns:
        return {}
    kelurahan = rng.choice(sorted(columns))
    column = columns[kelurahan]
    if report.status == Status.RETURNED:
        code, total, reason = rng.choice(RETURNS)
        column[code] = column[total] + rng.randint(1, 3)
        report.return_reason = reason.format(kelurahan=world.names[kelurahan])
        return {}
    draw = rng.random()
    if draw < 0.04:
        code, factor, comment = rng.choice(OUTLIERS)
        column[code] = round(column[code] * factor) + 5
        return {(kelurahan, code): comment}
    if draw < 0.07:
        column["BUMIL_K6"] = column["BUMIL_K1"] + rng.randint(1, 3)
        return {(kelurahan, "BUMIL_K6"): K6_COMMENT}
    return {}


def _leave_unfinished(rng: random.Random, columns: dict) -> None:
    """A draft in progress: the last kelurahan or the last programs not typed in yet."""
    codes = list(next(iter(columns.values()), {}))
    keep = codes[: rng.randint(len(codes) // 4, len(codes) - 1)] if codes else []
    for index, kelurahan in enumerate(sorted(columns)):
        if index and rng.random() < 0.4:
            columns[kelurahan] = {}
        else:
            columns[kelurahan] = {code: columns[kelurahan][code] for code in keep}


class _World:
    """What the generator reads once: working areas, targets, elements, demo users, and each
    kelurahan's character and stocks as they drift month by month."""

    @classmethod
    def load(cls, periods: list[datetime.date]) -> _World:
        world = cls()
        world.areas = list(ServiceArea.objects.values_list("kelurahan_id", "puskesmas_id", "valid_from", "valid_to"))
        world.populations = defaultdict(dict)
        for kelurahan, year, group, value in Population.objects.filter(year__in={p.year for p in periods}).values_list(
            "kelurahan_id", "year", "group", "value"
        ):
            world.populations[kelurahan, year][group] = value
        world.elements = dict(DataElement.objects.active().values_list("code", "pk"))
        world.names = dict(Kelurahan.objects.values_list("pk", "name"))
        heads = User.objects.filter(groups__name=Role.KEPALA_PUSKESMAS, puskesmas__isnull=False)
        world.heads = {user.puskesmas_id: user for user in heads}
        world.reviewer = User.objects.filter(groups__name=Role.STAF_DINKES).order_by("pk").first()
        world.traits, world.stocks = {}, {}
        return world

    def area(self, puskesmas: int, period: datetime.date) -> list[int]:
        return sorted(
            k
            for k, p, start, end in self.areas
            if p == puskesmas and start <= period and (end is None or end >= period)
        )

    def population(self, kelurahan: int, year: int) -> dict[str, float]:
        found = self.populations.get((kelurahan, year))
        if found:
            return defaultdict(float, found)
        # A kelurahan without targets that year: the demo proportions of a typical one.
        return defaultdict(float, {"penduduk": 9000, **{g: 9000 * share for g, share in GROUP_SHARE.items()}})

    def values(self, rng: random.Random, kelurahan: int, period: datetime.date, performance: float) -> dict[str, int]:
        pop, month = self.population(kelurahan, period.year), period.month
        trait = self.traits.setdefault(kelurahan, _trait(rng))
        p, b = (lambda mean: _poisson(rng, mean)), rng.binomialvariate
        reach = min(1.0, performance)
        v = {}
        v["BUMIL_K1"] = p(pop["bumil"] / 12 * 1.02)
        v["BUMIL_K6"] = b(v["BUMIL_K1"], min(1.0, 0.97 * performance))
        v["BUMIL_RISTI"] = b(v["BUMIL_K1"], 0.22)
        v["BUMIL_RISTI_DITANGANI"] = b(v["BUMIL_RISTI"], 0.93)
        v["BULIN_FASYANKES"] = p(pop["bulin"] / 12 * min(1.0, 0.95 * performance + 0.06))
        v["NIFAS_KF_LENGKAP"] = b(v["BULIN_FASYANKES"], 0.9 * reach)
        v["KEMATIAN_IBU"] = p(0.0055)
        v["LAHIR_HIDUP"] = p(pop["lahir_hidup"] / 12)
        v["KN1"] = b(v["LAHIR_HIDUP"], 0.97)
        v["KN_LENGKAP"] = b(v["KN1"], min(1.0, 0.85 * performance + 0.12))
        v["BBLR"] = b(v["LAHIR_HIDUP"], trait["bblr"])
        v["KEMATIAN_BAYI"] = p(0.058)
        v["IDL"] = p(pop["bayi"] / 12 * 0.96 * performance)
        v["BADUTA_LENGKAP"] = p(pop["baduta"] / 12 * 0.88 * performance)
        v["BALITA_SPM"] = p(pop["balita"] / 12 * 0.96 * performance)
        v["SKRINING_DIKDAS"] = p(pop["usia_dikdas"] * SCHOOL_SEASON[month] * 0.97 * performance)
        v["SKRINING_PRODUKTIF"] = p(pop["usia_produktif"] / 12 * 0.9 * performance)
        v["SKRINING_LANSIA"] = p(pop["lansia"] / 12 * 0.95 * performance)
        v["HT_DILAYANI"] = p(pop["hipertensi"] / 12 * 0.85 * performance)
        v["DM_DILAYANI"] = p(pop["dm"] / 12 * 0.95 * performance)
        v["ODGJ_DILAYANI"] = p(pop["odgj_berat"] / 12 * 0.95 * performance)
        v["TB_TERDUGA"] = p(pop["penduduk"] * 0.0023 * TB_SEASON.get(month, 1.0) * trait["tb"])
        v["TB_TERDUGA_DILAYANI"] = b(v["TB_TERDUGA"], min(1.0, 0.85 * performance + 0.12))
        v["TB_KASUS"] = b(v["TB_TERDUGA"], 0.11)
        v["TB_KOHORT_DIEVALUASI"] = p(pop["penduduk"] * 0.00022 * trait["tb"])
        v["TB_SEMBUH_LENGKAP"] = b(v["TB_KOHORT_DIEVALUASI"], 0.88)
        v["HIV_BERISIKO"] = v["BUMIL_K1"] + v["TB_KASUS"] + p(pop["penduduk"] * 0.0008)
        v["HIV_DITES"] = b(v["HIV_BERISIKO"], min(1.0, 0.9 * performance + 0.08))
        weighing = month in WEIGHING_MONTHS
        v["BALITA_D"] = p(pop["balita"] * (0.93 if weighing else 0.8) * min(1.0, performance + 0.1))
        v["BALITA_DIUKUR"] = b(v["BALITA_D"], 0.92 if weighing else 0.35)
        v["STUNTING"] = b(v["BALITA_DIUKUR"], trait["stunting"] * 0.93 ** (period.year - 2024))
        v["WASTING"] = b(v["BALITA_DIUKUR"], trait["wasting"])
        v["GIZI_BURUK"] = b(v["WASTING"], 0.12)
        v["UNDERWEIGHT"] = b(v["BALITA_D"], trait["underweight"])
        v.update(self._stocks(rng, kelurahan, pop, performance))
        return {code: value for code, value in v.items() if code in self.elements}

    def _stocks(self, rng: random.Random, kelurahan: int, pop: dict, performance: float) -> dict[str, int]:
        """Households, latrines, JKN members and posyandu: last month's figure, moved a little."""
        stock = self.stocks.get(kelurahan)
        if stock is None:
            stock = {
                "posyandu": max(3, round(pop["penduduk"] / 1000)),
                "kk": pop["penduduk"] / 3.3,
                "jamban": rng.uniform(0.86, 0.99),
                "jkn": rng.uniform(0.965, 0.998),
            }
            self.stocks[kelurahan] = stock
        stock["kk"] *= 1 + rng.uniform(0, 0.002)
        stock["jamban"] = min(1.0, stock["jamban"] + rng.uniform(0, 0.003))
        stock["jkn"] = min(1.0, max(0.9, stock["jkn"] + rng.uniform(-0.002, 0.0025)))
        if rng.random() < 0.02:
            stock["posyandu"] += 1
        kk, closed = round(stock["kk"]), max(0.0, 1.05 - performance) / 2
        return {
            "POSYANDU_TOTAL": stock["posyandu"],
            "POSYANDU_AKTIF": stock["posyandu"] - rng.binomialvariate(stock["posyandu"], closed),
            "KK_TOTAL": kk,
            "KK_JAMBAN_SEHAT": min(kk, round(kk * stock["jamban"])),
            "JKN_PESERTA": round(pop["penduduk"] * stock["jkn"]),
        }


def _trait(rng: random.Random) -> dict[str, float]:
    """A kelurahan's character, kept from month to month."""
    return {
        "bblr": rng.uniform(0.04, 0.08),
        "tb": rng.uniform(0.6, 1.6),
        "stunting": rng.uniform(0.05, 0.17),
        "wasting": rng.uniform(0.03, 0.07),
        "underweight": rng.uniform(0.05, 0.1),
    }


def _poisson(rng: random.Random, mean: float) -> int:
    """Poisson-distributed count (Knuth's method; a rounded normal beyond 30, where it is as good)."""
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
