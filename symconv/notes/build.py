r"""``symconv notes``: verify every derivation, then render and write the article and the slides
atomically, and compile them with TeX when asked.

Nothing is written when a derivation fails (:class:`~symconv.VerificationError`) or when a
target file was not written by symconv (:class:`~symconv.errors.OwnershipError`).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import TeXError, VerificationError
from ..files import check_writable, write_files
from ..printing.language import words
from ..printing.printer import SeminarLatexPrinter
from ..proof import Derivation, Report
from ..proof.sources import DerivationSource
from ..specs import ConvSpec
from .content import TOPICS, Part, Proof, Unit, seminar
from .render import article, slides

__all__ = [
    "NotesResult",
    "build_notes",
    "write_notes",
    "compile_pdf",
    "tex_available",
    "describe",
    "make_notes",
    "NotesWritten",
    "NOTES",
    "SLIDES",
    "TeXError",
]

NOTES, SLIDES = "symconv-notes.tex", "symconv-slides.tex"


@dataclass(frozen=True)
class NotesResult:
    """The documents' text, the slides' expected page count and the verification reports."""

    notes: str
    slides: str
    slide_pages: int
    reports: dict[str, Report]


def _derivations(parts: list[Part]) -> list[Derivation]:
    return [b.derivation for part in parts for unit in part.units for b in unit.blocks if isinstance(b, Proof)]


def build_notes(
    example: ConvSpec | None = None,
    topics: tuple[str, ...] = TOPICS,
    lang: str = "en",
    extra: Sequence[DerivationSource] = (),
) -> NotesResult:
    r"""Verify every derivation the documents show, then render both documents (in memory).

    ``extra`` adds sections of your own, one per source (:func:`symconv.proof.sources.load`),
    titled by the source's docstring, after the seminar's; they are verified like the rest.

    >>> result = build_notes(topics=("sizes",))
    >>> result.notes.splitlines()[1]
    '\\documentclass[11pt,a4paper]{article}'
    """
    words(lang)  # validates the language
    printer = SeminarLatexPrinter()
    parts = seminar(example or ConvSpec((4, 4), (3, 3)), tuple(topics), lang, printer.doprint)
    parts += [Part(source.title, tuple(Unit(d.title, (Proof(d),)) for d in source.derivations)) for source in extra]
    reports = {}
    for derivation in _derivations(parts):
        report = derivation.report()
        if not report.ok:
            raise VerificationError(f"{derivation.name}: {report.failure()}")
        reports[derivation.name] = report
    text, pages = slides(parts, printer, lang, reports)
    return NotesResult(article(parts, printer, lang, reports), text, pages, reports)


def tex_available() -> str | None:
    """``latexmk`` or ``pdflatex`` if installed."""
    return shutil.which("latexmk") or shutil.which("pdflatex")


def compile_pdf(tex: Path, build: Path) -> Path:
    """Compile ``tex`` in ``build`` with ``-no-shell-escape``.

    Errors and undefined references raise :class:`TeXError`.
    """
    tool = tex_available()
    if tool is None:
        raise TeXError(
            "TeX is not installed (Debian/Ubuntu: apt-get install texlive-latex-base "
            "texlive-latex-recommended texlive-pictures latexmk; macOS: brew install --cask mactex)",
        )
    if tool.endswith("latexmk"):
        commands = [
            [tool, "-pdf", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "-quiet", tex.name]
        ]
    else:
        once = [tool, "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", tex.name]
        commands = [once, once]
    for command in commands:
        result = subprocess.run(command, cwd=build, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            raise TeXError(f"{tex.name} did not compile; see {build / tex.with_suffix('.log').name}")
    log = (build / tex.with_suffix(".log").name).read_text(errors="replace")
    if "undefined" in log and ("Reference" in log or "Citation" in log):
        raise TeXError(f"{tex.name} has undefined references; see {build / tex.with_suffix('.log').name}")
    return build / tex.with_suffix(".pdf").name


def write_notes(folder: Path | str, result: NotesResult, *, pdf: bool = False) -> list[Path]:
    """Write the documents (and, with ``pdf``, their PDFs) into ``folder``; returns what was written."""
    folder = Path(folder)
    files = {NOTES: result.notes.encode(), SLIDES: result.slides.encode()}
    names = list(files) + ([NOTES.replace(".tex", ".pdf"), SLIDES.replace(".tex", ".pdf")] if pdf else [])
    check_writable(folder, names)  # before any work with TeX, and before anything is written
    if pdf:
        if tex_available() is None:
            compile_pdf(Path(NOTES), Path("."))  # raises the clear message
        build = Path(tempfile.mkdtemp(prefix="symconv-tex-"))
        for name, data in files.items():
            (build / name).write_bytes(data)
        for name in (NOTES, SLIDES):
            files[name.replace(".tex", ".pdf")] = compile_pdf(build / name, build).read_bytes()
        shutil.rmtree(build, ignore_errors=True)
    return write_files(folder, files)


def describe(result: NotesResult) -> dict[str, Any]:
    """Counts for the command's summary line."""
    steps = sum(len(r.steps) for r in result.reports.values())
    return {"derivations": len(result.reports), "steps": steps, "slide_pages": result.slide_pages}


@dataclass(frozen=True)
class NotesWritten:
    """What :func:`make_notes` verified and wrote, and how long it took."""

    paths: list[Path]
    derivations: int
    steps: int
    seconds: float

    def __str__(self) -> str:
        return (
            f"verified {self.derivations} derivations ({self.steps} steps) in {self.seconds:.1f} s; "
            "wrote " + ", ".join(str(path) for path in self.paths)
        )


def make_notes(
    folder: Path | str,
    example: ConvSpec | None = None,
    topics: tuple[str, ...] | None = None,
    lang: str = "en",
    *,
    pdf: bool = False,
    extra: Sequence[DerivationSource] = (),
) -> NotesWritten:
    """Verify, render and write the notes and slides into ``folder`` (with ``pdf``, compiled too).

    ``topics=None`` is every section. Nothing is written when a derivation fails
    (:class:`~symconv.VerificationError`), when a target was not written by symconv
    (:class:`~symconv.errors.OwnershipError`) or when TeX fails (:class:`~symconv.errors.TeXError`).
    """
    start = time.perf_counter()
    result = build_notes(example, TOPICS if topics is None else tuple(topics), lang, extra)
    paths = write_notes(folder, result, pdf=pdf)
    counts = describe(result)
    return NotesWritten(paths, counts["derivations"], counts["steps"], time.perf_counter() - start)
