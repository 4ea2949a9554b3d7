"""`briefs extract FILE...`: JSON Lines of every mention, files read in parallel, memory flat.

Each file is read in windows (analysis.extract.reading.DocumentStream) and its records are written as soon
as they are found; small files go to a pool of worker processes, in order; a file too large to
hand around is streamed in this process. A file that cannot be read gets one line on stderr and
exit status 1; the other files are still printed.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from analysis.errors import InputError
from analysis.extract.pipeline import TextContext, extract_window, to_record
from analysis.extract.reading import DocumentStream

# Files above this size are streamed in the main process rather than sent to a worker whole.
POOL_MAX_BYTES = 8 << 20
COLUMNS = [
    "source", "kind", "start", "end", "text", "id", "type", "number", "date", "unit", "scheme",
    "current", "value", "qualifier", "total", "indicator", "comparator", "deadline", "scope",
]


@dataclass
class FileResult:
    path: str
    records: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def iter_records(path: str | Path, published=None) -> Iterator[dict]:
    """Records of one file as they are found; raises InputError when it cannot be read.
    Warnings (invalid bytes) are on the stream: use `extract_file` to get them too."""
    yield from _records(DocumentStream(path), published)


def _records(stream: DocumentStream, published=None) -> Iterator[dict]:
    context: TextContext | None = None
    for window in stream:
        if context is None:
            context = TextContext.for_text(window.text, stream.name, published)
        for mention in extract_window(window.text, context):
            start = window.offset + mention.start
            if window.keep_from <= start < window.keep_until:
                yield to_record(mention, window.text, stream.name, window.offset)


def extract_file(path: str) -> FileResult:
    """All records of one file, with its warnings or its error; never raises for bad input."""
    result = FileResult(path)
    try:
        stream = DocumentStream(path)
        result.records = list(_records(stream))
        result.warnings = stream.warnings
    except InputError as error:
        result.error = str(error)
    except Exception as error:  # one broken file must not stop the others
        result.error = f"{path}: cannot extract: {type(error).__name__}: {error}"
    return result


def _worker(path: str) -> tuple[str, list[str], list[str], str | None]:
    result = extract_file(path)
    lines = [json.dumps(r, ensure_ascii=False) for r in result.records]
    return result.path, lines, result.warnings, result.error


def _is_large(path: str) -> bool:
    try:
        return os.path.getsize(path) > POOL_MAX_BYTES
    except OSError:
        return False


def iter_file_results(paths: Iterable[str], jobs: int | None = None) -> Iterator[tuple[str, Iterator[str], list[str]]]:
    """(path, JSON lines, problems) per file in the order given. Problems fill in as the lines are
    consumed: read the lines first. Small files are extracted in parallel."""
    paths = [str(p) for p in paths]
    jobs = jobs or os.cpu_count() or 1
    small = [p for p in paths if not _is_large(p)]
    pool = None
    if jobs > 1 and len(small) > 1:
        import multiprocessing

        pool = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn").Pool(jobs)
        done = pool.imap(_worker, small, chunksize=max(1, min(64, len(small) // (jobs * 8))))
    else:
        done = map(_worker, small)
    try:
        for path in paths:
            if _is_large(path):
                problems: list[str] = []
                yield path, _stream_lines(path, problems), problems
            else:
                _, lines, warnings, error = next(done)
                yield path, iter(lines), [*(f"warning: {w}" for w in warnings), *([f"error: {error}"] if error else [])]
    finally:
        if pool is not None:
            pool.terminate()


def _stream_lines(path: str, problems: list[str]) -> Iterator[str]:
    try:
        stream = DocumentStream(path)
        for record in _records(stream):
            yield json.dumps(record, ensure_ascii=False)
        problems.extend(f"warning: {w}" for w in stream.warnings)
    except InputError as error:
        problems.append(f"error: {error}")
    except Exception as error:
        problems.append(f"error: {path}: cannot extract: {type(error).__name__}: {error}")


def extract_command(files: list[str], jobs: int | None = None) -> int:
    out = sys.stdout
    failed = False
    for _path, lines, problems in iter_file_results(files, jobs):
        for line in lines:
            out.write(line + "\n")
        out.flush()
        for problem in problems:
            failed = failed or problem.startswith("error:")
            print(f"briefs extract: {problem}", file=sys.stderr)
    return 1 if failed else 0


def extract_files(paths: Iterable[str | Path], jobs: int | None = None):
    """A pandas DataFrame of every record of every file (COLUMNS; absent fields are null).
    Files that cannot be read are reported on stderr and skipped."""
    import pandas as pd

    rows: list[dict] = []
    for _path, lines, problems in iter_file_results(paths, jobs):
        rows.extend(json.loads(line) for line in lines)
        for problem in problems:
            print(f"briefs extract: {problem}", file=sys.stderr)
    return pd.DataFrame(rows, columns=COLUMNS)


def iter_file_records(paths: Iterable[str | Path], jobs: int | None = None) -> Iterator[dict]:
    """Every record of every file, one at a time (for builders that store as they go)."""
    for _path, lines, problems in iter_file_results(paths, jobs):
        for line in lines:
            yield json.loads(line)
        for problem in problems:
            print(f"briefs extract: {problem}", file=sys.stderr)
