"""The nine thematic classes and their sessions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from blokosuto.models.files import StoredFile
from programs.models import Indicator


class ThematicClass(models.Model):
    """A BLOKOSUTO class: one health theme where areas that solved a problem teach the others."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=40, help_text=_("The class's name, e.g. CERMIN."))
    theme = models.CharField(_("theme"), max_length=100)
    description = models.TextField(_("description"))
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="facilitated_classes",
        verbose_name=_("facilitators"),
        limit_choices_to={"groups__name": "Fasilitator BLOKOSUTO"},
        help_text=_("They review the good practices submitted to this class."),
    )
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="thematic_classes", verbose_name=_("linked indicators")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("thematic class")
        verbose_name_plural = _("thematic classes")
        permissions = [("manage_blokosuto", _("Can manage BLOKOSUTO classes, sessions, publication and awards"))]

    def __str__(self) -> str:
        return f"{self.name} ({self.theme})"


class ClassSession(models.Model):
    """A meeting of a class: who came from which unit, what was shown and agreed."""

    thematic_class = models.ForeignKey(
        ThematicClass, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("class")
    )
    date = models.DateField(_("date"))
    venue = models.CharField(_("venue"), max_length=200)
    topic = models.CharField(_("topic"), max_length=200)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("facilitator"),
    )
    notes = models.TextField(_("notes"), blank=True)
    follow_ups = models.TextField(_("agreed follow-ups"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("class session")
        verbose_name_plural = _("class sessions")

    def __str__(self) -> str:
        return f"{self.thematic_class.name} {self.date:%Y-%m-%d}: {self.topic}"


class SessionParticipant(models.Model):
    session = models.ForeignKey(ClassSession, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("name"), max_length=120)
    unit = models.CharField(_("unit"), max_length=120, blank=True, help_text=_("Puskesmas, kelurahan or office."))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name


class SessionMaterial(StoredFile):
    session = models.ForeignKey(ClassSession, on_delete=models.CASCADE, related_name="materials")

    class Meta(StoredFile.Meta):
        verbose_name = _("session material")
        verbose_name_plural = _("session materials")
