"""Signing and encrypting documents, in this process or spread over the machine's cores.

Sealing (canonical JSON, an Ed25519 signature, AES-GCM under a fresh data key, the key wrapped
by the master key) is pure CPU work and most of what a document costs to issue. A bulk
issuance hands its batches to a ``SealingPool`` of worker processes, one per core, while the
database work stays in the job's process and transaction. The workers touch no database and
no Django state: they get the signing key and the master keys once, when they start, and
return only ciphertexts. Small batches (and machines with one core) seal in-process.

The workers come from a fork server (a fresh interpreter), not from a fork of the job: a fork
would copy into them the job's open database connections, every key it had loaded and the
locks its other threads held. And they end with the job, however it ends: after a
``kill -9`` a worker holding the job's connection would have kept its transaction, and the
locks of the chain head with it, open for ever.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from abierto.lib import jws
from abierto.lib.envelope import MasterKeyRing

from .bulk_prepare import ClaimsSpec, Prepared, PrepareSpec, Row, document_claims, prepare_rows
from .formats import DOCUMENT_TYP, document_aad

# (public id, JWS payload) in; (ciphertext, wrapped DEK, master kid) out.
SealJob = tuple[str, dict[str, Any]]
Sealed = tuple[bytes, bytes, str]

# Below this many documents the round trip to the workers costs more than it saves.
POOL_MIN_BATCH = 64

_worker_keys: dict[str, Any] = {}
logger = logging.getLogger(__name__)


def seal(
    jobs: Sequence[SealJob], private_key: Ed25519PrivateKey, kid: str, ring: MasterKeyRing
) -> list[Sealed]:
    """Sign each payload as a compact JWS and encrypt the token under its own data key."""
    sealed: list[Sealed] = []
    for public_id, payload in jobs:
        token = jws.sign_compact(payload, private_key, kid, typ=DOCUMENT_TYP)
        sealed.append(ring.encrypt(token.encode("ascii"), document_aad(public_id)))
    return sealed


def _exit_with_parent() -> None:
    """Wait for the pool's process to end, then end this one at once (no clean-up to run)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    multiprocessing.connection.wait([parent.sentinel])
    os._exit(1)


def _worker_start(private_raw: bytes, kid: str, ring: MasterKeyRing) -> None:
    # The call queue's pipe never closes for a worker (it holds both ends), so it would wait
    # on it for ever after the job died: a thread watches the job instead.
    threading.Thread(target=_exit_with_parent, name="exit-with-parent", daemon=True).start()
    _worker_keys.update(key=Ed25519PrivateKey.from_private_bytes(private_raw), kid=kid, ring=ring)


def _worker_seal(jobs: Sequence[SealJob]) -> list[Sealed]:
    return seal(jobs, _worker_keys["key"], _worker_keys["kid"], _worker_keys["ring"])


def prepare_and_seal(
    spec: PrepareSpec,
    claims: ClaimsSpec,
    rows: Sequence[Row],
    public_ids: Sequence[str],
    first_index: int,
    private_key: Ed25519PrivateKey,
    kid: str,
    ring: MasterKeyRing,
) -> tuple[list[Prepared | None], list[Sealed] | None]:
    """``prepare_rows``, then, if every row is valid, each row's document signed and
    encrypted as the ``first_index + n``-th of the issuer's status list; else no sealing (the
    batch will be refused)."""
    prepared = prepare_rows(spec, rows)
    valid = [item for item in prepared if item is not None]
    if len(valid) != len(prepared):
        return prepared, None
    jobs = [
        (
            public_id,
            document_claims(
                claims,
                holder_index=item[0],
                public_id=public_id,
                fields=row[1],
                status_index=first_index + offset,
            ),
        )
        for offset, (row, public_id, item) in enumerate(zip(rows, public_ids, valid, strict=True))
    ]
    return prepared, seal(jobs, private_key, kid, ring)


def _worker_prepare_and_seal(
    spec: PrepareSpec,
    claims: ClaimsSpec,
    rows: Sequence[Row],
    public_ids: Sequence[str],
    first_index: int,
) -> tuple[list[Prepared | None], list[Sealed] | None]:
    return prepare_and_seal(
        spec,
        claims,
        rows,
        public_ids,
        first_index,
        _worker_keys["key"],
        _worker_keys["kid"],
        _worker_keys["ring"],
    )


def default_processes() -> int:
    """One worker per core this process may run on; none on a single core."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return cores if cores > 1 else 0


class SealingPool:
    """Worker processes that seal for one signing key; ``close()`` (or ``with``) stops them.

    With ``processes=0`` everything seals in-process, so callers need no second code path.
    """

    def __init__(self, processes: int | None = None) -> None:
        self.processes = default_processes() if processes is None else max(0, processes)
        self._executor: ProcessPoolExecutor | None = None
        self._kid = ""

    def __enter__(self) -> SealingPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _executor_for(
        self, private_key: Ed25519PrivateKey, kid: str, ring: MasterKeyRing
    ) -> ProcessPoolExecutor:
        if self._executor is not None and self._kid != kid:
            self.close()  # the issuer rotated its key between batches
        if self._executor is None:
            from cryptography.hazmat.primitives import serialization

            raw = private_key.private_bytes(
                serialization.Encoding.Raw,
                serialization.PrivateFormat.Raw,
                serialization.NoEncryption(),
            )
            self._executor = ProcessPoolExecutor(
                max_workers=self.processes,
                mp_context=multiprocessing.get_context("forkserver"),
                initializer=_worker_start,
                initargs=(raw, kid, ring),
            )
            self._kid = kid
        return self._executor

    def seal(
        self,
        jobs: Sequence[SealJob],
        private_key: Ed25519PrivateKey,
        kid: str,
        ring: MasterKeyRing,
    ) -> list[Sealed]:
        return self.seal_async(jobs, private_key, kid, ring)()

    def seal_async(
        self,
        jobs: Sequence[SealJob],
        private_key: Ed25519PrivateKey,
        kid: str,
        ring: MasterKeyRing,
    ) -> Callable[[], list[Sealed]]:
        """Start sealing ``jobs`` in the workers; the function returned waits for the result.

        The caller does its database work in between: it overlaps the sealing. In-process
        (no workers, a small batch), the sealing runs when the result is asked for."""
        if self.processes == 0 or len(jobs) < POOL_MIN_BATCH:
            return lambda: seal(jobs, private_key, kid, ring)
        size = -(-len(jobs) // self.processes)
        try:
            executor = self._executor_for(private_key, kid, ring)
            futures = [
                executor.submit(_worker_seal, jobs[start : start + size])
                for start in range(0, len(jobs), size)
            ]
        except Exception:  # a broken pool refuses work: seal here, start afresh later
            logger.warning("sealing workers unavailable; sealing in-process", exc_info=True)
            self._discard_executor()
            return lambda: seal(jobs, private_key, kid, ring)

        def result() -> list[Sealed]:
            try:
                return [item for future in futures for item in future.result()]
            except Exception:  # a worker died or the pool broke: seal here, start afresh later
                logger.warning("sealing workers failed; sealing in-process", exc_info=True)
                self._discard_executor()
                return seal(jobs, private_key, kid, ring)

        return result

    def _discard_executor(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def prepare_and_seal_async(
        self,
        spec: PrepareSpec,
        claims: ClaimsSpec,
        rows: Sequence[Row],
        public_ids: Sequence[str],
        first_index: int,
        private_key: Ed25519PrivateKey,
        kid: str,
        ring: MasterKeyRing,
    ) -> Callable[[], tuple[list[Prepared | None], list[Sealed] | None]] | None:
        """Start ``prepare_and_seal`` of ``rows`` in the workers, split between them; the
        function returned waits and raises if a worker failed. None without workers or for a
        small batch: the caller prepares and seals the rows itself."""
        if self.processes == 0 or len(rows) < POOL_MIN_BATCH:
            return None
        executor = self._executor_for(private_key, kid, ring)
        size = -(-len(rows) // self.processes)
        futures = [
            executor.submit(
                _worker_prepare_and_seal,
                spec,
                claims,
                rows[start : start + size],
                public_ids[start : start + size],
                first_index + start,
            )
            for start in range(0, len(rows), size)
        ]

        def result() -> tuple[list[Prepared | None], list[Sealed] | None]:
            prepared: list[Prepared | None] = []
            sealed: list[Sealed] | None = []
            for future in futures:
                part_prepared, part_sealed = future.result()
                prepared.extend(part_prepared)
                if part_sealed is None or sealed is None:
                    sealed = None
                else:
                    sealed.extend(part_sealed)
            return prepared, sealed

        return result
