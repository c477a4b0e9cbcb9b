"""Figures and scenes: every picture highlights exactly the cells the index map says."""

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from symconv import ConvSpec, SpecError, TransposedConvSpec
from symconv.cli.main import main
from symconv.indexmap import flat_index, index_map
from symconv.printing.figures import conv_figure, lattice_figure, transposed_figure
from symconv.printing.scene import INPUT, conv_scene, scene_positions, transposed_scene
from symconv.strategies import conv_specs, transposed_specs


def expected_conv_reads(spec, position):
    """(flat input, flat tap) of output ``position``, read from the index map."""
    imap = index_map(spec)
    chosen = [n for n, o in enumerate(imap.output.tolist()) if tuple(o) == tuple(position)]
    return sorted((int(imap.flat_input[n]), int(imap.flat_tap[n])) for n in chosen)


def expected_transposed_reads(tspec, position):
    """(flat transposed input, flat tap) writing output ``position``: the forward index map's
    triples whose input is ``position`` (the transposed matrix's row is the forward column); the
    forward convolution may have more outputs than the transposed one has inputs (a large output
    padding): only the first ``input_shape`` count."""
    imap = index_map(tspec.forward()).restrict_outputs(tspec.input_shape)
    chosen = [n for n, i in enumerate(imap.input.tolist()) if tuple(i) == tuple(position)]
    inputs = flat_index(imap.output, tspec.input_shape)
    return sorted((int(inputs[n]), int(imap.flat_tap[n])) for n in chosen)


@settings(max_examples=60, deadline=None)
@given(conv_specs(max_ndim=2, max_size=7), st.data())
def test_conv_scene_reads_what_the_index_map_says(spec, data):
    position = data.draw(st.sampled_from(scene_positions(spec)))
    scene = conv_scene(spec, position)
    assert scene.reads() == expected_conv_reads(spec, position)
    assert len(scene.window) == int(np.prod(spec.kernel_shape))  # every tap is drawn, on padding too


@settings(max_examples=60, deadline=None)
@given(transposed_specs(max_ndim=2, max_size=5), st.data())
def test_transposed_scene_reads_what_the_index_map_says(tspec, data):
    position = data.draw(st.sampled_from(scene_positions(tspec)))
    scene = transposed_scene(tspec, position)
    assert scene.reads() == expected_transposed_reads(tspec, position)
    rows, cols = scene.canvas_shape
    assert all(0 <= r < rows and 0 <= c < cols for r, c in scene.window)  # the window stays on the canvas


def highlighted(tikz):
    """The labels of the input cells the TikZ picture fills as under the window."""
    return sorted(
        re.findall(r"\\draw\[fill=orange!55[^]]*\][^;]*; \\node at [^{]*\{(?:\\tiny)?\$(\w)_\{(\d+)\}\$\}", tikz)
    )


@settings(max_examples=25, deadline=None)
@given(transposed_specs(max_ndim=2, max_size=4), st.data())
def test_transposed_overlay_highlights_the_inputs_it_reads(tspec, data):
    position = data.draw(st.sampled_from(scene_positions(tspec)))
    tikz = transposed_figure(tspec, position)
    reads = expected_transposed_reads(tspec, position)
    assert highlighted(tikz) == sorted(("Y", str(j)) for j, _ in reads)
    assert tikz.count("fill=green!45") == 1  # the output cell it writes


@settings(max_examples=25, deadline=None)
@given(conv_specs(max_ndim=2, max_size=6), st.data())
def test_conv_figure_highlights_the_inputs_it_reads(spec, data):
    position = data.draw(st.sampled_from(scene_positions(spec)))
    tikz = conv_figure(spec, position)
    assert highlighted(tikz) == sorted(("X", str(i)) for i, _ in expected_conv_reads(spec, position))


def test_a_planted_wrong_cell_is_caught():
    """The comparison can fail: a scene shifted by one output reads other inputs."""
    tspec = TransposedConvSpec((2, 2), (3, 3), stride=2, padding=1)
    assert transposed_scene(tspec, (1, 1)).reads() != expected_transposed_reads(tspec, (1, 2))
    spec = ConvSpec((5, 5), (3, 3), stride=2, padding=1)
    assert conv_scene(spec, (0, 0)).reads() != expected_conv_reads(spec, (0, 1))


def test_seminar_t5_cases():
    # s = 2, p = 0: a 7x7 canvas (2x2 input spread to 3x3, padded by 2), output 5x5; the centre
    # output reads Y_0..Y_3 through the rotated kernel's corners
    tspec = TransposedConvSpec((2, 2), (3, 3), stride=2)
    scene = transposed_scene(tspec, (2, 2))
    assert scene.canvas_shape == (7, 7) and scene.output_shape == (5, 5)
    assert scene.reads() == [(0, 8), (1, 6), (2, 2), (3, 0)]
    assert sum(kind == INPUT for row in scene.kinds for kind in row) == 4
    # s = 2, p = 1: padding 1, output 3x3
    assert transposed_scene(TransposedConvSpec((2, 2), (3, 3), stride=2, padding=1)).canvas_shape == (5, 5)


def test_captions_say_padding_only_when_there_is_some():
    assert "padding" not in conv_figure(ConvSpec((4, 4), (3, 3)))
    assert "padding shaded" in conv_figure(ConvSpec((4, 4), (3, 3), padding=1))
    # s = 2, p = 2 with q = 3: d(q - 1) - p = 0, no padding, zeros inserted
    tikz = transposed_figure(TransposedConvSpec((2, 2), (3, 3), stride=2, padding=2))
    assert "padding" not in tikz and "zeros inserted" in tikz
    assert "cropped" in transposed_figure(TransposedConvSpec((3, 3), (3, 3), stride=2, padding=3))


def test_figures_fit_the_room_they_are_given():
    tikz = transposed_figure(TransposedConvSpec((6, 6), (3, 3), stride=1), max_width=10.0, max_height=4.0)
    unit = float(re.search(r"x=([\d.]+)cm", tikz).group(1))
    assert unit * 10 <= 4.0  # a 10x10 canvas in 4 cm (less a caption)
    assert "$Y_{" not in tikz  # cells that small have no labels


def test_position_is_honoured_for_transposed_figures(capsys):
    args = ["latex", "figure", "--input", "2x2", "--kernel", "3x3", "--stride", "2", "--transposed"]
    assert main(args) == 0
    first = capsys.readouterr().out
    assert main([*args, "--position", "1x1"]) == 0
    chosen = capsys.readouterr().out
    assert first != chosen
    assert chosen.strip() == transposed_figure(TransposedConvSpec((2, 2), (3, 3), stride=2), (1, 1)).strip()
    assert main([*args, "--position", "5x0"]) == 2
    assert "position" in capsys.readouterr().err


def test_lattice_figure_marks_the_rows_a_stride_deletes():
    tikz = lattice_figure(ConvSpec(7, 3), 2)
    # C_1 is 5x7: rows 1 and 3 deleted (struck through), as are columns 1 and 3 of C_1^T
    struck_rows = re.findall(r"\\draw\[red!60, thick\] \(0,-([\d.]+)\)", tikz)
    assert struck_rows == ["1.5", "3.5"]
    with pytest.raises(SpecError, match="stride"):
        lattice_figure(ConvSpec(7, 3, stride=2), 2)


def test_scenes_refuse_3d_and_wrong_specs():
    with pytest.raises(SpecError, match="input_shape"):
        conv_scene(ConvSpec((3, 3, 3), (2, 2, 2)))
    with pytest.raises(SpecError, match="spec"):
        conv_scene(TransposedConvSpec(2, 3))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "tspec",
    [
        TransposedConvSpec((2, 2), (3, 3), stride=1),
        TransposedConvSpec((2, 2), (3, 3), stride=2),
        TransposedConvSpec((2, 2), (3, 3), stride=2, padding=1),
        TransposedConvSpec(3, 2, stride=3, dilation=2, output_padding=1),
    ],
)
def test_each_overlay_formula_sums_the_products_its_picture_shows(tspec):
    """The notes' overlays: the formula (from the recipe, conv_transpose) and the picture (from
    the scene) of every output position agree, product by product."""
    import sympy

    from symconv.notes.content import transposed_overlays
    from symconv.symbols import input_symbols, kernel_symbols

    W, Y = kernel_symbols(tspec.kernel_shape), input_symbols(tspec.input_shape, "Y")
    block = transposed_overlays(tspec, {})
    assert len(block.frames) == int(np.prod(tspec.out_shape))
    for (draw, parts), position in zip(block.frames, scene_positions(tspec)):
        shown = transposed_scene(tspec, position).reads()
        products = sum(
            (W[np.unravel_index(k, tspec.kernel_shape)] * Y[np.unravel_index(j, tspec.input_shape)] for j, k in shown),
            sympy.S.Zero,
        )
        assert sympy.expand(parts[1] - products) == 0
        assert "fill=green!45" in draw()
