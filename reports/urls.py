from django.urls import path, register_converter

from reports.views import dashboards, entry, excel, review


class MonthConverter:
    """`2026-03`: a month in the URL, so that other pages under /laporan/ never look like one."""

    regex = r"[0-9]{4}-[0-9]{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(MonthConverter, "month")
app_name = "reports"

urlpatterns = [
    # -- entry and review: reports/views/entry.py, reports/views/review.py
    path("", review.index, name="index"),
    path("<slug:code>/<month:period>/", entry.entry, name="entry"),
    path("<slug:code>/<month:period>/kirim/", entry.submit, name="submit"),
    path("<slug:code>/<month:period>/sel/<str:kelurahan>/<str:element>/", entry.cell, name="cell"),
    path("<slug:code>/<month:period>/setujui/", review.approve, name="approve"),
    path("<slug:code>/<month:period>/kembalikan/", review.return_for_correction, name="return"),
    path("<slug:code>/<month:period>/buka/", review.reopen, name="reopen"),
    # -- Excel round trip: reports/views/excel.py
    path("<slug:code>/<month:period>/templat.xlsx", excel.template, name="excel_template"),
    path("<slug:code>/<month:period>/unggah/", excel.upload, name="excel_upload"),
    # -- completeness board and SPM scorecard: reports/views/dashboards.py
    path("kelengkapan/", dashboards.completeness, name="completeness"),
    path("spm/", dashboards.scorecard, name="scorecard"),
]
