r"""TeX for the notes: the files each language needs (looked up before any work), an environment
that makes PDFs reproducible, and ``pdflatex`` run until the contents settle.

- :func:`check_tex`: ``pdflatex`` and, with ``kpsewhich``, every file the language needs; a missing
  one is named with its Debian and TeX Live package;
- :func:`tex_environment`: ``SOURCE_DATE_EPOCH`` (the start of today, UTC, unless the user set it)
  and ``FORCE_SOURCE_DATE=1``; with ``\pdftrailerid{}`` in the documents, two runs on a day give
  byte-identical PDFs;
- :func:`compile_pdf`: ``pdflatex -no-shell-escape`` until the auxiliary files (``.aux``, ``.toc``,
  ``.nav``) stop changing, at most :data:`MAX_RUNS` runs, so the contents and references are right
  without ``latexmk``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path

from ..errors import TeXError

__all__ = [
    "check_tex",
    "tex_available",
    "tex_environment",
    "compile_pdf",
    "no_progress",
    "MAX_RUNS",
    "TEX_FILES",
    "Progress",
]

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


def no_progress(message: str) -> None:
    """No progress report."""


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


def compile_pdf(tex: Path, build: Path, *, progress: Progress = no_progress, what: str | None = None) -> Path:
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
        # TeX's terminal output is bytes in the fonts' encodings (T2A for Russian), not UTF-8: kept as bytes
        result = subprocess.run(command, cwd=build, capture_output=True, timeout=600, env=env)
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
