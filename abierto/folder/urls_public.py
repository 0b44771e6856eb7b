"""The folder's public addresses: published keys, verification from a QR, status lists."""

from django.urls import path

from . import views_public

app_name = "folder_public"

urlpatterns = [
    path(".well-known/jwks.json", views_public.jwks, name="jwks"),
    # Short, because the whole signed document follows it inside the QR.
    path("v/<str:token>", views_public.verify, name="verify"),
    path("carpeta/estado/<slug:issuer_slug>", views_public.status_list, name="status_list"),
]
