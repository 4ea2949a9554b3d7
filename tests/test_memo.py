"""Per-Facts memoization: computed once, handed out as copies, forgotten with its Facts."""

from __future__ import annotations

import gc

import pandas as pd

from analysis.progress import memo


class Bundle:  # stands in for Facts: any object that can be weakly referenced
    pass


def test_computed_once_per_object_and_arguments():
    calls = []

    @memo.per_facts
    def table(facts, as_of, by="topic"):
        calls.append((as_of, by))
        return pd.DataFrame({"x": [1, 2]})

    one, two = Bundle(), Bundle()
    table(one, "2025-01-01")
    table(one, "2025-01-01")
    table(one, "2025-01-01", by="type")
    table(two, "2025-01-01")
    assert calls == [("2025-01-01", "topic"), ("2025-01-01", "type"), ("2025-01-01", "topic")]


def test_callers_get_copies():
    @memo.per_facts
    def table(facts):
        return pd.DataFrame({"x": [1, 2]})

    bundle = Bundle()
    first = table(bundle)
    first["x"] = 99
    assert table(bundle)["x"].tolist() == [1, 2]


def test_entries_go_with_their_object():
    @memo.per_facts
    def value(facts):
        return object()

    bundle = Bundle()
    value(bundle)
    key = id(bundle)
    assert key in memo._store
    del bundle
    gc.collect()
    assert key not in memo._store
