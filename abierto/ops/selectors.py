"""Who may see background jobs, and the jobs they may see."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from abierto.directory.roles import Role
from abierto.directory.selectors import user_has_role

from .models import Job

AnyUser = User | AnonymousUser


def can_see_all_jobs(user: AnyUser) -> bool:
    """Facilitators and back-office staff follow every job of the platform."""
    return user.is_active and (bool(user.is_staff) or user_has_role(user, Role.FACILITATOR))


def access_jobs(user: AnyUser) -> QuerySet[Job]:
    if not can_see_all_jobs(user):
        raise PermissionDenied
    return Job.objects.select_related("created_by")


def job_for(user: AnyUser, public_id: str) -> Job:
    """A job its requester follows; staff and facilitators see any. Job.DoesNotExist if not."""
    if not user.is_authenticated:
        raise PermissionDenied
    jobs = Job.objects.all()
    if not can_see_all_jobs(user):
        jobs = jobs.filter(created_by=user)
    return jobs.get(public_id=public_id)
