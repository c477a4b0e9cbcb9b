"""Resource probes for the cost model (used by tests/test_limits.py): generators of hostile requests
by class, and a runner that executes them in one process under a memory cap.

Run as ``python tests/limits_probes.py CAP_BYTES`` with a JSON list of probes on stdin; prints one
JSON result per probe: the outcome (``ok``, ``refused`` for a SymconvError or, from the CLI, exit
status 2 with one line, ``error`` for anything else), the CPU and wall seconds, the characters
printed and the message.
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import sys
import time
from contextlib import redirect_stderr, redirect_stdout

CLI_MAX = 10**9  # the largest number the CLI takes for sizes, strides and paddings


def _api(code: str, expect: str = "either") -> dict:
    return {"call": "api", "code": code, "expect": expect}


def _cli(argv: list[str], expect: str = "either", env: dict | None = None) -> dict:
    return {"call": "cli", "argv": argv, "expect": expect, "env": env or {}}


def _shape(value: int, ndim: int) -> str:
    return "x".join([str(value)] * ndim)


def padding_probes(rng: random.Random, count: int) -> list[dict]:
    """A tiny input and kernel with a huge padding: few non-zeros, huge out_shape (the dense mask)."""
    probes = []
    for _ in range(count):
        ndim = rng.randint(1, 3)
        p = rng.choice([1000, 20_000, 10**6, CLI_MAX])
        h, q = rng.randint(1, 3), 1
        s = rng.choice([1, 1, 7, 1000])
        kind = rng.randrange(6)
        spec = f"ConvSpec({(h,) * ndim}, {(q,) * ndim}, stride={s}, padding={p})"
        if kind == 0:
            probes.append(_api(f"conv_matrix({spec})"))
        elif kind == 1:
            probes.append(_api(f"len(index_map({spec}))"))
        elif kind == 2:
            probes.append(_api(f"im2col({spec}, input_symbols({(h,) * ndim}))"))
        elif kind == 3:
            probes.append(_api(f"transposed_conv_matrix(TransposedConvSpec({(h,) * ndim}, 1, stride={s}))"))
        else:
            fmt = ["--format", "json"] if kind == 4 else []
            argv = ["matrix", "--input", _shape(h, ndim), "--kernel", _shape(q, ndim), "--padding", str(p)]
            probes.append(_cli(argv + ["--stride", str(s)] + fmt))
    return probes


def figure_probes(rng: random.Random, count: int, tmp: str) -> list[dict]:
    """Figures and notes whose padding makes them draw millions of cells or thousands of pages."""
    probes = []
    for n in range(count):
        p = rng.choice([1000, 20_000, CLI_MAX])
        kind = rng.randrange(5)
        if kind == 0:
            probes.append(
                _cli(["latex", "figure", "--input", "1x1", "--kernel", "1x1", "--padding", str(p)], "refused")
            )
        elif kind == 1:
            argv = ["latex", "figure", "--input", "2x2", "--kernel", "3x3", "--stride", str(p), "--transposed"]
            probes.append(_cli(argv, "refused"))
        elif kind == 2:
            probes.append(_api(f"conv_figure(ConvSpec((1, 1), (1, 1), padding={p}))", "refused"))
        else:
            shape = "8" if kind == 3 else "8x8"
            argv = ["notes", "-o", f"{tmp}/notes-{n}", "--input", shape, "--kernel", "1", "--padding", str(p)]
            probes.append(_cli(argv + ["--only", "convolution"], "refused"))
    return probes


def count_probes(rng: random.Random, count: int) -> list[dict]:
    """Requests refused by their size alone: the count itself must cost nothing."""
    probes = []
    for _ in range(count):
        ndim = rng.randint(1, 3)
        n = rng.choice([10**7, 10**8, CLI_MAX])
        kind = rng.randrange(4)
        if kind == 0:
            probes.append(_cli(["matrix", "--input", _shape(n, ndim), "--kernel", "3"], "refused"))
        elif kind == 1:
            # 12 non-zeros: built in proportion to them and printed by its structure, or refused by a size bound
            probes.append(_cli(["im2col", "--input", "4", "--kernel", "3", "--padding", str(n)], "either"))
        elif kind == 2:
            big = rng.choice([10**30, 10**99, 2**63])
            probes.append(_api(f"nonzero_count(ConvSpec({(big,) * ndim}, 3))", "ok"))
        else:
            probes.append(_api(f"conv_matrix(ConvSpec({(n,) * ndim}, 3, padding={n}))", "refused"))
    return probes


def hang_probes(rng: random.Random, count: int) -> list[dict]:
    """Calls that used to hang or build everything before refusing."""
    candidates = [
        lambda: _api(f"bilinear_kernel(2, {rng.choice([10**30, 10**6, 13])})", "refused"),
        lambda: _api(f"fcn_bilinear_kernel({rng.randint(2, 5)}, {rng.choice([10**30, 10**6, 13])})", "refused"),
        lambda: _api(f"bilinear_kernel({rng.choice([10**30, 10**7])}, 2)", "refused"),
        lambda: _api(f"tent({rng.choice([10**30, 10**7])})", "refused"),
        lambda: _api(f"bilinear_interpolate([[1, 2], [3, 4]], {rng.choice([10**4, 10**9])})", "refused"),
        lambda: _api(f"latex(sympy.zeros({rng.choice([800, 2000])}, {rng.choice([800, 2000])}))", "either"),  # outlined
        # printed by its structure since the outline printer: within the limit it is built and shown
        lambda: _cli(["matrix", "--input", rng.choice(["1000x1000", "300x300"]), "--kernel", "1x1"], "either"),
        lambda: _cli(["latex", "bilinear", "--factor", str(rng.choice([10**4, 10**6]))], "refused"),
        lambda: _api(f"subpixel_kernels(TransposedConvSpec(2, 3, stride={rng.choice([10**7, 10**30])}))", "refused"),
        lambda: _api(f"interior_overlap(3, {rng.choice([10**30, 10**90])}, 7, 2, 5)", "ok"),
        lambda: _api(f"overlap_counts(TransposedConvSpec(({10**6}, 1), 3, stride=1000))", "refused"),
        lambda: _api(f"stride_selection({rng.choice([10**7, 5 * 10**6])}, 3)", "refused"),
        lambda: _api(f"stride_selection(2, {10**30})", "refused"),
        lambda: _api(f"kernel_symbols(({10**4}, {10**4}))", "refused"),
    ]
    return [rng.choice(candidates)() for _ in range(count)]


HUGE = [2**63, 10**30, 10**99, 10**150, -(10**30)]
FUNCTIONS = {
    "conv_matrix": "conv_matrix({spec})",
    "nonzero_count": "nonzero_count({spec})",
    "index_map": "len(index_map({spec}))",
    "sliding_window": "sliding_window({spec}, [1])",
    "transposed_conv_matrix": "transposed_conv_matrix({tspec})",
    "conv_transpose": "conv_transpose({tspec}, [1])",
    "overlap_counts": "overlap_counts({tspec})",
    "subpixel_kernels": "subpixel_kernels({tspec})",
}


def huge_probes(rng: random.Random, count: int) -> list[dict]:
    """Huge integers in every parameter of the functions that compute with numpy."""
    probes = []
    for _ in range(count):
        value = rng.choice(HUGE)
        name = rng.choice(list(FUNCTIONS))
        parameter = rng.choice(["input_shape", "kernel_shape", "stride", "padding", "dilation"])
        arguments = {"input_shape": 1, "kernel_shape": 1, "stride": 1, "padding": 0, "dilation": 1}
        arguments[parameter] = value
        if parameter == "kernel_shape":  # a kernel that fits needs the padding too
            arguments["padding"] = abs(value)
        text = ", ".join(f"{k}={v}" for k, v in arguments.items())
        probes.append(_api(FUNCTIONS[name].format(spec=f"ConvSpec({text})", tspec=f"TransposedConvSpec({text})")))
    return probes


def near_limit_probes(rng: random.Random, count: int, limit: int) -> list[dict]:
    """Requests just under (and just over) a limit set through SYMCONV_MAX_NONZEROS: under it they must
    finish in time proportional to the limit, over it they are refused."""
    env = {"SYMCONV_MAX_NONZEROS": str(limit)}
    probes = []
    for _ in range(count):
        kind = rng.randrange(4)
        over = rng.random() < 0.3
        if kind == 0:  # the matrix as JSON, just under: n^2 q^2 non-zeros (and as many JSON entries)
            n = int((limit / 9) ** 0.5) + 2 + (50 if over else 0)
            argv = ["matrix", "--input", f"{n}x{n}", "--kernel", "3x3", "--format", "json"]
        elif kind == 1:  # the sliding window's products (10 units each)
            n = int(limit / 10 / 3) + (limit if over else -5)
            argv = ["matrix", "--input", str(n), "--kernel", "3", "--format", "json"]
            probes.append({**_api(f"sliding_window(ConvSpec({n}, 3), input_symbols({n}))"), "env": env, "over": over})
            continue
        elif kind == 2:  # the recipe: 3h products (10 units each), 2(7h + 3) cells
            h = int(limit / 30) - 5 + (300 if over else 0)
            argv = ["steps", "--input", str(h), "--kernel", "3", "--stride", "2"]
        else:  # a figure's cells (10 units each)
            side = int((limit / 10 / 2) ** 0.5) - 2 + (40 if over else 0)
            argv = ["latex", "figure", "--input", f"{side}x{side}", "--kernel", "1x1"]
        probes.append({**_cli(argv, env=env), "over": over})
    return probes


def all_probes(full: bool, tmp: str, limit: int = 20_000) -> dict[str, list[dict]]:
    """The probes by class: a sample (``full=False``) or the long sweep."""
    rng = random.Random(16)
    n = 60 if full else 4
    return {
        "padding (the dense mask)": padding_probes(rng, 2 * n),
        "figures and notes": figure_probes(rng, n, tmp),
        "the size check itself": count_probes(rng, n),
        "hangs and build-before-refuse": hang_probes(rng, 2 * n),
        "huge integers": huge_probes(rng, 3 * n),
        "just under the limit": near_limit_probes(rng, n // 2, limit),
    }


def run(probe: dict) -> dict:
    import numpy as np  # noqa: F401  (names for the probes' code)
    import sympy  # noqa: F401

    import symconv
    from symconv.cli.main import main
    from symconv.interpolation import tent  # noqa: F401
    from symconv.printing.figures import conv_figure  # noqa: F401

    names = {**{k: getattr(symconv, k) for k in symconv.__all__}, **locals()}
    saved = {key: os.environ.get(key) for key in probe.get("env", {})}
    os.environ.update(probe.get("env", {}))
    out, err = io.StringIO(), io.StringIO()
    start, cpu = time.perf_counter(), time.process_time()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            if probe["call"] == "api":
                eval(probe["code"], names)
                outcome, message = "ok", ""
            else:
                status = main(probe["argv"])
                lines = err.getvalue().strip().splitlines()
                message = lines[0] if lines else ""
                one_line = len(lines) == 1 and "Traceback" not in err.getvalue()
                outcome = {0: "ok", 2: "refused" if one_line else "error"}.get(status, "error")
    except symconv.SymconvError as error:
        outcome, message = "refused", str(error)
    except BaseException as error:  # MemoryError, OverflowError, ValueError ... : what must never come out
        outcome, message = "error", f"{type(error).__name__}: {str(error)[:300]}"
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return {
        "outcome": outcome,
        "cpu": time.process_time() - cpu,
        "wall": time.perf_counter() - start,
        "printed": len(out.getvalue()),
        "message": message[:300],
    }


def main() -> None:
    cap = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    probes = json.load(sys.stdin)
    run({"call": "api", "code": "latex(conv_matrix(ConvSpec(3, 2)))"})  # warm up: imports, printers
    run({"call": "cli", "argv": ["matrix", "--input", "3", "--kernel", "2"]})
    for probe in probes:
        print(json.dumps(run(probe)), flush=True)


if __name__ == "__main__":
    main()
