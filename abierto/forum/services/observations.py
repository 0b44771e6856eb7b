"""The members' observations on a draft acta, and how the facilitator attends them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import selectors
from ..models import Minutes, MinutesObservation
from ..selectors_materials import draft_paragraphs, is_forum_member, open_observations
from ._audit import audit_record
from .errors import ForumError

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MAX_OBSERVATION_CHARS = 4000


def _display_name(user: User) -> str:
    person = getattr(user, "person", None)
    if person is not None:
        return person.display_name
    return user.get_full_name() or user.get_username()


@transaction.atomic
def observation_add(
    *, actor: User, minutes: Minutes, text: str, paragraph_id: str = ""
) -> MinutesObservation:
    """A member's observation on the draft, on one paragraph or (no ``paragraph_id``) overall."""
    if not is_forum_member(actor):
        raise PermissionDenied
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.frozen:
        raise ForumError(_("El acta ya fue aprobada: ya no recibe observaciones."))
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ForumError(_("Escriba la observación."))
    if len(text) > MAX_OBSERVATION_CHARS:
        raise ForumError(
            _("La observación es demasiado larga (máximo %(max)s caracteres).")
            % {"max": MAX_OBSERVATION_CHARS}
        )
    quoted = ""
    if paragraph_id:
        found = {p.id: p.text for p in draft_paragraphs(minutes)}
        if paragraph_id not in found:
            raise ForumError(
                _(
                    "Ese párrafo ya no está en el borrador: vuelva a cargar el acta y "
                    "observe de nuevo."
                )
            )
        quoted = found[paragraph_id]
    observation = MinutesObservation.objects.create(
        minutes=minutes,
        paragraph_id=paragraph_id,
        paragraph_text=quoted,
        text=text,
        author=actor,
        author_name=_display_name(actor),
    )
    audit_record(
        actor=actor,
        action="minutes.observation_added",
        target=minutes,
        changes={"observation": observation.pk, "paragraph": paragraph_id, "text": text},
    )
    return observation


@transaction.atomic
def observation_attend(
    *, actor: User, observation: MinutesObservation, accept: bool, answer: str = ""
) -> MinutesObservation:
    """The facilitator accepts an observation (and edits the draft) or answers it."""
    if not selectors.can_manage_forum(actor, observation.minutes.session.forum):
        raise PermissionDenied
    observation = MinutesObservation.objects.select_for_update().get(pk=observation.pk)
    if observation.minutes.frozen:
        raise ForumError(_("El acta ya fue aprobada: sus observaciones quedan como están."))
    answer = answer.replace("\r\n", "\n").strip()
    if not accept and not answer:
        raise ForumError(_("Para responder una observación sin aceptarla, escriba la respuesta."))
    if len(answer) > MAX_OBSERVATION_CHARS:
        raise ForumError(
            _("La respuesta es demasiado larga (máximo %(max)s caracteres).")
            % {"max": MAX_OBSERVATION_CHARS}
        )
    before = observation.status
    observation.status = (
        MinutesObservation.Status.ACCEPTED if accept else MinutesObservation.Status.ANSWERED
    )
    observation.answer = answer
    observation.attended_by = actor
    observation.attended_at = timezone.now()
    observation.save()
    audit_record(
        actor=actor,
        action="minutes.observation_attended",
        target=observation.minutes,
        changes={
            "observation": observation.pk,
            "status": [before, observation.status],
            "answer": answer,
        },
    )
    return observation


def observations_check_attended(minutes: Minutes) -> dict[str, int]:
    """Refuse the approval while an observation is open; else the counts it records."""
    pending = open_observations(minutes).count()
    if pending:
        raise ForumError(
            _(
                "El borrador tiene %(count)s observación(es) sin atender: acéptelas o "
                "respóndalas antes de votar el acta."
            )
            % {"count": pending}
        )
    statuses = list(minutes.observations.values_list("status", flat=True))
    return {
        "accepted": statuses.count(MinutesObservation.Status.ACCEPTED),
        "answered": statuses.count(MinutesObservation.Status.ANSWERED),
    }
