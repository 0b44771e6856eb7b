"""The public agenda of activities and caravans, its filters, each activity and the calendar
feed. A filter value that does not validate is left out and named, with status 400.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from abierto.directory.selectors import municipality_list

from .. import agenda_feed, selectors
from ..models import Activity
from .common import FIRST_DATE, LAST_DATE, _disposition, _page


class When:
    UPCOMING = "proximas"
    PAST = "pasadas"
    ALL = "todas"

    choices = (
        (UPCOMING, gettext_lazy("Próximas")),
        (PAST, gettext_lazy("Pasadas")),
        (ALL, gettext_lazy("Todas")),
    )


class AgendaFilterForm(forms.Form):
    municipio = forms.ChoiceField(label=gettext_lazy("Municipio"), required=False)
    tipo = forms.ChoiceField(label=gettext_lazy("Tipo de actividad"), required=False)
    desde = forms.DateField(
        label=gettext_lazy("Desde"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    hasta = forms.DateField(
        label=gettext_lazy("Hasta"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, data: Any) -> None:
        super().__init__(data)
        municipio = self.fields["municipio"]
        tipo = self.fields["tipo"]
        assert isinstance(municipio, forms.ChoiceField)
        assert isinstance(tipo, forms.ChoiceField)
        municipio.choices = [("", _("Todos"))] + [
            (m.code, m.name) for m in municipality_list().order_by("name")
        ]
        tipo.choices = [("", _("Todos"))] + [(k.slug, k.name) for k in selectors.activity_kinds()]

    def clean_desde(self) -> datetime.date | None:
        return _in_range(self.cleaned_data.get("desde"))

    def clean_hasta(self) -> datetime.date | None:
        return _in_range(self.cleaned_data.get("hasta"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("desde"), cleaned.get("hasta")
        if start and end and start > end:
            self.add_error("hasta", _("La fecha final no puede ser anterior a la inicial."))
        return cleaned


def _in_range(day: datetime.date | None) -> datetime.date | None:
    if day is not None and not FIRST_DATE <= day <= LAST_DATE:
        raise forms.ValidationError(_("Indique una fecha entre los años 2000 y 2100."))
    return day


def _filtered(form: forms.Form) -> dict[str, Any]:
    """The filters that validated; the others are dropped (their errors stay on the form)."""
    form.is_valid()
    return {name: value for name, value in form.cleaned_data.items() if value not in ("", None)}


def _activities(chosen: dict[str, Any]) -> QuerySet[Activity]:
    return selectors.activity_list_public(
        municipality=chosen.get("municipio") or None,
        kind=chosen.get("tipo") or None,
        date_from=chosen.get("desde"),
        date_to=chosen.get("hasta"),
    )


@require_safe
def agenda(request: HttpRequest) -> HttpResponse:
    form = AgendaFilterForm(request.GET)
    chosen = _filtered(form)
    dated = "desde" in chosen or "hasta" in chosen
    when = request.GET.get("cuando", "")
    if when not in {When.UPCOMING, When.PAST, When.ALL}:
        when = When.ALL if dated else When.UPCOMING
    activities = _activities(chosen)
    today = timezone.localdate()
    if when == When.UPCOMING:
        activities = activities.filter(date__gte=today)
    elif when == When.PAST:
        activities = activities.filter(date__lt=today).order_by("-date", "-start_time", "-id")
    page = _page(request, activities)
    return render(
        request,
        "plan/public/agenda.html",
        {
            "form": form,
            "filtered": bool(chosen),
            "when": when,
            "when_choices": When.choices,
            "page": page,
            "feed_url": _feed_url(request),
        },
        status=400 if form.errors else 200,
    )


def _feed_url(request: HttpRequest) -> str:
    """The calendar feed with the agenda's filters (not its page nor its tab)."""
    query = request.GET.copy()
    for name in ("cuando", "pagina"):
        query.pop(name, None)
    url = reverse("plan:agenda_ics")
    return f"{url}?{query.urlencode()}" if query else url


@require_safe
def activity_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    try:
        activity = selectors.activity_public(public_id)
    except Activity.DoesNotExist as exc:
        raise Http404 from exc
    services = list(activity.services.all())
    return render(
        request,
        "plan/public/activity_detail.html",
        {
            "activity": activity,
            "location": agenda_feed.activity_location(activity),
            "services": services,
            "services_total": sum(service.count for service in services),
            "institutions": list(activity.institutions.all()),
        },
    )


@require_safe
def agenda_ics(request: HttpRequest) -> HttpResponse:
    """Every public activity, or those of the agenda's filters (municipality, kind, dates)."""
    form = AgendaFilterForm(request.GET)
    chosen = _filtered(form)
    if form.errors:
        problems = "; ".join(
            f"{form.fields[name].label}: {' '.join(str(error) for error in errors)}"
            for name, errors in form.errors.items()
        )
        return HttpResponse(
            _("Filtros no válidos: %(problems)s") % {"problems": problems},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    activities = list(_activities(chosen))
    body = agenda_feed.activities_ics(activities)
    response = HttpResponse(body, content_type=agenda_feed.CONTENT_TYPE)
    response["Content-Disposition"] = _disposition("agenda-plan-edomex.ics", attachment=False)
    response["ETag"] = agenda_feed.feed_etag(body)
    last_modified = agenda_feed.feed_last_modified(activities)
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(response, public=True, max_age=3600)
    conditional = get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=int(last_modified.timestamp()) if last_modified else None,
        response=response,
    )
    return conditional or response
