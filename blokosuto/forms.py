"""Forms of the BLOKOSUTO pages: what users type, checked, with messages in the UI language.

Forms only read and check input; the writes are in blokosuto/actions.py.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from blokosuto import rubric, sniffing
from blokosuto.models import Award, ClassSession, GoodPractice, Replication, ThematicClass
from blokosuto.models.reviews import CRITERION_QUESTIONS, Review
from programs.models import Indicator
from regions.models import Kecamatan

ACCEPT = ".pdf,.png,.jpg,.jpeg,.xlsx,.docx"
MAX_FILES = 10
MAX_PARTICIPANTS = 300
SELECT = forms.Select(attrs={"class": "form-select"})


def check_upload(upload: UploadedFile) -> sniffing.CheckedFile:
    """The upload if it is a PDF, PNG, JPEG, XLSX or DOCX of at most 10 MB by its content; else
    ValidationError in the UI language."""
    if sniffing.is_unsafe_name(upload.name or ""):
        raise forms.ValidationError(
            _("The file name %(name)s is not allowed: give the file a plain name and upload it again.")
            % {"name": upload.name}
        )
    if upload.size > sniffing.MAX_BYTES:
        raise forms.ValidationError(
            _("%(name)s is larger than %(limit)s MB.") % {"name": upload.name, "limit": sniffing.MAX_BYTES // 2**20}
        )
    kind = sniffing.file_kind(upload) if upload.size else None
    if kind is None:
        raise forms.ValidationError(
            _(
                "%(name)s is not a PDF, a picture (PNG or JPEG), an Excel workbook (.xlsx) or a Word document "
                "(.docx). Its content counts, not its name."
            )
            % {"name": upload.name}
        )
    return sniffing.CheckedFile(upload, kind, upload.size, sniffing.display_name(upload.name, kind))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files at once, each checked by its content; every refused file is named."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault(
            "help_text", gettext_lazy("PDF, pictures (PNG, JPEG), Excel (.xlsx) or Word (.docx), at most 10 MB each.")
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None) -> list[sniffing.CheckedFile]:
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(_("At most %(count)s files at once.") % {"count": MAX_FILES})
        checked, errors = [], []
        for upload in uploads:
            try:
                checked.append(check_upload(super().clean(upload, initial)))
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return checked


class MonthField(forms.DateField):
    """A month that is over (`2026-03`), as its first day."""

    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")

    def __init__(self, **kwargs) -> None:
        super().__init__(input_formats=["%Y-%m"], required=False, **kwargs)

    def clean(self, value) -> datetime.date | None:
        month = super().clean(value)
        if month and month >= timezone.localdate().replace(day=1):
            raise forms.ValidationError(_("Choose a month that is over: its reports are not complete yet."))
        return month


def check_periods(form: forms.Form) -> None:
    before, after = form.cleaned_data.get("before_period"), form.cleaned_data.get("after_period")
    if before and after and before >= after:
        form.add_error("after_period", _("The month after must come later than the month before."))
    elif bool(before) != bool(after):
        form.add_error("after_period", _("Choose both months, or neither."))


class PracticeForm(forms.ModelForm):
    partner_sectors = forms.MultipleChoiceField(
        label=gettext_lazy("Partners across sectors"),
        choices=GoodPractice.Partner.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    cost = forms.CharField(
        label=gettext_lazy("Cost (rupiah)"),
        required=False,
        help_text=gettext_lazy("e.g. 2.500.000; leave empty if not known (empty is not zero)."),
    )
    before_period = MonthField(label=gettext_lazy("Month before"))
    after_period = MonthField(label=gettext_lazy("Month after"))
    evidence = FilesField(label=gettext_lazy("Evidence files"))

    class Meta:
        model = GoodPractice
        fields = [
            "title", "thematic_class", "team", "problem", "baseline", "target_group", "steps", "started_on",
            "stage", "resources", "cost", "partner_sectors", "partners", "results", "sustainability",
            "transferability", "contact_name", "contact_phone", "indicators", "kelurahan", "before_period",
            "after_period",
        ]  # fmt: skip
        widgets = {
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "indicators": forms.CheckboxSelectMultiple,
            "kelurahan": forms.CheckboxSelectMultiple,
            **{name: forms.Textarea(attrs={"rows": 3}) for name in ("problem", "baseline", "resources", "partners")},
            **{name: forms.Textarea(attrs={"rows": 4}) for name in ("steps", "results", "sustainability")},
            "transferability": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "before_period": "",
            "indicators": gettext_lazy("Their values before and after come from the approved monthly reports."),
        }

    def __init__(self, *args, kelurahan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kelurahan"].queryset = kelurahan
        self.fields["indicators"].queryset = Indicator.objects.order_by("order", "code")
        self.fields["thematic_class"].empty_label = None

    def clean_cost(self) -> int | None:
        text = self.cleaned_data["cost"].strip().lower().removeprefix("rp").strip().replace(".", "").replace(" ", "")
        if not text:
            return None
        if not text.isdigit():
            raise forms.ValidationError(_("Write the cost in whole rupiah, e.g. 2.500.000."))
        return int(text)

    def clean_started_on(self) -> datetime.date:
        started = self.cleaned_data["started_on"]
        if started > timezone.localdate():
            raise forms.ValidationError(_("The start date cannot be in the future."))
        return started

    def clean(self) -> dict:
        cleaned = super().clean()
        check_periods(self)
        return cleaned

    def practice_fields(self) -> dict:
        """The practice's own fields (not its indicators, kelurahan or files)."""
        excluded = {"indicators", "kelurahan", "evidence"}
        return {name: value for name, value in self.cleaned_data.items() if name not in excluded}


def _score_field(criterion: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=Review._meta.get_field(criterion).verbose_name,
        help_text=CRITERION_QUESTIONS[criterion],
        choices=[(score, str(score)) for score in range(rubric.LOWEST, rubric.HIGHEST + 1)],
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "btn-check"}),
        error_messages={"required": gettext_lazy("Give a score from 1 to 5.")},
    )


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("What is strong, what is missing; the submitter reads it."),
        error_messages={"required": gettext_lazy("Write a comment: the scores alone do not tell what to improve.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scores = {criterion: _score_field(criterion) for criterion in rubric.CRITERIA}
        self.fields = scores | self.fields

    def scores(self) -> dict[str, int]:
        return {criterion: self.cleaned_data[criterion] for criterion in rubric.CRITERIA}


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("What must be improved?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Write what must be improved, so the team knows.")},
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Comment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": gettext_lazy("The comment is empty.")},
    )


class ReplicationForm(forms.ModelForm):
    before_period = MonthField(label=gettext_lazy("Month before"))
    after_period = MonthField(label=gettext_lazy("Month after"))

    class Meta:
        model = Replication
        fields = [
            "status", "kelurahan", "started_on", "stopped_on", "mentor", "adaptation_notes", "before_period",
            "after_period",
        ]  # fmt: skip
        widgets = {
            "kelurahan": forms.CheckboxSelectMultiple,
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "stopped_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "adaptation_notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"adaptation_notes": gettext_lazy("What you changed to fit your area.")}

    def __init__(self, *args, kelurahan, mentors, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kelurahan"].queryset = kelurahan
        self.fields["mentor"].queryset = mentors

    def clean(self) -> dict:
        cleaned = super().clean()
        check_periods(self)
        status = cleaned.get("status")
        if status in Replication.Status.counted():
            if not cleaned.get("kelurahan"):
                self.add_error("kelurahan", _("Choose the kelurahan where it is being done."))
            if not cleaned.get("started_on"):
                self.add_error("started_on", _("When did it start?"))
        if status == Replication.Status.STOPPED and not cleaned.get("stopped_on"):
            self.add_error("stopped_on", _("When did it stop?"))
        started, stopped = cleaned.get("started_on"), cleaned.get("stopped_on")
        if started and stopped and stopped < started:
            self.add_error("stopped_on", _("It cannot stop before it started."))
        return cleaned


class SessionForm(forms.ModelForm):
    participant_lines = forms.CharField(
        label=gettext_lazy("Participants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("One per line: name; unit (e.g. Siti Rahayu; Puskesmas Poncol)."),
    )
    materials = FilesField(label=gettext_lazy("Materials"))

    class Meta:
        model = ClassSession
        fields = ["date", "venue", "topic", "facilitator", "notes", "follow_ups"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "follow_ups": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, thematic_class: ThematicClass, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].queryset = thematic_class.facilitators.order_by("first_name", "username")

    def clean_participant_lines(self) -> list[tuple[str, str]]:
        """(name, unit) per non-empty line; a line too long is named by its number."""
        participants, errors = [], []
        lines = [line.strip() for line in self.cleaned_data["participant_lines"].splitlines()]
        for number, line in enumerate(lines, start=1):
            if not line:
                continue
            name, _sep, unit = (part.strip() for part in line.replace("\t", ";").partition(";"))
            if not name or len(name) > 120 or len(unit) > 120:
                errors.append(_("Line %(number)s: a name (and unit) of at most 120 characters.") % {"number": number})
            participants.append((name, unit))
        if len(participants) > MAX_PARTICIPANTS:
            errors.append(_("At most %(count)s participants.") % {"count": MAX_PARTICIPANTS})
        if errors:
            raise forms.ValidationError(errors)
        return participants


class AwardForm(forms.ModelForm):
    class Meta:
        model = Award
        fields = ["name", "recipient", "awarded_on", "citation"]
        widgets = {
            "awarded_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "citation": forms.Textarea(attrs={"rows": 3}),
        }


class CatalogueForm(forms.Form):
    """The catalogue's search and filters, from the query string."""

    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=200)
    kelas = forms.ModelChoiceField(
        ThematicClass.objects.all(), label=gettext_lazy("Class"), required=False, to_field_name="code", widget=SELECT
    )
    kecamatan = forms.ModelChoiceField(
        Kecamatan.objects.order_by("name"),
        label=gettext_lazy("Kecamatan"),
        required=False,
        to_field_name="code",
        widget=SELECT,
    )
    indikator = forms.ModelChoiceField(
        Indicator.objects.order_by("order", "code"),
        label=gettext_lazy("Indicator"),
        required=False,
        to_field_name="code",
        widget=SELECT,
    )
    tahap = forms.ChoiceField(
        label=gettext_lazy("Stage"),
        required=False,
        choices=[("", "---------"), *GoodPractice.Stage.choices],
        widget=SELECT,
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def filters(self) -> dict:
        """The chosen filters (empty ones left out), or none at all when the query string is bad."""
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value and name != "page"}
