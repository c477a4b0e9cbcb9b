"""Writes that survive a crash at any point, and file-system errors reported in one line.

The kill test ends a writer at every point of its write phase (``symconv.files.STEP_HOOK`` calls
``os._exit``, as a SIGKILL would: no cleanup runs), then the next run must succeed, leave the
folder consistent, and change no file that is not symconv's."""

import errno
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import symconv.files as files
from symconv.cli.main import main
from symconv.errors import OwnershipError, SpecError
from symconv.files import MANIFEST, check_writable, remove_stale, write_files
from symconv.notes.build import NOTES, SLIDES, build_notes, write_notes

#: Files beside symconv's that no run may touch, look-alikes of its temporaries included.
FOREIGN = {
    "my-notes.tex": b"% mine",
    ".symconv-foreign.abcdefgh.tmp": b"not symconv's: not a name it writes",
    ".symconv-symconv-notes.tex.tmp": b"no random part: not one of its temporaries",
    "symconv-notes.tex.bak": b"a backup",
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}


def consistent(folder: Path, expected: dict[str, bytes]) -> None:
    """The folder holds ``expected`` and the foreign files, a manifest of exactly their hashes, nothing else."""
    state = snapshot(folder)
    manifest = json.loads(state.pop(MANIFEST))
    assert manifest["pending"] == {}
    assert manifest["files"] == {name: hashlib.sha256(data).hexdigest() for name, data in expected.items()}
    assert state == {**FOREIGN, **expected}


@pytest.fixture(scope="module")
def documents():
    """Two different versions of the notes (English and Russian sizes section), built once."""
    return build_notes(topics=("sizes",), lang="en"), build_notes(topics=("sizes",), lang="ru")


def texts(result):
    return {NOTES: result.notes.encode(), SLIDES: result.slides.encode()}


def points(folder, result):
    """Every point of the write phase: the hook's calls in a run that is not killed."""
    seen = []
    files.STEP_HOOK = lambda step, path: seen.append((step, path.name))
    try:
        write_notes(folder, result)
    finally:
        files.STEP_HOOK = None
    return seen


def killed_at(folder: Path, result, point: int) -> None:
    """Run the write phase in a forked process that ends (os._exit) at the ``point``-th step."""
    pid = os.fork()
    if pid == 0:  # the child: no cleanup, no exception handlers, as a SIGKILL
        count = [0]

        def hook(step, path):
            count[0] += 1
            if count[0] == point:
                os._exit(77)

        files.STEP_HOOK = hook
        try:
            write_notes(folder, result)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 77, f"the child was not stopped at point {point}"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_kill_at_every_point_of_the_write_phase_is_repaired_by_the_next_run(tmp_path, documents):
    old, new = documents
    template = tmp_path / "template"
    template.mkdir()
    for name, data in FOREIGN.items():
        (template / name).write_bytes(data)
    write_notes(template, old)
    steps = points(tmp_path / "probe", new)
    assert [step for step, _ in steps].count("rename") == 4 and len(steps) == 16, steps
    for point in range(1, len(steps) + 1):
        for rerun in (new, old):  # the next run writes what was being written, or something else
            folder = tmp_path / f"at-{point}-{'new' if rerun is new else 'old'}"
            subprocess.run(["cp", "-a", str(template), str(folder)], check=True)
            killed_at(folder, new, point)
            after_kill = snapshot(folder)
            assert {name: after_kill[name] for name in FOREIGN} == FOREIGN
            assert after_kill[NOTES] in (texts(old)[NOTES], texts(new)[NOTES])
            check_writable(folder, [NOTES, SLIDES])  # the next run accepts the folder as it was left
            write_notes(folder, rerun)
            consistent(folder, texts(rerun))


@pytest.mark.slow
@pytest.mark.parametrize("point", range(1, 17))
def test_killing_a_real_symconv_notes_process(tmp_path, point):
    """The console command itself, in its own process, killed at each point of its write phase."""
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, data in FOREIGN.items():
        (folder / name).write_bytes(data)
    assert main(["notes", "-o", str(folder), "--only", "sizes"]) == 0
    code = (
        "import os, sys\n"
        "import symconv.files as files\n"
        "from symconv.cli.main import main\n"
        "count = [0]\n"
        "def hook(step, path):\n"
        "    count[0] += 1\n"
        f"    if count[0] == {point}:\n"
        "        os.kill(os.getpid(), 9)\n"
        "files.STEP_HOOK = hook\n"
        f"sys.exit(main(['notes', '-o', {str(folder)!r}, '--only', 'sizes', '--lang', 'ru']))\n"
    )
    killed = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=600)
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert {name: (folder / name).read_bytes() for name in FOREIGN} == FOREIGN
    rerun = subprocess.run(
        [sys.executable, "-m", "symconv", "notes", "-o", str(folder), "--only", "sizes"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert rerun.returncode == 0, rerun.stderr
    state = snapshot(folder)
    consistent(folder, {NOTES: state[NOTES], SLIDES: state[SLIDES]})


def test_stale_temporaries_are_removed_and_nothing_else(tmp_path):
    write_files(tmp_path, {"a.tex": b"one"})
    for name, data in FOREIGN.items():
        (tmp_path / name).write_bytes(data)
    stale = [tmp_path / ".symconv-a.tex.k3j_9xz0.tmp", tmp_path / ".symconv-manifest.json.abcdefgh.tmp"]
    for path in stale:
        path.write_bytes(b"left by a killed run")
    assert sorted(remove_stale(tmp_path, ["a.tex"])) == sorted(stale)
    write_files(tmp_path, {"a.tex": b"two"})
    assert snapshot(tmp_path) == {**FOREIGN, "a.tex": b"two", MANIFEST: (tmp_path / MANIFEST).read_bytes()}


def test_the_old_manifest_format_is_read_and_rewritten(tmp_path):
    (tmp_path / "a.tex").write_bytes(b"one")
    (tmp_path / MANIFEST).write_text(json.dumps({"a.tex": hashlib.sha256(b"one").hexdigest()}))
    write_files(tmp_path, {"a.tex": b"two"})
    assert json.loads((tmp_path / MANIFEST).read_text())["files"]["a.tex"] == hashlib.sha256(b"two").hexdigest()


def test_files_get_the_usual_permissions(tmp_path):
    mask = os.umask(0o022)
    try:
        write_files(tmp_path, {"a.tex": b"one"})
    finally:
        os.umask(mask)
    assert (tmp_path / "a.tex").stat().st_mode & 0o777 == 0o644


def cli_error(capsys, argv):
    """The one error line of a failing command (``notes`` prints its progress on stderr before it)."""
    if argv[0] == "notes":
        argv = [*argv, "--quiet"]
    status = main(argv)
    out, err = capsys.readouterr()
    assert status == 2 and len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


def test_a_directory_or_a_manifest_directory_in_the_way_is_refused_before_writing(tmp_path, capsys):
    (tmp_path / NOTES).mkdir()
    err = cli_error(capsys, ["notes", "-o", str(tmp_path), "--only", "sizes"])
    assert str(tmp_path / NOTES) in err and "not a regular file" in err
    assert [p.name for p in tmp_path.iterdir()] == [NOTES]
    other = tmp_path / "other"
    (other / MANIFEST).mkdir(parents=True)
    err = cli_error(capsys, ["notes", "-o", str(other), "--only", "sizes"])
    assert str(other / MANIFEST) in err and [p.name for p in other.iterdir()] == [MANIFEST]
    with pytest.raises(OwnershipError):  # the library refuses before writing anything
        write_files(other, {"x.tex": b"", "y.tex": b""})
    assert [p.name for p in other.iterdir()] == [MANIFEST]


@pytest.mark.parametrize(
    "failure, words",
    [
        (PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
        (OSError(errno.EROFS, "Read-only file system"), "Read-only file system"),
    ],
)
def test_os_errors_are_one_line_naming_the_path(tmp_path, capsys, monkeypatch, failure, words):
    def refuse(*args, **kwargs):
        failure.filename = kwargs.get("dir") or str(tmp_path / "out")
        raise failure

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    err = cli_error(capsys, ["notes", "-o", str(tmp_path / "out"), "--only", "sizes"])
    assert err.startswith(f"symconv: {tmp_path / 'out'}") and words in err
    assert not any((tmp_path / "out").iterdir())


def test_a_file_as_parent_and_an_empty_folder_name(tmp_path, capsys):
    (tmp_path / "file").write_text("")
    err = cli_error(capsys, ["notes", "-o", str(tmp_path / "file" / "sub"), "--only", "sizes"])
    assert str(tmp_path / "file") in err
    err = cli_error(capsys, ["notes", "-o", "", "--only", "sizes"])
    assert err.startswith("symconv: -o: must name a directory")
    with pytest.raises(SpecError, match="^folder: "):
        write_files("", {"a.tex": b""})


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder(tmp_path, capsys):
    tmp_path.chmod(0o500)
    try:
        err = cli_error(capsys, ["notes", "-o", str(tmp_path), "--only", "sizes"])
    finally:
        tmp_path.chmod(0o700)
    assert str(tmp_path) in err and not any(tmp_path.iterdir())


@pytest.mark.parametrize("keep", [False, True])
def test_a_failed_tex_run_leaves_its_log_in_the_folder_and_no_build_folder(tmp_path, documents, monkeypatch, keep):
    from symconv.errors import TeXError
    from symconv.notes import build

    builds = []

    def failing(tex, folder, **options):
        builds.append(folder)
        (folder / tex.with_suffix(".log").name).write_text("! Undefined control sequence.")
        raise TeXError(f"{tex.name} did not compile; see {folder / tex.with_suffix('.log').name}")

    monkeypatch.setattr(build, "check_tex", lambda lang: None)  # TeX present, as far as the run knows
    monkeypatch.setattr(build, "compile_pdf", failing)
    with pytest.raises(TeXError) as info:
        write_notes(tmp_path / "out", documents[0], pdf=True, keep_build=keep)
    log = tmp_path / "out" / "symconv-notes.log"
    assert str(log) in str(info.value) and log.read_text() == "! Undefined control sequence."
    assert builds[0].exists() == keep and (str(builds[0]) in str(info.value)) == keep
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [MANIFEST, "symconv-notes.log"]
    if keep:
        import shutil

        shutil.rmtree(builds[0])
