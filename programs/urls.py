app_name = "programs"

urlpatterns = [
    # -- program pages: programs/views.py
]
