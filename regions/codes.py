"""Kemendagri region codes (`33.74.01` kecamatan, `33.74.01.1001` kelurahan) and their checks.

BPS codes (`3374010`, `3374010001`) number the kecamatan differently, so a BPS code that happens to
look valid points at the wrong place: it is refused with a message that says so.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

KECAMATAN_CODE = re.compile(r"\d{2}\.\d{2}\.\d{2}")
KELURAHAN_CODE = re.compile(r"\d{2}\.\d{2}\.\d{2}\.\d{4}")
BPS_KECAMATAN_CODE = re.compile(r"\d{7}")
BPS_KELURAHAN_CODE = re.compile(r"\d{10}")


def validate_kecamatan_code(value: str) -> None:
    if KECAMATAN_CODE.fullmatch(value):
        return
    if BPS_KECAMATAN_CODE.fullmatch(value):
        raise ValidationError(
            _("%(code)s is a BPS code. Use the Kemendagri code, e.g. 33.74.01."),
            code="bps_code",
            params={"code": value},
        )
    raise ValidationError(
        _("%(code)s is not a Kemendagri kecamatan code (format 33.74.01)."),
        code="invalid",
        params={"code": value},
    )


def validate_kelurahan_code(value: str) -> None:
    if KELURAHAN_CODE.fullmatch(value):
        return
    if BPS_KELURAHAN_CODE.fullmatch(value):
        raise ValidationError(
            _("%(code)s is a BPS code. Use the Kemendagri code, e.g. 33.74.01.1001."),
            code="bps_code",
            params={"code": value},
        )
    raise ValidationError(
        _("%(code)s is not a Kemendagri kelurahan code (format 33.74.01.1001)."),
        code="invalid",
        params={"code": value},
    )
