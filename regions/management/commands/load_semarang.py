from django.core.management.base import BaseCommand

from regions.loading import load_semarang


class Command(BaseCommand):
    help = "Loads Kota Semarang's kecamatan, kelurahan (with boundaries), puskesmas and provisional working areas."

    def handle(self, *args, **options) -> None:
        changes = load_semarang()
        if not changes.total:
            self.stdout.write("load_semarang: reference data up to date, nothing changed.")
            return
        for label, count in changes.created.items():
            updated = changes.updated.get(label, 0)
            if count or updated:
                self.stdout.write(f"load_semarang: {label}: {count} created, {updated} updated")
