"""Run the mutant catalogue and print a markdown table with the kill rate.

    python tests/mutation/run.py                  # every mutant, 2 at a time
    python tests/mutation/run.py --check          # only: does every mutant still apply?
    python tests/mutation/run.py --area checker --output mutation.md
    python tests/mutation/run.py recipe-kernel-not-rotated --killers

Exit status: 0 when every mutant ran and every survivor has a recorded reason, 1 when a
mutant survived without one, did not apply, did not compile or timed out, 2 when the kill
command fails without any mutant.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, so that `mutation` imports

from mutation.catalogue import MUTANTS, find  # noqa: E402
from mutation.runner import KILL_TESTS, ROOT, HarnessError, applicability, exit_status, run, table  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests/mutation/run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help="mutants to run (default: all)")
    parser.add_argument("--area", default="", help="only mutants whose area starts with this (library, checker:within)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run in parallel (default 2)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per part of the kill command")
    parser.add_argument("--killers", action="store_true", help="run each mutant's own killer tests only")
    parser.add_argument("--tests", metavar="'ARGS'", help="pytest arguments (one string) instead of the fast subset")
    parser.add_argument("--skip-prove", action="store_true", help="do not run `symconv prove all`")
    parser.add_argument("--output", type=Path, help="write the table here as well")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to mutate (default: this one)")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    parser.add_argument("--check", action="store_true", help="check that every mutant applies, run nothing")
    args = parser.parse_args(argv)

    mutants = find(args.names) if args.names else list(MUTANTS)
    mutants = [m for m in mutants if m.area.startswith(args.area)]
    if args.list:
        for m in mutants:
            print(f"{m.name:45} {m.area:28} {m.description}")
        return 0
    if args.check:
        problems = [(m, applicability(m, args.root)) for m in mutants]
        problems = [(m, why) for m, (status, why) in problems if status]
        for m, why in problems:
            print(f"NOT APPLICABLE: {m.name}: {why}", file=sys.stderr)
        print(f"{len(mutants) - len(problems)} of {len(mutants)} mutants apply")
        return 1 if problems else 0
    tests = tuple(shlex.split(args.tests)) if args.tests else KILL_TESTS
    command = ("" if args.skip_prove else "symconv prove all + ") + "pytest " + " ".join(tests)
    print(
        f"{len(mutants)} mutants, {args.jobs} at a time; kill command: "
        + ("each mutant's killers" if args.killers else command),
        file=sys.stderr,
    )
    try:
        results = run(
            mutants,
            root=args.root.resolve(),
            jobs=args.jobs,
            timeout=args.timeout,
            killers=args.killers,
            tests=tests,
            prove=not args.skip_prove,
            progress=True,
        )
    except HarnessError as error:
        print(f"mutation run: {error}", file=sys.stderr)
        return 2
    text = table(results, root=args.root, killers=args.killers, tests=tests, prove=not args.skip_prove)
    print(text)
    if args.output:
        args.output.write_text(text)
    for r in results:
        if r.status in ("not applicable", "invalid", "error"):
            print(f"{r.status.upper()}: {r.mutant.name}: {r.detail}", file=sys.stderr)
    return exit_status(results)


if __name__ == "__main__":
    raise SystemExit(main())
