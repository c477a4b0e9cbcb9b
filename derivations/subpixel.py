r"""Sub-pixel form (Shi et al., 2016): a stride-``s`` transposed convolution is ``s^n`` stride-1

Runs and prints this topic's derivations: ``python derivations/subpixel.py``. The proofs are
written in ``symconv/derivations/subpixel.py`` (the installed module
``symconv.derivations.subpixel``), so that ``symconv prove`` and ``symconv notes`` find them;
``pytest`` collects this file through symconv's plugin, one test item per derivation.
"""

from symconv.derivations.subpixel import derivations
from symconv.proof import run

if __name__ == "__main__":
    raise SystemExit(run(derivations()))
