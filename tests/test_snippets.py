"""LaTeX snippets: one builder per name, chosen from a table."""

import re
import shutil
import subprocess

import pytest

from symconv import SpecError
from symconv.snippets import SNIPPETS, SnippetRequest, latex_snippet


def test_every_snippet_builds_for_the_defaults():
    for name, build in SNIPPETS.items():
        assert build(SnippetRequest()).strip(), name
        assert latex_snippet(name) == build(SnippetRequest())


def test_options_reach_the_builders():
    assert r"\cdot" in latex_snippet("matrix", zero=r"\cdot")
    assert "output $6 \\times 6$" in latex_snippet("figure", (2, 2), 3, stride=2, output_padding=1, transposed=True)
    assert latex_snippet("size", transposed=True) != latex_snippet("size")
    assert r"\frac{1}{3}" in latex_snippet("bilinear", factor=3)


@pytest.mark.parametrize(
    "call, start",
    [
        (lambda: latex_snippet("nothing"), "what: must be one of matrix, im2col"),
        (lambda: latex_snippet("matrix", transposed=True), "transposed: only for the figure and size snippets"),
        (lambda: latex_snippet("im2col", output_padding=1), "output_padding: is only for a transposed convolution"),
        (lambda: latex_snippet("figure", position=(9, 9)), "position: must be an output position"),
        (lambda: latex_snippet("matrix", (40, 40), max_nonzeros=10), "input_shape: the matrix would have"),
    ],
)
def test_bad_requests_name_the_parameter(call, start):
    with pytest.raises(SpecError) as info:
        call()
    assert str(info.value).startswith(start)


def test_standalone_names_the_preamble_each_snippet_needs():
    from symconv.snippets import PREAMBLES, standalone

    assert set(PREAMBLES) == set(SNIPPETS)
    assert "\\usepackage{tikz}" in standalone("figure", "x") and "\\[" not in standalone("figure", "x")
    assert "\\usepackage{amsmath}" in standalone("size", "x")
    assert "\\[\nx\n\\]" in standalone("matrix", "x")  # math mode
    with pytest.raises(SpecError, match="what"):
        standalone("nothing", "x")


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="TeX (pdflatex) is not installed")
@pytest.mark.parametrize(
    "argv",
    [
        ["matrix"],
        ["im2col"],
        ["transposed"],
        ["transposed", "--input", "2x2", "--stride", "2"],
        ["figure", "--input", "5x5", "--stride", "2", "--padding", "1", "--position", "1x1"],
        ["figure", "--input", "2x2", "--stride", "2", "--transposed", "--position", "2x2"],
        ["size", "--transposed"],
        ["size"],
        ["bilinear"],
    ],
)
def test_standalone_snippets_compile_and_fit_an_article(argv, tmp_path, capsys):
    from symconv.cli.main import main

    assert main(["latex", *argv, "--standalone"]) == 0
    (tmp_path / "snippet.tex").write_text(capsys.readouterr().out)
    command = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "snippet.tex"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:].decode(errors="replace")
    log = (tmp_path / "snippet.log").read_text(errors="replace")
    wide = [float(width) for width in re.findall(r"Overfull \\hbox \((\d+\.\d+)pt too wide", log)]
    assert all(width <= 1.0 for width in wide), wide
