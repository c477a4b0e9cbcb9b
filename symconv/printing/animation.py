r"""Animations of any 1-D or 2-D (transposed) convolution, one frame per output position, in the
style of the convolution-arithmetic guide's gallery: the kernel's window slides over the input
(padded; for a transposed convolution zero-inserted and padded, the kernel rotated), and the
output cell it writes lights up.

Frames draw the same :class:`~symconv.printing.scene.Scene` as the TikZ figures, so the
output size comes from the spec (the guide's own script is given it by hand). Pictures are
drawn with Pillow, an optional dependency (``pip install 'symconv[animate]'``): it draws
rectangles and text and writes animated GIF and PNG (APNG) files, and nothing more is needed.

>>> from symconv import ConvSpec
>>> frames = animation_frames(ConvSpec((5, 5), (3, 3), stride=2, padding=1))  # doctest: +SKIP
>>> len(frames)  # doctest: +SKIP
9
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod
from pathlib import Path
from typing import Any

from ..errors import MissingDependencyError, SpecError
from ..specs import ConvSpec, TransposedConvSpec
from .scene import INPUT, PADDING, Scene, scene_positions, spec_scene

__all__ = [
    "animation_frames",
    "animation_bytes",
    "Layout",
    "layout",
    "COLOURS",
    "MAX_FRAMES",
    "FORMATS",
    "write_animation",
]

#: The colours (RGB) of the cells: the guide's blue inputs, white zeros, the window, the output.
COLOURS: dict[str, tuple[int, int, int]] = {
    "input": (137, 178, 232),
    "padding": (232, 232, 232),
    "zero": (255, 255, 255),
    "window_input": (236, 137, 47),
    "window_zero": (248, 203, 158),
    "kernel": (248, 203, 158),
    "output": (255, 255, 255),
    "written": (62, 168, 92),
    "done": (196, 231, 204),
    "line": (60, 60, 60),
    "text": (20, 20, 20),
    "background": (255, 255, 255),
}
#: At most this many frames (output positions) in one animation.
MAX_FRAMES = 1024
#: File suffix -> Pillow's format.
FORMATS = {".gif": "GIF", ".png": "PNG", ".apng": "PNG"}


def _pillow() -> Any:
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingDependencyError("pillow", "symconv animate", extra="animate") from None
    return Image, ImageDraw, ImageFont


@dataclass(frozen=True)
class Layout:
    """Where a frame's grids lie, in pixels: the canvas, the kernel and the output, each from its
    top-left corner, with square cells of ``cell`` pixels."""

    cell: int
    canvas: tuple[int, int]
    kernel: tuple[int, int]
    output: tuple[int, int]
    size: tuple[int, int]
    title: int

    def canvas_cell(self, row: int, col: int) -> tuple[int, int, int, int]:
        """The box ``(left, top, right, bottom)`` of a canvas cell."""
        return self._box(self.canvas, row, col)

    def kernel_cell(self, row: int, col: int) -> tuple[int, int, int, int]:
        """The box of a cell of the kernel (as it lies on the canvas)."""
        return self._box(self.kernel, row, col)

    def output_cell(self, row: int, col: int) -> tuple[int, int, int, int]:
        """The box of an output cell."""
        return self._box(self.output, row, col)

    def _box(self, origin: tuple[int, int], row: int, col: int) -> tuple[int, int, int, int]:
        x, y = origin[0] + col * self.cell, origin[1] + row * self.cell
        return x, y, x + self.cell, y + self.cell


def layout(scene: Scene, cell: int = 40) -> Layout:
    """The frame's geometry for ``scene`` with cells of ``cell`` pixels (at least 8)."""
    if cell < 8:
        raise SpecError("cell", f"must be at least 8 pixels, got {cell}")
    rows, cols = scene.canvas_shape
    q_rows, q_cols = scene.kernel_grid
    out_rows, out_cols = scene.output_shape
    margin, gap, title = cell // 2, cell, max(cell // 2, 14) * 2
    top = margin + title
    canvas = (margin, top)
    kernel = (margin + cols * cell + gap, top)
    output = (kernel[0] + q_cols * cell + gap, top)
    width = output[0] + out_cols * cell + margin
    height = top + max(rows, q_rows, out_rows) * cell + margin + title // 2
    return Layout(cell, canvas, kernel, output, (width, height), title)


def _font(size: int) -> Any:
    _, _, ImageFont = _pillow()
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow older than 10.1: the fixed bitmap font
        return ImageFont.load_default()


def _label(draw: Any, box: tuple[int, int, int, int], base: str, index: str, fonts: tuple[Any, Any]) -> None:
    """``base`` with the subscript ``index``, centred in ``box``."""
    big, small = fonts
    width_base = draw.textlength(base, font=big)
    width_index = draw.textlength(index, font=small)
    x = (box[0] + box[2] - width_base - width_index) / 2
    y = (box[1] + box[3]) / 2
    draw.text((x, y), base, fill=COLOURS["text"], font=big, anchor="lm")
    draw.text((x + width_base, y + (box[3] - box[1]) // 8), index, fill=COLOURS["text"], font=small, anchor="lm")


def _describe(spec: ConvSpec | TransposedConvSpec) -> str:
    def values(name: str, items: tuple[Any, ...], default: int) -> str:
        if all(v == default for v in items):
            return ""
        shown = str(items[0]) if len(set(items)) == 1 else "x".join(map(str, items))
        return f", {name}={shown}"

    kind = "transposed convolution" if isinstance(spec, TransposedConvSpec) else "convolution"
    text = f"{kind}: input {'x'.join(map(str, spec.input_shape))}, kernel {'x'.join(map(str, spec.kernel_shape))}"
    text += values("s", spec.stride, 1)
    padding = spec.padding if isinstance(spec, TransposedConvSpec) else spec.padding_before
    text += values("p", tuple(padding), 0)
    text += values("d", spec.dilation, 1)
    if isinstance(spec, TransposedConvSpec):
        text += values("a", spec.output_padding, 0)
    return text + f" -> output {'x'.join(map(str, spec.out_shape))}"


def _frame(scene: Scene, done: set[tuple[int, int]], cell: int, labels: bool) -> Any:
    Image, ImageDraw, _ = _pillow()
    geometry = layout(scene, cell)
    image = Image.new("RGB", geometry.size, COLOURS["background"])
    draw = ImageDraw.Draw(image)
    show = labels and cell >= 24
    fonts = (_font(max(cell * 2 // 5, 8)), _font(max(cell * 2 // 7, 7)))
    name = "Y" if scene.transposed else "X"
    rows, cols = scene.canvas_shape
    for r in range(rows):
        for c in range(cols):
            kind = scene.kinds[r][c]
            under = (r, c) in scene.window
            if kind == INPUT:
                fill = COLOURS["window_input"] if under else COLOURS["input"]
            else:
                fill = COLOURS["window_zero"] if under else COLOURS[kind]
            box = geometry.canvas_cell(r, c)
            draw.rectangle(box, fill=fill, outline=COLOURS["line"], width=3 if under else 1)
            if show and kind == INPUT:
                _label(draw, box, name, str(scene.inputs[(r, c)]), fonts)
            elif show:
                draw.text(
                    ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2),
                    "0",
                    fill=(150, 150, 150),
                    font=fonts[0],
                    anchor="mm",
                )
            if kind == PADDING and not under:  # the guide draws padding with dashed lines
                draw.rectangle(box, outline=(170, 170, 170), width=1)
    q_rows, q_cols = scene.kernel_grid
    for r in range(q_rows):
        for c in range(q_cols):
            tap = (q_rows - 1 - r, q_cols - 1 - c) if scene.transposed else (r, c)
            box = geometry.kernel_cell(r, c)
            draw.rectangle(box, fill=COLOURS["kernel"], outline=COLOURS["line"])
            if show:
                index = f"{tap[0]},{tap[1]}" if scene.spec.ndim == 2 else str(tap[1])
                _label(draw, box, "W", index, fonts)
    out_rows, out_cols = scene.output_shape
    for r in range(out_rows):
        for c in range(out_cols):
            written = (r, c) == scene.output
            fill = COLOURS["written"] if written else COLOURS["done"] if (r, c) in done else COLOURS["output"]
            draw.rectangle(geometry.output_cell(r, c), fill=fill, outline=COLOURS["line"], width=3 if written else 1)
    title_font = _font(max(geometry.title // 3, 10))
    draw.text((geometry.canvas[0], geometry.cell // 2), _describe(scene.spec), fill=COLOURS["text"], font=title_font)
    kernel_name = "kernel, rotated 180°" if scene.transposed else "kernel"
    below = geometry.canvas[1] + max(rows, q_rows, out_rows) * cell + 4
    draw.text(
        (geometry.kernel[0], geometry.kernel[1] + q_rows * cell + 4), kernel_name, fill=COLOURS["text"], font=title_font
    )
    output_name = "output (C^T Y)" if scene.transposed else "output Y"
    draw.text(
        (geometry.output[0], geometry.output[1] + out_rows * cell + 4),
        f"{output_name}[{scene.output_index}]",
        fill=COLOURS["text"],
        font=title_font,
    )
    canvas_name = "input, zeros inserted, padded" if scene.transposed else "input, padded"
    draw.text(
        (geometry.canvas[0], below), canvas_name if scene.padded else "input", fill=COLOURS["text"], font=title_font
    )
    return image


def animation_frames(
    spec: ConvSpec | TransposedConvSpec, *, cell: int = 40, labels: bool = True, max_frames: int = MAX_FRAMES
) -> list[Any]:
    """One Pillow image per output position (row-major), the window of that position drawn."""
    if not isinstance(spec, (ConvSpec, TransposedConvSpec)):
        raise SpecError("spec", f"must be a ConvSpec or a TransposedConvSpec, got {type(spec).__name__}")
    if spec.ndim > 2:
        raise SpecError("input_shape", f"animations are drawn for 1-D and 2-D specs, got {spec.ndim} dimensions")
    if prod(spec.out_shape) > max_frames:
        raise SpecError(
            "input_shape", f"{prod(spec.out_shape)} output positions make too many frames (at most {max_frames})"
        )
    positions = scene_positions(spec)
    layout(spec_scene(spec, positions[0]), cell)  # a bad cell size is refused before Pillow is needed
    _pillow()
    frames: list[Any] = []
    done: set[tuple[int, int]] = set()
    for position in positions:
        scene = spec_scene(spec, position)
        frames.append(_frame(scene, done, cell, labels))
        done.add(scene.output)
    return frames


def animation_bytes(
    spec: ConvSpec | TransposedConvSpec,
    suffix: str = ".gif",
    *,
    cell: int = 40,
    duration: int = 700,
    labels: bool = True,
    max_frames: int = MAX_FRAMES,
) -> bytes:
    """The animation as the bytes of a GIF (``.gif``) or an animated PNG (``.png``, ``.apng``),
    looping, ``duration`` milliseconds a frame."""
    if suffix not in FORMATS:
        raise SpecError("output", f"must end in one of {', '.join(FORMATS)}, got {suffix!r}")
    if duration < 20:
        raise SpecError("duration", f"must be at least 20 milliseconds, got {duration}")
    frames = animation_frames(spec, cell=cell, labels=labels, max_frames=max_frames)
    import io

    stream = io.BytesIO()
    first, rest = frames[0], frames[1:]
    options: dict[str, Any] = {"save_all": True, "append_images": rest, "duration": duration, "loop": 0}
    if FORMATS[suffix] == "GIF":
        # one palette for every frame (from all of them side by side), without dithering: the cells'
        # colours stay exact and frames differ only where the window moved, which keeps files small
        Image, _, _ = _pillow()
        strip = Image.new("RGB", (first.width, first.height * len(frames)))
        for n, frame in enumerate(frames):
            strip.paste(frame, (0, n * first.height))
        palette = strip.quantize(colors=64, method=Image.Quantize.MEDIANCUT)
        quantized = [frame.quantize(palette=palette, dither=Image.Dither.NONE) for frame in frames]
        first, options["append_images"] = quantized[0], quantized[1:]
        options["optimize"] = True
    first.save(stream, format=FORMATS[suffix], **options)
    return stream.getvalue()


def write_animation(path: Path | str, spec: ConvSpec | TransposedConvSpec, **options: Any) -> Path:
    """Write the animation of ``spec`` to ``path`` (its suffix chooses the format); see
    :func:`animation_bytes` for ``options``."""
    from ..files import write_files

    path = Path(path)
    data = animation_bytes(spec, path.suffix.lower(), **options)
    return write_files(path.parent, {path.name: data})[0]
