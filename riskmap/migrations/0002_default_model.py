"""The default risk model, published: six themes of equal weight (each theme's components weigh 1
together), equal weights within a theme, percentile ranks, arithmetic mean, fixed classes, and a
kelurahan needs data for half of the weight to be scored (as CDC SVI and IPKM weigh their themes)."""

from django.db import migrations
from django.utils import timezone

NAME = "Indeks Risiko Kesehatan Kelurahan"
DESCRIPTION = (
    "Model bawaan Dinkes Kota Semarang: enam tema berbobot sama (KIA, gizi dan stunting, penyakit menular, "
    "PTM dan kesehatan jiwa, kesehatan lingkungan, akses layanan), indikator berbobot sama di dalam tema, "
    "dinormalkan dengan peringkat persentil antarkelurahan."
)
COMPONENTS = {
    "kia": ["SPM_01_BUMIL", "SPM_03_BBL", "BBLR", "AKB"],
    "gizi": ["STUNTING", "WASTING", "UNDERWEIGHT", "DS"],
    "menular": ["SPM_11_TBC", "TBC_TSR", "SPM_12_HIV", "IDL"],
    "ptm_jiwa": ["SPM_08_HIPERTENSI", "SPM_09_DM", "SPM_10_ODGJ", "SPM_06_PRODUKTIF"],
    "lingkungan": ["JAMBAN_SEHAT"],
    "akses": ["JKN", "POSYANDU_AKTIF", "SPM_04_BALITA", "SPM_07_LANSIA"],
}


def forwards(apps, schema_editor):
    RiskModel = apps.get_model("riskmap", "RiskModel")
    RiskComponent = apps.get_model("riskmap", "RiskComponent")
    Indicator = apps.get_model("programs", "Indicator")
    if RiskModel.objects.filter(name=NAME, version=1).exists():
        return
    model = RiskModel.objects.create(name=NAME, version=1, description=DESCRIPTION)
    indicators = Indicator.objects.in_bulk([code for codes in COMPONENTS.values() for code in codes], field_name="code")
    RiskComponent.objects.bulk_create(
        RiskComponent(model=model, indicator=indicators[code], theme=theme, weight=round(1 / len(codes), 2))
        for theme, codes in COMPONENTS.items()
        for code in codes
    )
    RiskModel.objects.filter(pk=model.pk).update(published_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [("riskmap", "0001_initial"), ("programs", "0004_sensitive_counts")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
