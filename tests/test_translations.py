"""Bahasa Indonesia is the portal's first language: no string may be left untranslated."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = [ROOT / "locale/id/LC_MESSAGES/django.po", ROOT / "locale_libraries/id/LC_MESSAGES/django.po"]


def entries(path: Path) -> list[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) of each entry, parsed enough for this check."""
    result, msgid, msgstr, fuzzy, field = [], None, "", False, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#,"):
            fuzzy = "fuzzy" in line
        elif line.startswith("msgid "):
            msgid, field = line[7:-1], "id"
        elif line.startswith(("msgstr ", "msgstr[0] ")):
            msgstr, field = line.split(" ", 1)[1][1:-1], "str"
        elif line.startswith('"') and field:
            if field == "id":
                msgid += line[1:-1]
            else:
                msgstr += line[1:-1]
        elif not line.strip() and msgid is not None:
            result.append((msgid, msgstr, fuzzy))
            msgid, msgstr, fuzzy, field = None, "", False, None
    return result


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parent.parent.parent.name)
def test_every_string_is_translated(path):
    missing = [msgid for msgid, msgstr, fuzzy in entries(path) if msgid and (not msgstr or fuzzy)]
    assert missing == []
