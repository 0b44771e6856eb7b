"""A stored page, ready to answer with: its parts around the visitor's CSRF token and its
headers as Django holds them, both made once when the page is stored or first read.

Each worker process keeps the pages it served in a dictionary (``LocalPages``) in front of
the shared ``pages`` cache: a hit is then a dictionary lookup and a byte copy, with no
unpickling, no file and no network. The dictionary is keyed by the version too and emptied
when the version changes, so it is never staler than the shared cache.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from django.http import HttpResponse, HttpResponseNotModified
from django.http.response import HttpResponseBase, ResponseHeaders

# Where ``{% csrf_token %}`` wrote the visitor's token, in a stored body.
CSRF_PLACEHOLDER = b"\x00csrf-token\x00"
# Headers a 304 keeps from the 200 it stands for (RFC 9110 §15.4.5), besides security ones.
NOT_MODIFIED_DROPS = {"content-length", "content-type", "content-language"}


def _headers(pairs: list[tuple[str, str]]) -> ResponseHeaders:
    return ResponseHeaders(dict(pairs))


@dataclass(eq=False)
class Entry:
    etag: str
    headers: list[tuple[str, str]]
    body: bytes
    expires: float  # time.monotonic()
    parts: list[bytes] = field(init=False)
    full: ResponseHeaders = field(init=False)
    not_modified: ResponseHeaders = field(init=False)

    def __post_init__(self) -> None:
        self.parts = self.body.split(CSRF_PLACEHOLDER)
        self.full = _headers(self.headers)
        self.full["X-Page-Cache"] = "hit"
        self.not_modified = _headers(
            [(n, v) for n, v in self.headers if n.lower() not in NOT_MODIFIED_DROPS]
        )

    @property
    def needs_token(self) -> bool:
        return len(self.parts) > 1

    def response(self, token: bytes = b"") -> HttpResponse:
        response = HttpResponse(token.join(self.parts) if token else self.body)
        response.headers = _copy(self.full)
        return response

    def response_not_modified(self) -> HttpResponseBase:
        response = HttpResponseNotModified()
        response.headers = _copy(self.not_modified)
        return response


def _copy(headers: ResponseHeaders) -> ResponseHeaders:
    """A copy of headers already checked and converted when the entry was made (building
    them again, header by header, would cost more than the rest of a hit)."""
    copied = ResponseHeaders.__new__(ResponseHeaders)
    copied._store = headers._store.copy()
    return copied


class LocalPages:
    """This process's copies of the pages of the current version, at most ``limit``."""

    def __init__(self, limit: int = 512) -> None:
        self.limit = limit
        self.version = ""
        self.entries: dict[tuple[str, ...], Entry] = {}
        self.lock = threading.Lock()

    def get(self, version: str, key: tuple[str, ...]) -> Entry | None:
        if version != self.version:
            return None
        entry = self.entries.get(key)
        if entry is None or entry.expires < time.monotonic():
            return None
        return entry

    def put(self, version: str, key: tuple[str, ...], entry: Entry) -> None:
        with self.lock:
            if version != self.version:
                self.entries = {}
                self.version = version
            if len(self.entries) >= self.limit:
                self.entries.pop(next(iter(self.entries)))  # the oldest
            self.entries[key] = entry

    def clear(self) -> None:
        with self.lock:
            self.entries = {}
            self.version = ""
