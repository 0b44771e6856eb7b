"""The roles of the platform, as Django groups."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FACILITATOR = "facilitator", _("Facilitación del STL")
    MEMBER = "member", _("Integrante del STL")
    AGENCY_CLERK = "agency-clerk", _("Personal de dependencia")
    CITIZEN = "citizen", _("Ciudadanía")
    # Sees the restorative circles' participants, only of the cohorts assigned to them.
    MEDIATION_STAFF = "mediation-staff", _("Personal del centro de mediación")
