"""symconv animate: one frame per output position, the window's cells drawn where the index map says."""

import builtins
import io

import pytest

from symconv import ConvSpec, SpecError, TransposedConvSpec
from symconv.cli.main import main
from symconv.errors import MissingDependencyError
from symconv.printing.animation import COLOURS, animation_bytes, layout
from symconv.printing.scene import INPUT, scene_positions, spec_scene


@pytest.fixture(scope="module")
def Image():  # noqa: N802 - the module's name, as in ``from PIL import Image``
    """Pillow's ``Image``, for the tests that draw; they are skipped without it. The refusals and the
    message without Pillow are plain tests: they run without Pillow, where that message matters."""
    return pytest.importorskip("PIL.Image", reason="Pillow (symconv[animate]) is not installed")


def frames_of(data, Image):  # noqa: N803
    image = Image.open(io.BytesIO(data))
    frames = []
    for n in range(image.n_frames):
        image.seek(n)
        frames.append(image.convert("RGB"))
    return frames


def close(pixel, colour, tolerance=12):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def inside(box):
    """A pixel inside a cell, clear of its outline and of its label."""
    return box[0] + 6, box[1] + 6


@pytest.mark.parametrize(
    "spec",
    [
        ConvSpec((5, 5), (3, 3), stride=2, padding=1),
        TransposedConvSpec((2, 2), (3, 3), stride=2, padding=1),
        ConvSpec(7, 4, stride=3),
        TransposedConvSpec(3, 3, stride=2, dilation=2),
    ],
)
def test_one_frame_per_output_position_and_the_window_where_the_index_map_says(spec, Image):  # noqa: N803
    data = animation_bytes(spec, ".gif", cell=30)
    frames = frames_of(data, Image)
    positions = scene_positions(spec)
    assert len(frames) == len(positions)  # the output size from the spec
    n = len(positions) // 2
    scene = spec_scene(spec, positions[n])
    geometry = layout(scene, 30)
    frame = frames[n]
    rows, cols = scene.canvas_shape
    for r in range(rows):
        for c in range(cols):
            pixel = frame.getpixel(inside(geometry.canvas_cell(r, c)))
            if scene.kinds[r][c] == INPUT:
                colour = COLOURS["window_input"] if (r, c) in scene.window else COLOURS["input"]
                assert close(pixel, colour), ((r, c), pixel, colour)
    written = frame.getpixel(inside(geometry.output_cell(*scene.output)))
    assert close(written, COLOURS["written"])
    out_rows, out_cols = scene.output_shape
    later = [(r, c) for r in range(out_rows) for c in range(out_cols) if r * out_cols + c > scene.output_index]
    for cell in later:  # not written yet
        assert close(frame.getpixel(inside(geometry.output_cell(*cell))), COLOURS["output"])


def test_a_shifted_window_is_caught(Image):  # noqa: N803
    """The pixel test can fail: the next position's window is elsewhere."""
    spec = ConvSpec((5, 5), (3, 3), stride=2, padding=1)
    frames = frames_of(animation_bytes(spec, ".gif", cell=30), Image)
    scene = spec_scene(spec, (0, 1))
    geometry = layout(scene, 30)
    window_inputs = [cell for cell in scene.window if cell in scene.inputs]
    assert not all(
        close(frames[0].getpixel(inside(geometry.canvas_cell(*cell))), COLOURS["window_input"])
        for cell in window_inputs
    )


def test_apng_and_the_cli(tmp_path, capsys, Image):  # noqa: N803
    assert main(["animate", "--input", "4x4", "--kernel", "3x3", "-o", str(tmp_path / "c.png"), "--cell", "24"]) == 0
    assert "4 frames" in capsys.readouterr().out
    image = Image.open(tmp_path / "c.png")
    assert image.format == "PNG" and image.n_frames == 4
    args = ["animate", "--input", "2x2", "--kernel", "3x3", "--stride", "2", "--transposed", "-o"]
    assert main([*args, str(tmp_path / "t.gif")]) == 0
    assert Image.open(tmp_path / "t.gif").n_frames == 25
    assert main([*args, str(tmp_path / "t.jpg")]) == 2
    assert "-o: must end in one of .gif" in capsys.readouterr().err
    assert (
        main(["animate", "--input", "4", "--kernel", "3", "--output-padding", "1", "-o", str(tmp_path / "x.gif")]) == 2
    )


def test_refusals():
    with pytest.raises(SpecError, match="input_shape"):
        animation_bytes(ConvSpec((3, 3, 3), (2, 2, 2)))
    with pytest.raises(SpecError, match="too many frames"):
        animation_bytes(ConvSpec((40, 40), (1, 1)), max_frames=100)
    with pytest.raises(SpecError, match="cell"):
        animation_bytes(ConvSpec(4, 3), cell=4)


def test_without_pillow_the_message_names_the_extra(monkeypatch):
    real_import = builtins.__import__

    def no_pillow(name, *args, **kwargs):
        if name == "PIL" or name.startswith("PIL."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pillow)
    with pytest.raises(MissingDependencyError, match=r"symconv\[animate\]"):
        animation_bytes(ConvSpec(4, 3))
