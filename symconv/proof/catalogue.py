r"""The catalogue of transformations: every rule a step can be checked under, as a derivation
writes it, with what it rewrites and its side conditions, read from the rule's own docstring.

The README's table is :func:`table` (``python -m symconv.proof.catalogue`` prints it; a test
keeps the README and the docstrings in sync). :func:`candidates` are the rules without
parameters, which a failing step's explanation tries (:mod:`.explain`).

>>> print(table().splitlines()[0])
| transformation | rewrites | side conditions |
>>> [entry.usage for entry in CATALOGUE][:3]
['STRUCTURAL', 'EXPAND', 'DOIT']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

from .arithmetic import WRITTEN_OUT, KnownSigns
from .deltas import COLLAPSE, ZeroExtension
from .integers import Euclid, IntegerParts, Residues, Within
from .linear import LINEAR
from .sums import SUMS, ExtendSum, Reindex, SplitSum
from .transformations import DOIT, DOIT_EXPAND, EXPAND, STRUCTURAL, Composition, Transformation, ZeroDifference

__all__ = ["Entry", "CATALOGUE", "table", "candidates", "markdown"]


@dataclass(frozen=True)
class Entry:
    """One rule of the catalogue: how a derivation writes it (``usage``) and the rule, an
    instance or, for a rule with parameters, its class."""

    usage: str
    rule: Union[Transformation, type[Transformation]]

    @property
    def description(self) -> str:
        """The rule's docstring without its examples."""
        if isinstance(self.rule, Transformation):
            return self.rule.description
        return Transformation(doc=self.rule.__doc__ or "").description

    @property
    def rewrites(self) -> str:
        """What the rule rewrites: its description up to "Side conditions"."""
        return self.description.split("Side conditions", 1)[0].strip()

    @property
    def side_conditions(self) -> str:
        """Its side conditions (what must hold for the rewrite to be valid, and whether each is
        checked): its description from "Side conditions" on."""
        parts = self.description.split("Side conditions", 1)
        return "Side conditions" + parts[1] if len(parts) == 2 else ""


#: Every rule, as the derivations write it (``from symconv.proof import ...``).
CATALOGUE: tuple[Entry, ...] = (
    Entry("STRUCTURAL", STRUCTURAL),
    Entry("EXPAND", EXPAND),
    Entry("DOIT", DOIT),
    Entry("DOIT_EXPAND", DOIT_EXPAND),
    Entry("SUMS", SUMS),
    Entry("reindex(old, substitution, new)", Reindex),
    Entry("split_sum(variable, modulus, quotient, remainder, count)", SplitSum),
    Entry("extend_sum(variable, high, new_high)", ExtendSum),
    Entry("COLLAPSE", COLLAPSE),
    Entry("zero_extension((function, definition), ...)", ZeroExtension),
    Entry("within((v, low, high), ...)", Within),
    Entry("residues(modulus, *variables)", Residues),
    Entry("euclid(modulus, (r, c), ..., eliminate=None)", Euclid),
    Entry("integer_parts((v, low, high), ...)", IntegerParts),
    Entry("known_signs((v, low, high), ...)", KnownSigns),
    Entry("WRITTEN_OUT", WRITTEN_OUT),
    Entry("LINEAR", LINEAR),
    Entry("Transformation(name, function)", Transformation),
    Entry("ZeroDifference(name, function)", ZeroDifference),
    Entry("a >> b, chain(a, b, ...)", Composition),
)


def candidates() -> tuple[Transformation, ...]:
    """The rules a failing step's explanation tries: those without parameters, and
    :class:`~.integers.Within` and :class:`~.integers.IntegerParts` with the bounds of the sums
    only (none stated).

    >>> [rule.name for rule in candidates()][:4]
    ['structural equality', 'expand', 'doit', 'doit and expand']
    """
    rules = [entry.rule for entry in CATALOGUE if isinstance(entry.rule, Transformation)]
    return (*rules, Within(), IntegerParts())


_ROLE = re.compile(r":\w+:`~?\.?([\w.]+)`")


def markdown(text: str) -> str:
    """Docstring text (reStructuredText) as one line of a Markdown table cell: literals and
    cross-references as code, ``|`` escaped.

    >>> markdown("``s | x`` and :data:`~.sums.SUMS`")
    '`s \\\\| x` and `SUMS`'
    """
    text = _ROLE.sub(lambda m: f"`{m.group(1).rsplit('.', 1)[-1]}`", text)
    text = text.replace("``", "`")
    return " ".join(text.split()).replace("|", "\\|")


def table() -> str:
    """The catalogue as a Markdown table: how a derivation writes each rule, what it rewrites,
    its side conditions (the README's catalogue)."""
    lines = ["| transformation | rewrites | side conditions |", "|---|---|---|"]
    for entry in CATALOGUE:
        lines.append(f"| `{entry.usage}` | {markdown(entry.rewrites)} | {markdown(entry.side_conditions)} |")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - prints the README's table
    print(table())
