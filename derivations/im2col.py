r"""S4 for every spec: im2col and col2im.

Runs and prints this topic's derivations: ``python derivations/im2col.py``. The proofs are
written in ``symconv/derivations/im2col.py`` (the installed module
``symconv.derivations.im2col``), so that ``symconv prove`` and ``symconv notes`` find them;
``pytest`` collects this file through symconv's plugin, one test item per derivation.
"""

from symconv.derivations.im2col import derivations
from symconv.proof import run

if __name__ == "__main__":
    raise SystemExit(run(derivations()))
