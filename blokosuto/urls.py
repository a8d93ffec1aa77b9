from django.urls import path

from blokosuto.views import awards, catalogue, classes, practices, replication, review

app_name = "blokosuto"

urlpatterns = [
    # -- classes and sessions: blokosuto/views/classes.py
    path("", classes.index, name="index"),
    path("kelas/<slug:class_code>/", classes.class_detail, name="class"),
    path("kelas/<slug:class_code>/sesi/baru/", classes.session_create, name="session_create"),
    path("sesi/<int:session>/", classes.session_detail, name="session"),
    path("sesi/<int:session>/materi/<int:material>/", classes.session_material, name="session_material"),
    # -- the catalogue and the practices: blokosuto/views/practices.py, blokosuto/views/catalogue.py
    path("katalog/", catalogue.catalogue, name="catalogue"),
    path("praktik/baru/", practices.practice_create, name="practice_create"),
    path("praktik/<int:practice>/", practices.practice_detail, name="practice"),
    path("praktik/<int:practice>/ubah/", practices.practice_edit, name="practice_edit"),
    path("praktik/<int:practice>/kirim/", practices.practice_submit, name="practice_submit"),
    path("praktik/<int:practice>/komentar/", practices.comment, name="comment"),
    path("praktik/<int:practice>/bukti/<int:evidence>/", practices.evidence_file, name="evidence"),
    path("praktik/<int:practice>/bukti/<int:evidence>/hapus/", practices.evidence_delete, name="evidence_delete"),
    # -- review: blokosuto/views/review.py
    path("praktik/<int:practice>/nilai/", review.review, name="review"),
    path("praktik/<int:practice>/kembalikan/", review.return_practice, name="return"),
    path("praktik/<int:practice>/putuskan/", review.decide, name="decide"),
    path("praktik/<int:practice>/terbitkan/", review.publish, name="publish"),
    # -- replication: blokosuto/views/replication.py
    path("praktik/<int:practice>/replikasi/", replication.replicate, name="replicate"),
    path("replikasi/<int:replication>/", replication.replication_edit, name="replication"),
    # -- recognition: blokosuto/views/awards.py
    path("praktik/<int:practice>/penghargaan/", awards.award_create, name="award_create"),
    path("penghargaan/<int:award>/piagam.pdf", awards.certificate, name="certificate"),
]
