"""The exceptions symconv raises.

One family for invalid parameters, :class:`SpecError` (a ``ValueError``), whose
one-line message names the parameter and the rule it broke; :class:`TooLargeError`
for requests refused before any work is done; :class:`VerificationError` for a
derivation step that does not check, and its subclass :class:`SideConditionError` for a rule
that refuses to rewrite because one of its side conditions is not met;
:class:`MissingDependencyError` (an ``ImportError``) when an optional peer such as PyTorch is
needed but not installed.
"""

from __future__ import annotations

__all__ = ["SpecError", "TooLargeError", "VerificationError", "SideConditionError", "MissingDependencyError"]


class SpecError(ValueError):
    """An invalid parameter: the message names the parameter and the rule.

    >>> raise SpecError("stride", "must be positive, got 0")
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: stride: must be positive, got 0
    """

    def __init__(self, parameter: str, rule: str) -> None:
        self.parameter = parameter
        self.rule = rule
        super().__init__(f"{parameter}: {rule}")


class TooLargeError(SpecError):
    """A request whose number of non-zeros exceeds the limit (checked before building)."""


class VerificationError(AssertionError):
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


class MissingDependencyError(ImportError):
    """An optional package (``torch``) is needed but not installed: one line says which and how to get it.

    >>> raise MissingDependencyError("torch", "symconv.from_torch")
    Traceback (most recent call last):
    ...
    symconv.errors.MissingDependencyError: symconv.from_torch needs torch, which is not installed (...)
    """

    def __init__(self, package: str, what: str) -> None:
        self.package = package
        super().__init__(
            f"{what} needs {package}, which is not installed (pip install 'symconv[{package}]')", name=package
        )
