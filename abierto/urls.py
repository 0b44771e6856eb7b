from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import TemplateView

from abierto.api import api
from abierto.directory.forms import LoginForm
from abierto.directory.views import (
    LoginView,
    PasswordChangeView,
    PasswordResetConfirmView,
    PasswordResetView,
)
from abierto.directory.views_factor import admin_login
from abierto.ops.page_cache import public_page

auth_urls = [
    path(
        "entrar/",
        LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm),
        name="login",
    ),
    path("salir/", auth_views.LogoutView.as_view(), name="logout"),
    path("contrasena/", PasswordChangeView.as_view(), name="password_change"),
    path(
        "contrasena/cambiada/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("recuperar/", PasswordResetView.as_view(), name="password_reset"),
    path(
        "recuperar/enviado/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "recuperar/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "recuperar/listo/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", public_page(TemplateView.as_view(template_name="home.html")), name="home"),
    path("", include("abierto.ops.urls_health")),
    path("cuenta/", include(auth_urls)),
    path("", include("abierto.directory.urls")),
    path("", include("abierto.forum.urls")),
    path("", include("abierto.plan.urls")),
    path("gestion/plan/", include("abierto.plan.urls_manage")),
    path("gestion/tareas/", include("abierto.ops.urls")),
    path("", include("abierto.circles.urls")),
    path("gestion/", include("abierto.forum.urls_manage")),
    path("", include("abierto.opendata.urls")),
    path("", include("abierto.folder.urls_public")),
    path("carpeta/", include("abierto.folder.urls")),
    path("compartido/", include("abierto.folder.urls_shared")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("admin/login/", admin_login),  # the two-step login, never the admin's own
    path("admin/", admin.site.urls),
]

# Under /api/ these answer JSON (abierto/api.py); elsewhere, Django's pages.
handler400 = "abierto.api.bad_request"
handler403 = "abierto.api.permission_denied"
handler500 = "abierto.api.server_error"

# Media files are never served by URL: letters and documents carry data for members only,
# and each is downloaded through a view that checks who asks.
