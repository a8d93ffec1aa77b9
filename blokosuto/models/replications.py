"""Another puskesmas adopts a published practice (KIPP's "replikasi" track)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from regions.models import Kelurahan, Puskesmas


class Replication(models.Model):
    class Status(models.TextChoices):
        INTEREST = "interest", _("Interested")
        PLAN = "plan", _("Planned")
        PILOT = "pilot", _("Pilot")
        IMPLEMENTED = "implemented", _("Implemented")
        STOPPED = "stopped", _("Stopped")

        @classmethod
        def counted(cls) -> list[str]:
            """The statuses in which a kelurahan counts as replicating: it is being done there."""
            return [cls.PILOT, cls.IMPLEMENTED]

    practice = models.ForeignKey(
        "blokosuto.GoodPractice", on_delete=models.CASCADE, related_name="replications", verbose_name=_("practice")
    )
    puskesmas = models.ForeignKey(
        Puskesmas, on_delete=models.PROTECT, related_name="replications", verbose_name=_("puskesmas")
    )
    kelurahan = models.ManyToManyField(Kelurahan, blank=True, related_name="+", verbose_name=_("kelurahan"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.INTEREST)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    stopped_on = models.DateField(_("stopped on"), null=True, blank=True)
    adaptation_notes = models.TextField(_("adaptations"), blank=True)
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mentor"),
    )
    before_period = models.DateField(_("month before"), null=True, blank=True)
    after_period = models.DateField(_("month after"), null=True, blank=True)
    measured_at = models.DateTimeField(_("values read at"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("replication")
        verbose_name_plural = _("replications")
        constraints = [
            models.UniqueConstraint(fields=["practice", "puskesmas"], name="replication_once_per_puskesmas"),
            models.CheckConstraint(
                condition=Q(before_period__isnull=True)
                | Q(after_period__isnull=True)
                | Q(before_period__lt=F("after_period")),
                name="replication_before_precedes_after",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.practice} → {self.puskesmas}"

    @property
    def is_counted(self) -> bool:
        return self.status in self.Status.counted()
