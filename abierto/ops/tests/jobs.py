"""Tasks for the tests of background work: they fail on purpose, a set number of times."""

from abierto.ops.background import JobRefused, background_task, job_step


@background_task(max_attempts=3, backoff_seconds=0)
def flaky(job, *, failures: int) -> str:
    """Fails its first ``failures`` attempts, as a mail server that is briefly away would."""
    job_step(job, 50, "Enviando")
    if job.attempts <= failures:
        raise ConnectionError(f"attempt {job.attempts}: the mail server went away")
    job.result_url = "/listo/"
    return f"done on attempt {job.attempts}"


@background_task(max_attempts=3, backoff_seconds=60)
def flaky_with_backoff(job, *, failures: int) -> str:
    if job.attempts <= failures:
        raise ConnectionError("the mail server went away")
    return "done"


@background_task(max_attempts=3, backoff_seconds=0)
def refused(job) -> None:
    raise JobRefused("El PDF no tiene capa de texto.")


class WorkerKilled(BaseException):
    """Raised inside a task to leave its job as a killed worker would: running, mid-way."""


@background_task(max_attempts=3, backoff_seconds=0)
def killed_once(job, *, step: int) -> str:
    """Dies at ``step`` % on its first attempt, as a worker killed with `kill -9` would."""
    job_step(job, step, "Leyendo")
    if job.attempts == 1:
        raise WorkerKilled
    return "done"


def _stall_forever(job, step: int) -> None:
    """What a long job looks like to the process that kills its worker: running, mid-way."""
    import time

    job_step(job, step, "Leyendo")
    while True:
        time.sleep(1)


@background_task(max_attempts=3, backoff_seconds=0, resumable=True)
def stalls_once(job, *, step: int) -> str:
    """Stalls on its first attempt (until its worker is killed); the next one finishes."""
    if job.attempts == 1:
        _stall_forever(job, step)
    return "done"


def _marker_remove(arguments: dict) -> None:
    import pathlib

    pathlib.Path(arguments["marker"]).unlink(missing_ok=True)


@background_task(max_attempts=3, backoff_seconds=0, on_failure=_marker_remove)
def stalls_with_upload(job, *, marker: str) -> str:
    """Stalls for good; stands for an acta reading whose upload must go when it fails."""
    _stall_forever(job, 50)
    return "never"
