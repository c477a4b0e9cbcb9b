r"""Output sizes (T6): the seminar's derivation of ``w = (h-1)s - 2p + q`` and the theorems around it.

Runs and prints this topic's derivations: ``python derivations/sizes.py``. The proofs are
written in ``symconv/derivations/sizes.py`` (the installed module
``symconv.derivations.sizes``), so that ``symconv prove`` and ``symconv notes`` find them;
``pytest`` collects this file through symconv's plugin, one test item per derivation.
"""

from symconv.derivations.sizes import derivations
from symconv.proof import run

if __name__ == "__main__":
    raise SystemExit(run(derivations()))
