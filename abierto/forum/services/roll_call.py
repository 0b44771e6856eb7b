from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abierto.directory.models import Person

from ..models import Attendance, Seat, Session
from ._audit import audit_record
from ._state import check_running
from .errors import ForumError

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@dataclass(frozen=True)
class RollCallEntry:
    """Who is present for one seat: the holder, the alternate, and/or a delegate by name."""

    seat: Seat
    holder: bool = False
    alternate: bool = False
    delegate_name: str = ""
    delegate_role: str = ""


@transaction.atomic
def roll_call_record(
    *, actor: User, session: Session, entries: list[RollCallEntry]
) -> list[Attendance]:
    """Replace the seats' attendance with ``entries``; guests are kept."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    check_running(session)
    seats = {
        seat.pk: seat for seat in Seat.objects.filter(forum=session.forum).active_on(session.date)
    }
    rows: list[Attendance] = []
    for entry in entries:
        if entry.seat.pk not in seats:
            raise ForumError(
                _("El asiento «%(seat)s» no estaba vigente el día de la sesión.")
                % {"seat": entry.seat}
            )
        seat = seats[entry.seat.pk]
        if entry.holder:
            rows.append(_row(session, seat, seat.holder, Attendance.Capacity.HOLDER))
        if entry.alternate:
            if seat.alternate is None:
                raise ForumError(_("El asiento «%(seat)s» no tiene suplente.") % {"seat": seat})
            rows.append(_row(session, seat, seat.alternate, Attendance.Capacity.ALTERNATE))
        name = " ".join(entry.delegate_name.split())
        if name:
            rows.append(
                Attendance(
                    session=session,
                    seat=seat,
                    name=name[:250],
                    role=entry.delegate_role.strip()[:250]
                    or _("En representación de %(name)s") % {"name": seat.holder.display_name},
                    capacity=Attendance.Capacity.DELEGATE,
                )
            )
    people = [row.person_id for row in rows if row.person_id]
    if len(people) != len(set(people)):
        raise ForumError(_("Una misma persona no puede asistir por dos asientos."))
    session.attendance.exclude(capacity=Attendance.Capacity.GUEST).delete()
    Attendance.objects.bulk_create(rows)
    session.roll_call_at = timezone.now()
    session.save(update_fields=["roll_call_at", "updated_at"])
    audit_record(
        actor=actor,
        action="session.roll_call",
        target=session,
        changes={"present": sorted(f"{row.seat_id}:{row.capacity}:{row.name}" for row in rows)},
    )
    return rows


def _row(session: Session, seat: Seat, person: Person, capacity: str) -> Attendance:
    return Attendance(
        session=session,
        seat=seat,
        person=person,
        name=person.display_name,
        role=person.public_role,
        capacity=capacity,
    )


@transaction.atomic
def guest_add(*, actor: User, session: Session, name: str, role: str = "") -> Attendance:
    session = Session.objects.select_for_update().get(pk=session.pk)
    check_running(session)
    name = " ".join(name.split())
    if not name:
        raise ForumError(_("Escriba el nombre de la persona invitada."))
    guest = Attendance.objects.create(
        session=session,
        name=name[:250],
        role=role.strip()[:250],
        capacity=Attendance.Capacity.GUEST,
    )
    audit_record(actor=actor, action="session.guest_added", target=session, changes={"guest": name})
    return guest
