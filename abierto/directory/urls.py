from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("aviso-de-privacidad/", views.privacy_notice, name="privacy"),
    path("participa/", views.application_create, name="application_create"),
    path("participa/enviada/", views.application_sent, name="application_sent"),
    path("cuenta/", views.account, name="account"),
    path("gestion/solicitudes/", views.application_list, name="application_list"),
    path(
        "gestion/solicitudes/<str:public_id>/",
        views.application_review,
        name="application_review",
    ),
]
