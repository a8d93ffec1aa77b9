"""A good practice: the structured submission, its before/after values and its evidence."""

from __future__ import annotations

from collections.abc import Collection

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Avg, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from blokosuto.models.classes import ThematicClass
from blokosuto.models.files import StoredFile
from blokosuto.models.replications import Replication
from programs.models import Indicator
from regions.models import Kelurahan, Puskesmas
from reports.analytics import IndicatorValue

# PostgreSQL's Indonesian snowball stemmer: "penurunan" and "turun" meet at "turun".
SEARCH_CONFIG = "indonesian"


class GoodPracticeQuerySet(models.QuerySet):
    def published(self) -> GoodPracticeQuerySet:
        return self.filter(status=GoodPractice.Status.PUBLISHED)

    def beyond_draft(self) -> GoodPracticeQuerySet:
        """Practices sent to the class at least once (what reviewers and Dinkes see)."""
        return self.exclude(status=GoodPractice.Status.DRAFT)

    def of_puskesmas(self, puskesmas_id: int) -> GoodPracticeQuerySet:
        return self.filter(puskesmas_id=puskesmas_id)

    def of_dinkes_teams(self) -> GoodPracticeQuerySet:
        return self.filter(puskesmas__isnull=True)

    def with_effect(self, *, indicator_codes: Collection[str] | None = None) -> GoodPracticeQuerySet:
        """Annotates `improvement`: the mean direction-aligned change over the measurements where it
        was applied and replicated (of `indicator_codes` only, if given; None when none is known),
        and `replicated_in`: the kelurahan replicating it."""
        measured = Measurement.objects.filter(practice=OuterRef("pk"), improvement__isnull=False)
        if indicator_codes is not None:
            measured = measured.filter(indicator__code__in=list(indicator_codes))
        improvement = measured.values("practice").annotate(mean=Avg("improvement")).values("mean")
        replicated = (
            Replication.kelurahan.through.objects.filter(
                replication__practice=OuterRef("pk"), replication__status__in=Replication.Status.counted()
            )
            .values("replication__practice")
            .annotate(count=Count("kelurahan", distinct=True))
            .values("count")
        )
        return self.annotate(
            improvement=Subquery(improvement, output_field=models.FloatField()),
            replicated_in=Coalesce(Subquery(replicated, output_field=models.IntegerField()), 0),
        )

    def ranked(self, *, indicator_codes: Collection[str] | None = None) -> GoodPracticeQuerySet:
        """Best measured effect first, then the most replicated; unknown effects last."""
        return self.with_effect(indicator_codes=indicator_codes).order_by(
            F("improvement").desc(nulls_last=True), "-replicated_in", "-published_at", "pk"
        )


class GoodPractice(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In review")
        RETURNED = "returned", _("Returned")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        PUBLISHED = "published", _("Published")

    class Stage(models.TextChoices):
        IDEA = "idea", _("Idea")
        PILOT = "pilot", _("Pilot")
        IMPLEMENTED = "implemented", _("Implemented")

    class Category(models.TextChoices):
        GOOD = "good", _("Good practice")
        PROMISING = "promising", _("Promising practice")

    class Partner(models.TextChoices):
        KELURAHAN = "kelurahan", _("Kelurahan office")
        KADER = "kader", _("Cadres (kader)")
        SCHOOL = "school", _("Schools")
        COMPANY = "company", _("Companies (CSR)")
        COMMUNITY = "community", _("Community and religious leaders")
        AGENCY = "agency", _("Other city agencies")
        NGO = "ngo", _("NGOs and universities")

    title = models.CharField(_("title"), max_length=200)
    thematic_class = models.ForeignKey(
        ThematicClass, on_delete=models.PROTECT, related_name="practices", verbose_name=_("class")
    )
    puskesmas = models.ForeignKey(
        Puskesmas,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="good_practices",
        verbose_name=_("puskesmas"),
        help_text=_("Empty for a Dinkes team."),
    )
    team = models.CharField(_("team"), max_length=300, help_text=_("Who did it: the team and its members."))
    problem = models.TextField(_("problem"))
    baseline = models.TextField(_("baseline"), blank=True, help_text=_("The situation before, in words."))
    target_group = models.CharField(_("target group"), max_length=300)
    steps = models.TextField(_("what was done, step by step"))
    started_on = models.DateField(_("started on"))
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    resources = models.TextField(_("resources used"), blank=True)
    cost = models.PositiveBigIntegerField(_("cost (rupiah)"), null=True, blank=True)
    partner_sectors = ArrayField(
        models.CharField(max_length=12, choices=Partner.choices), default=list, blank=True, verbose_name=_("partners")
    )
    partners = models.TextField(_("partners by name"), blank=True)
    results = models.TextField(_("results"), blank=True)
    sustainability = models.TextField(_("how it is sustained"), blank=True)
    transferability = models.TextField(_("what another area needs to copy it"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_phone = models.CharField(_("contact phone or e-mail"), max_length=120, blank=True)
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="good_practices", verbose_name=_("linked indicators")
    )
    kelurahan = models.ManyToManyField(
        Kelurahan, blank=True, related_name="good_practices", verbose_name=_("kelurahan where applied")
    )
    before_period = models.DateField(_("month before"), null=True, blank=True)
    after_period = models.DateField(_("month after"), null=True, blank=True)
    measured_at = models.DateTimeField(_("values read at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    category = models.CharField(_("category"), max_length=10, choices=Category.choices, blank=True)
    round = models.PositiveSmallIntegerField(_("review round"), default=0, help_text=_("Raised by every submission."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("problem", "steps", "results", weight="B", config=SEARCH_CONFIG)
        + SearchVector("target_group", "partners", "transferability", "team", weight="C", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = GoodPracticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        indexes = [
            GinIndex(fields=["search_vector"], name="practice_search"),
            models.Index(fields=["status", "thematic_class"], name="practice_status_class"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(before_period__isnull=True)
                | Q(after_period__isnull=True)
                | Q(before_period__lt=F("after_period")),
                name="practice_before_precedes_after",
            ),
            models.CheckConstraint(
                condition=Q(category="") | Q(status__in=["accepted", "published"]),
                name="practice_category_only_when_accepted",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("blokosuto:practice", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.RETURNED}

    @property
    def is_under_review(self) -> bool:
        return self.status in {self.Status.SUBMITTED, self.Status.IN_REVIEW}

    @property
    def unit_name(self) -> str:
        return self.puskesmas.name if self.puskesmas_id else str(_("Dinkes Kota Semarang"))

    def partner_labels(self) -> list[str]:
        labels = dict(self.Partner.choices)
        return [str(labels.get(code, code)) for code in self.partner_sectors]

    def missing_for_submission(self, *, indicators: int, kelurahan: int) -> list[str]:
        """What must still be filled in before the class can review it (messages in the UI language)."""
        missing = []
        if not self.results.strip():
            missing.append(_("the results"))
        if not self.transferability.strip():
            missing.append(_("what another area needs to copy it"))
        if not indicators:
            missing.append(_("at least one linked indicator"))
        if not kelurahan:
            missing.append(_("at least one kelurahan where it was applied"))
        if not (self.before_period and self.after_period):
            missing.append(_("the months before and after"))
        return [str(item) for item in missing]


class Measurement(models.Model):
    """An indicator's value in one kelurahan before and after, read from the approved monthly reports.
    `replication` empty: where the practice itself was applied; else where it was replicated."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="measurements")
    replication = models.ForeignKey(
        "blokosuto.Replication", on_delete=models.CASCADE, null=True, blank=True, related_name="measurements"
    )
    kelurahan = models.ForeignKey(Kelurahan, on_delete=models.PROTECT, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    before_numerator = models.FloatField(null=True, blank=True)
    before_denominator = models.FloatField(null=True, blank=True)
    before = models.FloatField(_("before"), null=True, blank=True)
    before_reason = models.CharField(max_length=20, blank=True)
    after_numerator = models.FloatField(null=True, blank=True)
    after_denominator = models.FloatField(null=True, blank=True)
    after = models.FloatField(_("after"), null=True, blank=True)
    after_reason = models.CharField(max_length=20, blank=True)
    improvement = models.FloatField(
        _("improvement"), null=True, blank=True, help_text=_("After minus before, positive when better.")
    )

    class Meta:
        ordering = ["indicator__order", "kelurahan__name"]
        verbose_name = _("before/after value")
        verbose_name_plural = _("before/after values")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "replication", "kelurahan", "indicator"],
                name="measurement_one_per_place",
                nulls_distinct=False,
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.kelurahan.name}: {self.before} → {self.after}"

    @property
    def before_value(self) -> IndicatorValue:
        return IndicatorValue(self.before_numerator, self.before_denominator, self.before, self.before_reason or None)

    @property
    def after_value(self) -> IndicatorValue:
        return IndicatorValue(self.after_numerator, self.after_denominator, self.after, self.after_reason or None)


class Evidence(StoredFile):
    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="evidence")

    class Meta(StoredFile.Meta):
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
