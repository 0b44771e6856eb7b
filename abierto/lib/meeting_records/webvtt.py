"""WebVTT transcripts (W3C «WebVTT: The Web Video Text Tracks Format»), as Zoom, Meet and
Teams save them.

A file starts with ``WEBVTT`` (optionally a BOM, then a space or tab and a title); blocks are
separated by blank lines; ``NOTE``, ``STYLE`` and ``REGION`` blocks are skipped; a cue has an
optional identifier line, a timing line ``[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt [settings]`` and
one or more payload lines. The speaker comes from a voice span ``<v Name>`` (Teams, the spec)
or from Zoom's convention of starting the text with ``Name: ``.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .errors import MeetingRecordError

MAX_BYTES = 3 * 1024 * 1024  # what was read travels back signed, under the 2 MB body limit
MAX_CUES = 20000

_TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING = re.compile(rf"^{_TIMESTAMP}[ \t]+-->[ \t]+{_TIMESTAMP}(?:[ \t].*)?$")
_VOICE = re.compile(r"<v(?:\.[^ \t>]+)*[ \t]+([^>]+)>")
_TAG = re.compile(r"</?[^>]*>")
# «Horacio Rodríguez Jiménez: Buenos días»: a name (no digits, up to eight words) and a colon.
_ZOOM_SPEAKER = re.compile(r"^([^\W\d_][^:\d<>]{0,119}?):[ \t]+(\S.*)$", re.DOTALL)


_ZOOM_FILENAME = re.compile(r"GMT(\d{8})-(\d{6})")


def recording_start(filename: str) -> datetime.datetime | None:
    """When a Zoom recording started, from its file name («GMT20221216-170415_Recording…»),
    in UTC; None for other names."""
    match = _ZOOM_FILENAME.search(filename)
    if match is None:
        return None
    try:
        return datetime.datetime.strptime(
            match.group(1) + match.group(2) + "+0000", "%Y%m%d%H%M%S%z"
        )
    except ValueError:
        return None


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str
    speaker: str = ""
    identifier: str = ""


def _seconds(groups: tuple[str | None, ...]) -> float:
    hours, minutes, seconds, millis = groups
    return (
        int(hours or 0) * 3600
        + int(minutes or 0) * 60
        + int(seconds or 0)
        + int(millis or 0) / 1000
    )


def format_offset(seconds: float) -> str:
    """``1:02:03`` or ``02:03`` for an offset into the recording."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return (
        f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
        if hours
        else f"{rest // 60:02d}:{rest % 60:02d}"
    )


def _speaker_and_text(payload: str) -> tuple[str, str]:
    voice = _VOICE.search(payload)
    speaker = " ".join(voice.group(1).split()) if voice else ""
    text = html.unescape(_TAG.sub("", payload))
    text = text.replace("\u200e", "").replace("\u200f", "")
    text = " ".join(text.split())
    if not speaker:
        match = _ZOOM_SPEAKER.match(text)
        if match and len(match.group(1).split()) <= 8:
            speaker, text = " ".join(match.group(1).split()), match.group(2).strip()
    return speaker, text


def parse_webvtt(data: bytes | str) -> list[Cue]:
    """The cues of a WebVTT file; :class:`MeetingRecordError` says why a file is refused."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise MeetingRecordError(
                _("La transcripción pesa más de %(mb)s MB.") % {"mb": MAX_BYTES // 2**20}
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MeetingRecordError(
                _("La transcripción no está en UTF-8, como exige el formato WebVTT.")
            ) from exc
    else:
        text = data
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    first = lines[0]
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise MeetingRecordError(
            _("El archivo no es una transcripción WebVTT: su primera línea debe ser «WEBVTT».")
        )
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start_line = 0
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            if not current:
                start_line = number
            current.append(line)
        elif current:
            blocks.append((start_line, current))
            current = []
    if current:
        blocks.append((start_line, current))
    cues: list[Cue] = []
    header_lines = len(lines) > 1 and bool(lines[1].strip())
    for index, (line_number, block) in enumerate(blocks):
        if index == 0 and header_lines and "-->" not in "".join(block):
            continue  # the header's own lines, right after WEBVTT
        head = block[0]
        if head.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in head:
            continue
        identifier = ""
        if "-->" not in head:
            identifier, block = head.strip(), block[1:]
            line_number += 1
            if not block or "-->" not in block[0]:
                raise MeetingRecordError(
                    _("Línea %(line)s: falta la línea de tiempos «00:00:01.000 --> 00:00:04.000».")
                    % {"line": line_number}
                )
        timing = _TIMING.match(block[0].strip())
        if timing is None:
            raise MeetingRecordError(
                _(
                    "Línea %(line)s: tiempos no válidos «%(text)s» (se espera "
                    "hh:mm:ss.ttt --> hh:mm:ss.ttt)."
                )
                % {"line": line_number, "text": block[0].strip()[:60]}
            )
        start, end = _seconds(timing.groups()[:4]), _seconds(timing.groups()[4:])
        if end < start:
            raise MeetingRecordError(
                _("Línea %(line)s: la entrada termina antes de empezar.") % {"line": line_number}
            )
        speaker, text = _speaker_and_text("\n".join(block[1:]))
        if text:
            cues.append(
                Cue(start=start, end=end, text=text, speaker=speaker, identifier=identifier)
            )
        if len(cues) > MAX_CUES:
            raise MeetingRecordError(_("La transcripción tiene demasiadas entradas."))
    if not cues:
        raise MeetingRecordError(_("La transcripción no tiene ninguna entrada con texto."))
    return cues
