"""Users' own derivations: symconv prove PATH, notes --derivations, installed sources (entry points)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from symconv.cli.main import main
from symconv.errors import SpecError
from symconv.proof.sources import SourceError, load

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "examples" / "user_package"
PROOFS = PACKAGE / "my_course" / "proofs.py"


def test_a_file_a_folder_and_a_module(monkeypatch):
    (source,) = load(PROOFS)
    assert source.title == "Stacking convolutions, for my course."
    assert [d.name for d in source.derivations] == ["board-window", "two-layers-one-kernel"]
    assert [s.name for s in load(PROOFS.parent)] == ["proofs"]
    monkeypatch.syspath_prepend(str(PACKAGE))
    (by_module,) = load("my_course.proofs")
    assert [d.name for d in by_module.derivations] == ["board-window", "two-layers-one-kernel"]


def test_prove_a_file_of_ones_own(capsys):
    assert main(["prove", str(PROOFS)]) == 0
    out, err = capsys.readouterr()
    assert "two-layers-one-kernel" in out and "2 of 2 derivations verified" in err


def test_a_wrong_derivation_of_ones_own_fails(tmp_path, capsys):
    wrong = PROOFS.read_text().replace("B[0] * A[1] + B[1] * A[0]", "B[0] * A[1]")
    (tmp_path / "wrong_proofs.py").write_text(wrong)
    assert main(["prove", str(tmp_path / "wrong_proofs.py")]) == 1
    assert "1 of 2 derivations verified" in capsys.readouterr().err


def test_bad_sources_are_one_line_errors(tmp_path, capsys):
    (tmp_path / "broken.py").write_text("raise RuntimeError('oops')\n")
    (tmp_path / "empty.py").write_text("x = 1\n")
    with pytest.raises(SourceError, match="broken.py: RuntimeError: oops"):
        load(tmp_path / "broken.py")
    with pytest.raises(SpecError, match="defines no derivations"):
        load(tmp_path / "empty.py")
    for name, message in (
        ("no_such_module_anywhere", "no derivation, topic, file, folder, installed source or module named"),
        (str(tmp_path / "missing.py"), "no file"),
        (str(tmp_path / "broken.py"), "RuntimeError: oops"),
    ):
        assert main(["prove", name]) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The example package installed (without dependencies) into a folder put on PYTHONPATH."""
    target = tmp_path_factory.mktemp("site")
    command = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation"]
    result = subprocess.run([*command, "--target", str(target), str(PACKAGE)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"could not install the example package: {result.stderr[-2000:]}")
    return {**os.environ, "PYTHONPATH": str(target)}


def symconv(env, *args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "symconv", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=600
    )


def test_an_installed_package_registers_its_derivations(installed, tmp_path):
    listed = symconv(installed, "prove", "--list")
    assert listed.returncode == 0, listed.stderr
    assert "my_course" in listed.stdout and "two-layers-one-kernel" in listed.stdout
    proved = symconv(installed, "prove", "my_course")
    assert proved.returncode == 0 and "2 of 2 derivations verified" in proved.stderr
    notes = symconv(installed, "notes", "-o", str(tmp_path / "out"), "--only", "sizes", "--derivations", "my_course")
    assert notes.returncode == 0, notes.stderr
    tex = (tmp_path / "out" / "symconv-notes.tex").read_text()
    assert r"\section{Stacking convolutions, for my course.}" in tex
    assert "Two layers are one layer" in tex
