from django.urls import path

from . import views_manage as views

app_name = "plan_manage"

urlpatterns = [
    path("", views.home, name="home"),
    path("compromisos/<str:public_id>/", views.commitment_page, name="commitment"),
    path("compromisos/<str:public_id>/lineas/", views.action_line_add, name="action_line_add"),
    path("compromisos/<str:public_id>/hitos/", views.milestone_add, name="milestone_add"),
    path(
        "compromisos/<str:public_id>/hitos/<int:pk>/estado/",
        views.milestone_status,
        name="milestone_status",
    ),
    path("compromisos/<str:public_id>/reportes/", views.report_add, name="report_add"),
    path("compromisos/<str:public_id>/valores/", views.value_add, name="value_add"),
    path("evidencias/<str:public_id>/", views.evidence_download, name="evidence_download"),
    path("cargas/<slug:kind>/", views.upload, name="upload"),
    path("cargas/<slug:kind>/plantilla.csv", views.upload_template, name="upload_template"),
    path("cargas/<slug:kind>/confirmar/<str:token>/", views.upload_confirm, name="upload_confirm"),
]
