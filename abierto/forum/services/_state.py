"""Which sessions may still be written to: a closed session's record is fixed."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..models import ActaImport, Session
from .errors import ForumError

# Planned or convened, opened or not: the facilitator is still building the record.
RUNNING_STATUSES = {Session.Status.PLANNED, Session.Status.CONVENED}


def check_running(session: Session) -> None:
    """Refuse any change to a session that was closed or cancelled."""
    if session.status in {Session.Status.HELD, Session.Status.MINUTES_APPROVED}:
        raise ForumError(
            _(
                "La sesión ya está clausurada: su registro no se puede modificar. Las "
                "correcciones se hacen en el borrador del acta."
            )
        )
    if session.status == Session.Status.CANCELLED:
        raise ForumError(_("La sesión se canceló: su registro no se puede modificar."))


def is_imported(session: Session) -> bool:
    """The session was loaded from an existing acta: its codes are the acta's own."""
    return ActaImport.objects.filter(session=session).exists()
