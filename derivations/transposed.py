r"""T1-T4 and backpropagation: the transposed convolution for every spec.

Runs and prints this topic's derivations: ``python derivations/transposed.py``. The proofs are
written in ``symconv/derivations/transposed.py`` (the installed module
``symconv.derivations.transposed``), so that ``symconv prove`` and ``symconv notes`` find them;
``pytest`` collects this file through symconv's plugin, one test item per derivation.
"""

from symconv.derivations.transposed import derivations
from symconv.proof import run

if __name__ == "__main__":
    raise SystemExit(run(derivations()))
