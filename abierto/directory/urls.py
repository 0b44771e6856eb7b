from django.urls import path

from . import views, views_factor

app_name = "directory"

urlpatterns = [
    path("aviso-de-privacidad/", views.privacy_notice, name="privacy"),
    path("participa/", views.application_create, name="application_create"),
    path("participa/enviada/", views.application_sent, name="application_sent"),
    path("cuenta/", views.account, name="account"),
    path("cuenta/entrar/codigo/", views_factor.login_code, name="login_code"),
    path("cuenta/entrar/activar-codigo/", views_factor.login_enrol, name="login_enrol"),
    path("cuenta/segundo-factor/", views_factor.second_factor_status, name="second_factor"),
    path("gestion/solicitudes/", views.application_list, name="application_list"),
    path(
        "gestion/solicitudes/<str:public_id>/",
        views.application_review,
        name="application_review",
    ),
]
