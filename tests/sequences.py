"""Comparing long sequences in tests without pytest's full diff.

When ``CI`` is set, pytest does not truncate an assertion's explanation, and the diff of two
lists of thousands of items (``difflib``, quadratic) takes minutes for every failing example
Hypothesis tries while it shrinks. These helpers fail with the first difference instead.
"""

from collections.abc import Sequence
from typing import Any


def first_difference(got: Sequence[Any], expected: Sequence[Any]) -> str | None:
    """``None`` when the sequences are equal, else one line naming the first difference.

    >>> first_difference([1, 2, 3], [1, 2, 3]) is None
    True
    >>> first_difference([1, 5, 3], [1, 2, 3])
    'item 1: got 5, expected 2 (3 items each)'
    >>> first_difference([1, 2], [1, 2, 3])
    'got 2 items, expected 3; the first 2 agree'
    """
    for n, (a, b) in enumerate(zip(got, expected)):
        if a != b:
            return f"item {n}: got {a!r}, expected {b!r} ({len(got)} items" + (
                " each)" if len(got) == len(expected) else f", expected {len(expected)})"
            )
    if len(got) != len(expected):
        return f"got {len(got)} items, expected {len(expected)}; the first {min(len(got), len(expected))} agree"
    return None
