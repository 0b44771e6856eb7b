"""Demo data of the action plan: the 2020 Local Action Plan of the Estado de México.

From CONTEXT.md (the minutes of the 15th ordinary session, 16 Dec 2022):
- the plan launched in December 2020 after a consultation from July to October, its four
  axes, its six co-created commitments (SJDH, with Tlalnepantla de Baz and Infoem) and three
  proactive ones (Infoem, IEEM, Poder Judicial);
- the figures reported at the 15th session: 26+ agencies in the caravans, 43 of 125
  municipalities visited, 113,000+ procedures and services delivered, 30,000+ people served,
  target of all 125 municipalities by September 2023; talks in 83 municipalities; 32 public
  servants certified in mediation; the Ley de Justicia Cotidiana published on 10 March 2022;
  Infoem's municipal openness study with 32 citizen contributions from 15 municipalities
  (12 %) along five dimensions.

Reconstructed, because the source does not say it:
- the day of the launch (1 December 2020), the end of the period (2023, the caravans'
  target year), the wording of titles, the axis of each commitment and its OGP values;
- the lines of action, milestones and weights: each is a plausible step named after what
  the minutes report, and a milestone reported as done at the 15th session is dated on
  the day of that session (its true date is not known), except the law (10 March 2022);
- which 43 municipalities the caravans visited, on which days, and how the 113,000 services
  (in six illustrative categories) and 30,000 people split among them: a deterministic
  spread seeded by each municipality's INEGI code, adding up exactly to those figures;
- which 15 municipalities sent the 32 contributions, their dates and dimensions (no scores:
  the study's results are not in the source), and the few talks, restorative circles and
  upcoming activities on the agenda, which are illustrative;
- the wording of each commitment's public problem and objective (``DESCRIPTIONS``): a summary
  of what its title, its lines of action and the minutes say it addresses, not the plan's text.

The demo agency clerk login (``dependencia``) is linked to the Poder Judicial's
representative, whose name is pending in the directory demo, so it edits that institution's
commitment only; the facilitation login edits all of them.

Every record goes through the services (one audit row each); a second load adds nothing.
"""

from __future__ import annotations

from typing import TextIO

from django.contrib.auth import get_user_model
from django.db import transaction

from abierto.directory.models import Institution, Person
from abierto.forum.models import Session

from ..models import ActionPlan, Activity, Commitment, ThematicAxis
from .activities import _caravans, _catalogues, _openness_study, _other_activities
from .commitments import _commitments, _indicators, _reports
from .data import AXES, PLAN_TITLE, D


@transaction.atomic
def load(*, stdout: TextIO, with_logins: bool) -> None:
    institutions = {i.acronym: i for i in Institution.objects.exclude(acronym="")}
    plan, _created = ActionPlan.objects.get_or_create(
        title=PLAN_TITLE,
        defaults={
            "period_start": 2020,
            "period_end": 2023,
            "launched_on": D(2020, 12, 1),
            "consultation_start": D(2020, 7, 1),
            "consultation_end": D(2020, 10, 31),
            "consultation_summary": (
                "Consulta ciudadana de julio a octubre de 2020 sobre cuatro ejes temáticos, de "
                "la que surgieron seis compromisos co-creados; se suman tres compromisos "
                "proactivos de instituciones."
            ),
        },
    )
    axes = {}
    for number, title in enumerate(AXES, start=1):
        axes[number], _created = ThematicAxis.objects.get_or_create(
            plan=plan, number=number, defaults={"title": title}
        )
    commitments = _commitments(plan, axes, institutions)
    session = (
        Session.objects.filter(forum__acronym="STL", kind=Session.Kind.ORDINARY, number=15)
        .order_by("pk")
        .first()
    )
    _reports(commitments, session)
    _indicators(commitments)
    kinds, service_types = _catalogues()
    _caravans(commitments[("co-created", 1)], kinds["caravana"], service_types, institutions)
    _other_activities(commitments, kinds, institutions)
    _openness_study(commitments[("proactive", 1)], institutions["Infoem"])
    if with_logins:
        _link_clerk(stdout)
    stdout.write(
        f"Plan de Acción: {Commitment.objects.filter(plan=plan).count()} compromisos, "
        f"{Activity.objects.count()} actividades.\n"
    )


def _link_clerk(stdout: TextIO) -> None:
    user = get_user_model().objects.filter(username="dependencia").first()
    if user is None or Person.objects.filter(user=user).exists():
        return
    person = Person.objects.filter(institution__acronym="PJEdomex", user__isnull=True).first()
    if person is None:
        return
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    stdout.write(
        "  La cuenta «dependencia» actualiza los compromisos del Poder Judicial del Estado de "
        "México.\n"
    )
