"""What kind of file an upload really is, told by its content, never by its name. No Django here.

Only PDF, PNG, JPEG, XLSX and DOCX are accepted. XLSX and DOCX are zip packages (Office Open XML)
holding `[Content_Types].xml` and an `xl/` resp. `word/` part; any other zip, an HTML page named
.pdf or an executable renamed .png is refused. File names are only ever shown, never used to store.
"""

from __future__ import annotations

import enum
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

MAX_BYTES = 10 * 1024 * 1024
MAX_NAME = 120


class FileKind(enum.StrEnum):
    PDF = "pdf"
    PNG = "png"
    JPEG = "jpg"
    XLSX = "xlsx"
    DOCX = "docx"

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self]

    @property
    def is_image(self) -> bool:
        return self in {FileKind.PNG, FileKind.JPEG}


CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.PNG: "image/png",
    FileKind.JPEG: "image/jpeg",
    FileKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class CheckedFile:
    """An upload whose content was checked: its real kind, its size and the name to show."""

    upload: BinaryIO
    kind: FileKind
    size: int
    display_name: str


def file_kind(stream: BinaryIO) -> FileKind | None:
    """The kind of the file in `stream` (read from its start, left at its start), or None if it is
    none of the accepted kinds."""
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return FileKind.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if head.startswith(ZIP_MAGIC):
        return _office_kind(stream)
    return None


def _office_kind(stream: BinaryIO) -> FileKind | None:
    try:
        with zipfile.ZipFile(stream) as package:
            names = package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        stream.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if any(name.startswith("xl/") for name in names):
        return FileKind.XLSX
    if any(name.startswith("word/") for name in names):
        return FileKind.DOCX
    return None


def is_unsafe_name(name: str) -> bool:
    """A name that tries to reach another folder (`../`, `..\\`, encoded slashes) or hides control
    characters: such an upload is refused rather than renamed, since no honest file is called that."""
    lowered = name.lower()
    if any(part in lowered for part in ("/", "\\", "%2f", "%5c", "..")) or lowered.startswith("."):
        return True
    return any(unicodedata.category(char).startswith("C") for char in name)


def display_name(name: str, kind: FileKind) -> str:
    """The name to show: letters, digits, spaces and a little punctuation, shortened, with the
    extension of its real kind."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    kept = "".join(char if char.isalnum() or char in " -_()" else "_" for char in stem).strip(" _") or "berkas"
    return f"{kept[:MAX_NAME]}.{kind.value}"
