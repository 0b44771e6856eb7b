from django.urls import path

from abierto.ops.page_cache import public_page

from . import views_forums as forums
from . import views_materials
from . import views_public as views

app_name = "forum"

urlpatterns = [
    # Today's URLs: the state STL.
    path("sesiones/", public_page(views.session_list), name="session_list"),
    path("sesiones/<str:public_id>/", public_page(views.session_detail), name="session_detail"),
    path("sesiones/<str:public_id>/acta.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("sesiones/<str:public_id>/acta.docx", views.minutes_docx, name="minutes_docx"),
    path("sesiones/<str:public_id>/acta-original", views.minutes_original, name="minutes_original"),
    path(
        "sesiones/<str:public_id>/materiales/<str:material_id>",
        views_materials.material_file,
        name="material_file",
    ),
    path("acuerdos/", public_page(views.agreement_list), name="agreement_list"),
    path("acuerdos/<str:public_id>/", public_page(views.agreement_detail), name="agreement_detail"),
    path("calendario.ics", views.calendar_ics, name="calendar_ics"),
    # Every forum of the state, the state STL among them.
    path("foros/", public_page(forums.forum_index), name="forum_index"),
    path(
        "foros/instalacion/<str:code>/declaratoria.pdf",
        forums.installation_declaration,
        name="installation_declaration",
    ),
    path("foros/<slug:slug>/", public_page(forums.forum_sessions), name="forum_sessions"),
    path(
        "foros/<slug:slug>/sesiones/", public_page(forums.forum_sessions), name="forum_session_list"
    ),
    path(
        "foros/<slug:slug>/sesiones/<str:public_id>/",
        public_page(forums.forum_session_detail),
        name="forum_session_detail",
    ),
    path(
        "foros/<slug:slug>/sesiones/<str:public_id>/acta.pdf",
        forums.forum_minutes_pdf,
        name="forum_minutes_pdf",
    ),
    path(
        "foros/<slug:slug>/sesiones/<str:public_id>/acta.docx",
        forums.forum_minutes_docx,
        name="forum_minutes_docx",
    ),
    path(
        "foros/<slug:slug>/sesiones/<str:public_id>/acta-original",
        forums.forum_minutes_original,
        name="forum_minutes_original",
    ),
    path(
        "foros/<slug:slug>/acuerdos/",
        public_page(forums.forum_agreements),
        name="forum_agreement_list",
    ),
    path(
        "foros/<slug:slug>/acuerdos/<str:public_id>/",
        public_page(forums.forum_agreement_detail),
        name="forum_agreement_detail",
    ),
    path("foros/<slug:slug>/calendario.ics", forums.forum_calendar, name="forum_calendar_ics"),
]
