"""A published risk model and its components never change (database triggers, admin); drafts do."""

import pytest
from django.db import IntegrityError, InternalError, ProgrammingError, transaction

from programs.models import Indicator
from riskmap import actions
from riskmap.models import RiskComponent, RiskModel

REFUSED = (InternalError, IntegrityError, ProgrammingError)


def test_the_default_model_is_published_with_six_themes_of_equal_weight(model):
    assert model.is_published
    components = list(model.components.all())
    assert len(components) == 21
    weights: dict[str, float] = {}
    for component in components:
        weights[component.theme] = weights.get(component.theme, 0) + float(component.weight)
    assert set(weights) == {"kia", "gizi", "menular", "ptm_jiwa", "lingkungan", "akses"}
    assert all(weight == pytest.approx(1.0) for weight in weights.values())


@pytest.mark.parametrize(
    "change",
    [
        lambda m: RiskModel.objects.filter(pk=m.pk).update(min_coverage=0.9),
        lambda m: RiskModel.objects.filter(pk=m.pk).delete(),
        lambda m: m.components.update(weight=5),
        lambda m: m.components.first().delete(),
        lambda m: RiskComponent.objects.create(model=m, indicator=Indicator.objects.get(code="K1"), theme="kia"),
    ],
    ids=["edit the model", "delete the model", "reweigh", "drop a component", "add a component"],
)
def test_a_published_model_refuses_every_change(model, change):
    with pytest.raises(REFUSED, match="published"), transaction.atomic():
        change(model)
    model.refresh_from_db()
    assert model.min_coverage == pytest.approx(0.5)
    assert model.components.count() == 21


def test_a_copy_is_a_draft_that_can_be_edited_and_then_published(model):
    copy = actions.copy_as_new_version(model)
    assert (copy.name, copy.version, copy.is_published) == (model.name, 2, False)
    assert copy.components.count() == model.components.count()
    copy.components.filter(indicator__code="JAMBAN_SEHAT").update(weight=2)
    RiskComponent.objects.create(model=copy, indicator=Indicator.objects.get(code="K1"), theme="kia", weight=0.25)

    actions.publish_model(copy)

    assert copy.is_published
    with pytest.raises(REFUSED), transaction.atomic():
        copy.components.update(weight=1)
    assert model.components.count() == 21, "the original is untouched"


def test_the_admin_shows_a_published_model_read_only(client, personas, model):
    client.force_login(personas["admin"])
    page = client.get(f"/admin/riskmap/riskmodel/{model.pk}/change/")
    assert page.status_code == 200
    assert b'name="name"' not in page.content, "no editable field"
    response = client.post(f"/admin/riskmap/riskmodel/{model.pk}/change/", {"name": "Changed"})
    assert response.status_code == 403
    model.refresh_from_db()
    assert model.name == "Indeks Risiko Kesehatan Kelurahan"


def test_the_admin_copies_and_publishes(client, personas, model):
    client.force_login(personas["admin"])
    client.post(
        "/admin/riskmap/riskmodel/", {"action": "copy_as_new_version", "_selected_action": [model.pk]}, follow=True
    )
    copy = RiskModel.objects.get(version=2)
    assert not copy.is_published
    client.post("/admin/riskmap/riskmodel/", {"action": "publish", "_selected_action": [copy.pk]}, follow=True)
    copy.refresh_from_db()
    assert copy.is_published
