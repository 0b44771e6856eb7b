from django.urls import path

from . import views_import, views_materials
from . import views_manage as views
from .views_manage import forums
from .views_manage import meeting as views_meeting

app_name = "forum_manage"

urlpatterns = [
    path("mis-sesiones/", views.member_home, name="member_home"),
    path("sesiones/", views.session_list, name="session_list"),
    path("foros/", forums.forum_admin, name="forum_admin"),
    path("foros/nuevo/", forums.forum_create, name="forum_create"),
    path("foros/instalacion/<str:code>/", forums.installation_edit, name="installation_edit"),
    path("actas/importar/", views_import.acta_upload, name="acta_upload"),
    path("actas/importar/<int:pk>/", views_import.acta_review, name="acta_review"),
    path("actas/importar/<int:pk>/descartar/", views_import.acta_discard, name="acta_discard"),
    path(
        "actas/importar/<int:pk>/pagina/<int:number>.jpg",
        views_import.acta_page_image,
        name="acta_page_image",
    ),
    path("sesiones/nueva/", views.session_create, name="session_create"),
    path("sesiones/nueva/numero/", views.session_next_number, name="session_next_number"),
    path("sesiones/<str:public_id>/", views.session_manage, name="session_manage"),
    path("sesiones/<str:public_id>/editar/", views.session_edit, name="session_edit"),
    path("sesiones/<str:public_id>/orden/", views.agenda_add, name="agenda_add"),
    path("sesiones/<str:public_id>/orden/<int:number>/", views.agenda_edit, name="agenda_edit"),
    path(
        "sesiones/<str:public_id>/orden/<int:number>/<str:action>/",
        views.agenda_action,
        name="agenda_action",
    ),
    path(
        "sesiones/<str:public_id>/oficio.pdf", views.convocation_letter, name="convocation_letter"
    ),
    path("sesiones/<str:public_id>/convocar/", views.session_convene, name="session_convene"),
    path("sesiones/<str:public_id>/cancelar/", views.session_cancel, name="session_cancel"),
    path("sesiones/<str:public_id>/conducir/", views.session_live, name="session_live"),
    path(
        "sesiones/<str:public_id>/conducir/asistencia/", views.live_roll_call, name="live_roll_call"
    ),
    path("sesiones/<str:public_id>/conducir/invitado/", views.live_guest, name="live_guest"),
    path("sesiones/<str:public_id>/conducir/hora/<str:which>/", views.live_time, name="live_time"),
    path(
        "sesiones/<str:public_id>/conducir/punto/<int:number>/voto/",
        views.live_vote,
        name="live_vote",
    ),
    path(
        "sesiones/<str:public_id>/conducir/punto/<int:number>/acta/",
        views.live_minutes_approval,
        name="live_minutes_approval",
    ),
    path(
        "sesiones/<str:public_id>/conducir/punto/<int:number>/calendario/",
        views.live_calendar,
        name="live_calendar",
    ),
    path(
        "sesiones/<str:public_id>/conducir/punto/<int:number>/desarrollo/",
        views.live_narrative,
        name="live_narrative",
    ),
    path(
        "sesiones/<str:public_id>/conducir/punto/<int:number>/inicio/",
        views_meeting.live_item_start,
        name="live_item_start",
    ),
    path(
        "sesiones/<str:public_id>/reunion/participantes/",
        views_meeting.meeting_participants,
        name="meeting_participants",
    ),
    path(
        "sesiones/<str:public_id>/reunion/transcripcion/",
        views_meeting.meeting_transcript,
        name="meeting_transcript",
    ),
    path(
        "sesiones/<str:public_id>/conducir/seguimiento/<str:agreement_id>/",
        views.live_follow_up,
        name="live_follow_up",
    ),
    path(
        "sesiones/<str:public_id>/materiales/",
        views_materials.session_materials,
        name="session_materials",
    ),
    path(
        "sesiones/<str:public_id>/materiales/<str:material_id>/quitar/",
        views_materials.material_remove,
        name="material_remove",
    ),
    path(
        "sesiones/<str:public_id>/materiales.zip",
        views_materials.materials_zip,
        name="materials_zip",
    ),
    path(
        "sesiones/<str:public_id>/grabacion/",
        views_materials.session_recording,
        name="session_recording",
    ),
    path(
        "sesiones/<str:public_id>/acta/observaciones/",
        views_materials.minutes_review,
        name="minutes_review",
    ),
    path(
        "sesiones/<str:public_id>/acta/observaciones/<int:pk>/atender/",
        views_materials.observation_attend,
        name="observation_attend",
    ),
    path("sesiones/<str:public_id>/acta/", views.minutes_edit, name="minutes_edit"),
    path(
        "sesiones/<str:public_id>/acta/<str:action>/", views.minutes_action, name="minutes_action"
    ),
]
