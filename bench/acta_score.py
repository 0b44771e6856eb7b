"""Score the acta parser against the hand-checked corpus in ``tests/data/actas/``.

For every ``NAME.txt|.md|.docx|.pdf`` with a ``NAME.expected.json`` beside it,
the file is read and parsed exactly as ``manage.py parse_acta`` does, and each
field is compared with the expected value:

- scalar fields (body, the session's fields, the convocation's) count a true
  positive when both sides have a value and they agree (text fields by
  similarity, so a dropped article or quote does not count as a miss);
- lists (attendees by normalised name, agenda items by number and title,
  agreements by code or text, scheduled sessions by date) are matched one to
  one; roles, votes, agenda items of agreements and calendar titles are then
  scored on the matched pairs.

Precision is true positives over values the parser gave, recall over values
the corpus expects; the total is micro-averaged over every field. Run it from
the repository root:

    .venv/bin/python -m bench.acta_score
    .venv/bin/python -m bench.acta_score --corpus tests/data/actas/heldout
    .venv/bin/python -m bench.acta_score --verbose            # every miss, per document
    .venv/bin/python -m bench.acta_score --document uam-colegio  # one document's misses

The documents in ``heldout/`` are kept aside while the parser is developed and
scored separately (``--corpus``), so their score says how it reads unseen actas.
"""

import argparse
import difflib
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from abierto.lib.acta import ActaReadError, extract_text, parse_acta_text

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "actas"
HELDOUT = CORPUS / "heldout"
# Image-only PDFs, read by OCR: scored apart (``--corpus tests/data/actas/scanned``), with
# their own floor in the corpus tests.
SCANNED = CORPUS / "scanned"
SUFFIXES = (".txt", ".md", ".docx", ".pdf")

TEXT_THRESHOLD = 0.8
PLACE_THRESHOLD = 0.7
NAME_THRESHOLD = 0.9
ROLE_THRESHOLD = 0.7
AGREEMENT_TEXT_THRESHOLD = 0.8
AGREEMENT_CODED_TEXT_THRESHOLD = 0.5

FIELDS = (
    "body",
    "session.number",
    "session.kind",
    "session.date",
    "session.start_time",
    "session.end_time",
    "session.modality",
    "session.place",
    "convocation.reference",
    "convocation.date",
    "convocation.convened_by",
    "attendees",
    "attendees.role",
    "agenda",
    "agreements",
    "agreements.code",
    "agreements.vote",
    "agreements.agenda_item",
    "scheduled_sessions",
    "scheduled_sessions.title",
)


@dataclass
class Counts:
    """True positives, values predicted and values expected for one field."""

    tp: int = 0
    predicted: int = 0
    expected: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        precision, recall = self.precision, self.recall
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Report:
    """Counts per field and per document, and their total."""

    fields: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in FIELDS})
    documents: dict[str, Counts] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    @property
    def total(self) -> Counts:
        total = Counts()
        for counts in self.fields.values():
            total.add(counts)
        return total


def normalise(text: Any) -> str:
    """Lower case, no accents, no punctuation, single spaces."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", bare).split())


def similarity(left: Any, right: Any) -> float:
    a, b = normalise(left), normalise(right)
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _code_key(code: Any) -> str:
    return normalise(code).replace("acuerdo", "").replace(" ", "")


def _scalar(predicted: Any, expected: Any, same: Callable[[Any, Any], bool]) -> Counts:
    has_predicted = predicted not in (None, "")
    has_expected = expected not in (None, "")
    return Counts(
        tp=int(has_predicted and has_expected and same(predicted, expected)),
        predicted=int(has_predicted),
        expected=int(has_expected),
    )


def _equal(left: Any, right: Any) -> bool:
    return normalise(left) == normalise(right)


def _similar(threshold: float) -> Callable[[Any, Any], bool]:
    return lambda left, right: similarity(left, right) >= threshold


def _match(
    predicted: list[dict[str, Any]],
    expected: list[dict[str, Any]],
    same: Callable[[dict[str, Any], dict[str, Any]], float],
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Greedy one-to-one matching by decreasing score; a score of 0 never matches."""
    scored = sorted(
        (
            (same(guess, truth), index_guess, index_truth)
            for index_guess, guess in enumerate(predicted)
            for index_truth, truth in enumerate(expected)
        ),
        reverse=True,
    )
    used_guess: set[int] = set()
    used_truth: set[int] = set()
    pairs = []
    for score, index_guess, index_truth in scored:
        if score <= 0 or index_guess in used_guess or index_truth in used_truth:
            continue
        used_guess.add(index_guess)
        used_truth.add(index_truth)
        pairs.append((predicted[index_guess], expected[index_truth]))
    return pairs


def _list_counts(pairs: list[Any], predicted: list[Any], expected: list[Any]) -> Counts:
    return Counts(tp=len(pairs), predicted=len(predicted), expected=len(expected))


def _attribute(
    pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]],
    key: str,
    same: Callable[[Any, Any], bool],
) -> Counts:
    counts = Counts()
    for guess, truth in pairs:
        counts.add(_scalar(guess.get(key), truth.get(key), same))
    return counts


def score_document(predicted: dict[str, Any], expected: dict[str, Any]) -> dict[str, Counts]:
    """Counts per field for one parsed acta against its expected JSON."""
    counts: dict[str, Counts] = {}
    counts["body"] = _scalar(predicted.get("body"), expected.get("body"), _similar(TEXT_THRESHOLD))
    session, truth = predicted.get("session") or {}, expected.get("session") or {}
    for key in ("number", "kind", "date", "start_time", "end_time", "modality"):
        counts[f"session.{key}"] = _scalar(session.get(key), truth.get(key), _equal)
    counts["session.place"] = _scalar(
        session.get("place"), truth.get("place"), _similar(PLACE_THRESHOLD)
    )
    convocation, truth = predicted.get("convocation") or {}, expected.get("convocation") or {}
    counts["convocation.reference"] = _scalar(
        convocation.get("reference"), truth.get("reference"), _equal
    )
    counts["convocation.date"] = _scalar(convocation.get("date"), truth.get("date"), _equal)
    counts["convocation.convened_by"] = _scalar(
        convocation.get("convened_by"), truth.get("convened_by"), _similar(TEXT_THRESHOLD)
    )

    people, people_truth = predicted.get("attendees") or [], expected.get("attendees") or []
    pairs = _match(people, people_truth, _name_score)
    counts["attendees"] = _list_counts(pairs, people, people_truth)
    counts["attendees.role"] = _attribute(pairs, "role", _similar(ROLE_THRESHOLD))

    items, items_truth = predicted.get("agenda") or [], expected.get("agenda") or []
    pairs = _match(items, items_truth, _agenda_score)
    counts["agenda"] = _list_counts(pairs, items, items_truth)

    agreements, agreements_truth = (
        predicted.get("agreements") or [],
        expected.get("agreements") or [],
    )
    pairs = _match(agreements, agreements_truth, _agreement_score)
    counts["agreements"] = _list_counts(pairs, agreements, agreements_truth)
    counts["agreements.code"] = _attribute(pairs, "code", lambda a, b: _code_key(a) == _code_key(b))
    counts["agreements.vote"] = _attribute(pairs, "vote", _equal)
    counts["agreements.agenda_item"] = _attribute(pairs, "agenda_item", _equal)

    scheduled, scheduled_truth = (
        predicted.get("scheduled_sessions") or [],
        expected.get("scheduled_sessions") or [],
    )
    pairs = _match(scheduled, scheduled_truth, lambda a, b: float(a.get("date") == b.get("date")))
    counts["scheduled_sessions"] = _list_counts(pairs, scheduled, scheduled_truth)
    counts["scheduled_sessions.title"] = _attribute(pairs, "title", _similar(TEXT_THRESHOLD))
    return counts


def mismatches(predicted: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """What the parser got wrong on one document, one line per miss or invention.

    Scalars print expected vs predicted; lists print the expected entries left
    unmatched (missed) and the predicted ones left unmatched (invented); matched
    pairs print the attributes that disagree.
    """
    lines: list[str] = []
    scalars: list[tuple[str, Any, Any, float | None]] = [
        ("body", predicted.get("body"), expected.get("body"), TEXT_THRESHOLD)
    ]
    session, truth = predicted.get("session") or {}, expected.get("session") or {}
    for key in ("number", "kind", "date", "start_time", "end_time", "modality", "place"):
        threshold = PLACE_THRESHOLD if key == "place" else None
        scalars.append((f"session.{key}", session.get(key), truth.get(key), threshold))
    convocation, truth = predicted.get("convocation") or {}, expected.get("convocation") or {}
    for key in ("reference", "date", "convened_by"):
        threshold = TEXT_THRESHOLD if key == "convened_by" else None
        scalars.append((f"convocation.{key}", convocation.get(key), truth.get(key), threshold))
    for name, guess, want, threshold in scalars:
        counts = _scalar(guess, want, _similar(threshold) if threshold else _equal)
        if counts.tp != counts.predicted or counts.tp != counts.expected:
            lines.append(f"{name}: expected {want!r}, predicted {guess!r}")

    lists: list[tuple[str, str, Callable[..., float], tuple[str, ...], Callable[..., str]]] = [
        ("attendees", "attendees", _name_score, ("role",), lambda item: item.get("name")),
        (
            "agenda",
            "agenda",
            _agenda_score,
            (),
            lambda item: f"{item.get('number')}. {item.get('title')}",
        ),
        (
            "agreements",
            "agreements",
            _agreement_score,
            ("code", "vote", "agenda_item"),
            lambda item: f"[{item.get('code')}] {item.get('text')}",
        ),
        (
            "scheduled_sessions",
            "scheduled_sessions",
            lambda a, b: float(a.get("date") == b.get("date")),
            ("title",),
            lambda item: f"{item.get('date')} {item.get('title')}",
        ),
    ]
    for name, key, same, attributes, show in lists:
        guesses, truths = predicted.get(key) or [], expected.get(key) or []
        pairs = _match(guesses, truths, same)
        matched_guesses = {id(guess) for guess, _ in pairs}
        matched_truths = {id(truth) for _, truth in pairs}
        for truth in truths:
            if id(truth) not in matched_truths:
                lines.append(f"{name}: missed {_short(show(truth))}")
        for guess in guesses:
            if id(guess) not in matched_guesses:
                lines.append(f"{name}: invented {_short(show(guess))}")
        for guess, truth in pairs:
            for attribute in attributes:
                compare = {
                    "role": _similar(ROLE_THRESHOLD),
                    "title": _similar(TEXT_THRESHOLD),
                    "code": lambda a, b: _code_key(a) == _code_key(b),
                }.get(attribute, _equal)
                counts = _scalar(guess.get(attribute), truth.get(attribute), compare)
                if counts.tp != counts.predicted or counts.tp != counts.expected:
                    lines.append(
                        f"{name}.{attribute} of {_short(show(truth), 50)}: expected "
                        f"{truth.get(attribute)!r}, predicted {guess.get(attribute)!r}"
                    )
    return lines


def _short(text: Any, limit: int = 110) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name_score(guess: dict[str, Any], truth: dict[str, Any]) -> float:
    score = similarity(guess.get("name"), truth.get("name"))
    return score if score >= NAME_THRESHOLD else 0.0


def _agenda_score(guess: dict[str, Any], truth: dict[str, Any]) -> float:
    if guess.get("number") != truth.get("number"):
        return 0.0
    score = similarity(guess.get("title"), truth.get("title"))
    return score if score >= TEXT_THRESHOLD else 0.0


def _agreement_score(guess: dict[str, Any], truth: dict[str, Any]) -> float:
    text_score = similarity(guess.get("text"), truth.get("text"))
    same_code = _code_key(guess.get("code")) == _code_key(truth.get("code"))
    if same_code and text_score >= AGREEMENT_CODED_TEXT_THRESHOLD:
        return 1.0 + text_score
    return text_score if text_score >= AGREEMENT_TEXT_THRESHOLD else 0.0


def corpus_documents(corpus: Path = CORPUS) -> list[tuple[Path, Path]]:
    """``(document, expected JSON)`` pairs of the corpus, by name."""
    pairs = []
    for expected in sorted(corpus.glob("*.expected.json")):
        stem = expected.name.removesuffix(".expected.json")
        for suffix in SUFFIXES:
            document = corpus / f"{stem}{suffix}"
            if document.exists():
                pairs.append((document, expected))
                break
    return pairs


def is_scanned(document: Path) -> bool:
    """A PDF none of whose pages has a text layer: an image-only scan."""
    from abierto.lib.acta.pdf import is_scanned_page, pdf_pages

    if document.suffix != ".pdf":
        return False
    return all(is_scanned_page(text) for text in pdf_pages(document.read_bytes()))


def score_corpus(corpus: Path = CORPUS, only: str | None = None) -> Report:
    """Parse every corpus document (those whose name contains ``only``) and add up its counts."""
    report = Report()
    for document, expected_path in corpus_documents(corpus):
        if only is not None and only not in document.name:
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        try:
            predicted = parse_acta_text(extract_text(document))
        except ActaReadError as error:
            report.errors[document.name] = str(error)
            predicted = {}
        document_counts = Counts()
        for name, counts in score_document(predicted, expected).items():
            report.fields[name].add(counts)
            document_counts.add(counts)
        report.documents[document.name] = document_counts
        report.misses[document.name] = mismatches(predicted, expected)
    return report


def format_report(report: Report, verbose: bool = False) -> str:
    """The report as a plain-text table; ``verbose`` adds every document's misses."""
    lines = [f"{'field':<28}{'tp':>5}{'pred':>6}{'exp':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for name, counts in report.fields.items():
        lines.append(_row(name, counts))
    lines.append("-" * 69)
    lines.append(_row("TOTAL (micro)", report.total))
    lines.append("")
    lines.append(f"{'document':<62}{'F1':>7}")
    for name, counts in report.documents.items():
        lines.append(f"{name:<62}{counts.f1:>7.3f}")
    for name, error in report.errors.items():
        lines.append(f"ERROR {name}: {error}")
    if verbose:
        for name, misses in report.misses.items():
            lines.append("")
            lines.append(f"== {name} ({len(misses)} misses)")
            lines += [f"  {miss}" for miss in misses] or ["  none"]
    return "\n".join(lines)


def _row(name: str, counts: Counts) -> str:
    return (
        f"{name:<28}{counts.tp:>5}{counts.predicted:>6}{counts.expected:>6}"
        f"{counts.precision:>8.3f}{counts.recall:>8.3f}{counts.f1:>8.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the acta parser against a corpus.")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="folder of NAME.txt|.md|.docx|.pdf with NAME.expected.json (default: the main corpus)",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="print each document's misses: expected vs predicted, missed and invented items",
    )
    parser.add_argument(
        "--document",
        metavar="NAME",
        help="score only the documents whose file name contains NAME (implies --verbose)",
    )
    args = parser.parse_args(argv)
    report = score_corpus(args.corpus, only=args.document)
    verbose = args.verbose or args.document is not None
    sys.stdout.write(format_report(report, verbose=verbose) + "\n")
    return 1 if report.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
