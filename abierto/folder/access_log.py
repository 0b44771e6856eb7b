"""Reads of the access log, with what each person named in a document may see of it.

The selectors behind the citizen's "Accesos" page and the ARCO export (re-exported by
``selectors``). A citizen sees every event of their own log in full: what was done to their
data as holder (also before they activated their folder), what anyone did to a document they
hold, and what they did themselves. A person who is only *named* in a document (a parent in a
child's birth certificate, a spouse, an ex-spouse) sees, of the other events of that document,
only the kinds ``RELATED_SEES`` allows for their relation, and never their network nor their
time of day: the holder's own use of the document (views, downloads, shares, exports) and
where its verifiers were are the holder's (docs/dpia-carpeta.md §5, "Personas relacionadas").
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When

from .models import AccessEvent, Citizen, DocumentHolder, Relation

Action = AccessEvent.Action

# Of a document that names them, what a related person sees besides their own actions.
# Issue and revocation: the document exists, was issued to them and is still valid or not.
# Verification: that the document was checked, on which day; an ex-spouse does not see it,
# since the holder's use of a divorce certificate (e.g. to marry again) is no longer theirs.
RELATED_SEES: dict[str, frozenset[str]] = {
    Relation.MOTHER.value: frozenset({Action.ISSUE, Action.REVOKE, Action.VERIFY}),
    Relation.FATHER.value: frozenset({Action.ISSUE, Action.REVOKE, Action.VERIFY}),
    Relation.GUARDIAN.value: frozenset({Action.ISSUE, Action.REVOKE, Action.VERIFY}),
    Relation.SPOUSE.value: frozenset({Action.ISSUE, Action.REVOKE, Action.VERIFY}),
    Relation.FORMER_SPOUSE.value: frozenset({Action.ISSUE, Action.REVOKE}),
}


def _full_view(citizen: Citizen) -> Q:
    """The events the citizen sees in full: their own log and every event of what they hold."""
    held = DocumentHolder.objects.filter(
        cuts_index=citizen.cuts_index, relation=Relation.HOLDER
    ).values("document_id")
    return Q(holder_index=citizen.cuts_index) | Q(document__in=held)


def _related_view(citizen: Citizen) -> Q:
    """The events of documents that only name the citizen, of the kinds their relation sees."""
    allowed = Q(pk__in=[])
    for relation, actions in RELATED_SEES.items():
        named = DocumentHolder.objects.filter(
            cuts_index=citizen.cuts_index, relation=relation
        ).values("document_id")
        allowed |= Q(document__in=named, action__in=sorted(actions))
    return allowed


def access_events_for(citizen: Citizen) -> QuerySet[AccessEvent]:
    """The citizen's access log, newest first. Each event carries ``detailed``: False for an
    event seen only as a related person, whose network and time of day are not shown."""
    full = _full_view(citizen)
    return (
        AccessEvent.objects.filter(full | _related_view(citizen))
        .annotate(
            detailed=Case(
                When(full, then=Value(True)), default=Value(False), output_field=BooleanField()
            )
        )
        .select_related("document__document_type", "agency", "share")
        .order_by("-seq")
    )


def event_network(event: AccessEvent) -> str:
    """The network of an event as its reader may see it: blank unless ``detailed``."""
    return event.ip_prefix if getattr(event, "detailed", False) else ""


def access_log_intact_for(citizen: Citizen) -> bool:
    """Whether each of the citizen's access events still has its hash and still follows the
    event before it in the chain (checks only their rows, not the whole log)."""
    events = list(access_events_for(citizen).select_related("document", "share").order_by("seq"))
    return _chained(events)


def _chained(events: Iterable[AccessEvent]) -> bool:
    events = list(events)
    if not events:
        return True
    previous = dict(
        AccessEvent.objects.filter(seq__in=[event.seq - 1 for event in events]).values_list(
            "seq", "hash"
        )
    )
    genesis = "0" * 64
    for event in events:
        expected_prev = genesis if event.seq == 1 else previous.get(event.seq - 1)
        recomputed = event.compute_hash(
            document_id=event.document.public_id if event.document else None,
            share_id=event.share.public_id if event.share else None,
        )
        if event.prev_hash != expected_prev or not hmac.compare_digest(recomputed, event.hash):
            return False
    return True
