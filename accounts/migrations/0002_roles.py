"""Creates the portal's roles as groups, with the model permissions each needs.

Later migrations that add models grant their permissions to these groups in the same way.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REGION_MODELS = ["kecamatan", "kelurahan", "puskesmas", "servicearea", "population"]
VIEW_REGIONS = [("regions", f"view_{model}") for model in REGION_MODELS]
ALL_ACTIONS = ("view", "add", "change", "delete")

ROLE_PERMISSIONS = {
    "Admin Dinkes": [
        *[("regions", f"{action}_{model}") for model in REGION_MODELS for action in ALL_ACTIONS],
        *[("accounts", f"{action}_user") for action in ALL_ACTIONS],
        *[("auth", f"{action}_group") for action in ("view", "change")],
        *[("axes", f"{action}_accessattempt") for action in ("view", "delete")],
        ("axes", "view_accessfailurelog"),
        ("admin", "view_logentry"),
    ],
    "Staf Dinkes": VIEW_REGIONS,
    "Pimpinan": VIEW_REGIONS,
    "Kepala Puskesmas": VIEW_REGIONS,
    "Fasilitator BLOKOSUTO": VIEW_REGIONS,
}


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations ran; make them now to grant them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in wanted:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("regions", "0001_initial"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
