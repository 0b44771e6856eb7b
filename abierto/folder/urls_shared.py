"""What a share link opens (mounted at ``compartido/``): no login, the token is the key."""

from django.urls import path

from . import views_citizen as views

app_name = "folder_shared"

urlpatterns = [
    path("<str:token>/", views.shared_open, name="open"),
]
