from django.urls import path

from abierto.ops.page_cache import public_page

from .views_public import agenda, commitments, coverage, overview

app_name = "plan"

urlpatterns = [
    path("plan/", public_page(overview.overview), name="overview"),
    path(
        "plan/compromisos/<str:public_id>/",
        public_page(commitments.commitment_detail),
        name="commitment_detail",
    ),
    path(
        "plan/evidencias/<str:public_id>/", commitments.evidence_download, name="evidence_download"
    ),
    path("plan/cobertura/", public_page(coverage.coverage), name="coverage"),
    path("agenda/", agenda.agenda, name="agenda"),
    path("agenda/<str:public_id>/", agenda.activity_detail, name="activity_detail"),
    path("agenda.ics", agenda.agenda_ics, name="agenda_ics"),
]
