r"""Bilinear interpolation as a transposed convolution: the seminar's exercise (B1-B5), solved.

Runs and prints this topic's derivations: ``python derivations/bilinear.py``. The proofs are
written in ``symconv/derivations/bilinear.py`` (the installed module
``symconv.derivations.bilinear``), so that ``symconv prove`` and ``symconv notes`` find them;
``pytest`` collects this file through symconv's plugin, one test item per derivation.
"""

from symconv.derivations.bilinear import derivations
from symconv.proof import run

if __name__ == "__main__":
    raise SystemExit(run(derivations()))
