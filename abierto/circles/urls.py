from django.urls import path

from . import views

app_name = "circles"

urlpatterns = [
    path("circulos-restaurativos/", views.public, name="public"),
    path("gestion/circulos/", views.home, name="home"),
    path("gestion/circulos/generacion/<str:public_id>/", views.cohort, name="cohort"),
    path(
        "gestion/circulos/generacion/<str:public_id>/accesos/",
        views.access_log,
        name="access_log",
    ),
    path("gestion/circulos/participante/<str:public_id>/", views.participant, name="participant"),
    path(
        "gestion/circulos/participante/<str:public_id>/documento/<str:which>/",
        views.document,
        name="document",
    ),
]
