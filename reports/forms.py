"""Reading what a puskesmas head typed into the entry grid, and the review forms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.actions import CellValue

MAX_CELL_VALUE = 1_000_000  # no kelurahan counts a million of anything in a month
THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


def cell_field(kelurahan_id: int, data_element_id: int) -> str:
    return f"v-{kelurahan_id}-{data_element_id}"


def parse_count(text: str) -> int | None:
    """A count as people type it: blank is not reported, "1.234" is 1234; ValueError (in Indonesian) otherwise."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    if text.startswith("-") and text[1:].isdigit():
        raise ValueError(_("Cannot be negative."))
    if not text.isdigit():
        raise ValueError(_("Enter a whole number (no decimals), or leave it empty if not reported."))
    value = int(text)
    if value > MAX_CELL_VALUE:
        raise ValueError(_("Too large for one kelurahan in one month."))
    return value


def read_grid(
    data: Mapping[str, str], keys: Iterable[tuple[int, int]]
) -> tuple[list[CellValue], dict[tuple[int, int], str], dict[tuple[int, int], str]]:
    """The cells of the grid from POST data: (values, errors by cell, raw text by cell).

    A cell missing from the POST is left out (not blanked), so a partial form never erases data.
    """
    values, errors, raw = [], {}, {}
    for key in keys:
        name = cell_field(*key)
        if name not in data:
            continue
        raw[key] = data[name]
        try:
            values.append(CellValue(key[0], key[1], parse_count(data[name])))
        except ValueError as error:
            errors[key] = str(error)
    return values, errors, raw


class VersionForm(forms.Form):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class ReasonForm(VersionForm):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Write the reason, so the puskesmas knows what to correct.")},
    )


class CellNoteForm(VersionForm):
    comment = forms.CharField(
        label=gettext_lazy("Comment"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    follow_up = forms.BooleanField(label=gettext_lazy("Mark for follow-up"), required=False)
