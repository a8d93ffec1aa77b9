from django.urls import path  # noqa: F401  (used as each section adds its routes)

app_name = "reports"

urlpatterns = [
    # -- entry and review: reports/views/entry.py, reports/views/review.py
    # -- Excel round trip: reports/views/excel.py
    # -- completeness board and SPM scorecard: reports/views/dashboards.py
]
