"""Small counts are hidden for every indicator counting deaths, TB, HIV or ODGJ, not only for the
pure counts: infant mortality counts deaths, the TB, HIV and ODGJ services count people with (or
suspected of) those conditions. A numerator of 1 to 4 is shown as "<5" to those below Dinkes."""

from django.db import migrations

CODES = ["AKB", "SPM_10_ODGJ", "SPM_11_TBC", "SPM_12_HIV", "TBC_TSR"]


def forwards(apps, schema_editor):
    apps.get_model("programs", "Indicator").objects.filter(code__in=CODES).update(is_sensitive=True)


def backwards(apps, schema_editor):
    apps.get_model("programs", "Indicator").objects.filter(code__in=CODES).update(is_sensitive=False)


class Migration(migrations.Migration):
    dependencies = [("programs", "0003_baduta_one_cohort")]

    operations = [migrations.RunPython(forwards, backwards)]
