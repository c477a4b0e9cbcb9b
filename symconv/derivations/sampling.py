"""Random concrete specs for the derivations' numeric checks (plain ``random``, seeded by the check)."""

from __future__ import annotations

import random

from symconv import ConvSpec, TransposedConvSpec


def random_spec(rng: random.Random, ndim: int | None = None, max_size: int = 3) -> ConvSpec:
    """A valid convolution: kernels <= 3, strides <= 3, padding <= 2, dilation <= 2."""
    n = ndim or rng.randint(1, 3)
    q = [rng.randint(1, 3) for _ in range(n)]
    d = [rng.randint(1, 2) for _ in range(n)]
    p = [rng.randint(0, 2) for _ in range(n)]
    h = [max(1, d[j] * (q[j] - 1) + 1 - 2 * p[j]) + rng.randint(0, max_size) for j in range(n)]
    return ConvSpec(h, q, stride=[rng.randint(1, 3) for _ in range(n)], padding=p, dilation=d)


def random_tspec(
    rng: random.Random, ndim: int | None = None, *, stride_one: bool = False, max_kernel: int = 3, max_dilation: int = 3
) -> TransposedConvSpec:
    """A valid transposed convolution, every output padding PyTorch allows included."""
    n = ndim or rng.randint(1, 3)
    values: dict[str, list[int]] = {key: [] for key in "hqspda"}
    for _ in range(n):
        h, q = rng.randint(1, 4), rng.randint(1, max_kernel)
        s = 1 if stride_one else rng.randint(1, 3)
        d = rng.randint(1, max_dilation)
        a = rng.randint(0, max(s, d) - 1)
        p = rng.randint(0, max(0, min(2, ((h - 1) * s + d * (q - 1) + a) // 2)))
        for key, value in zip("hqspda", (h, q, s, p, d, a)):
            values[key].append(value)
    return TransposedConvSpec(
        values["h"],
        values["q"],
        stride=values["s"],
        padding=values["p"],
        dilation=values["d"],
        output_padding=values["a"],
    )
