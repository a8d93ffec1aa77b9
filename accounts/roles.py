"""The portal's roles. Each is a Django Group of the same name, created by a data migration."""

from django.db import models


class Role(models.TextChoices):
    ADMIN_DINKES = "Admin Dinkes"
    STAF_DINKES = "Staf Dinkes"
    PIMPINAN = "Pimpinan"
    KEPALA_PUSKESMAS = "Kepala Puskesmas"
    FASILITATOR = "Fasilitator BLOKOSUTO"


# Roles that see the whole city (all puskesmas, all kelurahan).
CITY_ROLES = frozenset({Role.ADMIN_DINKES, Role.STAF_DINKES, Role.PIMPINAN})
