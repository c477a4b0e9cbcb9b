r"""Where derivations come from: a ``.py`` file, a folder of them, a module, or an installed package.

A *derivation source* is a Python module that defines ``derivations()`` returning
:class:`~symconv.proof.Derivation` objects (as every topic of ``symconv.derivations`` does),
or, failing that, holds :class:`~symconv.proof.Derivation` objects at module level. Its
title is the first line of its docstring. An installed package registers its sources under
the entry-point group ``symconv.derivations``::

    [project.entry-points."symconv.derivations"]
    my_course = "my_course.proofs"

``symconv prove PATH``, ``symconv notes --derivations PATH`` and the pytest plugin
(:mod:`symconv.pytest_plugin`) read them through :func:`load`.

>>> import textwrap, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "my_proofs.py").write_text(textwrap.dedent('''
...     'Squares, for my course.'
...     import sympy
...     from symconv.proof import EXPAND, Derivation, Step
...     x = sympy.Symbol("x")
...     SQUARE = Derivation("square", "A square", "expanding a square",
...                         steps=(Step((x + 1)**2, x**2 + 2*x + 1, "binomial formula", EXPAND),))
... '''))
>>> [(source.title, [d.name for d in source.derivations]) for source in load(str(folder / "my_proofs.py"))]
[('Squares, for my course.', ['square'])]
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType

from ..errors import SpecError, SymconvError
from .derivation import Derivation

__all__ = [
    "DerivationSource",
    "SourceError",
    "ENTRY_POINT_GROUP",
    "load",
    "from_module",
    "registered",
    "derivations_of",
]

#: The entry-point group under which installed packages register derivation modules.
ENTRY_POINT_GROUP = "symconv.derivations"


class SourceError(SymconvError, ImportError):
    """A derivation source exists but could not be imported (its own error, in one line)."""


@dataclass(frozen=True)
class DerivationSource:
    """The derivations of one module, with the title of their section and where they came from."""

    name: str
    title: str
    derivations: tuple[Derivation, ...]
    origin: str


def from_module(module: ModuleType, origin: str | None = None) -> DerivationSource:
    """The derivations a module defines: ``derivations()``, else its module-level ``Derivation`` objects."""
    origin = origin or module.__name__
    factory = getattr(module, "derivations", None)
    if callable(factory):
        found = tuple(factory())
    else:
        found = tuple(value for value in vars(module).values() if isinstance(value, Derivation))
    wrong = [type(d).__name__ for d in found if not isinstance(d, Derivation)]
    if wrong:
        raise SpecError("source", f"{origin}: derivations() must return Derivation objects, got {wrong[0]}")
    if not found:
        raise SpecError("source", f"{origin} defines no derivations (a derivations() function or Derivation objects)")
    doc = (module.__doc__ or "").strip()
    short = module.__name__.rsplit(".", 1)[-1]
    title = doc.splitlines()[0].strip() if doc else short.replace("_", " ").capitalize()
    return DerivationSource(short, title, found, origin)


def _import_file(path: Path) -> ModuleType:
    name = f"symconv_user_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SpecError("source", f"{path} is not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))  # the file may import its neighbours
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except SymconvError:
        raise
    except Exception as error:  # the user's file failed: say where, in one line
        sys.modules.pop(name, None)
        raise SourceError(f"{path}: {type(error).__name__}: {error}".splitlines()[0]) from error
    finally:
        sys.path.remove(str(path.parent))
    module.__name__ = path.stem
    return module


def registered() -> dict[str, str]:
    """Installed derivation sources: entry-point name -> module (the group ``symconv.derivations``)."""
    return {point.name: point.value for point in entry_points(group=ENTRY_POINT_GROUP)}


def _import_module(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name and name.startswith(error.name):
            raise SpecError("source", f"no file, folder, installed source or module named {name!r}") from None
        raise SourceError(f"{name}: {type(error).__name__}: {error}") from error
    except SymconvError:
        raise
    except Exception as error:
        raise SourceError(f"{name}: {type(error).__name__}: {error}".splitlines()[0]) from error


def load(target: str | Path) -> list[DerivationSource]:
    """The derivation sources ``target`` names: a ``.py`` file, a folder (its ``*.py`` files not
    starting with ``_``, in name order), an installed source (entry point) or an importable module.
    """
    path = Path(target)
    if path.is_dir():
        files = sorted(p for p in path.glob("*.py") if not p.name.startswith("_"))
        if not files:
            raise SpecError("source", f"{path} holds no .py files")
        return [from_module(_import_file(p), str(p)) for p in files]
    if path.suffix == ".py":
        if not path.is_file():
            raise SpecError("source", f"no file {path}")
        return [from_module(_import_file(path), str(path))]
    name = str(target)
    module = registered().get(name, name)
    return [from_module(_import_module(module), module)]


def derivations_of(sources: Iterable[DerivationSource]) -> list[Derivation]:
    """Every derivation of the sources, in order."""
    return [d for source in sources for d in source.derivations]
