"""The exceptions symconv raises: one family, :class:`SymconvError`.

- :class:`SpecError` (a ``ValueError``): an invalid parameter; the one-line message names the
  parameter and the rule it broke.

  - :class:`TooLargeError`: a request refused before any work, because of its size.

- :class:`TeXError` (a ``RuntimeError``): TeX is missing or a document did not compile.
- :class:`OwnershipError` (a ``FileExistsError``): a file symconv would replace was not written
  by symconv, or was changed since.
- :class:`VerificationError` (an ``AssertionError``): a derivation step that does not hold;
  its subclass :class:`SideConditionError`: a rule that refuses to rewrite because one of its
  side conditions is not met.
- :class:`MissingDependencyError` (an ``ImportError``): an optional peer such as PyTorch is
  needed but not installed.

Messages name the library's parameters (``input_shape``, ``folder``, ``max_nonzeros``), never
command-line options: :meth:`SymconvError.describe` shows them under other names, which is how
the CLI reports them as its options.

>>> issubclass(SpecError, SymconvError) and not issubclass(TeXError, SpecError)
True
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "SymconvError",
    "SpecError",
    "TooLargeError",
    "TeXError",
    "OwnershipError",
    "VerificationError",
    "SideConditionError",
    "MissingDependencyError",
]


#: A rule longer than this (an input echoed whole) is cut: a message stays one readable line.
MAX_RULE = 300


class SymconvError(Exception):
    """The base of every exception symconv raises."""

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """The message, with parameters shown under ``names`` (``{"stride": "--stride"}``) where it names any."""
        return str(self)


class _Names(dict[str, str]):
    """Names to show parameters under; a parameter without one is shown as itself."""

    def __missing__(self, key: str) -> str:
        return key


class SpecError(SymconvError, ValueError):
    """An invalid parameter: the message names the parameter and the rule.

    ``hint`` is a remedy that may name other parameters as ``{fields}``; like ``parameter``,
    they are shown under the names given to :meth:`describe`.

    >>> raise SpecError("stride", "must be positive, got 0")
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: stride: must be positive, got 0
    >>> SpecError("output_padding", "is only for a transposed convolution", hint="set {transposed}").describe(
    ...     {"output_padding": "--output-padding", "transposed": "--transposed"})
    '--output-padding: is only for a transposed convolution (set --transposed)'
    """

    def __init__(self, parameter: str, rule: str, *, hint: str = "") -> None:
        self.parameter = parameter
        self.rule = rule if len(rule) <= MAX_RULE else rule[:MAX_RULE] + "..."
        self.hint = hint
        super().__init__(self.describe())

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        shown = _Names(names or {})
        text = f"{shown[self.parameter]}: {self.rule}"
        return f"{text} ({self.hint.format_map(shown)})" if self.hint else text


class TooLargeError(SpecError):
    """A request whose number of non-zeros exceeds the limit (checked before building)."""


class TeXError(SymconvError, RuntimeError):
    """TeX is missing or a document did not compile."""


class OwnershipError(SymconvError, FileExistsError):
    """A file symconv would replace was not written by symconv, or was changed since."""


class VerificationError(SymconvError, AssertionError):
    """A derivation step (or a numeric check) that does not hold."""


class SideConditionError(VerificationError):
    """A rule refuses to rewrite: one of its side conditions is not met, or cannot be shown.

    The message names the rule and the condition; a derivation reports the step as failed.

    >>> raise SideConditionError("integer parts", "a*(s - a) is not of degree <= 1 in a")
    Traceback (most recent call last):
    ...
    symconv.errors.SideConditionError: integer parts: a*(s - a) is not of degree <= 1 in a
    """

    def __init__(self, rule: str, condition: str) -> None:
        self.rule = rule
        self.condition = condition
        super().__init__(f"{rule}: {condition}")


class MissingDependencyError(SymconvError, ImportError):
    """An optional package (``torch``) is needed but not installed: one line says which and how to get it.

    >>> raise MissingDependencyError("torch", "symconv.from_torch")
    Traceback (most recent call last):
    ...
    symconv.errors.MissingDependencyError: symconv.from_torch needs torch, which is not installed (...)
    """

    def __init__(self, package: str, what: str, *, extra: str | None = None) -> None:
        self.package = package
        super().__init__(
            f"{what} needs {package}, which is not installed (pip install 'symconv[{extra or package}]')", name=package
        )
