r"""S3 for every spec: the matrix C built from the index map computes the sliding window.

Runs and prints this topic's derivations: ``python derivations/conv_matrix.py``. The proofs are
written in ``symconv/derivations/conv_matrix.py`` (the installed module
``symconv.derivations.conv_matrix``), so that ``symconv prove`` and ``symconv notes`` find them;
``pytest`` collects this file through symconv's plugin, one test item per derivation.
"""

from symconv.derivations.conv_matrix import derivations
from symconv.proof import run

if __name__ == "__main__":
    raise SystemExit(run(derivations()))
