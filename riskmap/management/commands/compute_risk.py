import datetime

from django.core.management.base import BaseCommand, CommandError

from programs.forms import parse_month
from riskmap import actions, queries
from riskmap.forms import latest_model
from riskmap.models import RiskModel


class Command(BaseCommand):
    help = (
        "Computes the risk scores of a month (--period YYYY-MM) or of every month with approved reports (--all), "
        "for the latest published model or --model ID. Pages do this by themselves when data changed; the command "
        "recomputes even when nothing did."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--period", help="The month, as YYYY-MM.")
        parser.add_argument("--all", action="store_true", help="Every month with approved reports.")
        parser.add_argument("--model", type=int, help="The id of a published risk model (default: the latest).")

    def handle(self, *args, period: str | None, all: bool, model: int | None, **options) -> None:
        chosen = self._model(model)
        for month in self._months(period, all):
            run = actions.compute_scores(model=chosen, period=month, force=True)
            self.stdout.write(
                f"compute_risk: {chosen} {month:%Y-%m}: {run.scored} kelurahan scored, {run.no_data} with too "
                f"little data ({run.seconds * 1000:.0f} ms)."
            )

    def _model(self, pk: int | None) -> RiskModel:
        model = RiskModel.objects.filter(pk=pk, published_at__isnull=False).first() if pk else latest_model()
        if model is None:
            raise CommandError("No published risk model" + (f" with id {pk}." if pk else "."))
        return model

    def _months(self, period: str | None, every: bool) -> list[datetime.date]:
        if every:
            return sorted(queries.reported_months(limit=1000))
        if not period:
            raise CommandError("Give --period YYYY-MM or --all.")
        try:
            return [parse_month(period)]
        except Exception as error:
            raise CommandError(f"--period {period}: {' '.join(getattr(error, 'messages', [str(error)]))}") from None
