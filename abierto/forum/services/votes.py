from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from abierto.directory.models import Institution

from ..models import AgendaItem, Ballot, Seat, Session, Vote
from ..quorum import QuorumState
from ..selectors import quorum_state, roll_call
from ._audit import audit_record
from ._state import check_running
from .agreements import agreement_create
from .errors import ForumError

if TYPE_CHECKING:
    import datetime

    from django.contrib.auth.models import User

    from ..models import Agreement


@transaction.atomic
def vote_record(
    *,
    actor: User,
    agenda_item: AgendaItem,
    motion: str,
    votes_for: int = 0,
    votes_against: int = 0,
    abstentions: int = 0,
    ballots: dict[Seat, str] | None = None,
    agreement_text: str = "",
    responsible: Institution | None = None,
    due_date: datetime.date | None = None,
    requires_follow_up: bool = False,
) -> tuple[Vote, Agreement | None]:
    """Record a vote on a decisive item, by counts or seat by seat (``ballots``).

    Refused without quorum. When approved and ``agreement_text`` is given, the agreement is
    recorded with its code in the same transaction.
    """
    session = (
        Session.objects.select_for_update().select_related("forum").get(pk=agenda_item.session_id)
    )
    motion = _check_votable(session, agenda_item, motion)
    quorum = _quorum_reached(session)
    counts = (
        _counts_of(session, ballots)
        if ballots is not None
        else (votes_for, votes_against, abstentions)
    )
    _check_counts(counts, quorum)
    vote = _vote_write(actor, session, agenda_item, motion, counts, quorum, ballots)
    agreement = None
    if vote.result == Vote.Result.APPROVED and agreement_text.strip():
        agreement = agreement_create(
            actor=actor,
            session=session,
            text=agreement_text,
            agenda_item=agenda_item,
            vote=vote,
            responsible=responsible,
            due_date=due_date,
            requires_follow_up=requires_follow_up,
        )
    return vote, agreement


Counts = tuple[int, int, int]  # for, against, abstentions


def _check_votable(session: Session, agenda_item: AgendaItem, motion: str) -> str:
    """The motion, stripped, once the session and the item take a vote."""
    check_running(session)
    if session.status != Session.Status.CONVENED:
        raise ForumError(_("Solo se vota en una sesión convocada."))
    if agenda_item.kind != AgendaItem.Kind.DECISIVE:
        raise ForumError(_("Este punto es informativo: no se vota."))
    motion = motion.strip()
    if not motion:
        raise ForumError(_("Escriba la propuesta que se vota."))
    return motion


def _quorum_reached(session: Session) -> QuorumState:
    quorum = quorum_state(session)
    if not quorum.reached:
        raise ForumError(
            _(
                "No hay quórum: están presentes %(present)s de %(total)s asientos y se "
                "necesitan %(required)s. No se puede votar."
            )
            % {
                "present": quorum.present_seats,
                "total": quorum.total_seats,
                "required": quorum.required,
            }
        )
    return quorum


def _counts_of(session: Session, ballots: dict[Seat, str]) -> Counts:
    """The counts of a vote seat by seat; only seats present with a vote may cast one."""
    present = {p.seat.pk for p in roll_call(session) if p.present and p.seat.has_vote}
    absent = [str(seat) for seat in ballots if seat.pk not in present]
    if absent:
        raise ForumError(
            _("Votan solo los asientos presentes; no lo están: %(seats)s.")
            % {"seats": ", ".join(absent)}
        )
    choices = list(ballots.values())
    if any(choice not in Ballot.Choice.values for choice in choices):
        raise ForumError(_("Sentido de voto no válido."))
    return (
        choices.count(Ballot.Choice.FOR),
        choices.count(Ballot.Choice.AGAINST),
        choices.count(Ballot.Choice.ABSTAIN),
    )


def _check_counts(counts: Counts, quorum: QuorumState) -> None:
    if min(counts) < 0:
        raise ForumError(_("Los votos no pueden ser negativos."))
    cast = sum(counts)
    if cast == 0:
        raise ForumError(_("Registre al menos un voto."))
    if cast > quorum.present_seats:
        raise ForumError(
            _("Hay %(cast)s votos y solo %(present)s asientos presentes.")
            % {"cast": cast, "present": quorum.present_seats}
        )


def _vote_write(
    actor: User,
    session: Session,
    agenda_item: AgendaItem,
    motion: str,
    counts: Counts,
    quorum: QuorumState,
    ballots: dict[Seat, str] | None,
) -> Vote:
    """The vote, its ballots and its audit row."""
    votes_for, votes_against, abstentions = counts
    result = Vote.Result.APPROVED if votes_for > votes_against else Vote.Result.REJECTED
    vote = Vote.objects.create(
        agenda_item=agenda_item,
        motion=motion,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        result=result,
        present_seats=quorum.present_seats,
    )
    if ballots:
        Ballot.objects.bulk_create(
            Ballot(vote=vote, seat=seat, choice=choice) for seat, choice in ballots.items()
        )
    audit_record(
        actor=actor,
        action="vote.recorded",
        target=session,
        changes={
            "item": agenda_item.number,
            "motion": motion,
            "counts": [votes_for, votes_against, abstentions],
            "result": result,
        },
    )
    return vote
