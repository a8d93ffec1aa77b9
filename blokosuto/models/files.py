"""Uploaded files (evidence of a practice, materials of a session): stored under a generated name in
MEDIA_ROOT/blokosuto/, never under the name the user gave, and served only through a view."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from blokosuto.sniffing import FileKind


def stored_name(instance: StoredFile, filename: str) -> str:
    """A random name with the extension of the file's real kind; the user's name is ignored."""
    return f"blokosuto/{uuid.uuid4().hex}.{instance.kind}"


class StoredFile(models.Model):
    file = models.FileField(_("file"), upload_to=stored_name, max_length=200)
    display_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=4, choices=[(k.value, k.name) for k in FileKind])
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def file_kind(self) -> FileKind:
        return FileKind(self.kind)
