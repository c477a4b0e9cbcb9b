r"""The mutant catalogue: targeted mutants of symconv's library and of its proof checker.

A mutant is one or more text edits of a source file (:class:`Edit`: a search string that
must occur exactly ``count`` times, and its replacement), applied to a temporary copy of the
checkout. Each mutant says what it models (``description``); ``killers`` names tests that
must kill it (the quick check that :mod:`.runner` runs with ``--killers`` and the slow test
``tests/test_mutation.py`` runs for :data:`REPRESENTATIVE`); ``survivor`` gives the reason
a mutant is allowed to survive (an equivalent mutant, or a checker weakness that another
change is to fix), shown beside it in the table.

When the source changes so that a search string no longer occurs, the runner reports the
mutant as *not applicable* (and exits non-zero): update the catalogue, never drop a mutant
silently. A mutant may carry ``variants``, the same fault written for a rewritten version of
the sources (the checker mutants have variants for the rules-sound and numeric-closed
rewrites); the first edit set that applies is used.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = ["Edit", "Mutant", "MUTANTS", "REPRESENTATIVE", "find"]


@dataclass(frozen=True)
class Edit:
    """Replace ``search`` by ``replace`` in ``path`` (relative to the checkout); ``search`` must
    occur exactly ``count`` times."""

    path: str
    search: str
    replace: str
    count: int = 1


@dataclass(frozen=True)
class Mutant:
    """A named mutant: its area (``library:...`` or ``checker:...``), what it models, its edits."""

    name: str
    area: str
    description: str
    edits: tuple[Edit, ...]
    killers: tuple[str, ...] = ()
    survivor: str = ""
    #: the same fault written for other versions of the sources (the first edit set that applies is used)
    variants: tuple[tuple[Edit, ...], ...] = ()


INDEXMAP = "symconv/indexmap.py"
TRANSPOSED = "symconv/ops/transposed.py"
SIZES = "symconv/sizes.py"
INTERPOLATION = "symconv/interpolation.py"
POSITION = "return s * o - p + d * k"
CONV_INT = "return (h + before + after - d * (q - 1) - 1) // s + 1"
TRANSPOSED_INT = "w = (h - 1) * s - 2 * p + d * (q - 1) + a + 1"


def _edit(path: str, search: str, replace: str, count: int = 1) -> tuple[Edit, ...]:
    return (Edit(path, search, replace, count),)


LIBRARY: list[Mutant] = [
    # --- the index map i = s o - p + d k
    Mutant(
        "indexmap-stride-off-by-one",
        "library:index map",
        "s o - p + d k + 1 when s > 1",
        _edit(INDEXMAP, POSITION, "return s * o - p + d * k + (1 if s > 1 else 0)"),
        # one test, by its wrong pairs (the module's other tests crash on a symbolic s > 1)
        killers=("tests/test_indexmap.py::test_index_map_is_every_pair_inside_the_input",),
    ),
    Mutant(
        "indexmap-dilation-off-by-one",
        "library:index map",
        "s o - p + d k + 1 when d > 1",
        _edit(INDEXMAP, POSITION, "return s * o - p + d * k + (1 if d > 1 else 0)"),
        killers=("tests/test_indexmap.py",),
    ),
    Mutant(
        "indexmap-padding-sign",
        "library:index map",
        "s o + p + d k (the sign of p)",
        _edit(INDEXMAP, POSITION, "return s * o + p + d * k"),
    ),
    Mutant(
        "indexmap-stride-times-tap",
        "library:index map",
        "s o - p + s k when s > 1 (stride and dilation swapped)",
        _edit(INDEXMAP, POSITION, "return s * o - p + (s if s > 1 else d) * k"),
    ),
    Mutant(
        "indexmap-last-input-dropped",
        "library:index map",
        "a pair reading the last input counts as padding (i < h - 1)",
        _edit(
            INDEXMAP,
            "inside = (i >= 0) & (i < spec.input_shape[axis])\n        shape = [1]",
            "inside = (i >= 0) & (i < spec.input_shape[axis] - 1)\n        shape = [1]",
        ),
    ),
    Mutant(
        "sliding-window-stride-off-by-one",
        "library:sliding window",
        "the window of output o starts at s o + 1 when s > 1 (the independent route)",
        _edit(
            "symconv/ops/sliding_window.py",
            "slice(s * oi, s * oi + e, d)",
            "slice(s * oi + (s > 1), s * oi + e + (s > 1), d)",
        ),
    ),
    # --- the transposed recipe (T2)
    Mutant(
        "recipe-pads-one-more",
        "library:recipe",
        "pads d(q-1) - p + 1 zeros before and d(q-1) - p - 1 after (same size, shifted by one)",
        (
            Edit(
                TRANSPOSED,
                "padded[_window(border, spread_shape, padded_shape, 0)] = "
                "spread[_window(border, spread_shape, padded_shape, 1)]",
                "shifted = [b + 1 for b in border]\n    padded[_window(shifted, spread_shape, padded_shape, 0)] = "
                "spread[_window(shifted, spread_shape, padded_shape, 1)]",
            ),
        ),
    ),
    Mutant(
        "recipe-one-zero-too-many",
        "library:recipe",
        "one zero too many at the far end (the output one element longer)",
        _edit(
            TRANSPOSED,
            "n + 2 * b + a for n, b, a in zip(spread_shape,",
            "n + 2 * b + a + 1 for n, b, a in zip(spread_shape,",
        ),
    ),
    Mutant(
        "recipe-forgets-output-padding",
        "library:recipe",
        "the output padding a is not added to the padded array",
        _edit(
            TRANSPOSED,
            "n + 2 * b + a for n, b, a in zip(spread_shape,",
            "n + 2 * b for n, b, a in zip(spread_shape,",
        ),
    ),
    Mutant(
        "recipe-kernel-not-rotated",
        "library:recipe",
        "the kernel slides unrotated",
        _edit(TRANSPOSED, "rotated = rotate_kernel(as_kernel(kernel, q))", "rotated = as_kernel(kernel, q)"),
        killers=("tests/test_transposed.py::test_matrix_and_recipe_agree_with_scatter",),
    ),
    Mutant(
        "recipe-rotates-first-axis-only",
        "library:recipe",
        "rotate_kernel reverses the first axis only (a 2-D kernel flipped, not rotated)",
        _edit(
            TRANSPOSED,
            "array[tuple(slice(None, None, -1) for _ in range(array.ndim))]",
            "array[(slice(None, None, -1),)]",
        ),
    ),
    Mutant(
        "recipe-inserts-s-zeros",
        "library:recipe",
        "s zeros inserted between neighbours instead of s - 1",
        (
            Edit(
                TRANSPOSED,
                "(hj - 1) * sj + 1 for hj, sj in zip(h, s)",
                "(hj - 1) * (sj + 1) + 1 for hj, sj in zip(h, s)",
            ),
            Edit(TRANSPOSED, "slice(None, None, sj) for sj in s", "slice(None, None, sj + 1) for sj in s"),
        ),
    ),
    Mutant(
        "transposed-matrix-all-forward-rows",
        "library:recipe",
        "C^T keeps every row of the forward convolution when a >= s (PyTorch uses the first h)",
        _edit(
            TRANSPOSED,
            "imap = index_map(forward, max_nonzeros=max_nonzeros).restrict_outputs(tspec.input_shape)",
            "imap = index_map(forward, max_nonzeros=max_nonzeros)",
        ),
    ),
    # --- the size formulas
    Mutant(
        "conv-size-off-by-one",
        "library:sizes",
        "conv size floor((h + 2p - d(q-1))/s) + 1 for ints (the -1 dropped; wrong when s | h + 2p - d(q-1))",
        _edit(SIZES, CONV_INT, "return (h + before + after - d * (q - 1)) // s + 1"),
    ),
    Mutant(
        "conv-size-ceiling",
        "library:sizes",
        "conv size with ceil instead of floor, for ints",
        _edit(SIZES, CONV_INT, "return -(-(h + before + after - d * (q - 1) - 1) // s) + 1"),
    ),
    Mutant(
        "conv-size-symbolic-ceiling",
        "library:sizes",
        "the symbolic conv size with ceiling instead of floor",
        _edit(
            SIZES,
            "return sympy.floor((h + before + after - d * (q - 1) - 1) / s) + 1",
            "return sympy.ceiling((h + before + after - d * (q - 1) - 1) / s) + 1",
        ),
    ),
    Mutant(
        "transposed-size-off-by-one",
        "library:sizes",
        "transposed size without the + 1, for ints",
        _edit(SIZES, TRANSPOSED_INT, "w = (h - 1) * s - 2 * p + d * (q - 1) + a", count=1),
    ),
    Mutant(
        "transposed-size-forgets-output-padding",
        "library:sizes",
        "transposed size without a, for ints",
        _edit(SIZES, TRANSPOSED_INT, "w = (h - 1) * s - 2 * p + d * (q - 1) + 1"),
    ),
    Mutant(
        "transposed-size-symbolic-hs",
        "library:sizes",
        "the symbolic transposed size with h s instead of (h - 1) s",
        _edit(
            SIZES,
            "return (h - 1) * s - 2 * p + d * (q - 1) + a + 1",
            "return h * s - 2 * p + d * (q - 1) + a + 1",
        ),
    ),
    Mutant(
        "transposed-size-output-padding-rule",
        "library:sizes",
        "output padding must be smaller than the stride (PyTorch allows a < d too)",
        _edit(SIZES, "if a >= s and a >= d:", "if a >= s:"),
    ),
    # --- the kernels
    Mutant(
        "tent-wrong-width",
        "library:kernels",
        "the tent 1 - |t|/(f + 1)",
        _edit(INTERPOLATION, "[1 - Rational(abs(t), f) for t", "[1 - Rational(abs(t), f + 1) for t"),
    ),
    Mutant(
        "tent-wrong-tap-beyond-seminar",
        "library:kernels",
        "the tap t = 1 is 1/2 (right for f = 2, the seminar's kernel; wrong for f >= 3)",
        _edit(
            INTERPOLATION,
            "[1 - Rational(abs(t), f) for t",
            "[1 - Rational(abs(t), f) if t != 1 else Rational(1, 2) for t",
        ),
        killers=("tests/test_interpolation.py::test_transposed_convolution_is_align_corners_true",),
    ),
    Mutant(
        "tent-last-tap-dropped",
        "library:kernels",
        "the tent without its last tap (size 2f - 2)",
        _edit(INTERPOLATION, "for t in range(-(f - 1), f)]", "for t in range(-(f - 1), f - 1)]"),
    ),
    Mutant(
        "fcn-kernel-centre",
        "library:kernels",
        "FCN kernel of even size centred at f' - 1 (as for odd sizes)",
        _edit(
            INTERPOLATION,
            "centre = Rational(half - 1) if size % 2 else Rational(2 * half - 1, 2)",
            "centre = Rational(half - 1)",
        ),
    ),
    Mutant(
        "fcn-kernel-width",
        "library:kernels",
        "FCN kernel with f' = size // 2 (differs for odd sizes, f odd >= 3)",
        _edit(INTERPOLATION, "half = (size + 1) // 2", "half = size // 2 if size > 1 else 1"),
    ),
    Mutant(
        "fcn-spec-padding-floor",
        "library:kernels",
        "FCN padding floor((f - 1)/2) instead of ceil",
        _edit(INTERPOLATION, "padding=-(-(f - 1) // 2)", "padding=(f - 1) // 2"),
    ),
    Mutant(
        "bilinear-spec-padding-half",
        "library:kernels",
        "the exercise's padding f // 2 instead of f - 1 (the same for f = 2)",
        _edit(INTERPOLATION, "padding=f - 1 if padding is None", "padding=f // 2 if padding is None"),
    ),
    # --- interpolation
    Mutant(
        "interpolate-no-half-pixel-clamp",
        "library:interpolation",
        "align_corners=False without the clamp at 0 (the border reads X[-1], the last input)",
        _edit(INTERPOLATION, "position = max(position, Rational(0))", "position = position"),
        killers=("tests/test_interpolation.py::test_half_pixel_borders_match_an_independent_numpy_reference",),
    ),
    Mutant(
        "interpolate-clamp-without-wrap",
        "library:interpolation",
        "align_corners=False without the clamp, the first cell extrapolated from X[0], X[1]",
        (
            Edit(INTERPOLATION, "position = max(position, Rational(0))", "position = position"),
            Edit(
                INTERPOLATION,
                "i0 = min(int(sympy.floor(position)), h - 1)",
                "i0 = max(min(int(sympy.floor(position)), h - 1), 0)",
            ),
        ),
    ),
    Mutant(
        "interpolate-align-corners-ignored",
        "library:interpolation",
        "align_corners=False samples at j/f (the align_corners=True positions) on f h outputs",
        _edit(
            INTERPOLATION,
            "sources = [[_source(j, h, f, align_corners) for j",
            "sources = [[_source(j, h, f, True) for j",
        ),
    ),
    Mutant(
        "interpolate-no-half-pixel-offset",
        "library:interpolation",
        "align_corners=False samples at (j + 1/2)/f (the - 1/2 forgotten)",
        _edit(
            INTERPOLATION,
            "position = Rational(2 * j + 1, 2 * f) - Rational(1, 2)",
            "position = Rational(2 * j + 1, 2 * f)",
        ),
    ),
    Mutant(
        "interpolate-weights-swapped",
        "library:interpolation",
        "the corner weights x and 1 - x swapped",
        _edit(INTERPOLATION, "weight *= x if c else 1 - x", "weight *= 1 - x if c else x"),
    ),
]

PROOF = "symconv/proof/"

CHECKER: list[Mutant] = [
    # --- sums
    Mutant(
        "sums-dependent-limits-reordered",
        "checker:SUMS",
        "merge_sums sorts limits that depend on each other (a triangular sum reordered)",
        _edit(
            PROOF + "sums.py",
            "if any(sympy.Tuple(*limit[1:]).free_symbols & variables for limit in limits):",
            "if False:",
        ),
        survivor=(
            "equivalent: sorting limits changes a sum only when a limit depends on another summation variable; "
            "two sides that compare equal after the sort have the same limits, and with every letter renamed "
            "apart (a letter both free and bound is refused) both are valid nestings of them, which are equal "
            "finite sums (the same set of index tuples); the capture case is sums-dependent-limits in "
            "tests/test_soundness.py"
        ),
    ),
    Mutant(
        "sums-factor-into-second-sum",
        "checker:SUMS",
        "a factor moved into a sum that binds its letter also when two sums are multiplied "
        "(capture; today's merge_sums already captures with one sum)",
        _edit(PROOF + "sums.py", "if len(sums) == 1:", "if sums:"),
        survivor=(
            "equivalent: the summation variables are renamed apart before merging, so no other factor can "
            "contain them; the capture case is sums-capture in tests/test_soundness.py"
        ),
    ),
    Mutant(
        "reindex-substitution-ignored",
        "checker:reindex",
        "reindex renames the variable without substituting (m -> k instead of m = q - 1 - k)",
        _edit(
            PROOF + "sums.py",
            "s.change_index(self.old, self.substitution.subs(self.new, self.old), self.new)",
            "s.change_index(self.old, self.old, self.new)",
        ),
        variants=(
            (
                Edit(
                    PROOF + "sums.py",
                    "body = substitute(inner, {old: slope * new + offset})",
                    "body = substitute(inner, {old: new})",
                ),
                Edit(
                    PROOF + "sums.py",
                    "ends = (low - offset, high - offset) if slope == 1 else (offset - high, offset - low)",
                    "ends = (low, high)",
                ),
            ),
        ),
    ),
    Mutant(
        "split-sum-range-unchecked",
        "checker:split_sum",
        "division with remainder applied whatever the upper limit (not only s m - 1)",
        _edit(
            PROOF + "sums.py",
            "if v == self.variable and low == 0 and sympy.expand(high - (self.modulus * self.count - 1)) == 0:",
            "if v == self.variable and low == 0:",
        ),
        variants=(
            _edit(
                PROOF + "sums.py",
                "if low != 0 or sympy.expand(high - (self.modulus * self.count - 1)) != 0:",
                "if low != 0:",
            ),
        ),
    ),
    # --- deltas
    Mutant(
        "collapse-drops-lower-bound",
        "checker:COLLAPSE",
        "COLLAPSE drops the range condition value >= low",
        _edit(
            PROOF + "deltas.py",
            "conditions += [value >= low] if low != -sympy.oo else []",
            "conditions += []",
        ),
        killers=("tests/test_proof.py::test_delta_collapse_and_sums",),
    ),
    Mutant(
        "collapse-drops-upper-bound",
        "checker:COLLAPSE",
        "COLLAPSE drops the range condition value <= high",
        _edit(
            PROOF + "deltas.py",
            "conditions += [value <= high] if high != sympy.oo else []",
            "conditions += []",
        ),
    ),
    Mutant(
        "collapse-coefficient-two",
        "checker:COLLAPSE/DOIT",
        "deltas with coefficient +-2 summed by dividing (the divisibility condition dropped, as SymPy's DOIT does)",
        _edit(PROOF + "deltas.py", "if coefficient not in (1, -1) or", "if coefficient not in (1, -1, 2, -2) or"),
    ),
    Mutant(
        "collapse-variable-in-rest",
        "checker:COLLAPSE",
        "a delta collapsed although the variable occurs in the rest (k delta(k, k^2 ...))",
        _edit(
            PROOF + "deltas.py",
            "if coefficient not in (1, -1) or variable in rest.free_symbols:",
            "if coefficient not in (1, -1):",
        ),
    ),
    Mutant(
        "zero-extension-definition-ignored",
        "checker:zero_extension",
        "zero_extension compares without substituting the definitions in its exact check",
        _edit(
            PROOF + "deltas.py",
            "return canonical_zero_extension(merge_sums(self.unfold(expr)))",
            "return canonical_zero_extension(merge_sums(expr))",
        ),
    ),
    # --- canonical conditions
    Mutant(
        "strict-as-non-strict",
        "checker:conditions",
        "a > b rewritten as a - b >= 0 (the strict inequality's 1 dropped)",
        _edit(PROOF + "conditions.py", "big - small - (1 if strict else 0)", "big - small"),
        variants=(_edit(PROOF + "conditions.py", "            difference -= 1\n", ""),),
    ),
    Mutant(
        "nested-zero-extension-drops-inner",
        "checker:conditions",
        "nested zero extensions keep only the outer condition",
        _edit(PROOF + "conditions.py", "condition = sympy.And(condition, inner)", "condition = condition"),
    ),
    Mutant(
        "positive-integers-from-two",
        "checker:conditions",
        "provably_nonnegative treats positive integers as >= 2",
        _edit(
            PROOF + "conditions.py",
            "expr.xreplace({v: fresh[v] + 1 for v in shifted})",
            "expr.xreplace({v: fresh[v] + 2 for v in shifted})",
        ),
        variants=(
            _edit(
                PROOF + "bounds.py",
                "sympy.Dummy(v.name, integer=True, nonnegative=True) + 1 for v in shifted",
                "sympy.Dummy(v.name, integer=True, nonnegative=True) + 2 for v in shifted",
            ),
        ),
    ),
    Mutant(
        "strictly-below-non-strict",
        "checker:conditions",
        "strictly_below accepts equality (bound - expr >= 0)",
        _edit(PROOF + "conditions.py", "if difference.is_positive:", "if difference.is_nonnegative:"),
        variants=(
            _edit(
                PROOF + "bounds.py",
                "return _provably(sympy.sympify(bound - expr), True)",
                "return _provably(sympy.sympify(bound - expr), False)",
            ),
        ),
    ),
    Mutant(
        "corners-lower-end-only",
        "checker:within/integer_parts",
        "corners evaluates each bounded variable at its lower end only (a corner skipped)",
        _edit(PROOF + "conditions.py", "for end in (low, high)]", "for end in (low,)]"),
        variants=(
            _edit(PROOF + "bounds.py", "for end in (low, high) for v in values]", "for end in (low,) for v in values]"),
        ),
    ),
    # --- integers
    Mutant(
        "within-one-corner-enough",
        "checker:within",
        "within: the relation holds when it holds at one corner",
        _edit(
            PROOF + "integers.py",
            "if isinstance(canonical, sympy.GreaterThan) and all(",
            "if isinstance(canonical, sympy.GreaterThan) and any(",
        ),
        variants=(
            _edit(
                PROOF + "integers.py",
                "if all(implied(value, scope.facts) for value in values):",
                "if any(implied(value, scope.facts) for value in values):",
            ),
        ),
    ),
    Mutant(
        "within-unlimited-slack",
        "checker:within",
        "within uses twice the width of the ranges as slack",
        _edit(PROOF + "integers.py", "sum(w * chosen for w, chosen", "sum(2 * w * chosen for w, chosen"),
        variants=(
            _edit(
                PROOF + "integers.py",
                "for e in (variable - low, high - variable, high - low)]",
                "for e in (variable - low, high - variable, high - low - 1)]",
            ),
        ),
    ),
    Mutant(
        "residues-wrong-end",
        "checker:residues",
        "residues substitutes the wrong end of 0..s-1 for each Mod",
        _edit(
            PROOF + "integers.py",
            "lowest.xreplace({m: 0 if sympy.expand(e).coeff(m).is_positive else self.modulus - 1})",
            "lowest.xreplace({m: self.modulus - 1 if sympy.expand(e).coeff(m).is_positive else 0})",
        ),
        variants=(
            _edit(
                PROOF + "integers.py",
                "ranges = tuple((placeholder, 0, self.modulus - 1) for placeholder",
                "ranges = tuple((placeholder, 0, 0) for placeholder",
            ),
        ),
    ),
    Mutant(
        "residues-any-sign",
        "checker:residues",
        "s | x + c read as c = Mod(x, s) (the coefficient of the residue not checked to be -1)",
        _edit(PROOF + "integers.py", "if coefficient == -1:", "if coefficient in (1, -1):"),
        variants=(
            _edit(
                PROOF + "integers.py",
                "if c is None or argument.coeff(c) != -1 or",
                "if c is None or argument.coeff(c) not in (1, -1) or",
            ),
        ),
        survivor=(
            "equivalent: with the coefficient +1 the argument is x + c and the check that c does not occur in "
            "x + c + c (2 c) already skips it, so only -1 reaches the rewrite"
        ),
    ),
    Mutant(
        "euclid-skips-coefficient-divisibility",
        "checker:euclid",
        "euclid (numeric s) splits s Q + c0 without checking that s divides Q's coefficients",
        _edit(
            PROOF + "integers.py",
            "if symbols_ and all(c % modulus == 0 for c in sympy.Poly(rest, *symbols_).coeffs()):",
            "if symbols_:",
        ),
        variants=(
            _edit(
                PROOF + "integers.py",
                "                and all(c % modulus == 0 for c in sympy.Poly(rest, *variables).coeffs())\n",
                "",
            ),
        ),
    ),
    Mutant(
        "euclid-skips-constant-divisibility",
        "checker:euclid",
        "euclid (numeric s) never makes delta(s Q + c0, 0) zero when s does not divide c0",
        _edit(
            PROOF + "integers.py",
            "                if constant % modulus:\n                    return sympy.S.Zero\n",
            "",
        ),
        variants=(_edit(PROOF + "integers.py", "if constant % modulus == 0:", "if True:"),),
    ),
    Mutant(
        "euclid-skips-quotient-check",
        "checker:euclid",
        "euclid (pairs) splits without checking that the rest is divisible by s",
        _edit(PROOF + "integers.py", "if quotient is not None and remainder == 0:", "if quotient is not None:"),
        variants=(
            _edit(PROOF + "integers.py", "                if remainder != 0:\n                    continue\n", ""),
        ),
    ),
    Mutant(
        "euclid-every-relation-in-range",
        "checker:euclid",
        "euclid makes every integer relation true, not only 0 <= r <= s - 1",
        _edit(
            PROOF + "integers.py",
            "if e in self.residues or any(sympy.expand(e - (self.modulus - 1 - v)) == 0 for v in self.residues):",
            "if True:",
        ),
        variants=(
            _edit(
                PROOF + "integers.py",
                "(a residue in ``0..s-1``, say).\"\"\"\n        return decide(relation, scope, self.name)",
                "(a residue in ``0..s-1``, say).\"\"\"\n        return sympy.true",
            ),
        ),
    ),
    Mutant(
        "integer-parts-one-corner",
        "checker:integer_parts",
        "integer_parts: floor(e) = n when n <= e < n + 1 at the first corner only",
        _edit(
            PROOF + "integers.py",
            "values = corners(floor.args[0], self.bounds)",
            "values = corners(floor.args[0], self.bounds)[:1]",
        ),
        variants=(
            _edit(
                PROOF + "integers.py",
                "values = extremes(floor.args[0], scope.bounds, self.name, floor)",
                "values = extremes(floor.args[0], scope.bounds, self.name, floor)[:1]",
            ),
        ),
    ),
    Mutant(
        "integer-parts-no-upper-check",
        "checker:integer_parts",
        "integer_parts: floor(e) = n when n <= e (e < n + 1 not checked)",
        _edit(
            PROOF + "integers.py",
            "if all(provably_nonnegative(c - n) and strictly_below(c, n + 1) for c in values):",
            "if all(provably_nonnegative(c - n) for c in values):",
        ),
        variants=(
            _edit(
                PROOF + "integers.py",
                "if all(implied(v - n, scope.facts) and implied(n + 1 - v, scope.facts, strict=True) for v in values):",
                "if all(implied(v - n, scope.facts) for v in values):",
            ),
        ),
    ),
    # --- linear forms and comparison
    Mutant(
        "linear-ignores-extra-coefficients",
        "checker:LINEAR",
        "LINEAR compares only the coefficients present in C (a term of Y missing from C ignored)",
        _edit(PROOF + "linear.py", "for c in sorted(set(row) | set(coefficients)):", "for c in sorted(set(row)):"),
        killers=("tests/test_proof_checks.py::test_a_linear_form_with_a_term_missing_from_the_matrix_is_refused",),
    ),
    Mutant(
        "linear-ignores-shape",
        "checker:LINEAR",
        "LINEAR does not compare the shapes of C, X and Y",
        _edit(PROOF + "linear.py", "if lhs.matrix.shape != (len(ys), len(xs)):", "if False:"),
        killers=("tests/test_proof_checks.py::test_a_linear_map_with_more_rows_than_outputs_is_refused",),
    ),
    Mutant(
        "compare-ignores-shapes",
        "checker:compare",
        "first_difference ignores the shapes (a 2x3 matrix equals a 3x2 one with the same entries)",
        _edit(PROOF + "compare.py", "if shape(lhs) != shape(rhs):", "if False:"),
    ),
    Mutant(
        "compare-left-entries-only",
        "checker:compare",
        "first_difference compares the non-zero entries of the left side only",
        _edit(PROOF + "compare.py", "for key in sorted(set(left) | set(right)):", "for key in sorted(set(left)):"),
        killers=("tests/test_proof_checks.py::test_entries_present_on_one_side_only_are_compared",),
    ),
    Mutant(
        "expand-difference-not-zero",
        "checker:EXPAND",
        "ZeroDifference accepts a difference that is not known to be non-zero",
        _edit(PROOF + "transformations.py", "return bool(value == 0 or", "return bool(value.is_zero is not False or"),
    ),
    Mutant(
        "confirm-undecided-passes",
        "checker:statements",
        "a statement passes unless it becomes false (undecided statements pass)",
        _edit(
            PROOF + "transformations.py",
            "self.apply(statement) == sympy.true else",
            "self.apply(statement) != sympy.false else",
        ),
        killers=("tests/test_proof_checks.py::test_an_undecided_statement_does_not_pass",),
    ),
    # --- the numeric layer and the report
    Mutant(
        "numeric-mismatch-as-none",
        "checker:numeric",
        "a numeric mismatch is reported as 'not applicable' (None), which counts as a pass",
        _edit(
            PROOF + "numeric.py",
            'return False, f"{a} != {b}{where} at {_show(point)}"',
            'return None, f"{a} != {b}{where} at {_show(point)}"',
        ),
        variants=(
            _edit(
                PROOF + "numeric.py",
                'return NumericResult(False, f"{x} != {y}{where} at {_show(point)}", points, nonzero)',
                'return NumericResult(True, f"{x} != {y}{where} at {_show(point)}", points, nonzero)',
            ),
        ),
    ),
    Mutant(
        "numeric-errors-pass",
        "checker:numeric",
        "every step whose numeric evaluation hits a symbolic index passes numerically (None)",
        _edit(
            PROOF + "numeric.py",
            "if not all(i.is_Integer for i in atom.indices):",
            "if not all(i.is_Integer for i in atom.indices) or True:",
        ),
        variants=(
            _edit(
                PROOF + "numeric.py",
                'return NumericResult(False, f"not evaluable at {_show(point)}: {reason}", points, nonzero)',
                'return NumericResult(True, f"not evaluable at {_show(point)}: {reason}", points, nonzero)',
            ),
        ),
    ),
    Mutant(
        "numeric-one-sample",
        "checker:numeric",
        "every integer parameter is sampled at its smallest value",
        _edit(PROOF + "numeric.py", "return sympy.Integer(rng.randint(low, low + 6))", "return sympy.Integer(low)"),
        variants=(
            _edit(
                PROOF + "sampling.py",
                "return min(top, int(math.exp(rng.random() * math.log(top + 1))) - 1)",
                "return 0",
            ),
        ),
    ),
    Mutant(
        "numeric-same-values",
        "checker:numeric",
        "every indexed symbol gets the value 1",
        _edit(
            PROOF + "numeric.py",
            "self.values[atom] = Rational(self.rng.randint(-9, 9), self.rng.randint(1, 4))",
            "self.values[atom] = Rational(1)",
        ),
        variants=(
            _edit(
                PROOF + "evaluation.py",
                "self.values[key] = self.rng.choice((-1, 1)) * Fraction(self.rng.randint(1, 9), self.rng.randint(1, 4))",  # noqa: E501
                "self.values[key] = Fraction(1)",
            ),
        ),
        killers=("tests/test_proof_checks.py::test_the_numeric_check_tells_different_entries_apart",),
    ),
    Mutant(
        "report-ignores-numeric",
        "checker:report",
        "a step is ok when its exact check passes, whatever the numeric check says",
        _edit(PROOF + "derivation.py", "return self.exact and self.numeric is not False", "return self.exact"),
        killers=("tests/test_proof_checks.py::test_a_step_that_fails_numerically_fails_the_derivation",),
    ),
    Mutant(
        "report-exception-passes",
        "checker:report",
        "an exception in the exact check counts as a pass",
        _edit(PROOF + "derivation.py", 'exact_detail = f"{type(error).__name__}: {error}"', 'exact_detail = ""'),
        killers=("tests/test_proof_checks.py::test_an_exact_check_that_raises_fails_the_step",),
    ),
    Mutant(
        "report-failed-check-passes",
        "checker:report",
        "a numeric check that raises AssertionError is recorded as ok",
        _edit(
            PROOF + "derivation.py",
            "checks.append((check, False, str(error) or \"failed\"))",
            "checks.append((check, True, str(error)))",
        ),
    ),
]

#: Every mutant, library first.
#: The same mutants written against the sources after the library was rebuilt on one set of
#: definitions (``symconv/recipe.py``: zero insertion, padding and rotation; the index map's
#: per-output tap intervals; the tent from ``tent_weight``): tried when the original edits no
#: longer apply (:attr:`Mutant.variants`).
_CURRENT: dict[str, tuple[Edit, ...]] = {
    "indexmap-last-input-dropped": _edit(
        INDEXMAP, "last = np.minimum(q - 1, (h - 1 - start) // d)", "last = np.minimum(q - 1, (h - 2 - start) // d)"
    ),
    "sliding-window-stride-off-by-one": _edit(
        "symconv/ops/sliding_window.py",
        "cut = tuple(slice(d * kk, d * kk + r, s)",
        "cut = tuple(slice(d * kk + (s > 1), d * kk + r + (s > 1), s)",
    ),
    "recipe-pads-one-more": _edit(
        "symconv/recipe.py", "    return d * (q - 1) - p\n", "    return d * (q - 1) - p + 1\n"
    ),
    "recipe-one-zero-too-many": _edit(
        "symconv/recipe.py",
        "    return zero_inserted_length(h, s) + 2 * recipe_padding(q, p, d) + a\n",
        "    return zero_inserted_length(h, s) + 2 * recipe_padding(q, p, d) + a + 1\n",
    ),
    "recipe-forgets-output-padding": _edit(
        "symconv/recipe.py",
        "    return zero_inserted_length(h, s) + 2 * recipe_padding(q, p, d) + a\n",
        "    return zero_inserted_length(h, s) + 2 * recipe_padding(q, p, d)\n",
    ),
    "recipe-kernel-not-rotated": _edit(
        TRANSPOSED,
        "rotated = rotate_kernel(as_kernel(kernel, q, max_nonzeros=max_nonzeros))",
        "rotated = as_kernel(kernel, q, max_nonzeros=max_nonzeros)",
    ),
    "recipe-rotates-first-axis-only": _edit(
        TRANSPOSED,
        "checked[np.ix_(*[rotated_tap(np.arange(n), n) for n in array.shape])]",
        "checked[np.ix_(*[rotated_tap(np.arange(n), n) if j == 0 else np.arange(n)"
        " for j, n in enumerate(array.shape)])]",
    ),
    "recipe-inserts-s-zeros": _edit("symconv/recipe.py", "    return s * o\n", "    return (s + 1) * o\n"),
    "transposed-matrix-all-forward-rows": _edit(
        TRANSPOSED,
        "rows, columns, tap = layer_positions(forward, tspec.input_shape)",
        "rows, columns, tap = layer_positions(forward)",
    ),
    "transposed-size-off-by-one": _edit(SIZES, TRANSPOSED_INT, "w = (h - 1) * s - 2 * p + d * (q - 1) + a", count=2),
    "transposed-size-forgets-output-padding": _edit(
        SIZES, TRANSPOSED_INT, "w = (h - 1) * s - 2 * p + d * (q - 1) + 1", count=2
    ),
    "transposed-size-symbolic-hs": _edit(
        SIZES,
        "        w = (h - 1) * s - 2 * p + d * (q - 1) + a + 1\n        _refuse_false(",
        "        w = h * s - 2 * p + d * (q - 1) + a + 1\n        _refuse_false(",
    ),
    "tent-wrong-width": _edit(
        INTERPOLATION,
        "    return 1 - sympy.Abs(t) / sympy.sympify(factor)\n",
        "    return 1 - sympy.Abs(t) / (sympy.sympify(factor) + 1)\n",
    ),
    "tent-wrong-tap-beyond-seminar": _edit(
        INTERPOLATION,
        "    return [tent_weight(t, f) for t in range(-(f - 1), f)]\n",
        "    return [tent_weight(t, f) if t != 1 else Rational(1, 2) for t in range(-(f - 1), f)]\n",
    ),
}
LIBRARY = [replace(m, variants=(*m.variants, _CURRENT[m.name])) if m.name in _CURRENT else m for m in LIBRARY]


MUTANTS: tuple[Mutant, ...] = tuple(LIBRARY + CHECKER)

#: A small representative subset, one per kind, that CI's slow part kills with each one's ``killers``.
REPRESENTATIVE: tuple[str, ...] = (
    "indexmap-stride-off-by-one",
    "indexmap-dilation-off-by-one",
    "recipe-kernel-not-rotated",
    "tent-wrong-tap-beyond-seminar",
    "interpolate-no-half-pixel-clamp",
    "collapse-drops-lower-bound",
    "report-ignores-numeric",
)


def find(names: list[str] | tuple[str, ...]) -> list[Mutant]:
    """The mutants of the given names, in the given order (a ``KeyError`` names an unknown one)."""
    by_name = {m.name: m for m in MUTANTS}
    missing = [n for n in names if n not in by_name]
    if missing:
        raise KeyError(f"unknown mutants: {', '.join(missing)}")
    return [by_name[n] for n in names]
