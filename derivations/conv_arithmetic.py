r"""The fifteen relationships of Dumoulin and Visin, "A guide to convolution arithmetic for deep

Runs and prints this topic's derivations: ``python derivations/conv_arithmetic.py``. The proofs are
written in ``symconv/derivations/conv_arithmetic.py`` (the installed module
``symconv.derivations.conv_arithmetic``), so that ``symconv prove`` and ``symconv notes`` find them;
``pytest`` collects this file through symconv's plugin, one test item per derivation.
"""

from symconv.derivations.conv_arithmetic import derivations
from symconv.proof import run

if __name__ == "__main__":
    raise SystemExit(run(derivations()))
