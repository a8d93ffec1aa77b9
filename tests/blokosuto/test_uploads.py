"""Evidence files: checked by their content, at most 10 MB, under generated names outside the static
root, served only to those who may see the practice. A refused file stores nothing at all."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from blokosuto import sniffing
from blokosuto.models import Evidence, GoodPractice
from tests.blokosuto.builders import form_post, make_practice

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(f"{part}/document.xml", "<x/>")
    return buffer.getvalue()


def refused_message(name: str) -> str:
    with translation.override("id"):
        return translation.gettext(
            "%(name)s is not a PDF, a picture (PNG or JPEG), an Excel workbook (.xlsx) or a Word document "
            "(.docx). Its content counts, not its name."
        ) % {"name": name}


# -- the sniffing itself, without a database


@pytest.mark.parametrize(
    ("content", "kind"),
    [(PDF, "pdf"), (PNG, "png"), (b"\xff\xd8\xff\xe0" + b"\x00" * 16, "jpg"), (office("xl"), "xlsx"),
     (office("word"), "docx")],
)  # fmt: skip
def test_accepted_kinds_are_told_by_content(content, kind):
    assert sniffing.file_kind(io.BytesIO(content)) == kind


@pytest.mark.parametrize(
    "content",
    [b"MZ\x90\x00" + b"\x00" * 60, b"<!DOCTYPE html><script>alert(1)</script>", b"\x7fELF\x02\x01",
     office("ppt"), b"PK\x03\x04 not really a zip", b""],
)  # fmt: skip
def test_everything_else_is_refused(content):
    assert sniffing.file_kind(io.BytesIO(content)) is None


@pytest.mark.parametrize("name", ["../../etc/passwd.pdf", "..\\..\\boot.ini", "..%2F..%2Fsettings.pdf", ".htaccess",
                                  "laporan\x00.pdf"])  # fmt: skip
def test_names_that_reach_elsewhere_are_unsafe(name):
    assert sniffing.is_unsafe_name(name)


def test_display_names_are_plain_and_carry_the_real_kind():
    assert not sniffing.is_unsafe_name("Foto kegiatan (1).jpeg")
    assert sniffing.display_name("Foto kegiatan <b>1</b>.jpeg", sniffing.FileKind.JPEG) == "Foto kegiatan _b_1__b.jpg"
    assert sniffing.display_name("notulen.pdf", sniffing.FileKind.DOCX) == "notulen.docx"


# -- through the practice form


def post_with(client, upload):
    return client.post(reverse("blokosuto:practice_create"), form_post(evidence=[upload]))


@pytest.mark.parametrize(
    ("name", "content"),
    [("setup.pdf", b"MZ\x90\x00" + b"\x00" * 200), ("laporan.pdf", b"<html><body>bukan pdf</body></html>"),
     ("foto.png", b"\x7fELF" + b"\x00" * 100)],
)  # fmt: skip
def test_a_disguised_file_is_refused_and_nothing_is_stored(client, people, media_root, name, content):
    client.force_login(people.head_a)
    response = post_with(client, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert refused_message(name) in response.context["form"].errors["evidence"]
    assert refused_message(name) in response.content.decode()
    assert not GoodPractice.objects.exists()
    assert not Evidence.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*.*"))


def test_a_file_over_ten_megabytes_is_refused(client, people, media_root):
    client.force_login(people.head_a)
    big = SimpleUploadedFile("besar.pdf", PDF + b"0" * (11 * 1024 * 1024))
    response = post_with(client, big)
    with translation.override("id"):
        expected = translation.gettext("%(name)s is larger than %(limit)s MB.") % {"name": "besar.pdf", "limit": 10}
    assert response.context["form"].errors["evidence"] == [expected]
    assert not GoodPractice.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*.*"))


def test_a_path_traversal_name_is_refused(client, people, media_root):
    """Django already cuts `../` off a multipart file name; an encoded one reaches us and is refused."""
    client.force_login(people.head_a)
    response = post_with(client, SimpleUploadedFile("..%2F..%2Fhealthportal%2Fsettings.pdf", PDF))
    assert response.status_code == 200
    assert response.context["form"].errors["evidence"]
    assert not GoodPractice.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*.*"))


def test_good_files_are_stored_under_generated_names(client, people, media_root, settings):
    client.force_login(people.head_a)
    files = [SimpleUploadedFile("Notulen rapat.pdf", PDF), SimpleUploadedFile("rekap.xlsx", office("xl"))]
    response = client.post(reverse("blokosuto:practice_create"), form_post(evidence=files))
    assert response.status_code == 302
    stored = list(Evidence.objects.order_by("display_name"))
    assert [(e.display_name, e.kind) for e in stored] == [("Notulen rapat.pdf", "pdf"), ("rekap.xlsx", "xlsx")]
    for evidence in stored:
        path = media_root / evidence.file.name
        assert path.exists()
        assert "Notulen" not in path.name
        assert path.suffix in {".pdf", ".xlsx"}
        assert str(settings.STATIC_ROOT) not in str(path)


def test_files_are_served_only_to_those_who_see_the_practice(client, people, miroto):
    practice = make_practice(people.head_a, puskesmas=miroto)
    client.force_login(people.head_a)
    client.post(
        reverse("blokosuto:practice_edit", args=[practice.pk]), form_post(evidence=[SimpleUploadedFile("a.pdf", PDF)])
    )
    evidence = Evidence.objects.get()
    url = reverse("blokosuto:evidence", args=[practice.pk, evidence.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]
    for persona in ("head_b", "fac1"):  # another puskesmas; a facilitator before submission (a draft)
        client.force_login(getattr(people, persona))
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
