r"""symconv's pytest plugin: your derivation files as test items, and a Hypothesis profile for symbolic work.

Installed with symconv (the ``pytest11`` entry point ``symconv``), it does nothing until a
file matches its patterns:

- **Derivation files as tests.** Every ``.py`` file matching the ini option
  ``symconv_derivations`` (glob patterns against the file name or its path from the
  rootdir; default ``*_proofs.py proofs_*.py``) is loaded as a derivation source
  (:func:`symconv.proof.sources.load`: a ``derivations()`` function, or ``Derivation``
  objects at module level); each derivation is one test item. A failing item shows the
  derivation's report, each step with its check, and the first failing step.
  ``--symconv-seed N`` sets the seed of the random numeric checks (default 0).
- **A Hypothesis profile** ``symconv``: no deadline (SymPy's first call of a kind is slow;
  a deadline makes correct tests flaky) and no ``too_slow`` health check. Select it with one
  line in your ``conftest.py``, ``hypothesis.settings.load_profile("symconv")``, or with
  ``pytest --hypothesis-profile=symconv``.

In ``pyproject.toml``::

    [tool.pytest.ini_options]
    symconv_derivations = ["proofs/*.py"]
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from pathlib import Path

import pytest
import sympy

from .proof import Derivation, Report
from .proof.sources import load

__all__ = ["DerivationFailed", "checked", "remember", "register_profile", "PROFILE", "DEFAULT_PATTERNS"]

#: The Hypothesis profile this plugin registers.
PROFILE = "symconv"
#: File patterns collected as derivation sources unless ``symconv_derivations`` says otherwise.
DEFAULT_PATTERNS = ("*_proofs.py", "proofs_*.py")

_REPORTS: dict[tuple[str, str, int], Report] = {}


def checked(derivation: Derivation, seed: int = 0) -> Report:
    """The report of ``derivation`` at ``seed``, checked once per test session and shared by
    every test that asks (the derivation items, the notes' and the CLI's tests)."""
    key = (derivation.name, derivation.title, seed)
    if key not in _REPORTS:
        _REPORTS[key] = derivation.report(seed=seed)
    return _REPORTS[key]


def remember(derivation: Derivation, report: Report, seed: int = 0) -> None:
    """Share a report the session computed elsewhere (a suite's own cache of the same derivations)
    so that the derivation items do not check it again. ``report`` must be ``derivation``'s.

    >>> import sympy
    >>> from symconv.proof import EXPAND, Step
    >>> x = sympy.Symbol("x")
    >>> step = Step((x + 1)**2, x**2 + 2*x + 1, "expand", EXPAND)
    >>> d = Derivation("square-of-sum", "A square", "expand", steps=(step,))
    >>> report = d.report()
    >>> remember(d, report)
    >>> checked(d) is report
    True
    """
    if report.derivation is not derivation:
        raise ValueError("remember: the report is not the derivation's")
    _REPORTS[(derivation.name, derivation.title, seed)] = report


class DerivationFailed(Exception):
    """A derivation item's failure: carries the report."""

    def __init__(self, report: Report) -> None:
        super().__init__(report.failure())
        self.report = report


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("symconv")
    group.addoption(
        "--symconv-seed",
        type=int,
        default=0,
        dest="symconv_seed",
        help="seed of the derivations' random numeric checks (default 0)",
    )
    parser.addini(
        "symconv_derivations",
        type="args",
        default=list(DEFAULT_PATTERNS),
        help="glob patterns of derivation files collected as test items",
    )


def register_profile() -> None:
    """Register the Hypothesis profile :data:`PROFILE` (when Hypothesis is installed). Done when
    the plugin is imported, before any ``conftest.py`` (the one next to the tests pytest is given
    is read before ``pytest_configure``), so that their ``load_profile("symconv")`` finds it."""
    try:
        from hypothesis import HealthCheck, settings
    except ImportError:  # Hypothesis is optional
        return
    settings.register_profile(PROFILE, deadline=None, suppress_health_check=[HealthCheck.too_slow])


register_profile()


def _matches(path: Path, config: pytest.Config) -> bool:
    patterns = config.getini("symconv_derivations")
    try:
        relative = path.relative_to(config.rootpath).as_posix()
    except ValueError:
        relative = path.as_posix()
    return any(fnmatch.fnmatch(path.name, pattern) or fnmatch.fnmatch(relative, pattern) for pattern in patterns)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".py" and not file_path.name.startswith("_") and _matches(file_path, parent.config):
        return DerivationFile.from_parent(parent, path=file_path)
    return None


class DerivationFile(pytest.File):
    """A derivation source: one item per derivation."""

    def collect(self) -> Iterator[pytest.Item]:
        for source in load(self.path):
            for derivation in source.derivations:
                item = DerivationItem.from_parent(self, name=derivation.name)
                item.derivation = derivation
                yield item


class DerivationItem(pytest.Item):
    """One derivation, verified (exactly and numerically) as a test."""

    #: the derivation this item verifies (set by :class:`DerivationFile` when it collects it)
    derivation: Derivation

    def runtest(self) -> None:
        report = checked(self.derivation, self.config.getoption("symconv_seed"))
        if not report.ok:
            raise DerivationFailed(report)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: str | None = None) -> str:
        if isinstance(excinfo.value, DerivationFailed):
            report = excinfo.value.report
            return f"{sympy.sstr(report)}\nfirst failure: {report.failure().splitlines()[0]}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"derivation {self.derivation.name}: {self.derivation.title}"
