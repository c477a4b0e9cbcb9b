import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from symconv.cli.main import main


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


SLIDE_LATEX = r"""\left(\begin{array}{cccccccccccccccc}
W_{0,0} & W_{0,1} & W_{0,2} & 0 & W_{1,0} & W_{1,1} & W_{1,2} & 0 & W_{2,0} & W_{2,1} & W_{2,2} & 0 & 0 & 0 & 0 & 0 \\
0 & W_{0,0} & W_{0,1} & W_{0,2} & 0 & W_{1,0} & W_{1,1} & W_{1,2} & 0 & W_{2,0} & W_{2,1} & W_{2,2} & 0 & 0 & 0 & 0 \\
0 & 0 & 0 & 0 & W_{0,0} & W_{0,1} & W_{0,2} & 0 & W_{1,0} & W_{1,1} & W_{1,2} & 0 & W_{2,0} & W_{2,1} & W_{2,2} & 0 \\
0 & 0 & 0 & 0 & 0 & W_{0,0} & W_{0,1} & W_{0,2} & 0 & W_{1,0} & W_{1,1} & W_{1,2} & 0 & W_{2,0} & W_{2,1} & W_{2,2}
\end{array}\right)
"""


def test_matrix_latex_is_the_slide(capsys):
    assert run(capsys, "matrix", "--input", "4x4", "--kernel", "3x3", "--format", "latex") == (0, SLIDE_LATEX, "")


def test_matrix_text_and_json(capsys):
    status, out, _ = run(capsys, "matrix", "--input", "4x4", "--kernel", "3x3")
    assert status == 0 and out.splitlines()[0].split()[:4] == ["W[0,0]", "W[0,1]", "W[0,2]", "0"]
    status, out, _ = run(
        capsys, "matrix", "--input", "5", "--kernel", "3", "--stride", "2", "--padding", "1", "--format", "json"
    )
    data = json.loads(out)
    assert data["shape"] == [3, 5] and data["spec"]["out_shape"] == [3]
    assert data["entries"][0] == [0, 0, "W[1]"]


def test_im2col_and_cdot(capsys):
    status, out, _ = run(
        capsys, "im2col", "--input", "4", "--kernel", "3", "--padding", "1", "--zero", "cdot", "--format", "latex"
    )
    assert status == 0 and r"\cdot & X_{0}" in out


@pytest.mark.parametrize(
    "argv, words",
    [
        (["matrix", "--input", "4x4", "--kernel", "5x5"], "--kernel: the dilated kernel"),
        (["matrix", "--input", "4x4", "--kernel", "3x3", "--stride", "0"], "--stride: must be positive"),
        (["matrix", "--input", "4x4", "--kernel", "3x3", "--stride", "-2"], "--stride: must be positive"),
        (["matrix", "--input", "4.5", "--kernel", "3"], "--input: must be integers"),
        (["matrix", "--input", "4x4", "--kernel", "3x3", "--padding", "-1"], "--padding: must be non-negative"),
        (["matrix", "--input", "4x4", "--kernel", "3x3x3"], "--kernel: has 3 dimensions"),
        (["matrix", "--input", "100000x100000", "--kernel", "3x3"], "--max-nonzeros"),
        (["matrix", "--input", "4x4", "--kernel", "3x3", "--format", "pdf"], "invalid choice"),
        (["matrix", "--input", "4x4"], "required"),
        (["bogus"], "invalid choice"),
        ([], "required"),
        (["prove", "nothing"], "no derivation, topic, file, folder, installed source or module named 'nothing'"),
        (["prove"], "give NAME"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, argv, words):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_max_nonzeros_can_be_raised(capsys):
    status, _, err = run(capsys, "matrix", "--input", "4x4", "--kernel", "3x3", "--max-nonzeros", "10")
    assert status == 2 and "limit 10" in err
    status, out, _ = run(
        capsys, "matrix", "--input", "40x40", "--kernel", "3x3", "--format", "json", "--max-nonzeros", "20000"
    )
    assert status == 0 and json.loads(out)["nonzeros"] == 38 * 38 * 9


def test_prove_list_and_one(capsys, shared_reports):
    status, out, _ = run(capsys, "prove", "--list")
    assert status == 0 and "seminar-4x4" in out and "conv-matrix-3d" in out
    status, out, err = run(capsys, "prove", "seminar-4x4")
    assert status == 0 and "verified" in out and "1 of 1 derivations verified" in err
    status, out, _ = run(capsys, "prove", "conv-matrix-1d", "--format", "latex")
    assert status == 0 and "\\begin{align*}" in out


def test_prove_exits_1_when_a_step_fails(capsys, monkeypatch):
    import sympy

    from symconv import derivations
    from symconv.proof import EXPAND, Derivation, Step

    x = sympy.Symbol("x")
    broken = Derivation("broken", "broken", "", steps=(Step(x + 1, x, "false", EXPAND),))
    monkeypatch.setattr(derivations, "find", lambda name: [broken])
    status, out, _ = run(capsys, "prove", "broken")
    assert status == 1 and "FAIL" in out


def test_console_script_and_module_agree():
    beside = Path(sys.executable).with_name("symconv")  # the console script of this environment
    exe = str(beside) if beside.exists() else shutil.which("symconv")
    assert exe, "the console script 'symconv' is not installed"
    args = ["matrix", "--input", "4x4", "--kernel", "3x3", "--format", "latex"]
    a = subprocess.run([exe, *args], capture_output=True, text=True, timeout=120)
    b = subprocess.run([sys.executable, "-m", "symconv", *args], capture_output=True, text=True, timeout=120)
    assert a.returncode == b.returncode == 0 and a.stdout == b.stdout == SLIDE_LATEX
    bad = subprocess.run([exe, "matrix", "--input", "4", "--kernel", "9"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_steps_prints_the_seminar_case(capsys):
    status, out, _ = run(capsys, "steps", "--input", "2x2", "--kernel", "3x3", "--stride", "2", "--padding", "1")
    assert status == 0
    assert [line.split(" (")[0] for line in out.splitlines() if " (" in line and not line.startswith("Trans")] == [
        "input",
        "zeros inserted",
        "padded",
        "output",
    ]
    assert "5x5" in out and "Y[0]  0     Y[1]" in out
    status, out, _ = run(
        capsys, "steps", "--input", "2x2", "--kernel", "3x3", "--stride", "2", "--padding", "1", "--format", "latex"
    )
    assert status == 0 and r"\text{zeros inserted:" in out and r"Y_{0} & 0 & Y_{1}" in out


@pytest.mark.parametrize(
    "argv, words",
    [
        (["steps", "--input", "3", "--kernel", "3", "--stride", "2", "--output-padding", "2"], "--output-padding"),
        (["steps", "--input", "3", "--kernel", "3", "--padding", "same"], "--padding"),
        (["steps", "--input", "1", "--kernel", "1", "--padding", "1"], "--padding"),
    ],
)
def test_steps_bad_input(capsys, argv, words):
    status, out, err = run(capsys, *argv)
    assert status == 2 and err.startswith("symconv: " + words) and len(err.splitlines()) == 1


def test_size_numbers_and_dimensions(capsys):
    assert run(capsys, "size", "--input", "4", "--kernel", "3", "--stride", "2")[:2] == (0, "1\n")
    assert run(capsys, "size", "--input", "5x7", "--kernel", "3", "--padding", "1")[:2] == (0, "5x7\n")
    assert run(capsys, "size", "--input", "2", "--kernel", "3", "--stride", "2", "--padding", "1", "--transposed")[
        :2
    ] == (0, "3\n")


def test_size_symbolic_explain_is_the_seminar_derivation(capsys):
    status, out, _ = run(
        capsys, "size", "--input", "h", "--kernel", "q", "--stride", "s", "--padding", "p", "--transposed", "--explain"
    )
    assert status == 0
    assert "h + (h - 1)*(s - 1) = (h - 1)*s + 1" in out  # the seminar's count = the library's recipe, as written
    assert "2*(q - 1 - p) = 2*q - 2 - 2*p" in out  # the total padding, as the seminar writes it
    assert out.strip().endswith("w = -2*p + q + s*(h - 1)")


def test_size_explain_with_numbers(capsys):
    status, out, _ = run(
        capsys,
        "size",
        "--input",
        "2",
        "--kernel",
        "3",
        "--stride",
        "2",
        "--padding",
        "1",
        "--transposed",
        "--explain",
        "--format",
        "latex",
    )
    assert status == 0 and "\\begin{aligned}" in out and "&= 5" in out and out.strip().endswith("3")


@pytest.mark.parametrize(
    "argv, words",
    [
        (["size", "--input", "4.5", "--kernel", "3"], "--input: must be an integer or a symbol"),
        (["size", "--input", "4", "--kernel", "3", "--stride", "-1"], "--stride: must be positive"),
        (
            ["size", "--input", "4", "--kernel", "3", "--stride", "2", "--transposed", "--output-padding", "2"],
            "--output-padding: must be smaller",
        ),
        (
            ["size", "--input", "4", "--kernel", "3", "--output-padding", "1"],
            "--output-padding: only with --transposed",
        ),
        (["size", "--input", "4", "--kernel", "9"], "--kernel: the dilated kernel"),
        (["size", "--input", "4x4", "--kernel", "3x3x3"], "--kernel: has 3 values"),
        (["size", "--input", "h}", "--kernel", "3"], "--input"),
    ],
)
def test_size_bad_input(capsys, argv, words):
    status, out, err = run(capsys, *argv)
    assert status == 2 and words in err and len(err.splitlines()) == 1


def test_names_are_validated_so_nothing_reaches_latex(capsys):
    assert run(capsys, "matrix", "--input", "3", "--kernel", "2", "--name", "theta", "--format", "latex")[1].startswith(
        "\\left(\\begin{array}{ccc}\n\\theta_{0} & \\theta_{1} & 0"
    )
    for option, value in (("--name", r"\input{/etc/passwd}"), ("--input-name", "X}"), ("--name", "W_1")):
        status, out, err = run(
            capsys, "matrix" if option == "--name" else "im2col", "--input", "3", "--kernel", "2", option, value
        )
        assert status == 2 and out == "" and err.startswith(f"symconv: {option}: must be letters and digits")


def test_size_splits_symbols_per_dimension(capsys):
    assert run(capsys, "size", "--input", "hxw", "--kernel", "3", "--padding", "1")[:2] == (0, "w0 = h\nw1 = w\n")
    assert run(capsys, "size", "--input", "hxw", "--kernel", "qxr")[:2] == (0, "w0 = h - q + 1\nw1 = -r + w + 1\n")
    assert run(capsys, "size", "--input", "5xw", "--kernel", "3")[:2] == (0, "w0 = 3\nw1 = w - 2\n")
    assert run(capsys, "size", "--input", "x", "--kernel", "3")[:2] == (0, "w = x - 2\n")  # one name, not a split
    status, out, _ = run(capsys, "size", "--input", "hxw", "--kernel", "q", "--explain")
    assert status == 0 and "dimension 1:" in out and "w + 2*0 = w" in out and "hxw" not in out
    status, _, err = run(capsys, "size", "--input", "hx4}", "--kernel", "3")
    assert status == 2 and err.startswith("symconv: --input: ")


@pytest.mark.parametrize(
    "argv, start",
    [
        (["matrix", "--input", "4x4", "--kernel", "3x3", "--stride", "0"], "symconv: --stride: must be positive"),
        (
            ["matrix", "--input", "4x4", "--kernel", "3x3", "--in-channels", "3", "--groups", "2"],
            "symconv: --in-channels: ",
        ),
        (["im2col", "--input", "4", "--kernel", "3", "--padding", "-1"], "symconv: --padding: must be non-negative"),
        (["im2col", "--input", "3", "--kernel", "2", "--input-name", "X}"], "symconv: --input-name: "),
        (
            ["steps", "--input", "3", "--kernel", "3", "--stride", "2", "--output-padding", "2"],
            "symconv: --output-padding: ",
        ),
        (["steps", "--input", "20", "--kernel", "3", "--max-nonzeros", "5"], "symconv: --input: "),
        (["size", "--input", "4", "--kernel", "9"], "symconv: --kernel: the dilated kernel"),
        (["size", "--input", "4x4", "--kernel", "3", "--stride", "1x1x1"], "symconv: --stride: has 3 values"),
        (["latex", "figure", "--position", "9x9"], "symconv: --position: "),
        (["latex", "bilinear", "--factor", "0"], "symconv: --factor: "),
        (["latex", "matrix", "--transposed"], "symconv: --transposed: only for the figure and size snippets"),
        (["latex", "matrix", "--output-padding", "1"], "symconv: --output-padding: only for the transposed and figure"),
        (["latex", "matrix", "--input", "400x400", "--max-nonzeros", "10"], "symconv: --input: "),
        (
            ["prove", "nothing"],
            "symconv: NAME: no derivation, topic, file, folder, installed source or module named 'nothing' "
            "(see 'symconv prove --list')",
        ),
        (["notes", "-o", "unused", "--only", "nothing"], "symconv: --only: unknown topic"),
        (["notes", "-o", "unused", "--input", "9x9"], "symconv: --input: the worked example"),
    ],
)
def test_every_command_reports_errors_in_one_line_with_options(capsys, argv, start):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == "" and err.startswith(start), err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert not any(word in err for word in ("input_shape", "kernel_shape", "max_nonzeros", "output_padding"))


def test_notes_reports_file_and_tex_errors_in_one_line(capsys, tmp_path, monkeypatch, shared_reports):
    from symconv.notes import build

    a_file = tmp_path / "a-file"
    a_file.write_text("")
    status, _, err = run(capsys, "notes", "-o", str(a_file), "--only", "sizes")
    assert (
        status == 2 and err.startswith("symconv: -o: ") and "is not a directory" in err and len(err.splitlines()) == 1
    )
    monkeypatch.setattr(build.shutil, "which", lambda name: None)
    status, _, err = run(capsys, "notes", "-o", str(tmp_path / "out"), "--only", "sizes", "--pdf")
    assert status == 2 and err.startswith("symconv: TeX is not installed") and len(err.splitlines()) == 1


def test_a_matrix_too_large_to_print_in_full_points_to_json(capsys):
    status, _, err = run(capsys, "matrix", "--input", "60x60", "--kernel", "3x3", "--full")
    assert status == 2 and err.startswith("symconv: matrix: 3364x3600 has more than") and "--format json gives" in err
    assert "without --full" in err


def test_a_large_matrix_prints_by_its_structure(capsys):
    status, out, _ = run(capsys, "matrix", "--input", "60x60", "--kernel", "3x3")
    assert status == 0 and out.startswith("3364x3600 matrix, 30,276 non-zeros; rows 0-1 and 3363 shown")
    assert len(out.splitlines()) == 5 and "W[2,2]" in out.splitlines()[-1]
    status, out, _ = run(capsys, "matrix", "--input", "60x60", "--kernel", "3x3", "--format", "latex")
    assert status == 0 and out.count("\\cdots") >= 6 and "\\ddots" in out and "\\vdots" in out
    status, out, _ = run(capsys, "latex", "matrix", "--input", "20", "--kernel", "3", "--full")
    assert status == 0 and out.count(" \\\\\n") == 17  # 18 rows of 20 cells, every one
    status, out, _ = run(capsys, "latex", "matrix", "--input", "20", "--kernel", "3")
    # without --full the snippet fits an article's width: columns elided, every row's first and last taps kept
    assert status == 0 and "\\cdots" in out and out.count("&") < 17 * 19


@pytest.mark.parametrize("command", ["matrix", "im2col", "steps", "size", "latex", "prove"])
def test_only_the_notes_command_imports_the_notes(command):
    argv = {
        "matrix": ["--input", "3", "--kernel", "2"],
        "im2col": ["--input", "3", "--kernel", "2"],
        "steps": ["--input", "2", "--kernel", "3"],
        "size": ["--input", "h", "--kernel", "3", "--explain"],
        "latex": ["size"],
        "prove": ["--list"],
    }[command]
    code = (
        "import sys\n"
        "from symconv.cli.main import main\n"
        f"status = main({[command, *argv]!r})\n"
        "assert status == 0, status\n"
        "assert not [m for m in sys.modules if m.startswith('symconv.notes')], sorted(sys.modules)\n"
        "assert not [m for m in sys.modules if m.startswith('symconv.cli.') and m not in "
        f"('symconv.cli.main', 'symconv.cli.arguments', 'symconv.cli.{command}')]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
