"""The size limit: requests too large to build are refused at once, before any work.

The limit counts the non-zeros (or entries) of what would be built. Raise it with the
parameter ``max_nonzeros`` or the environment variable ``SYMCONV_MAX_NONZEROS``.

>>> check_size(10, 100)
>>> check_size(10**7)
Traceback (most recent call last):
...
symconv.errors.TooLargeError: input_shape: the matrix would have 10,000,000 non-zeros, more than the limit 1,000,000 ...
"""

from __future__ import annotations

import os

from .errors import TooLargeError

__all__ = ["DEFAULT_MAX_NONZEROS", "max_nonzeros_default", "check_size"]

#: Requests with more non-zeros than this are refused before any work is done.
DEFAULT_MAX_NONZEROS = 1_000_000


def max_nonzeros_default() -> int:
    """The limit in force: ``SYMCONV_MAX_NONZEROS`` if set, else :data:`DEFAULT_MAX_NONZEROS`."""
    value = os.environ.get("SYMCONV_MAX_NONZEROS")
    return int(value) if value and value.isdigit() else DEFAULT_MAX_NONZEROS


def check_size(
    count: int, max_nonzeros: int | None = None, what: str = "the matrix", parameter: str = "input_shape"
) -> None:
    """Refuse a request of ``count`` non-zeros (or entries) above the limit, before building anything."""
    limit = max_nonzeros_default() if max_nonzeros is None else max_nonzeros
    if count > limit:
        raise TooLargeError(
            parameter,
            f"{what} would have {count:,} non-zeros, more than the limit {limit:,}",
            hint="raise it with {max_nonzeros} or SYMCONV_MAX_NONZEROS",
        )
