"""The `briefs` command: build the data, extract from documents, run the briefs.

Exit codes: 0 success, 1 the work failed (problems are printed), 2 bad usage.
Heavy imports happen inside each command so that `briefs --help` stays instant.
"""

from __future__ import annotations

import argparse
import sys


def _build(args: argparse.Namespace) -> int:
    from analysis.curation.build import build_command

    return build_command(root=args.root, corpus_dirs=args.corpus)


def _extract(args: argparse.Namespace) -> int:
    from analysis.extract.command import extract_command

    return extract_command(args.files, jobs=args.jobs)


def _run(args: argparse.Namespace) -> int:
    from analysis.batch.command import run_command

    return run_command(
        units=args.units,
        all_units=args.all,
        as_of=args.as_of,
        lang=args.lang,
        jobs=args.jobs,
        force=args.force,
        root=args.root,
    )


def _review(args: argparse.Namespace) -> int:
    from analysis.curation.review_proposals import review_command

    return review_command(root=args.root, source=args.source, unit=args.unit, covered=args.covered,
                          as_json=args.json, accept_id=args.accept, reject_id=args.reject, reason=args.reason,
                          overrides=args.set, corpus_dirs=args.corpus)


def _units(args: argparse.Namespace) -> int:
    from analysis.reference.units import units_command

    return units_command(args.names, root=args.root)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefs", description=__doc__.splitlines()[0])
    parser.add_argument("--root", help="project folder holding data/ (default: found from here)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="validate data/curated and write data/processed")
    build.add_argument(
        "--corpus",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of source texts to check quotes against (repeatable)",
    )
    build.set_defaults(handler=_build)

    extract = commands.add_parser("extract", help="print mentions found in documents as JSON Lines")
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    extract.set_defaults(handler=_extract)

    run = commands.add_parser("run", help="execute and render the briefs into reports/")
    run.add_argument("units", nargs="*", metavar="UNIT", help="slug, code or name of a unit")
    run.add_argument("--all", action="store_true", help="every current unit and the national overview")
    run.add_argument("--as-of", default=None, metavar="DATE", help="ISO date (default: today)")
    run.add_argument("--lang", default=None, metavar="LANGS",
                     help="en, vi or en,vi: the languages of the briefs (default: both, side by side)")
    run.add_argument("--jobs", type=int, default=None, help="parallel workers (default: cores)")
    run.add_argument("--force", action="store_true", help="re-run units whose inputs are unchanged")
    run.set_defaults(handler=_run)

    review = commands.add_parser("review", help="list fact proposals no curated row covers; accept or reject one")
    review.add_argument("--source", metavar="FILE", help="one source file")
    review.add_argument("--unit", metavar="UNIT", help="proposals about this unit (any spelling)")
    review.add_argument("--covered", action="store_true", help="list the covered ones too")
    review.add_argument("--json", action="store_true", help="JSON Lines, every field")
    review.add_argument("--accept", metavar="ID", help="write this proposal's row to data/curated/")
    review.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="with --accept: correct a field")
    review.add_argument("--reject", metavar="ID", help="list this proposal no more")
    review.add_argument("--reason", default="", help="with --reject: why")
    review.add_argument("--corpus", action="append", default=[], metavar="DIR", help="folder of source texts (quotes)")
    review.set_defaults(handler=_review)

    units = commands.add_parser("units", help="resolve names of provincial units")
    units.add_argument("names", nargs="+", metavar="NAME")
    units.set_defaults(handler=_units)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("briefs: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
