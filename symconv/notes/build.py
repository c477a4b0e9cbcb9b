r"""``symconv notes``: verify every derivation, then render and write the article and the slides
atomically, and compile them with TeX when asked.

Nothing is written when a derivation fails (:class:`~symconv.VerificationError`) or when a
target file was not written by symconv (:class:`~symconv.errors.OwnershipError`). With ``pdf``,
the TeX files the chosen language needs are looked up (``kpsewhich``) before anything is
verified, and a missing one is named with the package to install.

TeX runs ``pdflatex`` until its auxiliary files (``.aux``, ``.toc``, ``.nav``) stop changing, at
most :data:`MAX_RUNS` times, so the contents and the references are right; with
``SOURCE_DATE_EPOCH`` (the start of today, UTC, unless the user set it) and ``\pdftrailerid{}``
two runs give byte-identical PDFs.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import OwnershipError, TeXError, VerificationError
from ..files import check_writable, write_files
from ..printing.language import words
from ..printing.printer import SeminarLatexPrinter
from ..proof import Derivation, Report
from ..specs import ConvSpec
from .content import TOPICS, Part, Proof, seminar
from .render import DocumentInfo, article, slides

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
#: At most this many ``pdflatex`` runs per document (the auxiliary files settle in two or three).
MAX_RUNS = 4
#: The auxiliary files whose contents the next run reads (contents, references, beamer's navigation).
_AUXILIARY = (".aux", ".toc", ".nav", ".snm", ".out")

#: A file each language needs from TeX, the Debian/Ubuntu package and the TeX Live package that have it.
TEX_FILES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "en": (
        ("amsmath.sty", "texlive-latex-base", "amsmath"),
        ("geometry.sty", "texlive-latex-base", "geometry"),
        ("english.ldf", "texlive-latex-base", "babel-english"),
        ("beamer.cls", "texlive-latex-recommended", "beamer"),
        ("tikz.sty", "texlive-pictures", "pgf"),
    ),
}
TEX_FILES["ru"] = TEX_FILES["en"] + (
    ("t2aenc.def", "texlive-lang-cyrillic", "cyrillic"),
    ("russianb.ldf", "texlive-lang-cyrillic", "babel-russian"),
    ("cm-super-t2a.enc", "cm-super", "cm-super"),
)

#: Reports progress: one short line (``verifying 35 derivations: 12/35``).
Progress = Callable[[str], None]


def _quiet(message: str) -> None:
    """No progress report."""


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
    *,
    info: DocumentInfo | None = None,
    progress: Progress = _quiet,
) -> NotesResult:
    r"""Verify every derivation the documents show, then render both documents (in memory).

    >>> result = build_notes(topics=("sizes",))
    >>> result.notes.splitlines()[1]
    '\\documentclass[11pt,a4paper]{article}'
    """
    words(lang)  # validates the language
    printer = SeminarLatexPrinter()
    parts = seminar(example or ConvSpec((4, 4), (3, 3)), tuple(topics), lang, printer.doprint)
    derivations = _derivations(parts)
    reports = {}
    for n, derivation in enumerate(derivations, 1):
        progress(f"verifying {len(derivations)} derivations: {n}/{len(derivations)}")
        report = derivation.check()
        if not report.ok:
            raise VerificationError(f"{derivation.name}: {report.failure()}")
        reports[derivation.name] = report
    progress("rendering the notes and the slides")
    text, pages = slides(parts, lang, reports, info)
    return NotesResult(article(parts, lang, reports, info), text, pages, reports)


def tex_available() -> str | None:
    """``pdflatex`` if installed."""
    return shutil.which("pdflatex")


def check_tex(lang: str = "en") -> str:
    """``pdflatex``'s path, once the files ``lang``'s documents need are found (``kpsewhich``);
    else a :class:`TeXError` naming the packages to install."""
    needed = TEX_FILES[lang] if lang in TEX_FILES else TEX_FILES["en"]
    tool, kpsewhich = tex_available(), shutil.which("kpsewhich")
    if tool is None or kpsewhich is None:
        packages = sorted({package for _, package, _ in needed})
        raise TeXError(
            "TeX is not installed (Debian/Ubuntu: apt-get install " + " ".join(packages) + "; macOS: brew install "
            "--cask mactex)"
        )
    found = subprocess.run(
        [kpsewhich, *(name for name, _, _ in needed)], capture_output=True, text=True, timeout=60, check=False
    ).stdout.split()
    present = {Path(path).name for path in found}
    missing = [entry for entry in needed if entry[0] not in present]
    if missing:
        names = ", ".join(name for name, _, _ in missing)
        debian = " ".join(sorted({package for _, package, _ in missing}))
        texlive = " ".join(sorted({package for _, _, package in missing}))
        raise TeXError(
            f"TeX cannot typeset the {lang!r} documents: {names} not found "
            f"(Debian/Ubuntu: apt-get install {debian}; TeX Live: tlmgr install {texlive})"
        )
    return tool


def tex_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment TeX runs in: ``SOURCE_DATE_EPOCH`` (the start of today, UTC, so that
    ``\\today`` is today) and ``FORCE_SOURCE_DATE=1`` unless already set, so that two runs on
    a day give byte-identical PDFs.

    >>> tex_environment({"SOURCE_DATE_EPOCH": "0"})["FORCE_SOURCE_DATE"]
    '1'
    """
    env = dict(os.environ if base is None else base)
    if not env.get("SOURCE_DATE_EPOCH"):
        today = date.today()
        midnight = datetime(today.year, today.month, today.day, tzinfo=timezone.utc)
        env["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    env.setdefault("FORCE_SOURCE_DATE", "1")
    return env


def _auxiliary_digest(tex: Path, build: Path) -> str:
    digest = hashlib.sha256()
    for suffix in _AUXILIARY:
        path = build / tex.with_suffix(suffix).name
        digest.update(suffix.encode() + (path.read_bytes() if path.exists() else b"-"))
    return digest.hexdigest()


def compile_pdf(tex: Path, build: Path, *, progress: Progress = _quiet, what: str | None = None) -> Path:
    """Compile ``tex`` in ``build`` with ``pdflatex -no-shell-escape``, run again until the
    auxiliary files stop changing (at most :data:`MAX_RUNS` runs).

    Errors, undefined references and contents that do not settle raise :class:`TeXError`.
    """
    tool = tex_available()
    if tool is None:
        check_tex()  # raises the message naming the packages
        raise TeXError("pdflatex is not installed")
    command = [tool, "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", tex.name]
    log = build / tex.with_suffix(".log").name
    env = tex_environment()
    previous = _auxiliary_digest(tex, build)
    for run in range(1, MAX_RUNS + 1):
        progress(f"compiling {what or tex.name} (pdflatex run {run})")
        result = subprocess.run(command, cwd=build, capture_output=True, text=True, timeout=600, env=env)
        if result.returncode != 0:
            raise TeXError(f"{tex.name} did not compile; see {log}")
        current = _auxiliary_digest(tex, build)
        text = log.read_text(errors="replace")
        settled = current == previous and "Rerun to get" not in text and "may have changed" not in text
        previous = current
        if run > 1 and settled:
            break
    else:
        raise TeXError(f"{tex.name}: the contents did not settle after {MAX_RUNS} pdflatex runs; see {log}")
    if "undefined" in text and ("Reference" in text or "Citation" in text):
        raise TeXError(f"{tex.name} has undefined references; see {log}")
    return build / tex.with_suffix(".pdf").name


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
    folder: Path | str, result: NotesResult, *, pdf: bool = False, progress: Progress = _quiet, lang: str = "en"
) -> list[Path]:
    """Write the documents (and, with ``pdf``, their PDFs) into ``folder``; returns what was written.

    Without ``pdf``, PDFs symconv wrote there earlier are removed (they no longer match the
    ``.tex`` files) when unchanged since.
    """
    folder = Path(folder)
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
        finally:
            shutil.rmtree(build, ignore_errors=True)
    written = write_files(folder, files)
    if not pdf:
        _remove_stale(folder)
    return written


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
    info: DocumentInfo | None = None,
    progress: Progress = _quiet,
) -> NotesWritten:
    """Verify, render and write the notes and slides into ``folder`` (with ``pdf``, compiled too).

    ``topics=None`` is every section. Nothing is written when a derivation fails
    (:class:`~symconv.VerificationError`), when a target was not written by symconv
    (:class:`~symconv.errors.OwnershipError`) or when TeX fails (:class:`~symconv.errors.TeXError`);
    with ``pdf``, a missing TeX package is reported before anything is verified.
    """
    start = time.perf_counter()
    words(lang)
    targets = [NOTES, SLIDES] + ([_pdf(NOTES), _pdf(SLIDES)] if pdf else [])
    check_writable(Path(folder), targets)  # before any work: the folder, the files symconv may replace
    if pdf:
        check_tex(lang)
    result = build_notes(example, TOPICS if topics is None else tuple(topics), lang, info=info, progress=progress)
    verified = time.perf_counter() - start
    folder = Path(folder)
    stale_before = [folder / _pdf(name) for name in (NOTES, SLIDES) if (folder / _pdf(name)).exists()]
    paths = write_notes(folder, result, pdf=pdf, progress=progress, lang=lang)
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
