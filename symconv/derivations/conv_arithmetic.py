r"""The fifteen relationships of Dumoulin and Visin, "A guide to convolution arithmetic for deep
learning" (2016), each stated in their notation (``i, k, s, p, o``; ``i', k', s', p', o', a``)
and in the seminar's (``h, q, s, p, w``), and proved as a special case of symconv's general
formulas ``conv_output_size`` and ``transposed_output_size``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import Eq, floor

from symconv import conv_output_size, transposed_output_size
from symconv.printing.tables import Table
from symconv.proof import EXPAND, Check, Derivation, Step, require
from symconv.proof.display import AsWritten, unevaluated, written
from symconv.proof.run import run
from symconv.proof.transformations import evaluated
from symconv.symbols import symbols

# the guide's letters
i, k, s, o = symbols("i k s o", integer=True, positive=True)
p = sympy.Symbol("p", integer=True, nonnegative=True)
d = sympy.Symbol("d", integer=True, positive=True)
n = sympy.Symbol("n", integer=True, nonnegative=True)
a = sympy.Symbol("a", integer=True, nonnegative=True)
i_, o_ = sympy.Symbol("i'", integer=True, positive=True), sympy.Symbol("o'", integer=True, positive=True)
# the seminar's letters
h, q, w = symbols("h q w", integer=True, positive=True)
SEMINAR = {i: h, i_: h, k: q, o: w, o_: w}


@dataclass(frozen=True)
class Relationship:
    number: int
    case: str
    guide: Eq  # in the guide's notation
    general: Any  # symconv's general formula, specialised (in the guide's letters)


def _written(*terms: Any) -> sympy.Expr:
    """A sum as the guide writes it: its terms in the guide's order, not evaluated."""
    return sympy.Add(*terms, evaluate=False)


def _times(*factors: Any) -> sympy.Expr:
    return sympy.Mul(*factors, evaluate=False)


def _minus(term: Any) -> sympy.Expr:
    return sympy.Mul(-1, term, evaluate=False)


def _over(numerator: sympy.Expr, denominator: sympy.Expr) -> sympy.Expr:
    return sympy.Mul(numerator, sympy.Pow(denominator, -1), evaluate=False)


def relationships() -> list[Relationship]:
    """The guide's relationships, each with symconv's general formula, the case's parameters put in.

    Both sides are written as they are stated (SymPy's evaluation off): the guide's formula as the
    guide writes it, symconv's with the numbers and expressions of the case in place of ``s, p, d, a``.
    """
    conv = lambda *parameters: _unevaluated(conv_output_size, *parameters)  # noqa: E731
    tconv = lambda *parameters: _unevaluated(transposed_output_size, *parameters)  # noqa: E731
    W = _written
    return [
        Relationship(1, "$s = 1$, $p = 0$", Eq(o, W(i, -k, 1)), conv(i, k)),
        Relationship(2, "$s = 1$", Eq(o, W(i, -k, 2 * p, 1)), conv(i, k, 1, p)),
        Relationship(3, "half padding: $k = 2n + 1$, $p = n$, $s = 1$", Eq(o, i), conv(i, 2 * n + 1, 1, n)),
        Relationship(4, "full padding: $p = k - 1$, $s = 1$", Eq(o, W(i, k, -1)), conv(i, k, 1, k - 1)),
        Relationship(5, "$p = 0$", Eq(o, W(floor(_over(W(i, -k), s)), 1)), conv(i, k, s)),
        Relationship(6, "general", Eq(o, W(floor(_over(W(i, 2 * p, -k), s)), 1)), conv(i, k, s, p)),
        Relationship(7, "pooling (window $k$, stride $s$)", Eq(o, W(floor(_over(W(i, -k), s)), 1)), conv(i, k, s)),
        Relationship(8, "transposed of 1: $k' = k$, $s' = 1$, $p' = k - 1$", Eq(o_, W(i_, k, -1)), tconv(i_, k)),
        Relationship(9, "transposed of 2: $p' = k - p - 1$", Eq(o_, W(i_, W(k, -1), -2 * p)), tconv(i_, k, 1, p)),
        Relationship(10, "transposed of 3: $p' = n$", Eq(o_, i_), tconv(i_, 2 * n + 1, 1, n)),
        Relationship(11, "transposed of 4: $p' = 0$", Eq(o_, W(i_, _minus(W(k, -1)))), tconv(i_, k, 1, k - 1)),
        Relationship(
            12,
            "transposed of 5 ($s \\mid i - k$): stretched input, $p' = k - 1$",
            Eq(o_, W(_times(s, W(i_, -1)), k)),
            tconv(i_, k, s),
        ),
        Relationship(
            13,
            "transposed of 6 ($s \\mid i + 2p - k$): $p' = k - p - 1$",
            Eq(o_, W(_times(s, W(i_, -1)), k, -2 * p)),
            tconv(i_, k, s, p),
        ),
        Relationship(
            14,
            "transposed, general: $a = (i + 2p - k) \\bmod s$",
            Eq(o_, W(_times(s, W(i_, -1)), a, k, -2 * p)),
            tconv(i_, k, s, p, 1, a),
        ),
        Relationship(
            15,
            "dilation $d$",
            Eq(o, W(floor(_over(W(i, 2 * p, -k, _minus(_times(W(k, -1), W(d, -1)))), s)), 1)),
            conv(i, k, s, p, d),
        ),
    ]


def _unevaluated(formula: Any, *parameters: Any) -> Any:
    """symconv's general ``formula`` with ``parameters`` put in, SymPy's evaluation off."""
    with unevaluated():
        return formula(*parameters)


def seminar_form(relation: Eq) -> Eq:
    """A relationship in the seminar's letters: input ``h``, kernel ``q``, output ``w``."""
    return relation.xreplace(SEMINAR)


#: each relationship as the seminar writes it (T6: ``w = (h-1)s - 2p + q``), checked equal to the
#: guide's in the seminar's letters (:func:`seminar_form`) when the table is built
SEMINAR_WRITTEN = {
    1: "h - q + 1",
    2: "h + 2*p - q + 1",
    3: "h",
    4: "h + q - 1",
    5: "floor((h - q)/s) + 1",
    6: "floor((h + 2*p - q)/s) + 1",
    7: "floor((h - q)/s) + 1",
    8: "h + q - 1",
    9: "h - 2*p + q - 1",
    10: "h",
    11: "h - q + 1",
    12: "(h - 1)*s + q",
    13: "(h - 1)*s - 2*p + q",
    14: "(h - 1)*s - 2*p + q + a",
    15: "floor((h + 2*p - q - (q - 1)*(d - 1))/s) + 1",
}


def seminar_written(relation: Relationship) -> AsWritten:
    """The relationship as the seminar writes it, refused unless it is the guide's in the seminar's letters."""
    lhs = SEMINAR[relation.guide.lhs]
    rhs = written(SEMINAR_WRITTEN[relation.number], h=h, q=q, s=s, p=p, a=a, d=d)
    return AsWritten(Eq(lhs, rhs, evaluate=False), seminar_form(relation.guide))


def table() -> Table:
    """The fifteen relationships side by side, as one table."""
    return Table(
        ("#", "case", "Dumoulin & Visin", "seminar"),
        tuple((str(r.number), r.case, AsWritten(r.guide), seminar_written(r)) for r in relationships()),
        align="rlll",
    )


def _against_integers(rng: random.Random) -> str:
    count = 0
    for r in relationships():
        general_formula, stated_formula = evaluated(r.general), evaluated(r.guide.rhs)
        for _ in range(40):
            values = {
                i: rng.randint(6, 20),
                i_: rng.randint(1, 8),
                k: rng.randint(1, 5),
                s: rng.randint(1, 3),
                p: rng.randint(0, 2),
                d: rng.randint(1, 3),
                n: rng.randint(0, 2),
            }
            values[a] = rng.randint(0, values[s] - 1)
            if r.number in (9, 11, 13):  # transposed outputs must be positive
                values[p] = min(values[p], values[k] - 1)
            general = general_formula.xreplace(values)
            stated = stated_formula.xreplace(values)
            require(general == stated, (r.number, values))
            count += 1
    return f"{count} integer cases"


def derivations() -> list[Derivation]:
    rows = relationships()
    return [
        Derivation(
            name="conv-arithmetic",
            title="The 15 relationships of Dumoulin and Visin (2016) as special cases",
            statement=(
                "Each relationship of the guide, as the guide writes it, is symconv's general formula with the "
                "case's parameters put in, simplified; in the seminar's notation $i, i' \\to h$, $k \\to q$, "
                "$o, o' \\to w$."
            ),
            steps=tuple(
                # shown as "o = <the guide's formula>": the general formula is named by what it computes
                Step.specialisation(
                    r.general,
                    r.guide.rhs,
                    f"{r.case}: the general formula gives relationship {r.number}",
                    EXPAND,
                    display_rhs=r.guide.rhs,
                    named=(r.guide.lhs, None),
                )
                for r in rows
            ),
            checks=(Check("each relationship on random integers", _against_integers),),
        )
    ]


if __name__ == "__main__":
    raise SystemExit(run(derivations()))
