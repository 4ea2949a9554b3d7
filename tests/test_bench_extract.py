"""The extraction benchmark runs the real command on a small corpus and reports every figure."""

from __future__ import annotations

from pathlib import Path

from analysis.bench.extraction import extraction_benchmark, make_corpus

SEEDS = sorted((Path(__file__).resolve().parents[1] / "data" / "raw" / "documents").glob("*"))


def test_make_corpus_reaches_its_size(tmp_path):
    files, size = make_corpus(SEEDS, tmp_path / "c", 100_000)
    assert size >= 100_000 and files == len(list((tmp_path / "c").iterdir()))


def test_benchmark_reports_throughput(tmp_path):
    report = extraction_benchmark(SEEDS, tmp_path, corpus_mb=1)
    assert all(run["returncode"] == 0 for run in report["runs"])
    assert len({run["corpus_mb"] for run in report["runs"]}) == 3
    assert report["mb_per_second"] > 0 and report["documents_per_second"] > 0
    assert {"parallel_speedup", "seconds_per_mb_smallest_to_largest", "peak_memory_smallest_to_largest"} <= set(report)
    assert not any(tmp_path.iterdir())  # the corpora are removed
