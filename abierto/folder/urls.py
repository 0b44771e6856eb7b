"""The citizen's folder (mounted at ``carpeta/``) and its issuers' ARCO requests."""

from django.urls import path

from . import views_procedures, views_reauth, views_sdjwt
from .views import activation, arco, documents, shares

app_name = "folder"

urlpatterns = [
    path("", activation.landing, name="landing"),
    path("activar/", activation.activate, name="activate"),
    path("entrar/", activation.login_cuts, name="login"),
    path("entrar/carnet/", activation.login_carnet, name="login_carnet"),
    # What the carnet's QR opens (selectors.carnet_qr_content): the same page, whose script
    # reads the token from the URL fragment.
    path("carnet/", activation.login_carnet, name="carnet_qr"),
    path("confirmar/", views_reauth.confirm, name="reauth"),
    path("confirmar/continuar/", views_reauth.proceed, name="reauth_continue"),
    path("documentos/", documents.documents, name="documents"),
    path("documentos/<str:public_id>/", documents.document_detail, name="document"),
    path("documentos/<str:public_id>/pdf", documents.document_pdf, name="document_pdf"),
    path(
        "documentos/<str:public_id>/original.jws",
        documents.document_original,
        name="document_original",
    ),
    path(
        "documentos/<str:public_id>/credencial.sd-jwt",
        views_sdjwt.document_sdjwt,
        name="document_sdjwt",
    ),
    path("compartir/", shares.shares, name="shares"),
    path("compartir/<str:public_id>/revocar/", shares.share_revoke, name="share_revoke"),
    path("accesos/", documents.access_log, name="access_log"),
    path("tramites/", views_procedures.procedures, name="procedures"),
    path("tramites/<str:code>/iniciar/", views_procedures.start, name="procedure_start"),
    path(
        "tramites/solicitudes/<str:public_id>/",
        views_procedures.request_detail,
        name="procedure_request",
    ),
    path(
        "tramites/solicitudes/<str:public_id>/consentir/",
        views_procedures.consent,
        name="procedure_consent",
    ),
    path(
        "tramites/solicitudes/<str:public_id>/retirar/",
        views_procedures.withdraw,
        name="procedure_withdraw",
    ),
    path("mis-datos/", arco.my_data, name="my_data"),
    path("mis-datos/descargar/", arco.my_data_export, name="my_data_export"),
    path("solicitudes/", arco.arco_staff_list, name="arco_staff_list"),
    path("solicitudes/<str:public_id>/", arco.arco_staff_detail, name="arco_staff_detail"),
]
