"""The folder's public addresses: published keys, verification from a QR, status lists."""

from django.urls import path

from . import views_public, views_sdjwt

app_name = "folder_public"

urlpatterns = [
    path(".well-known/jwks.json", views_public.jwks, name="jwks"),
    # Short, because the whole signed document follows it inside the QR, after "#": the
    # browser checks it and never sends it (selectors_offline.py says how).
    path("v/", views_public.verify_page, name="verify_page"),
    path("v/datos.json", views_public.verify_bundle, name="verify_bundle"),
    path("v/sw.js", views_public.verify_worker, name="verify_worker"),
    # The older form, with the token in the path: verified on the server, and logged.
    path("v/<str:token>", views_public.verify, name="verify"),
    path("carpeta/estado/<slug:issuer_slug>", views_public.status_list, name="status_list"),
    # SD-JWT VC: the issuer identifier (iss), its metadata where the draft looks for it, and
    # each document type's metadata at its vct.
    path("carpeta/emisores/<slug:issuer_slug>", views_sdjwt.issuer_metadata, name="sdjwt_issuer"),
    path(
        ".well-known/jwt-vc-issuer/carpeta/emisores/<slug:issuer_slug>",
        views_sdjwt.issuer_metadata,
        name="sdjwt_issuer_metadata",
    ),
    path("carpeta/tipos/<slug:type_slug>", views_sdjwt.type_metadata, name="sdjwt_type"),
]
