from django.urls import path

from . import views

app_name = "ops"

urlpatterns = [
    path("", views.job_list, name="job_list"),
    path("<str:public_id>/", views.job_detail, name="job_detail"),
    path("<str:public_id>/estado/", views.job_status, name="job_status"),
]
