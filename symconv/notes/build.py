r"""``symconv notes``: verify every derivation, then render and write the article and the slides
atomically, and compile them with TeX when asked.

Nothing is written when a derivation fails (:class:`~symconv.VerificationError`) or when a
target file was not written by symconv (:class:`~symconv.errors.OwnershipError`). With ``pdf``,
the TeX files the chosen language needs are looked up (``kpsewhich``) before anything is
verified, and a missing one is named with the package to install.

TeX itself (the files a language needs, reproducible PDFs, runs until the contents settle) is
:mod:`.tex`.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import OwnershipError, TeXError, VerificationError
from ..files import as_folder, check_writable, write_files
from ..printing.language import words
from ..printing.printer import SeminarLatexPrinter
from ..proof import Derivation, Report
from ..proof.sources import DerivationSource
from ..specs import ConvSpec
from .content import TOPICS, Part, Proof, Unit, seminar
from .render import DocumentInfo, article, slides
from .tex import (
    MAX_RUNS,
    TEX_FILES,
    Progress,
    check_tex,
    compile_pdf,
    no_progress,
    tex_available,
    tex_environment,
)

__all__ = [
    "NotesResult",
    "build_notes",
    "write_notes",
    "compile_pdf",
    "check_tex",
    "tex_available",
    "tex_environment",
    "describe",
    "make_notes",
    "NotesWritten",
    "DocumentInfo",
    "NOTES",
    "SLIDES",
    "MAX_RUNS",
    "TEX_FILES",
    "TeXError",
]

NOTES, SLIDES = "symconv-notes.tex", "symconv-slides.tex"


@dataclass(frozen=True)
class NotesResult:
    """The documents' text, the least number of slide pages (frames times their overlays; long
    frames continue on more pages) and the verification reports."""

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
    *,
    info: DocumentInfo | None = None,
    progress: Progress = no_progress,
    solutions: bool = True,
) -> NotesResult:
    r"""Verify every derivation the documents show, then render both documents (in memory).

    ``extra`` adds sections of your own, one per source (:func:`symconv.proof.sources.load`),
    titled by the source's docstring, after the seminar's; they are verified like the rest.
    ``solutions=False`` leaves out the solutions of the exercises (a handout before the seminar).

    >>> result = build_notes(topics=("sizes",))
    >>> result.notes.splitlines()[1]
    '\\documentclass[11pt,a4paper]{article}'
    """
    words(lang)  # validates the language
    printer = SeminarLatexPrinter()
    parts = seminar(example or ConvSpec((4, 4), (3, 3)), tuple(topics), lang, printer.doprint, solutions=solutions)
    parts += [Part(source.title, tuple(Unit(d.title, (Proof(d),)) for d in source.derivations)) for source in extra]
    derivations = _derivations(parts)
    reports = {}
    for n, derivation in enumerate(derivations, 1):
        progress(f"verifying {len(derivations)} derivations: {n}/{len(derivations)}")
        report = derivation.report()
        if not report.ok:
            raise VerificationError(f"{derivation.name}: {report.failure()}")
        reports[derivation.name] = report
    progress("rendering the notes and the slides")
    text, pages = slides(parts, lang, reports, info)
    return NotesResult(article(parts, lang, reports, info), text, pages, reports)


def _pdf(name: str) -> str:
    return name.replace(".tex", ".pdf")


def _remove_stale(folder: Path) -> tuple[list[Path], list[Path]]:
    """The PDFs symconv wrote earlier beside the ``.tex`` files: removed when unchanged since,
    else left (and returned as such, to be reported as out of date)."""
    removed, left = [], []
    for name in (_pdf(NOTES), _pdf(SLIDES)):
        path = folder / name
        if not path.exists():
            continue
        try:
            check_writable(folder, [name])
        except OwnershipError:
            left.append(path)
            continue
        path.unlink()
        removed.append(path)
    return removed, left


def write_notes(
    folder: Path | str,
    result: NotesResult,
    *,
    pdf: bool = False,
    progress: Progress = no_progress,
    lang: str = "en",
    keep_build: bool = False,
) -> list[Path]:
    """Write the documents (and, with ``pdf``, their PDFs) into ``folder``; returns what was written.

    Without ``pdf``, PDFs symconv wrote there earlier are removed (they no longer match the
    ``.tex`` files) when unchanged since. TeX runs in a temporary build folder, removed
    afterwards; when TeX fails its logs are copied into ``folder`` (the error says where) and the
    build folder is removed unless ``keep_build``.
    """
    folder = as_folder(folder)
    files = {NOTES: result.notes.encode(), SLIDES: result.slides.encode()}
    names = list(files) + ([_pdf(NOTES), _pdf(SLIDES)] if pdf else [])
    check_writable(folder, names)  # before any work with TeX, and before anything is written
    if pdf:
        check_tex(lang)
        build = Path(tempfile.mkdtemp(prefix="symconv-tex-"))
        try:
            for name, data in files.items():
                (build / name).write_bytes(data)
            for name, what in ((NOTES, "the notes"), (SLIDES, "the slides")):
                files[_pdf(name)] = compile_pdf(build / name, build, progress=progress, what=what).read_bytes()
        except TeXError as error:
            raise _failed_build(error, build, folder, keep_build) from None
        shutil.rmtree(build, ignore_errors=True)
    written = write_files(folder, files)
    if not pdf:
        _remove_stale(folder)
    return written


def _failed_build(error: TeXError, build: Path, folder: Path, keep_build: bool) -> TeXError:
    """The error of a failed TeX run, once its logs are copied into ``folder`` (as symconv's own
    files) and, unless ``keep_build``, its build folder removed."""
    logs = {path.name: path.read_bytes() for path in sorted(build.glob("*.log"))}
    reason = str(error).split("; see ")[0]
    try:
        copied = write_files(folder, logs) if logs else []
    except (OSError, OwnershipError) as problem:
        return TeXError(f"{reason}; the log stays in {build} (it could not be copied: {problem})")
    where = f"; see {', '.join(map(str, copied))}" if copied else ""
    if keep_build:
        return TeXError(f"{reason}{where} (build folder kept: {build})")
    shutil.rmtree(build, ignore_errors=True)
    return TeXError(f"{reason}{where}")


def describe(result: NotesResult) -> dict[str, Any]:
    """Counts for the command's summary line."""
    steps = sum(len(r.steps) for r in result.reports.values())
    return {"derivations": len(result.reports), "steps": steps, "slide_pages": result.slide_pages}


@dataclass(frozen=True)
class NotesWritten:
    """What :func:`make_notes` verified and wrote, and how long it took (``removed``: stale
    PDFs deleted; ``stale``: out-of-date PDFs left because symconv did not write them as they are)."""

    paths: list[Path]
    derivations: int
    steps: int
    seconds: float
    removed: list[Path] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)
    #: of ``seconds``, those spent verifying and rendering (the rest: writing and TeX)
    verify_seconds: float | None = None

    def __str__(self) -> str:
        timing = f"{self.seconds:.1f} s"
        if self.verify_seconds is not None and self.seconds - self.verify_seconds >= 0.5:
            timing = f"{self.verify_seconds:.1f} s, with TeX {self.seconds:.1f} s"
        text = f"verified {self.derivations} derivations ({self.steps} steps) in {timing}; wrote " + ", ".join(
            str(path) for path in self.paths
        )
        if self.removed:
            text += "; removed the out-of-date " + ", ".join(str(path) for path in self.removed)
        if self.stale:
            text += "; out of date (not written by symconv as it is, left alone): " + ", ".join(map(str, self.stale))
        return text


def make_notes(
    folder: Path | str,
    example: ConvSpec | None = None,
    topics: tuple[str, ...] | None = None,
    lang: str = "en",
    *,
    pdf: bool = False,
    extra: Sequence[DerivationSource] = (),
    keep_build: bool = False,
    info: DocumentInfo | None = None,
    progress: Progress = no_progress,
    solutions: bool = True,
) -> NotesWritten:
    """Verify, render and write the notes and slides into ``folder`` (with ``pdf``, compiled too).

    ``topics=None`` is every section. Nothing is written when a derivation fails
    (:class:`~symconv.VerificationError`), when a target was not written by symconv
    (:class:`~symconv.errors.OwnershipError`) or when TeX fails (:class:`~symconv.errors.TeXError`);
    with ``pdf``, a missing TeX package is reported before anything is verified.
    ``solutions=False`` leaves out the solutions of the exercises (a handout before the seminar).
    """
    start = time.perf_counter()
    as_folder(folder)  # an empty name is refused before any work
    words(lang)
    targets = [NOTES, SLIDES] + ([_pdf(NOTES), _pdf(SLIDES)] if pdf else [])
    check_writable(Path(folder), targets)  # before any work: the folder, the files symconv may replace
    if pdf:
        check_tex(lang)
    chosen = TOPICS if topics is None else tuple(topics)
    result = build_notes(example, chosen, lang, extra, info=info, progress=progress, solutions=solutions)
    verified = time.perf_counter() - start
    folder = Path(folder)
    stale_before = [folder / _pdf(name) for name in (NOTES, SLIDES) if (folder / _pdf(name)).exists()]
    paths = write_notes(folder, result, pdf=pdf, progress=progress, lang=lang, keep_build=keep_build)
    counts = describe(result)
    removed = [path for path in stale_before if not path.exists()] if not pdf else []
    stale = [path for path in stale_before if path.exists()] if not pdf else []
    return NotesWritten(
        paths,
        counts["derivations"],
        counts["steps"],
        time.perf_counter() - start,
        removed=removed,
        stale=stale,
        verify_seconds=verified,
    )
