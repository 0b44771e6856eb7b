"""The forum's public pages: sessions, agreements, the minutes and the calendar feed.

Thin views: every read goes through ``selectors``, where what is public is decided. Filters
come from GET parameters; a value that does not validate is left out of the query and
named in a message, with status 400.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from abierto.lib.roman import to_roman

from . import calendar_feed, selectors, selectors_forums
from .models import AgendaItem, Agreement, AgreementStatus, Forum, Minutes, Session
from .selectors_materials import public_materials

PAGE_SIZE = 20
SEARCH_MAX_LENGTH = 200
FIRST_YEAR, LAST_YEAR = 2000, 2100

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Fixed words for file names, whatever the interface language.
_KIND_SLUG = {Session.Kind.ORDINARY: "ordinaria", Session.Kind.EXTRAORDINARY: "extraordinaria"}


def _all(label: Any) -> list[tuple[str, Any]]:
    return [("", label)]


class SessionFilterForm(forms.Form):
    anio = forms.IntegerField(
        label=_("Año"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
    )
    tipo = forms.ChoiceField(
        label=_("Tipo"), required=False, choices=_all(_("Todas")) + Session.Kind.choices
    )
    estado = forms.ChoiceField(
        label=_("Estado"), required=False, choices=_all(_("Todos")) + Session.Status.choices
    )

    def __init__(self, data: Any, *, years: list[int]) -> None:
        super().__init__(data)
        self.fields["anio"].widget = forms.Select(
            choices=_all(_("Todos")) + [(str(year), str(year)) for year in years]
        )


class AgreementFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Buscar en el texto o la clave"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.SearchInput,
    )
    estado = forms.ChoiceField(
        label=_("Estado"), required=False, choices=_all(_("Todos")) + AgreementStatus.choices
    )
    anio = forms.IntegerField(
        label=_("Año"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
    )
    sesion = forms.ChoiceField(label=_("Sesión"), required=False)
    responsable = forms.ChoiceField(label=_("Responsable"), required=False)

    def __init__(
        self,
        data: Any,
        *,
        years: list[int],
        sessions: QuerySet[Session],
        institutions: QuerySet[Any],
    ) -> None:
        super().__init__(data)
        self.fields["anio"].widget = forms.Select(
            choices=_all(_("Todos")) + [(str(year), str(year)) for year in years]
        )
        sesion = self.fields["sesion"]
        assert isinstance(sesion, forms.ChoiceField)
        sesion.choices = _all(_("Todas")) + [
            (session.public_id, f"{session.title} ({session.date:%d/%m/%Y})")
            for session in sessions
        ]
        responsable = self.fields["responsable"]
        assert isinstance(responsable, forms.ChoiceField)
        responsable.choices = _all(_("Todas")) + [
            (institution.public_id, str(institution)) for institution in institutions
        ]


def _filtered(form: forms.Form) -> dict[str, Any]:
    """The filters that validated; the others are dropped (their errors stay on the form)."""
    form.is_valid()
    return {name: value for name, value in form.cleaned_data.items() if value not in ("", None)}


def _page(request: HttpRequest, items: QuerySet[Any]) -> Page[Any]:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("pagina"))


def _disposition(filename: str, *, attachment: bool = True) -> str:
    return content_disposition_header(as_attachment=attachment, filename=filename) or ""


def _public_or_404(read: Callable[[str], Any], public_id: str) -> Any:
    try:
        return read(public_id)
    except (Session.DoesNotExist, Agreement.DoesNotExist) as exc:
        raise Http404 from exc


def _item_roman(item: AgendaItem | None) -> str:
    return to_roman(item.number) if item is not None and item.number else ""


def _decision_item(decision: selectors.Decision) -> AgendaItem | None:
    if decision.vote is not None:
        return decision.vote.agenda_item
    return decision.agreement.agenda_item if decision.agreement is not None else None


def _forum_or_state(forum: Forum | None) -> Forum | None:
    """Today's URLs (``/sesiones/``…) show the state STL; ``/foros/<slug>/``… one forum."""
    return forum if forum is not None else selectors_forums.forum_state()


@require_safe
def session_list(request: HttpRequest, forum: Forum | None = None) -> HttpResponse:
    forum = _forum_or_state(forum)
    form = SessionFilterForm(request.GET, years=selectors.session_years(forum))
    chosen = _filtered(form)
    sessions = selectors.session_list_public(
        forum=forum,
        year=chosen.get("anio"),
        kind=chosen.get("tipo", ""),
        status=chosen.get("estado", ""),
    )
    page = _page(request, sessions)
    return render(
        request,
        "forum/public/session_list.html",
        {
            "form": form,
            "forum": forum,
            "filtered": bool(chosen),
            "page": page,
            "rows": [(session, selectors.public_place(session)) for session in page],
        },
        status=400 if form.errors else 200,
    )


@require_safe
def session_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    session: Session = _public_or_404(selectors.session_detail_public, public_id)
    groups, guests = selectors.attendance_by_sector(session)
    convocation = selectors.convocation_of(session)
    minutes = selectors.minutes_for(request.user, session)
    minutes_html = None
    if minutes is not None:
        from . import documents

        minutes_html = documents.minutes_html(minutes)
    upcoming = session.status in {Session.Status.PLANNED, Session.Status.CONVENED}
    return render(
        request,
        "forum/public/session_detail.html",
        {
            "session": session,
            "place": selectors.public_place(session),
            "convocation": convocation,
            "letter_visible": selectors.convocation_letter_visible(request.user, convocation),
            "agenda": [
                (to_roman(item.number), item)
                for item in sorted(session.agenda.all(), key=lambda item: item.number)
            ],
            "attendance_groups": groups,
            "guests": guests,
            "quorum": selectors.quorum_state(session) if groups else None,
            "decisions": [
                (_item_roman(_decision_item(decision)), decision)
                for decision in selectors.session_decisions(session)
            ],
            "to_review": selectors.agreements_to_review(session) if upcoming else [],
            "follow_ups": selectors.follow_ups_reported_at(session),
            "minutes": minutes,
            "minutes_html": minutes_html,
            "minutes_published": minutes is not None and minutes.status == Minutes.Status.PUBLISHED,
            "public_materials": public_materials(session),
        },
    )


def minutes_filename(minutes: Minutes, extension: str) -> str:
    """``acta-STL-15-ordinaria-2022-12-16.pdf``; a draft says so in its name."""
    session = minutes.session
    parts = [
        "acta",
        session.forum.acronym,
        str(session.number),
        _KIND_SLUG.get(Session.Kind(session.kind), session.kind),
        session.date.isoformat(),
    ]
    if minutes.status != Minutes.Status.PUBLISHED:
        parts.append("borrador" if minutes.status == Minutes.Status.DRAFT else "sin-publicar")
    return "-".join(parts) + f".{extension}"


def _minutes_file(
    request: HttpRequest,
    public_id: str,
    *,
    extension: str,
    content_type: str,
    render_file: Callable[[Minutes], bytes],
) -> HttpResponse:
    session: Session = _public_or_404(selectors.session_detail_public, public_id)
    minutes = selectors.minutes_for(request.user, session)
    if minutes is None:
        raise Http404
    response = HttpResponse(content_type=content_type)
    response["Content-Disposition"] = _disposition(minutes_filename(minutes, extension))
    if minutes.status != Minutes.Status.PUBLISHED:
        # A draft changes at any moment and is not public: never kept by a cache.
        patch_cache_control(response, private=True, no_store=True)
        response.content = render_file(minutes)
        return response
    # The published text is frozen: its SHA-256 identifies it. Weak, because the file's
    # bytes (a PDF's creation date, say) may differ between two renderings of the same text.
    response["ETag"] = f'W/"{minutes.content_hash}"'
    if minutes.published_at:
        response["Last-Modified"] = http_date(minutes.published_at.timestamp())
    patch_cache_control(response, public=True, max_age=3600)
    conditional = get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=int(minutes.published_at.timestamp()) if minutes.published_at else None,
        response=response,
    )
    if conditional is not None and conditional is not response:
        return conditional
    response.content = render_file(minutes)
    return response


@require_safe
def minutes_pdf(request: HttpRequest, public_id: str) -> HttpResponse:
    from .renditions import minutes_file

    return _minutes_file(
        request,
        public_id,
        extension="pdf",
        content_type=PDF,
        render_file=lambda minutes: minutes_file(minutes, "pdf"),
    )


@require_safe
def minutes_docx(request: HttpRequest, public_id: str) -> HttpResponse:
    from .renditions import minutes_file

    return _minutes_file(
        request,
        public_id,
        extension="docx",
        content_type=DOCX,
        render_file=lambda minutes: minutes_file(minutes, "docx"),
    )


ORIGINAL_TYPES = {
    ".pdf": PDF,
    ".docx": DOCX,
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
}


@require_safe
def minutes_original(request: HttpRequest, public_id: str) -> HttpResponse:
    """The acta's original file, byte for byte as imported, with its SHA-256 (RFC 9530)."""
    session: Session = _public_or_404(selectors.session_detail_public, public_id)
    minutes = selectors.minutes_for(request.user, session)
    if minutes is None or not minutes.original:
        raise Http404
    try:
        with minutes.original.open("rb") as handle:
            content = handle.read()
    except FileNotFoundError as exc:
        raise Http404 from exc
    suffix = Path(minutes.original_name or minutes.original.name).suffix.lower()
    response = HttpResponse(
        content, content_type=ORIGINAL_TYPES.get(suffix, "application/octet-stream")
    )
    name = minutes_filename(minutes, suffix.lstrip(".") or "bin").removesuffix(suffix)
    response["Content-Disposition"] = _disposition(f"{name}-original{suffix}")
    digest = base64.b64encode(bytes.fromhex(minutes.original_sha256)).decode("ascii")
    response["Repr-Digest"] = f"sha-256=:{digest}:"
    response["ETag"] = f'"{minutes.original_sha256}"'
    response["X-Content-Type-Options"] = "nosniff"
    if minutes.status == Minutes.Status.PUBLISHED:
        patch_cache_control(response, public=True, max_age=3600)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def agreement_list(request: HttpRequest, forum: Forum | None = None) -> HttpResponse:
    forum = _forum_or_state(forum)
    form = AgreementFilterForm(
        request.GET,
        years=selectors.agreement_years(forum),
        sessions=selectors.sessions_with_agreements(forum),
        institutions=selectors.agreement_responsibles(forum),
    )
    chosen = _filtered(form)
    agreements = selectors.agreement_list_public(
        forum=forum,
        status=chosen.get("estado", ""),
        year=chosen.get("anio"),
        session=chosen.get("sesion", ""),
        responsible=chosen.get("responsable", ""),
        search=chosen.get("q", "").strip(),
    )
    return render(
        request,
        "forum/public/agreement_list.html",
        {
            "form": form,
            "forum": forum,
            "filtered": bool(chosen),
            "page": _page(request, agreements),
        },
        status=400 if form.errors else 200,
    )


@require_safe
def agreement_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    agreement: Agreement = _public_or_404(selectors.agreement_detail_public, public_id)
    return render(
        request,
        "forum/public/agreement_detail.html",
        {
            "agreement": agreement,
            "item_roman": _item_roman(agreement.agenda_item),
            "follow_ups": list(agreement.follow_ups.all()),
        },
    )


@require_safe
def calendar_ics(request: HttpRequest, forum: Forum | None = None) -> HttpResponse:
    forum = _forum_or_state(forum)
    sessions = list(selectors.sessions_for_feed(forum))
    body = calendar_feed.sessions_ics(sessions, forum=forum)
    response = HttpResponse(body, content_type=calendar_feed.CONTENT_TYPE)
    name = f"sesiones-{forum.slug}.ics" if forum is not None else "sesiones-stl.ics"
    response["Content-Disposition"] = _disposition(name, attachment=False)
    response["ETag"] = calendar_feed.feed_etag(body)
    last_modified = calendar_feed.feed_last_modified(sessions)
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    patch_cache_control(response, public=True, max_age=int(calendar_feed.REFRESH_INTERVAL.seconds))
    conditional = get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=int(last_modified.timestamp()) if last_modified else None,
        response=response,
    )
    return conditional or response
