from django.urls import path

from . import views_materials
from . import views_public as views

app_name = "forum"

urlpatterns = [
    path("sesiones/", views.session_list, name="session_list"),
    path("sesiones/<str:public_id>/", views.session_detail, name="session_detail"),
    path("sesiones/<str:public_id>/acta.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("sesiones/<str:public_id>/acta.docx", views.minutes_docx, name="minutes_docx"),
    path("sesiones/<str:public_id>/acta-original", views.minutes_original, name="minutes_original"),
    path(
        "sesiones/<str:public_id>/materiales/<str:material_id>",
        views_materials.material_file,
        name="material_file",
    ),
    path("acuerdos/", views.agreement_list, name="agreement_list"),
    path("acuerdos/<str:public_id>/", views.agreement_detail, name="agreement_detail"),
    path("calendario.ics", views.calendar_ics, name="calendar_ics"),
]
