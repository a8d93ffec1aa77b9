import pytest
from django.core.exceptions import ValidationError

from regions.codes import validate_kecamatan_code, validate_kelurahan_code


def test_kemendagri_codes_pass():
    validate_kecamatan_code("33.74.01")
    validate_kelurahan_code("33.74.01.1001")


@pytest.mark.parametrize("code", ["3374010001", "3374010"])
def test_bps_codes_are_named_as_such(code):
    validator = validate_kelurahan_code if len(code) == 10 else validate_kecamatan_code
    with pytest.raises(ValidationError) as error:
        validator(code)
    assert error.value.code == "bps_code"
    assert "BPS" in error.value.messages[0]


@pytest.mark.parametrize("code", ["", "33.74.1.1001", "33-74-01-1001", "33.74.01.1001 ", "x"])
def test_malformed_kelurahan_codes_are_refused(code):
    with pytest.raises(ValidationError):
        validate_kelurahan_code(code)
