"""The booster of children under two is given once, between 18 and 24 months: a year brings one cohort
to it, not the two cohorts of the under-twos target group. The denominator becomes the year's
surviving infants (`pop.bayi`), the usual proxy for that one cohort."""

from django.db import migrations

DEFINITION = (
    "Anak yang melengkapi imunisasi lanjutan (DPT-HB-Hib dan campak-rubela usia 18–24 bulan) tahun berjalan "
    "dibagi satu kohort anak, diwakili sasaran bayi tahun ini."
)


def forwards(apps, schema_editor):
    apps.get_model("programs", "Indicator").objects.filter(code="BADUTA_LENGKAP", denominator="pop.baduta").update(
        denominator="pop.bayi", definition=DEFINITION
    )


def backwards(apps, schema_editor):
    apps.get_model("programs", "Indicator").objects.filter(code="BADUTA_LENGKAP", denominator="pop.bayi").update(
        denominator="pop.baduta"
    )


class Migration(migrations.Migration):
    dependencies = [("programs", "0002_catalogue")]

    operations = [migrations.RunPython(forwards, backwards)]
