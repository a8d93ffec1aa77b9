"""Adds Indonesian translations: `python scripts/translate.py strings.json [more.json ...]`.

Each JSON file maps English source strings (msgid, as written in the code) to Indonesian; for a
plural string give the Indonesian text once (Indonesian has one plural form). The script refreshes
locale/id/LC_MESSAGES/django.po from the code (makemessages), fills in the given translations,
compiles, and lists what is still untranslated. Write the code first: strings not in the code are
dropped. Runs under a lock so that several people can call it at once.
"""

import fcntl
import json
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale/id/LC_MESSAGES/django.po"
MANAGE = [sys.executable, str(ROOT / "manage.py")]
IGNORE = ["--ignore=.venv", "--ignore=node_modules", "--ignore=tests", "--ignore=bench"]


def main(paths: list[str]) -> int:
    translations = {}
    for path in paths:
        translations.update(json.loads(Path(path).read_text(encoding="utf-8")))
    with open(ROOT / "locale/.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run([*MANAGE, "makemessages", "-l", "id", "--no-obsolete", *IGNORE], cwd=ROOT, check=True)
        po = polib.pofile(str(CATALOGUE))
        for entry in po:
            if entry.msgid in translations:
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: translations[entry.msgid]}
                else:
                    entry.msgstr = translations[entry.msgid]
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        po.save()
        subprocess.run([*MANAGE, "compilemessages", "-v", "0", *IGNORE[:2]], cwd=ROOT, check=True)
    untranslated = [
        e.msgid for e in po if "fuzzy" in e.flags or not (e.msgstr or (e.msgid_plural and e.msgstr_plural.get(0)))
    ]
    for msgid in untranslated:
        print(f"untranslated: {msgid!r}")
    return 1 if untranslated else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
