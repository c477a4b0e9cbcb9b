"""``python -m symconv``: the same as the ``symconv`` command."""

from .cli.main import run

if __name__ == "__main__":
    run()
