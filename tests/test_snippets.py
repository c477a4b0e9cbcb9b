"""LaTeX snippets: one builder per name, chosen from a table."""

import pytest

from symconv import SpecError
from symconv.snippets import SNIPPETS, SnippetRequest, latex_snippet


def test_every_snippet_builds_for_the_defaults():
    for name, build in SNIPPETS.items():
        assert build(SnippetRequest()).strip(), name
        assert latex_snippet(name) == build(SnippetRequest())


def test_options_reach_the_builders():
    assert r"\cdot" in latex_snippet("matrix", zero=r"\cdot")
    assert "output 6x6" in latex_snippet("figure", (2, 2), 3, stride=2, output_padding=1, transposed=True)
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
