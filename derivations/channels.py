r"""Channels, groups and bias: the matrix of a layer, for general channel counts.

Runs and prints this topic's derivations: ``python derivations/channels.py``. The proofs are
written in ``symconv/derivations/channels.py`` (the installed module
``symconv.derivations.channels``), so that ``symconv prove`` and ``symconv notes`` find them;
``pytest`` collects this file through symconv's plugin, one test item per derivation.
"""

from symconv.derivations.channels import derivations
from symconv.proof import run

if __name__ == "__main__":
    raise SystemExit(run(derivations()))
