"""Spreadsheet formats for django-import-export that defuse formula injection on export.

A cell that starts with = + - @ (or a tab or carriage return) is run as a formula by Excel and
LibreOffice, so text from users could execute on a Dinkes laptop. Such text cells get a leading
apostrophe (OWASP "CSV injection"); numbers, negative ones included, stay numbers. The library's
own switch only strips a leading "=", which both alters data and misses the other characters.
"""

from __future__ import annotations

import re

from import_export.formats.base_formats import CSV, XLSX

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A number as the export renders it, in either locale: -6.98, -6,98, -1.234,5
NUMBER = re.compile(r"[+-]?\d[\d.,]*")


def _is_number(text: str) -> bool:
    return NUMBER.fullmatch(text) is not None


def escape_formula(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value


class _EscapingFormat:
    def export_data(self, dataset, **kwargs):
        escaped = dataset.__class__(headers=dataset.headers)
        for row in dataset:
            escaped.append([escape_formula(cell) for cell in row])
        return super().export_data(escaped, **kwargs)


class SafeXLSX(_EscapingFormat, XLSX):
    pass


class SafeCSV(_EscapingFormat, CSV):
    pass
