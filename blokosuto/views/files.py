"""Uploaded files are served only here, to users allowed to see what they belong to."""

from django.http import FileResponse, Http404

from blokosuto.models import StoredFile


def file_response(stored: StoredFile) -> FileResponse:
    """The file under its display name: pictures shown, documents downloaded, never sniffed."""
    kind = stored.file_kind
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, content_type=kind.content_type, as_attachment=not kind.is_image, filename=stored.display_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
