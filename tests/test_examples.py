"""The example notebook runs: its code cells are executed in order with plain Python (no Jupyter
in the test suite), and each cell's last expression must display as LaTeX."""

import ast
import json
from pathlib import Path

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "seminar.ipynb"


def test_notebook_cells_run_and_display_latex():
    cells = [c for c in json.loads(NOTEBOOK.read_text())["cells"] if c["cell_type"] == "code"]
    assert len(cells) >= 8
    namespace: dict = {}
    displayed = 0
    for cell in cells:
        tree = ast.parse("".join(cell["source"]))
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        body = tree.body[:-1] if last else tree.body
        exec(compile(ast.Module(body=body, type_ignores=[]), str(NOTEBOOK), "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), str(NOTEBOOK), "eval"), namespace)
            latex = getattr(value, "_repr_latex_", lambda: None)()
            assert isinstance(latex, str) and latex.startswith("$"), cell["source"]
            displayed += 1
    assert displayed >= 8
