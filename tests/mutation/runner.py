r"""Run the mutant catalogue: each mutant in a temporary copy of the checkout, killed or not.

For each mutant the checkout (its git-tracked and untracked, not ignored files, as they are
in the working tree) is copied to a temporary directory, the mutant's edits are applied
there (a search text that does not occur exactly as often as stated makes the mutant *not
applicable*; an edit that does not compile makes it *invalid*), and the kill command runs
against the copy (``PYTHONPATH`` puts the copy first, so ``import symconv`` imports the
mutated package; checked on the unmutated copy):

1. ``python -m symconv prove all``, and
2. the fast test subset :data:`KILL_TESTS` (``pytest -x``, Hypothesis seeded with 0).

Both always run, so the table says which one kills. A mutant is *killed* when either fails,
*timeout* when neither fails and one times out, *survived* otherwise. With ``killers=True``
only each mutant's own ``killers`` tests run (the quick check of the slow test).

Before any mutant the same command runs on the unmutated copy and must pass.
"""

from __future__ import annotations

import datetime
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import Edit, Mutant

__all__ = [
    "ROOT",
    "KILL_TESTS",
    "Result",
    "HarnessError",
    "applicability",
    "chosen_edits",
    "run",
    "table",
    "exit_status",
]

#: The checkout this file belongs to.
ROOT = Path(__file__).resolve().parents[2]

#: The fast test subset of the kill command: the suite without TeX, the CLI fuzzing, the
#: notebook, the user's example suite, the packaging checks (none of them tests the
#: mathematics more closely than the files kept) and the timing test.
KILL_TESTS: tuple[str, ...] = (
    "tests",
    "--ignore=tests/test_notes.py",
    "--ignore=tests/test_fuzz.py",
    "--ignore=tests/test_cli.py",
    "--ignore=tests/test_examples.py",
    "--ignore=tests/test_testing.py",
    "--ignore=tests/test_public_api.py",
    "--ignore=tests/test_architecture.py",
    "--ignore=tests/test_mutation.py",
    # a timing test: on a loaded machine it fails without any mutant, a kill that means nothing
    "--deselect=tests/test_matrix.py::test_time_grows_with_nonzeros_not_cells",
)

#: ``--assert=plain``: a kill needs the failure, not its explanation; with ``CI`` set, pytest does
#: not truncate explanations and the diff of two long lists (difflib, quadratic) at every failing
#: example Hypothesis tries took a killer past its 600 s timeout in CI.
PYTEST = ("-m", "pytest", "-x", "-q", "-rfE", "-p", "no:cacheprovider", "--assert=plain", "--hypothesis-seed=0")


class HarnessError(RuntimeError):
    """The kill command fails without any mutant, or does not import the copy: no result means anything."""


@dataclass
class Result:
    """The outcome of one mutant: ``status`` is killed, survived, timeout, not applicable or invalid."""

    mutant: Mutant
    status: str
    killed_by: list[str] = field(default_factory=list)
    detail: str = ""
    seconds: float = 0.0


def _files(root: Path) -> list[str]:
    """The checkout's files: tracked and untracked-but-not-ignored (git), else everything."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            check=True,
        ).stdout.decode()
        return [name for name in listed.split("\0") if name and (root / name).is_file()]
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", "__pycache__", ".hypothesis", ".pytest_cache", ".mypy_cache", ".ruff_cache"}
        return [
            str(path.relative_to(root))
            for path in root.rglob("*")
            if path.is_file() and not skip & set(path.relative_to(root).parts) and ".venv" not in str(path)
        ]


def _copy(root: Path, destination: Path) -> None:
    for name in _files(root):
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target)


def _check_edits(edits: tuple[Edit, ...], root: Path) -> tuple[str, str]:
    texts: dict[str, str] = {}
    for edit in edits:
        path = root / edit.path
        if edit.path not in texts:
            if not path.is_file():
                return "not applicable", f"{edit.path} does not exist"
            texts[edit.path] = path.read_text()
        found = texts[edit.path].count(edit.search)
        if found != edit.count:
            return "not applicable", f"{edit.path}: the search text occurs {found} times, not {edit.count}"
        if edit.search == edit.replace:
            return "invalid", f"{edit.path}: the replacement equals the search text"
        texts[edit.path] = texts[edit.path].replace(edit.search, edit.replace)
    for name, text in texts.items():
        try:
            compile(text, name, "exec")
        except SyntaxError as error:
            return "invalid", f"{name}: the mutated source does not compile: {error}"
    return "", ""


def chosen_edits(mutant: Mutant, root: Path = ROOT) -> tuple[tuple[Edit, ...] | None, str, str]:
    """The first of the mutant's edit sets (``edits``, then its ``variants``) that applies to the
    sources under ``root``, else ``None`` with the status and the reason of the first set."""
    problems = []
    for edits in (mutant.edits, *mutant.variants):
        status, why = _check_edits(edits, root)
        if not status:
            return edits, "", ""
        problems.append((status, why))
    status, why = problems[0]
    return (
        None,
        status,
        why + (f" (and none of its {len(mutant.variants)} variants applies)" if mutant.variants else ""),
    )


def applicability(mutant: Mutant, root: Path = ROOT) -> tuple[str, str]:
    """``("", "")`` when the mutant applies to the sources under ``root`` (its edits or one of its
    variants); else the status (``"not applicable"`` or ``"invalid"``) and why."""
    return chosen_edits(mutant, root)[1:]


def _apply(edits: tuple[Edit, ...], destination: Path) -> None:
    for edit in edits:
        path = destination / edit.path
        path.write_text(path.read_text().replace(edit.search, edit.replace))


def _environment(copy: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(copy)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONOPTIMIZE", None)
    return env


def _execute(arguments: list[str], copy: Path, timeout: float) -> tuple[int | None, str]:
    """Run ``python arguments`` in ``copy``: (return code or None on timeout, output). On a
    timeout the whole process group is killed (pytest starts subprocesses of its own)."""
    process = subprocess.Popen(
        [sys.executable, *arguments],
        cwd=copy,
        env=_environment(copy),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=timeout)
        return process.returncode, output
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        return None, output


def _failed_derivations(output: str) -> list[str]:
    """The names of the derivations whose report ends in ``FAILED`` (``prove all``'s text format:
    a line ``name: title``, the steps indented, then ``verified: ...`` or ``FAILED: ...``)."""
    failed, current = [], ""
    for line in output.splitlines():
        header = re.match(r"([a-z0-9][a-z0-9-]*): ", line)
        if header and not line.startswith(("FAILED", "verified")):
            current = header.group(1)
        elif line.startswith("FAILED:"):
            failed.append(current)
    return failed


def _failed_tests(output: str) -> list[str]:
    """The failing tests (or the files that failed to collect), from pytest's short summary."""
    names = re.findall(r"^(?:FAILED|ERROR) (\S+)", output, flags=re.MULTILINE)
    return names or [line for line in output.splitlines() if "error" in line.lower() and "====" not in line][:1]


def _kill_command(
    mutant: Mutant | None, killers: bool, tests: tuple[str, ...], prove: bool = True
) -> list[tuple[str, list[str]]]:
    if killers:
        own = tests if mutant is None else mutant.killers
        return [("tests", [*PYTEST, *own])]
    return ([("prove all", ["-m", "symconv", "prove", "all"])] if prove else []) + [("tests", [*PYTEST, *tests])]


def _judge(copy: Path, commands: list[tuple[str, list[str]]], timeout: float) -> tuple[str, list[str], str]:
    killed_by, timed_out, notes = [], [], []
    for label, arguments in commands:
        code, output = _execute(arguments, copy, timeout)
        if code is None:
            timed_out.append(label)
        elif code != 0:
            if label == "prove all":
                names = _failed_derivations(output)
                if names:
                    killed_by.append(f"prove all: {', '.join(names)}")
                else:
                    last = output.strip().splitlines()[-1:] or ["no output"]
                    killed_by.append(f"prove all: exit {code} ({last[0][:80]})")
            elif code in (1, 2):  # tests failed, or collection failed
                killed_by.append(", ".join(_failed_tests(output)[:2]) or f"pytest exit {code}")
            else:
                notes.append(f"{label}: pytest exit {code}: {output.strip().splitlines()[-1:]}")
    if killed_by:
        return "killed", killed_by, "; ".join(notes)
    if timed_out:
        return "timeout", [], f"timed out after {timeout:.0f} s: {', '.join(timed_out)}"
    if notes:
        return "error", [], "; ".join(notes)
    return "survived", [], ""


def _run_one(
    mutant: Mutant, root: Path, killers: bool, tests: tuple[str, ...], timeout: float, prove: bool = True
) -> Result:
    start = time.monotonic()
    edits, status, why = chosen_edits(mutant, root)
    if edits is None:
        return Result(mutant, status, detail=why)
    if killers and not mutant.killers:
        return Result(mutant, "error", detail="no killers listed for this mutant")
    with tempfile.TemporaryDirectory(prefix=f"symconv-mutant-{mutant.name}-") as directory:
        copy = Path(directory)
        _copy(root, copy)
        _apply(edits, copy)
        status, killed_by, detail = _judge(copy, _kill_command(mutant, killers, tests, prove), timeout)
    return Result(mutant, status, killed_by, detail, time.monotonic() - start)


def _baseline(
    root: Path, mutants: list[Mutant], killers: bool, tests: tuple[str, ...], timeout: float, prove: bool = True
) -> None:
    """The kill command passes on the unmutated copy, and imports symconv from the copy."""
    own = tuple(dict.fromkeys(t for m in mutants for t in m.killers)) if killers else tests
    with tempfile.TemporaryDirectory(prefix="symconv-mutant-baseline-") as directory:
        copy = Path(directory)
        _copy(root, copy)
        code, output = _execute(["-c", "import symconv; print(symconv.__file__)"], copy, timeout)
        location = output.strip().splitlines()[-1:] if output.strip() else [""]
        if code != 0 or not Path(location[0]).resolve().is_relative_to(copy.resolve()):
            raise HarnessError(f"the copy's symconv is not the one imported: {output.strip()[-300:]}")
        if not own:
            return
        status, killed_by, detail = _judge(copy, _kill_command(None, killers, own, prove), timeout)
        if status != "survived":
            raise HarnessError(f"the kill command does not pass without a mutant: {status} {killed_by} {detail}")


def run(
    mutants: list[Mutant],
    *,
    root: Path = ROOT,
    jobs: int = 2,
    timeout: float = 900.0,
    killers: bool = False,
    tests: tuple[str, ...] = KILL_TESTS,
    prove: bool = True,
    progress: bool = False,
) -> list[Result]:
    """Run ``mutants`` (``jobs`` at a time) after a baseline run; results in catalogue order.

    Raises :class:`HarnessError` when the kill command fails on the unmutated checkout.
    """
    applicable = [m for m in mutants if not applicability(m, root)[0]]
    if applicable:
        _baseline(root, applicable, killers, tests, timeout, prove)

    def one(mutant: Mutant) -> Result:
        result = _run_one(mutant, root, killers, tests, timeout, prove)
        if progress:
            print(f"{result.status:>14}  {mutant.name}  ({result.seconds:.0f} s)", file=sys.stderr, flush=True)
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, mutants))


def _rate(results: list[Result]) -> str:
    counted = [r for r in results if r.status in ("killed", "survived", "timeout")]
    killed = sum(r.status == "killed" for r in counted)
    return f"{killed}/{len(counted)} ({100 * killed / len(counted):.0f}%)" if counted else "0/0"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _commit(root: Path) -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root, capture_output=True)
        return head.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")
    except OSError:
        return "unknown"


def table(
    results: list[Result],
    *,
    root: Path = ROOT,
    killers: bool = False,
    tests: tuple[str, ...] = KILL_TESTS,
    prove: bool = True,
) -> str:
    """The results as a markdown table, with the kill rate (killed / killed + survived + timeout)."""
    counts = {s: sum(r.status == s for r in results) for s in ("killed", "survived", "timeout")}
    others = [r for r in results if r.status not in counts]
    command = ("`symconv prove all` and " if prove else "") + "`pytest " + " ".join(tests) + "`"
    command = "each mutant's `killers` tests" if killers else command
    library = [r for r in results if r.mutant.area.startswith("library")]
    checker = [r for r in results if r.mutant.area.startswith("checker")]
    lines = [
        f"Mutation run of {datetime.date.today()}, commit {_commit(root)}, Python {platform.python_version()}; "
        f"kill command: {command}.",
        "",
        f"**Kill rate {_rate(results)}** (library {_rate(library)}, checker {_rate(checker)}): "
        f"{counts['killed']} killed, {counts['survived']} survived, {counts['timeout']} timed out"
        + (f", {len(others)} not run (not applicable, invalid or error)" if others else "")
        + ".",
        "",
        "| # | mutant | area | what it models | result | killed by / survivor's reason |",
        "|---|---|---|---|---|---|",
    ]
    for n, r in enumerate(results, 1):
        if r.status == "killed":
            why = "; ".join(r.killed_by)
        elif r.status == "survived":
            why = r.mutant.survivor or "**no reason recorded**"
        else:
            why = r.detail
        result = r.status if r.status != "survived" else "**survived**"
        lines.append(
            f"| {n} | `{r.mutant.name}` | {r.mutant.area} | {_cell(r.mutant.description)} | {result} | {_cell(why)} |"
        )
    stale = [r.mutant.name for r in results if r.status == "killed" and r.mutant.survivor]
    if stale:
        lines += ["", "Killed although a survivor's reason is recorded (the reason can go): " + ", ".join(stale) + "."]
    return "\n".join(lines) + "\n"


def exit_status(results: list[Result]) -> int:
    """0 when every mutant ran and each survivor has a recorded reason; 1 otherwise."""
    bad = [r for r in results if r.status in ("not applicable", "invalid", "error", "timeout")]
    unexplained = [r for r in results if r.status == "survived" and not r.mutant.survivor]
    return 1 if bad or unexplained else 0
