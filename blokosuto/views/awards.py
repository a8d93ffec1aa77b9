"""Recognition: Dinkes awards a published practice or its team, and prints the certificate."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.access import manages_blokosuto
from blokosuto import actions
from blokosuto.access import get_practice_for_user
from blokosuto.certificate import CertificateText, certificate_pdf
from blokosuto.forms import AwardForm
from blokosuto.models import Award


@require_POST
def award_create(request: HttpRequest, practice: int) -> HttpResponse:
    found = get_practice_for_user(request.user, practice, rule=lambda user, _practice: manages_blokosuto(user))
    form = AwardForm(request.POST)
    if not form.is_valid():
        problems = [f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()]
        messages.error(request, " ".join(problems))
        return redirect(found)
    try:
        award = actions.award_practice(found, by=request.user, **form.cleaned_data)
    except actions.WrongStatusError:
        messages.error(request, _("Only a published practice can be awarded."))
        return redirect(found)
    messages.success(request, _("Awarded. The certificate can be printed now."))
    return redirect(f"{found.get_absolute_url()}#penghargaan-{award.pk}")


@require_GET
def certificate(request: HttpRequest, award: int) -> HttpResponse:
    found = get_object_or_404(Award.objects.select_related("practice__puskesmas"), pk=award)
    practice = get_practice_for_user(request.user, found.practice_id)
    team = found.recipient == Award.Recipient.TEAM
    text = CertificateText(
        heading=_("CERTIFICATE OF APPRECIATION"),
        number=_("Number %(number)s") % {"number": found.number},
        award=found.name,
        given_to=_("is awarded to"),
        recipient=practice.team if team else practice.title,
        unit=practice.unit_name,
        practice=_("for the good practice “%(title)s”") % {"title": practice.title} if team else "",
        citation=found.citation,
        place_and_date=f"Semarang, {date_format(found.awarded_on, 'j F Y')}",
        signer_title=_("Head of the Health Office of Kota Semarang"),
        issuer=_("Health Office of Kota Semarang · BLOKOSUTO"),
        title=f"{found.name}: {practice.title}",
    )
    response = HttpResponse(certificate_pdf(text), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"piagam-{found.name}-{found.pk}.pdf")
    return response
