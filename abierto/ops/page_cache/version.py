"""The version token that starts every key of the public pages' cache.

A write to a public record sets a new random token (``bump_version``); a page stored under
an older token is never found again. Every worker process of every app server must see the
same token at once, and every cache hit reads it, so where it lives decides what a hit costs:

- ``PAGE_CACHE_VERSION_FILE`` (the default without Redis: the workers of one machine): eight
  bytes of a file mapped into the memory of every process that uses it (``mmap``, shared).
  Reading it is a memory read, no system call; a bump is a memory write that every other
  process sees on its next read. A torn read (half old, half new) is a token nobody stored
  pages under: a miss, never a stale page.
- otherwise (Redis, several app servers): the token in the ``pages`` cache, read once a
  request. A token lost from the cache (evicted, restarted) is a new version.
"""

from __future__ import annotations

import mmap
import os
import secrets
import threading
from pathlib import Path

from django.conf import settings
from django.core.cache import caches

CACHE_ALIAS = "pages"
VERSION_KEY = "page-cache:version"
_SIZE = 8
_EMPTY = bytes(_SIZE)


class SharedToken:
    """Eight bytes of ``path`` mapped into this process's memory, shared with every other."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.fstat(fd).st_size < _SIZE:
                os.ftruncate(fd, _SIZE)  # zeros: no token yet
            self.memory = mmap.mmap(fd, _SIZE, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
        finally:
            os.close(fd)  # the mapping keeps the file

    def read(self) -> str:
        raw = self.memory[:_SIZE]
        if raw == _EMPTY:
            self.bump()
            raw = self.memory[:_SIZE]
        return raw.hex()

    def bump(self) -> None:
        self.memory[:_SIZE] = secrets.token_bytes(_SIZE)


_shared: SharedToken | None = None
_lock = threading.Lock()


def shared_token() -> SharedToken | None:
    """The mapped token of ``PAGE_CACHE_VERSION_FILE``, or None when the cache holds it."""
    global _shared  # one mapping per process, opened on first use
    path = getattr(settings, "PAGE_CACHE_VERSION_FILE", None)
    if not path:
        return None
    token = _shared
    if token is None or token.path != Path(path):
        with _lock:
            token = _shared
            if token is None or token.path != Path(path):
                token = _shared = SharedToken(Path(path))
    return token


def current_version() -> str:
    token = shared_token()
    if token is not None:
        return token.read()
    cache = caches[CACHE_ALIAS]
    version = cache.get(VERSION_KEY)
    if version is None:
        version = secrets.token_hex(_SIZE)
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return str(version)


def new_version() -> None:
    token = shared_token()
    if token is not None:
        token.bump()
    else:
        caches[CACHE_ALIAS].set(VERSION_KEY, secrets.token_hex(_SIZE), timeout=None)
