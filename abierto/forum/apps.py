from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "abierto.forum"
    verbose_name = _("Sesiones del STL")
