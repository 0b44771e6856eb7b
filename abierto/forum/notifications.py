"""E-mails of the forum, sent after commit."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .calendar_feed import itip_content_type, session_ics
from .models import Convocation, Session
from .selectors import seat_addresses


def _send(session: Session, subject: str, template: str, context: dict[str, Any]) -> int:
    """One message per person, each with its own invitation naming them as ATTENDEE."""
    recipients = seat_addresses(session)
    if not recipients:
        return 0
    # Official mail is in the platform's language, whatever the facilitator's interface.
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            f"forum/email/{template}.txt",
            {"session": session, "site_url": settings.SITE_URL, **context},
        )
    messages = []
    for address in recipients:
        message = EmailMessage(subject, body, to=[address])
        message.attach(
            f"sesion-{session.public_id}.ics",
            session_ics(session, attendees=[address]),
            itip_content_type(session),
        )
        for attachment in context.get("attachments", []):
            message.attach(*attachment)
        messages.append(message)
    with get_connection(fail_silently=False) as connection:
        connection.send_messages(messages)
    return len(recipients)


def convocation_send(convocation_pk: int) -> None:
    from django.utils import timezone

    from .documents import convocation_pdf

    convocation = Convocation.objects.select_related("session__forum").get(pk=convocation_pk)
    if convocation.sent_at is not None:
        return  # a retried task must not mail everyone twice
    session = convocation.session
    pdf = convocation_pdf(convocation)
    if not convocation.letter:
        from django.core.files.base import ContentFile

        convocation.letter.save(
            f"{convocation.reference.replace('/', '-')}.pdf", ContentFile(pdf), save=False
        )
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Convocatoria %(reference)s: %(title)s") % {
            "reference": convocation.reference,
            "title": session.title,
        }
    sent = _send(
        session,
        subject,
        "convocation",
        {
            "convocation": convocation,
            "materials": list(session.materials.select_related("agenda_item", "minutes__session")),
            "attachments": [
                (f"{convocation.reference.replace('/', '-')}.pdf", pdf, "application/pdf")
            ],
        },
    )
    convocation.sent_at = timezone.now()
    convocation.recipients = sent
    convocation.save(update_fields=["letter", "sent_at", "recipients", "updated_at"])


def session_changed(session: Session) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Cambio en la %(title)s") % {"title": session.title}
    _send(session, subject, "session_changed", {})


def session_cancelled(session: Session, reason: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Se cancela la %(title)s") % {"title": session.title}
    _send(session, subject, "session_cancelled", {"reason": reason})
