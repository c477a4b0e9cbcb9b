r"""Checkerboard overlap (Odena, Dumoulin and Olah, 2016).

Runs and prints this topic's derivations: ``python derivations/checkerboard.py``. The proofs are
written in ``symconv/derivations/checkerboard.py`` (the installed module
``symconv.derivations.checkerboard``), so that ``symconv prove`` and ``symconv notes`` find them;
``pytest`` collects this file through symconv's plugin, one test item per derivation.
"""

from symconv.derivations.checkerboard import derivations
from symconv.proof import run

if __name__ == "__main__":
    raise SystemExit(run(derivations()))
