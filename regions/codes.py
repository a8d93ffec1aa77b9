"""Kemendagri region codes (`33.74.01` kecamatan, `33.74.01.1001` kelurahan) and their checks.

BPS codes (`3374010`, `3374010001`) number the kecamatan differently, so a BPS code that happens to
look valid points at the wrong place: it is refused with a message that says so.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

KECAMATAN_CODE, BPS_KECAMATAN_CODE = re.compile(r"\d{2}\.\d{2}\.\d{2}"), re.compile(r"\d{7}")
KELURAHAN_CODE, BPS_KELURAHAN_CODE = re.compile(r"\d{2}\.\d{2}\.\d{2}\.\d{4}"), re.compile(r"\d{10}")


def validate_kecamatan_code(value: str) -> None:
    _validate(value, KECAMATAN_CODE, BPS_KECAMATAN_CODE, example="33.74.01", level="kecamatan")


def validate_kelurahan_code(value: str) -> None:
    _validate(value, KELURAHAN_CODE, BPS_KELURAHAN_CODE, example="33.74.01.1001", level="kelurahan")


def _validate(value: str, kemendagri: re.Pattern, bps: re.Pattern, *, example: str, level: str) -> None:
    if kemendagri.fullmatch(value):
        return
    if bps.fullmatch(value):
        raise ValidationError(
            _("%(code)s is a BPS code. Use the Kemendagri code, e.g. %(example)s."),
            code="bps_code",
            params={"code": value, "example": example},
        )
    raise ValidationError(
        _("%(code)s is not a Kemendagri %(level)s code (format %(example)s)."),
        code="invalid",
        params={"code": value, "level": level, "example": example},
    )
