"""Import/export of BLOKOSUTO in Django admin: the classes keyed on their code (import and export),
the practices and replications as export only (they change through the portal's workflow)."""

from __future__ import annotations

from import_export import fields, resources, widgets

from blokosuto.models import GoodPractice, Replication, ThematicClass
from programs.models import Indicator
from regions.models import Kelurahan


class ThematicClassResource(resources.ModelResource):
    indicators = fields.Field(
        attribute="indicators", column_name="indicators", widget=widgets.ManyToManyWidget(Indicator, field="code")
    )

    class Meta:
        model = ThematicClass
        import_id_fields = ["code"]
        fields = ["code", "name", "theme", "description", "order", "indicators"]
        skip_unchanged = True


class GoodPracticeResource(resources.ModelResource):
    thematic_class = fields.Field(attribute="thematic_class__code", column_name="class")
    puskesmas = fields.Field(attribute="puskesmas__name", column_name="puskesmas")
    indicators = fields.Field(attribute="indicators", widget=widgets.ManyToManyWidget(Indicator, field="code"))
    kelurahan = fields.Field(attribute="kelurahan", widget=widgets.ManyToManyWidget(Kelurahan, field="code"))

    class Meta:
        model = GoodPractice
        fields = [
            "id", "title", "thematic_class", "puskesmas", "team", "status", "category", "stage", "started_on",
            "cost", "target_group", "problem", "steps", "results", "transferability", "contact_name",
            "indicators", "kelurahan", "before_period", "after_period", "submitted_at", "published_at",
        ]  # fmt: skip
        export_order = fields


class ReplicationResource(resources.ModelResource):
    practice = fields.Field(attribute="practice__title", column_name="practice")
    puskesmas = fields.Field(attribute="puskesmas__name", column_name="puskesmas")
    kelurahan = fields.Field(attribute="kelurahan", widget=widgets.ManyToManyWidget(Kelurahan, field="code"))

    class Meta:
        model = Replication
        fields = ["id", "practice", "puskesmas", "status", "started_on", "stopped_on", "kelurahan", "adaptation_notes"]
        export_order = fields
