"""The development e-mail backend: every message to its own ``.eml`` file, one line on screen.

Django's console backend prints each message whole (a convocation with its PDF is several
hundred lines of base64), which buries everything else a developer's terminal shows. Here each
message is written to ``EMAIL_FILE_PATH`` (``var/mail/`` by default), where any mail client
opens it, and the terminal gets who it was for, its subject and where the file is.
"""

from __future__ import annotations

import secrets
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone


class FileEmailBackend(BaseEmailBackend):
    def __init__(
        self, *, file_path: str | None = None, stream: TextIO | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.directory = Path(file_path or settings.EMAIL_FILE_PATH)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        if not email_messages:
            return 0
        sent = 0
        with self._lock:
            self.directory.mkdir(parents=True, exist_ok=True)
            for message in email_messages:
                if not message.recipients():
                    continue
                stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
                path = self.directory / f"{stamp}-{secrets.token_hex(3)}.eml"
                path.write_bytes(message.message().as_bytes(linesep="\n"))
                recipients = ", ".join(message.recipients())
                self.stream.write(f"Correo para {recipients}: «{message.subject}» → {path}\n")
                self.stream.flush()
                sent += 1
        return sent
