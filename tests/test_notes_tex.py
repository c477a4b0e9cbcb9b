"""symconv notes with TeX: every page and frame fits, the contents are right without latexmk, two
runs give the same bytes, a missing package is named before any work, stale PDFs go."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from symconv import ConvSpec
from symconv.cli.main import main
from symconv.files import write_files
from symconv.notes import build as notes_build
from symconv.notes import tex as notes_tex
from symconv.notes.build import NOTES, SLIDES, DocumentInfo, build_notes, compile_pdf, make_notes, write_notes

needs_tex = pytest.mark.skipif(
    shutil.which("pdflatex") is None or shutil.which("pdftotext") is None or shutil.which("kpsewhich") is None,
    reason="TeX (pdflatex) and poppler-utils are not installed",
)
needs_cyrillic = pytest.mark.skipif(
    shutil.which("kpsewhich") is None
    or subprocess.run(["kpsewhich", "t2aenc.def"], capture_output=True).returncode != 0,
    reason="the Cyrillic TeX packages (texlive-lang-cyrillic, cm-super) are not installed",
)

PDFTOTEXT = shutil.which("pdftotext")
#: An Overfull \hbox up to this wide is below what the eye sees (TeX's own \hfuzz is 0.1 pt).
HBOX_TOLERANCE = 1.0


def overfull(log: str) -> list[str]:
    r"""The boxes that do not fit: every ``Overfull \vbox`` (a frame or page run off the bottom)
    and every ``Overfull \hbox`` wider than the tolerance."""
    found = []
    for match in re.finditer(r"Overfull \\([hv])box \((\d+\.\d+)pt too (wide|high)\)[^\n]*", log):
        if match.group(1) == "v" or float(match.group(2)) > HBOX_TOLERANCE:
            found.append(match.group(0))
    return found


def test_the_log_parser_finds_what_does_not_fit():
    log = (
        "Overfull \\hbox (0.5pt too wide) in paragraph at lines 1--1\n"
        "Overfull \\hbox (12.3pt too wide) in paragraph at lines 7--7\n"
        "Overfull \\vbox (3.1pt too high) detected at line 9\n"
    )
    assert len(overfull(log)) == 2 and "12.3pt" in overfull(log)[0] and "vbox" in overfull(log)[1]
    assert overfull("Underfull \\hbox (badness 10000)") == []


def compile_both(folder: Path, result) -> dict[str, str]:
    """Compile the article and the slides in ``folder`` (one pdflatex run each: the boxes' sizes do
    not depend on the auxiliary files); their logs."""
    logs = {}
    for name, text in ((NOTES, result.notes), (SLIDES, result.slides)):
        (folder / name).write_text(text)
        command = ["pdflatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", name]
        run = subprocess.run(command, cwd=folder, capture_output=True, timeout=900)  # bytes: T2A is not UTF-8
        assert run.returncode == 0, run.stdout[-3000:].decode(errors="replace")
        logs[name] = (folder / name.replace(".tex", ".log")).read_text(errors="replace")
    return logs


def assert_fits(folder: Path, result) -> None:
    logs = compile_both(folder, result)
    problems = {name: overfull(log) for name, log in logs.items() if overfull(log)}
    assert problems == {}


@needs_tex
@pytest.mark.slow  # the fast suite keeps the compilations of test_contents_are_right_...; every spec fits: below
def test_every_frame_and_page_fits_transposed_english(tmp_path):
    """The fast suite's log test: the section with the most pictures (the transposed convolution's
    overlays, T4's matrices, T5's three cases), in English."""
    assert_fits(tmp_path, build_notes(topics=("transposed",)))


#: The specs of the issue: the default notes and three other worked examples.
SPECS = {
    "default": None,
    "5x5-s2-p1": ConvSpec((5, 5), (3, 3), stride=2, padding=1),
    "7-q4-s3": ConvSpec(7, 4, stride=3),
    "6x6-q2-s2": ConvSpec((6, 6), (2, 2), stride=2),
}


@needs_tex
@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", pytest.param("ru", marks=needs_cyrillic)])
@pytest.mark.parametrize("name", list(SPECS))
def test_every_frame_and_page_fits(tmp_path, name, lang):
    assert_fits(tmp_path, build_notes(SPECS[name], lang=lang))


def _page_texts(pdf: Path) -> list[str]:
    command = [PDFTOTEXT or "pdftotext", "-layout", str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.split("\f")


def _path_without_latexmk(tmp_path: Path) -> str:
    """A PATH with TeX's programs (pdflatex, kpsewhich, the font generators) but no latexmk."""
    tools = tmp_path / "bin"
    tools.mkdir()
    folder = Path(shutil.which("pdflatex") or "").resolve().parent
    for program in folder.iterdir():
        if program.name != "latexmk":
            os.symlink(program, tools / program.name)
    return str(tools)


@needs_tex
def test_contents_are_right_without_latexmk_and_two_runs_give_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("FORCE_SOURCE_DATE", raising=False)
    result = build_notes(topics=("sizes", "bilinear"))
    monkeypatch.setenv("PATH", _path_without_latexmk(tmp_path))
    assert shutil.which("latexmk") is None
    pdfs = []
    for folder in (tmp_path / "a", tmp_path / "b"):  # two builds, in folders of different names
        folder.mkdir()
        (folder / NOTES).write_text(result.notes)
        pdfs.append(compile_pdf(folder / NOTES, folder))
    assert pdfs[0].read_bytes() == pdfs[1].read_bytes()
    pages = _page_texts(pdfs[0])
    entries = re.findall(r"^\s*(\d) +(\S[^\n]*?)[ .]+(\d+)\s*$", pages[0], re.MULTILINE)
    assert len(entries) == 3  # two sections and the solutions
    for number, title, page in entries:
        # the heading alone on its line (the contents' line ends with the page number)
        heading = re.compile(rf"^\s*{number}\s+{re.escape(title.strip())}\s*$", re.MULTILINE)
        where = [n + 1 for n, text in enumerate(pages) if heading.search(text)]
        assert where == [int(page)], (number, title, page, where)


def test_compile_runs_until_the_auxiliary_files_settle(tmp_path, monkeypatch):
    """Without TeX: a fake pdflatex whose .toc changes on the first two runs is run three times."""
    runs = []

    def fake_run(command, cwd, **kwargs):
        runs.append(command)
        (Path(cwd) / "x.toc").write_text(str(min(len(runs), 2)))
        (Path(cwd) / "x.log").write_text("fine")
        (Path(cwd) / "x.pdf").write_bytes(b"%PDF")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(notes_tex, "tex_available", lambda: "/usr/bin/pdflatex")
    monkeypatch.setattr(notes_tex.subprocess, "run", fake_run)
    (tmp_path / "x.tex").write_text("")
    compile_pdf(tmp_path / "x.tex", tmp_path)
    assert len(runs) == 3  # run 2 changed the .toc, run 3 did not

    def never_settles(command, cwd, **kwargs):
        runs.append(command)
        (Path(cwd) / "x.aux").write_text(str(len(runs)))
        (Path(cwd) / "x.log").write_text("fine")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(notes_tex.subprocess, "run", never_settles)
    with pytest.raises(notes_tex.TeXError, match="did not settle"):
        compile_pdf(tmp_path / "x.tex", tmp_path)


def test_missing_cyrillic_is_named_before_any_work(tmp_path, monkeypatch, capsys):
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "pdflatex").write_text("#!/bin/sh\nexit 1\n")
    # a kpsewhich that finds every file but the Cyrillic ones
    (tools / "kpsewhich").write_text(
        '#!/bin/sh\nfor f in "$@"; do case "$f" in t2aenc.def|russianb.ldf|cm-super-t2a.enc) ;; '
        '*) echo "/texmf/$f";; esac; done\n'
    )
    for tool in tools.iterdir():
        tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tools))

    def verify(*args, **kwargs):
        raise AssertionError("verification started before TeX was checked")

    monkeypatch.setattr(notes_build, "build_notes", verify)
    assert main(["notes", "-o", str(tmp_path / "out"), "--lang", "ru", "--pdf", "-q"]) == 2
    err = capsys.readouterr().err
    assert "t2aenc.def" in err and "texlive-lang-cyrillic" in err and "cm-super" in err
    assert not (tmp_path / "out").exists()
    # English needs none of them
    assert notes_build.check_tex("en").endswith("pdflatex")


def test_stale_pdfs_are_removed_and_foreign_ones_reported(tmp_path, capsys):
    write_files(tmp_path, {"symconv-notes.pdf": b"%PDF old notes"})
    (tmp_path / "symconv-slides.pdf").write_bytes(b"%PDF made by hand")
    assert main(["notes", "-o", str(tmp_path), "--only", "sizes", "-q"]) == 0
    out = capsys.readouterr().out
    assert not (tmp_path / "symconv-notes.pdf").exists() and "removed the out-of-date" in out
    assert (tmp_path / "symconv-slides.pdf").read_bytes() == b"%PDF made by hand" and "out of date" in out


@pytest.fixture(scope="module")
def sizes():
    return build_notes(topics=("sizes",))


def test_files_are_readable_by_others_as_the_umask_says(tmp_path, sizes):
    old = os.umask(0o022)
    try:
        write_notes(tmp_path / "a", sizes)
        assert (tmp_path / "a" / NOTES).stat().st_mode & 0o777 == 0o644
        os.umask(0o077)
        write_files(tmp_path / "b", {"x.tex": b"x"})
        assert (tmp_path / "b" / "x.tex").stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_document_options(tmp_path, sizes):
    for text in (sizes.notes, sizes.slides):
        assert "\\author{Generated" not in text and "\\author{Сгенерировано" not in text
        assert "\\author{}" in text and "\\date{\\today}" in text
    info = DocumentInfo(title="Svertki & co", author="A. Lecturer", date="1 May 2026", institute="HSE")
    chosen = build_notes(topics=("sizes",), lang="ru", info=info)
    for text in (chosen.notes, chosen.slides):
        assert "\\title{Svertki \\& co}" in text and "A. Lecturer" in text and "\\date{1 May 2026}" in text
        assert "HSE" in text


def test_progress_lines(tmp_path):
    lines: list[str] = []
    written = make_notes(tmp_path, topics=("sizes",), progress=lines.append)
    count = written.derivations
    assert lines[0] == f"verifying {count} derivations: 1/{count}"
    assert lines[: count + 1] == [f"verifying {count} derivations: {n}/{count}" for n in range(1, count + 1)] + [
        "rendering the notes and the slides"
    ]


def test_cli_progress_on_stderr_and_quiet(tmp_path, capsys):
    assert main(["notes", "-o", str(tmp_path / "a"), "--only", "sizes"]) == 0
    assert "verifying" in capsys.readouterr().err
    assert main(["notes", "-o", str(tmp_path / "b"), "--only", "sizes", "-q", "--author", "Me"]) == 0
    assert capsys.readouterr().err == ""
    assert "\\author{Me}" in (tmp_path / "b" / NOTES).read_text()


@needs_tex
@needs_cyrillic
def test_tex_output_in_t2a_bytes_is_not_decoded_as_utf8(tmp_path):
    """pdflatex echoes Russian text (an overfull line here) in the font's 8-bit encoding."""
    (tmp_path / "ru.tex").write_text(
        "\\documentclass{article}\\usepackage[T2A]{fontenc}\\usepackage[utf8]{inputenc}"
        "\\usepackage[russian]{babel}\\begin{document}\\hbox to 1cm{Скользящее окно}\\end{document}\n",
        encoding="utf-8",
    )
    assert compile_pdf(tmp_path / "ru.tex", tmp_path).exists()
