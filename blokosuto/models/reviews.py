"""The review of a practice: rubric scores by facilitators, the comment thread, and awards."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from blokosuto import rubric
from blokosuto.models.practices import GoodPractice


def _score(label) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(rubric.LOWEST), MaxValueValidator(rubric.HIGHEST)]
    )


# What each criterion asks, shown on the review form and with the published thresholds.
CRITERION_QUESTIONS = {
    "relevance": _("Does it tackle a priority health problem of the city and of its target group?"),
    "effectiveness": _("Did the linked indicators improve, and is there evidence (data, documents, photos)?"),
    "equity": _("Does it reach the poor, the vulnerable and those left behind?"),
    "sustainability": _("Is it funded, regulated (SK, SOP) and owned, so that it continues?"),
    "transferability": _("Could another puskesmas copy it with the means it has?"),
    "participation": _("Did kelurahan, cadres, schools, companies or other sectors take part?"),
}


class Review(models.Model):
    """One facilitator's scores of one review round (a resubmission starts a new round)."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    round = models.PositiveSmallIntegerField(_("review round"))
    relevance = _score(_("relevance"))
    effectiveness = _score(_("effectiveness and evidence"))
    equity = _score(_("equity"))
    sustainability = _score(_("sustainability"))
    transferability = _score(_("transferability"))
    participation = _score(_("cross-sector participation"))
    comment = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["practice", "reviewer", "round"], name="review_once_per_round"),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{criterion}__range": (rubric.LOWEST, rubric.HIGHEST)}),
                    name=f"review_{criterion}_1_to_5",
                )
                for criterion in rubric.CRITERIA
            ],
        ]

    def __str__(self) -> str:
        return f"{self.practice} · {self.reviewer}"

    @property
    def scores(self) -> dict[str, int]:
        return {criterion: getattr(self, criterion) for criterion in rubric.CRITERIA}

    @property
    def mean(self) -> float:
        return rubric.reviewer_mean(self.scores)


class Comment(models.Model):
    """The thread that stays with a submission; a workflow step (returned, decided...) is one too."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"), blank=True)
    step = models.CharField(_("workflow step"), max_length=10, choices=GoodPractice.Status.choices, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:40]}"


class Award(models.Model):
    """Recognition by Dinkes (e.g. GEMILANG), printed as a certificate (piagam)."""

    class Recipient(models.TextChoices):
        PRACTICE = "practice", _("The practice")
        TEAM = "team", _("Its team")

    practice = models.ForeignKey(GoodPractice, on_delete=models.PROTECT, related_name="awards")
    name = models.CharField(_("award"), max_length=80, help_text=_("e.g. GEMILANG"))
    recipient = models.CharField(_("awarded to"), max_length=8, choices=Recipient.choices, default=Recipient.TEAM)
    awarded_on = models.DateField(_("date"))
    citation = models.TextField(_("citation"))
    awarded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-awarded_on", "-pk"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self) -> str:
        return f"{self.name}: {self.practice}"

    @property
    def number(self) -> str:
        """The certificate's number: sequence, the programme, the year."""
        return f"{self.pk:04d}/BLOKOSUTO/{self.awarded_on.year}"
