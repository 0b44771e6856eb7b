from django.urls import path

from abierto.ops.page_cache import public_page

from . import views_public as views

app_name = "plan"

urlpatterns = [
    path("plan/", public_page(views.overview), name="overview"),
    path(
        "plan/compromisos/<str:public_id>/",
        public_page(views.commitment_detail),
        name="commitment_detail",
    ),
    path("plan/evidencias/<str:public_id>/", views.evidence_download, name="evidence_download"),
    path("plan/cobertura/", public_page(views.coverage), name="coverage"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/<str:public_id>/", views.activity_detail, name="activity_detail"),
    path("agenda.ics", views.agenda_ics, name="agenda_ics"),
]
