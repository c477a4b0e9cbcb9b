r"""S1-S4 for the seminar's case: input 4x4, kernel 3x3, "VALID", output 2x2.

Runs and prints this topic's derivations: ``python derivations/sliding_window.py``. The proofs are
written in ``symconv/derivations/sliding_window.py`` (the installed module
``symconv.derivations.sliding_window``), so that ``symconv prove`` and ``symconv notes`` find them;
``pytest`` collects this file through symconv's plugin, one test item per derivation.
"""

from symconv.derivations.sliding_window import derivations
from symconv.proof import run

if __name__ == "__main__":
    raise SystemExit(run(derivations()))
