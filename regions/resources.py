"""Import/export of the region tables in Django admin, keyed on the official codes.

Every import runs in one transaction with a preview first (django-import-export), so a file with
one bad row stores nothing. Messages for the mistakes people make with these files (an unknown code,
a BPS code, the same code twice) are in Bahasa Indonesia through the project's translations.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from regions.codes import validate_kecamatan_code, validate_kelurahan_code
from regions.models import Kecamatan, Kelurahan, Population, Puskesmas, ServiceArea


class CodeWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the related row's code, with a clear message when it is unknown."""

    def __init__(self, model, validator=None) -> None:
        super().__init__(model, field="code")
        self.validator = validator

    def clean(self, value, row=None, **kwargs):
        code = str(value).strip() if value is not None else ""
        if not code:
            return None
        if self.validator:
            try:
                self.validator(code)
            except ValidationError as error:
                raise ValueError(" ".join(error.messages)) from None
        try:
            return self.model.objects.get(code=code)
        except self.model.DoesNotExist:
            raise ValueError(
                _("No %(model)s with code %(code)s.") % {"model": self.model._meta.verbose_name, "code": code}
            ) from None


class WholeNumberWidget(widgets.IntegerWidget):
    """A count: refuses text and fractions instead of failing obscurely or truncating 12.5 to 12."""

    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(_("%(value)s is not a whole number.") % {"value": value}) from None
        if not number.is_finite() or number != number.to_integral_value():
            raise ValueError(_("%(value)s is not a whole number.") % {"value": value})
        return int(number)


class NumberWidget(widgets.FloatWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except (ValueError, TypeError, ArithmeticError):
            raise ValueError(_("%(value)s is not a number.") % {"value": value}) from None


class DayWidget(widgets.DateWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except ValueError:
            raise ValueError(_("%(value)s is not a date; write it as YYYY-MM-DD.") % {"value": value}) from None


def code_field(attribute: str, model, column: str, validator=None) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=column, widget=CodeWidget(model, validator))


class CodedResource(resources.ModelResource):
    """Shared rules: model validation on every row, unchanged rows skipped, no key given twice."""

    WIDGETS_MAP = {
        **resources.ModelResource.WIDGETS_MAP,
        "FloatField": NumberWidget,
        "DateField": DayWidget,
        **{
            name: WholeNumberWidget
            for name, widget in resources.ModelResource.WIDGETS_MAP.items()
            if widget is widgets.IntegerWidget
        },
    }

    def before_import(self, dataset, **kwargs) -> None:
        key_columns = [self.fields[name].column_name for name in self.get_import_id_fields()]
        missing = [column for column in key_columns if column not in (dataset.headers or [])]
        if missing:
            raise ValidationError(
                _("The file has no column %(columns)s. Download an export to see the expected columns.")
                % {"columns": ", ".join(missing)}
            )
        keys = Counter(tuple(str(row[c]).strip() for c in key_columns) for row in dataset.dict)
        repeated = [" / ".join(key) for key, count in keys.items() if count > 1]
        if repeated:
            raise ValidationError(
                _("These keys appear more than once in the file: %(keys)s. Each row must be unique.")
                % {"keys": ", ".join(repeated)}
            )

    class Meta:
        abstract = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class KecamatanResource(CodedResource):
    class Meta(CodedResource.Meta):
        model = Kecamatan
        import_id_fields = ("code",)
        fields = ("code", "name")


class KelurahanResource(CodedResource):
    kecamatan = code_field("kecamatan", Kecamatan, "kecamatan_code", validate_kecamatan_code)

    class Meta(CodedResource.Meta):
        model = Kelurahan
        import_id_fields = ("code",)
        fields = ("code", "name", "kecamatan", "centroid_lat", "centroid_lng")


class PuskesmasResource(CodedResource):
    kecamatan = code_field("kecamatan", Kecamatan, "kecamatan_code", validate_kecamatan_code)
    address_kelurahan = code_field("address_kelurahan", Kelurahan, "address_kelurahan_code", validate_kelurahan_code)

    class Meta(CodedResource.Meta):
        model = Puskesmas
        import_id_fields = ("code",)
        fields = (
            "code",
            "name",
            "kecamatan",
            "address_kelurahan",
            "lat",
            "lng",
            "location_is_estimated",
            "is_active",
            "notes",
        )


class ServiceAreaResource(CodedResource):
    """Working areas. A new row for a kelurahan closes its open row the day before (a correction
    of the provisional areas is imported as rows valid from the day the correction applies)."""

    kelurahan = code_field("kelurahan", Kelurahan, "kelurahan_code", validate_kelurahan_code)
    puskesmas = code_field("puskesmas", Puskesmas, "puskesmas_code")

    def import_instance(self, instance: ServiceArea, row, **kwargs) -> None:
        super().import_instance(instance, row, **kwargs)
        # Before validation, so the overlap check sees the kelurahan's previous row already ended.
        instance.close_open_predecessor()

    class Meta(CodedResource.Meta):
        model = ServiceArea
        import_id_fields = ("kelurahan", "valid_from")
        fields = ("kelurahan", "puskesmas", "valid_from", "valid_to", "is_provisional")


class PopulationResource(CodedResource):
    kelurahan = code_field("kelurahan", Kelurahan, "kelurahan_code", validate_kelurahan_code)

    class Meta(CodedResource.Meta):
        model = Population
        import_id_fields = ("kelurahan", "year", "group")
        fields = ("kelurahan", "year", "group", "value", "source")
