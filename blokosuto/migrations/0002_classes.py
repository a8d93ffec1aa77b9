"""The nine BLOKOSUTO classes of Dinkes Kota Semarang with their linked indicators, and the roles'
permissions on BLOKOSUTO (Staf and Admin Dinkes manage classes, sessions, publication and awards)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# (code, name, theme, description, indicator codes)
CLASSES = [
    ("cermin", "CERMIN", "Penyakit menular",
     "Kelas penyakit menular: penemuan dan pengobatan TBC sampai sembuh, tes HIV pada kelompok berisiko, "
     "serta pencegahan DBD dan penyakit menular lain bersama kader dan kelurahan.",
     ["SPM_11_TBC", "TBC_TSR", "TBC_KASUS", "SPM_12_HIV"]),
    ("ceria", "CERIA", "Imunisasi",
     "Kelas imunisasi: imunisasi dasar lengkap bayi dan imunisasi lanjutan baduta, sweeping sasaran yang "
     "tertinggal dan kerja sama dengan posyandu, PAUD dan tokoh masyarakat.",
     ["IDL", "BADUTA_LENGKAP"]),
    ("waras", "WARAS", "Kesehatan jiwa",
     "Kelas kesehatan jiwa: penemuan dan pendampingan ODGJ berat, kepatuhan minum obat, kelurahan siaga "
     "sehat jiwa dan pencegahan pemasungan.",
     ["SPM_10_ODGJ"]),
    ("kuat", "KUAT", "Penyakit tidak menular",
     "Kelas penyakit tidak menular: skrining usia produktif dan lansia di posbindu, tempat kerja dan "
     "sekolah, serta pengendalian hipertensi dan diabetes melitus.",
     ["SPM_06_PRODUKTIF", "SPM_07_LANSIA", "SPM_08_HIPERTENSI", "SPM_09_DM"]),
    ("kasih", "KASIH", "Kesehatan ibu dan anak",
     "Kelas kesehatan ibu dan anak: ANC terpadu sejak K1, persalinan di fasyankes, kunjungan nifas dan "
     "neonatal lengkap, pendampingan ibu hamil risiko tinggi dan bayi kecil (PERMAISURI, KRISNNA).",
     ["SPM_01_BUMIL", "SPM_02_BULIN", "SPM_03_BBL", "K1", "KF_LENGKAP", "RISTI_DITANGANI", "KN1", "BBLR",
      "AKB", "SPM_04_BALITA"]),
    ("cemerlang", "CEMERLANG", "Gizi dan stunting",
     "Kelas gizi dan stunting: penimbangan dan pengukuran balita, PMT lokal, kelas ibu balita, dapur sehat "
     "dan pendampingan keluarga berisiko stunting bersama kelurahan dan dunia usaha (KLEOPATRA).",
     ["STUNTING", "WASTING", "UNDERWEIGHT", "GIZI_BURUK", "DS"]),
    ("bersih", "BERSIH", "Sanitasi dan hidup sehat",
     "Kelas sanitasi dan perilaku hidup bersih dan sehat: STBM (stop buang air besar sembarangan), jamban "
     "sehat untuk keluarga miskin, PHBS di sekolah dan rumah tangga.",
     ["JAMBAN_SEHAT", "SPM_05_DIKDAS"]),
    ("jaga", "JAGA", "Jaminan kesehatan",
     "Kelas jaminan kesehatan: kepesertaan JKN semesta (UHC), pendaftaran warga yang belum terdaftar dan "
     "reaktivasi peserta PBI bersama kelurahan dan Dinas Sosial.",
     ["JKN"]),
    ("pasti", "PASTI", "Perizinan",
     "Kelas perizinan: izin dan pembinaan fasilitas pelayanan kesehatan, praktik tenaga kesehatan, "
     "laboratorium, apotek dan usaha pangan, cepat dan pasti bersama Mal Pelayanan Publik.",
     []),
]  # fmt: skip

MODELS = [
    "thematicclass", "classsession", "sessionparticipant", "sessionmaterial", "goodpractice", "measurement",
    "evidence", "review", "comment", "replication", "award",
]  # fmt: skip
ROLE_PERMISSIONS = {
    "Admin Dinkes": [f"{a}_{m}" for m in MODELS for a in ("view", "add", "change", "delete")] + ["manage_blokosuto"],
    "Staf Dinkes": [f"{a}_{m}" for m in MODELS for a in ("view", "add", "change")] + ["manage_blokosuto"],
    "Pimpinan": [f"view_{m}" for m in MODELS],
}


def load(apps, schema_editor):
    ThematicClass = apps.get_model("blokosuto", "ThematicClass")
    Indicator = apps.get_model("programs", "Indicator")
    for order, (code, name, theme, description, indicators) in enumerate(CLASSES):
        thematic_class = ThematicClass.objects.create(
            code=code, name=name, theme=theme, description=description, order=order
        )
        thematic_class.indicators.set(Indicator.objects.filter(code__in=indicators))
    # Permissions are normally made after all migrations ran; make them now to grant them.
    app_config = apps.get_app_config("blokosuto")
    models_module, app_config.models_module = getattr(app_config, "models_module", None), True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        permissions = Permission.objects.filter(content_type__app_label="blokosuto", codename__in=codenames)
        assert permissions.count() == len(codenames), role
        Group.objects.get(name=role).permissions.add(*permissions)


def unload(apps, schema_editor):
    apps.get_model("blokosuto", "ThematicClass").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("blokosuto", "0001_initial"),
        ("programs", "0003_baduta_one_cohort"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(load, unload)]
