"""The consistency checks every monthly report must pass, and the roles' permissions on reports.

Errors compare numbers of the same month and the same people (BBLR are among the live births);
checks whose sides can come from different months (K6 this month, K1 months earlier) are warnings
that need a comment, not errors.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# (code, left, operator, right, severity, message)
RULES = [
    ("BBLR_LE_LAHIR_HIDUP", "BBLR", "<=", "LAHIR_HIDUP", "error",
     "BBLR tidak boleh lebih banyak dari bayi lahir hidup pada bulan yang sama."),
    ("STUNTING_LE_DIUKUR", "STUNTING", "<=", "BALITA_DIUKUR", "error",
     "Balita stunting tidak boleh lebih banyak dari balita yang diukur."),
    ("WASTING_LE_DIUKUR", "WASTING", "<=", "BALITA_DIUKUR", "error",
     "Balita wasting tidak boleh lebih banyak dari balita yang diukur."),
    ("GIZI_BURUK_LE_WASTING", "GIZI_BURUK", "<=", "WASTING", "error",
     "Gizi buruk (< −3 SD) adalah bagian dari wasting (< −2 SD): tidak boleh lebih banyak."),
    ("UNDERWEIGHT_LE_D", "UNDERWEIGHT", "<=", "BALITA_D", "error",
     "Balita berat badan kurang tidak boleh lebih banyak dari balita ditimbang."),
    ("TB_DILAYANI_LE_TERDUGA", "TB_TERDUGA_DILAYANI", "<=", "TB_TERDUGA", "error",
     "Terduga TBC yang diperiksa tidak boleh lebih banyak dari terduga TBC."),
    ("TB_SEMBUH_LE_KOHORT", "TB_SEMBUH_LENGKAP", "<=", "TB_KOHORT_DIEVALUASI", "error",
     "Pasien sembuh/lengkap tidak boleh lebih banyak dari pasien kohort yang dievaluasi."),
    ("HIV_DITES_LE_BERISIKO", "HIV_DITES", "<=", "HIV_BERISIKO", "error",
     "Orang berisiko yang dites HIV tidak boleh lebih banyak dari orang berisiko yang dijangkau."),
    ("JAMBAN_LE_KK", "KK_JAMBAN_SEHAT", "<=", "KK_TOTAL", "error",
     "KK dengan akses jamban sehat tidak boleh lebih banyak dari jumlah KK."),
    ("POSYANDU_AKTIF_LE_TOTAL", "POSYANDU_AKTIF", "<=", "POSYANDU_TOTAL", "error",
     "Posyandu aktif tidak boleh lebih banyak dari jumlah posyandu."),
    ("KN_LENGKAP_LE_KN1", "KN_LENGKAP", "<=", "KN1", "warning",
     "KN lengkap melebihi KN1 bulan ini: wajar bila bayinya mendapat KN1 bulan lalu; beri keterangan."),
    ("K6_LE_K1", "BUMIL_K6", "<=", "BUMIL_K1", "warning",
     "K6 melebihi K1 bulan ini: wajar bila ibunya K1 pada bulan-bulan sebelumnya; beri keterangan."),
    ("RISTI_DITANGANI_LE_DITEMUKAN", "BUMIL_RISTI_DITANGANI", "<=", "BUMIL_RISTI", "warning",
     "Bumil risti ditangani melebihi yang ditemukan bulan ini: beri keterangan (ditemukan bulan lalu?)."),
    ("KN1_LE_LAHIR_HIDUP", "KN1", "<=", "LAHIR_HIDUP", "warning",
     "KN1 melebihi bayi lahir hidup bulan ini: beri keterangan (lahir di akhir bulan lalu?)."),
    ("BULIN_LE_SASARAN_TAHUNAN", "BULIN_FASYANKES", "<=", "pop.bulin", "warning",
     "Persalinan bulan ini melebihi sasaran ibu bersalin setahun: periksa kembali angkanya."),
]

VIEW = ["view_monthlyreport", "view_datavalue", "view_validationrule"]
CATALOGUE = ["view_program", "view_dataelement", "view_indicator"]
CURATE = ["add_dataelement", "change_dataelement", "add_indicator", "change_indicator"]
ALL_ACTIONS = ("view", "add", "change", "delete")
ROLE_PERMISSIONS = {
    "Admin Dinkes": {
        "reports": [f"{a}_{m}" for m in ("monthlyreport", "datavalue", "validationrule") for a in ALL_ACTIONS]
        + ["review_monthlyreport"],
        "programs": [f"{a}_{m}" for m in ("program", "dataelement", "indicator") for a in ALL_ACTIONS],
    },
    "Staf Dinkes": {
        "reports": [*VIEW, "review_monthlyreport", "add_validationrule", "change_validationrule"],
        "programs": CATALOGUE + CURATE,
    },
    "Pimpinan": {"reports": VIEW, "programs": CATALOGUE},
    "Kepala Puskesmas": {"reports": [*VIEW, "add_datavalue", "change_datavalue"], "programs": CATALOGUE},
    "Fasilitator BLOKOSUTO": {"reports": VIEW, "programs": CATALOGUE},
}


def load(apps, schema_editor):
    ValidationRule = apps.get_model("reports", "ValidationRule")
    for code, left, operator, right, severity, message in RULES:
        ValidationRule.objects.create(
            code=code, left=left, operator=operator, right=right, severity=severity, message=message
        )
    # Permissions are normally made after all migrations ran; make them now to grant them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, by_app in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        for app_label, codenames in by_app.items():
            permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            assert permissions.count() == len(set(codenames)), (role, app_label)
            group.permissions.add(*permissions)


def unload(apps, schema_editor):
    apps.get_model("reports", "ValidationRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("programs", "0002_catalogue"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(load, unload)]
