"""`briefs extract`: JSON Lines on stdout, one line per problem on stderr, the other files still done."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.extract import extract_files
from analysis.extract.command import extract_command
from analysis.extract.reading import read_document

SEEDS = sorted((Path(__file__).resolve().parents[1] / "data" / "raw" / "documents").glob("*"))


def run(capsys, files, jobs=None):
    code = extract_command([str(f) for f in files], jobs=jobs)
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def test_seeds_give_valid_jsonl_with_exact_spans(capsys):
    code, records, err = run(capsys, SEEDS, jobs=2)
    assert code == 0 and err == ""
    texts = {p.name: read_document(p).text for p in SEEDS}
    assert {r["source"] for r in records} == set(texts)
    for r in records:
        assert texts[r["source"]][r["start"] : r["end"]] == r["text"]
        assert r["kind"] in {"document", "date", "place", "quantity", "target"}


def test_parallel_and_serial_agree(capsys):
    assert run(capsys, SEEDS, jobs=2)[1] == run(capsys, SEEDS, jobs=1)[1]


def test_bad_inputs_are_reported_and_the_rest_still_printed(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Nghị quyết số 12-NQ/TW ngày 16/3/2022 tại Hà Tĩnh.", encoding="utf-8")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad_utf8 = tmp_path / "bad.txt"
    bad_utf8.write_bytes(b"Ha Tinh province \xff and \xfe\xfe ok")
    script = tmp_path / "page.html"
    script.write_text("<html><script>var a='12-NQ/TW Hà Tĩnh';</script><style>.x{}</style><p>Nghệ An</p></html>",
                      encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, records, err = run(capsys, [good, binary, empty, bad_utf8, script, missing])
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 5 and "Traceback" not in err
    assert any("blob.bin" in l and "binary" in l for l in lines)
    assert any("empty.txt" in l and "empty" in l for l in lines)
    assert any("missing.txt" in l and "no such file" in l for l in lines)
    assert sum("bad.txt: byte" in l and "invalid UTF-8" in l for l in lines) == 2
    by_source = {}
    for r in records:
        by_source.setdefault(r["source"], []).append(r)
    assert {r["kind"] for r in by_source["good.txt"]} == {"document", "date", "place"}
    assert [r["unit"] for r in by_source["bad.txt"] if r["kind"] == "place"] == ["ha-tinh"]
    assert [(r["kind"], r["text"]) for r in by_source["page.html"]] == [("place", "Nghệ An")]


def test_exit_zero_when_all_read_with_warnings(tmp_path, capsys):
    path = tmp_path / "w.txt"
    path.write_bytes(b"Ha Tinh province \xff")
    code, records, err = run(capsys, [path])
    assert code == 0 and "w.txt: byte 17" in err and records


def test_extract_files_returns_a_dataframe():
    frame = extract_files(SEEDS[:2], jobs=1)
    assert list(frame.columns[:5]) == ["source", "kind", "start", "end", "text"]
    assert set(frame["kind"]) >= {"document", "date"}


def test_cli_entry_point(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("By the end of 2025, at least 30% of units will comply.", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analysis", "extract", str(path)], capture_output=True, text=True)
    assert done.returncode == 0
    kinds = [json.loads(l)["kind"] for l in done.stdout.splitlines()]
    assert kinds == ["target", "date", "quantity"]


@pytest.mark.slow
def test_a_single_100_mb_line_in_flat_memory(tmp_path):
    sentence = "Nghị quyết số 12-NQ/TW ngày 16/3/2022 giao gần 3.400 cán bộ cho tỉnh Hà Tĩnh; "
    filler = "các đơn vị tiếp tục triển khai nhiệm vụ " * 25  # no mentions: keeps the test about a minute
    path = tmp_path / "huge.txt"
    unit = (sentence + filler).encode() * 200
    with path.open("wb") as handle:
        while handle.tell() < 100 * 1024 * 1024:
            handle.write(unit)
    # VmHWM is this process's own peak: ru_maxrss would also carry the parent's peak across exec.
    code = (
        "import re, sys\n"
        "from analysis.extract.command import iter_records\n"
        "n = 0\n"
        "for r in iter_records(sys.argv[1]):\n"
        "    n += 1\n"
        "    last = r\n"
        "peak = re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read())[1]\n"
        "print(n, last['source'], peak)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    count, source, max_rss_kb = done.stdout.split()
    sentences = path.stat().st_size // len((sentence + filler).encode())
    assert int(count) >= sentences * 4
    assert int(max_rss_kb) < 200 * 1024, f"peak memory {int(max_rss_kb) // 1024} MB"
