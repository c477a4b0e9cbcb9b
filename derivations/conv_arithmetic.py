r"""The fifteen relationships of Dumoulin and Visin, "A guide to convolution arithmetic for deep

Runs and prints this topic's derivations: ``python derivations/conv_arithmetic.py``. The proofs are
written in ``symconv/derivations/conv_arithmetic.py`` (the installed module
``symconv.derivations.conv_arithmetic``), so that ``symconv prove`` and ``symconv notes`` find them.
"""

from symconv.derivations import conv_arithmetic
from symconv.proof.run import run

if __name__ == "__main__":
    raise SystemExit(run(conv_arithmetic.derivations()))
