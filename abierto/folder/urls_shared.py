"""What a share link opens (mounted at ``compartido/``): no login, the token is the key."""

from django.urls import path

from .views import shares

app_name = "folder_shared"

urlpatterns = [
    path("<str:token>/", shares.shared_open, name="open"),
]
