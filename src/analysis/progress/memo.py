"""Results computed once per loaded `Facts` and arguments.

A warm kernel renders many briefs from one `Facts` and one as-of date; the national parts of each
brief (the facts counted on that date, the roll-up of every unit, the coverage grid) are the same
for all of them. Entries live as long as the `Facts` object they were computed from. DataFrames are
handed out as copies, so a caller that edits its result cannot change what the next caller gets.
"""

from __future__ import annotations

import functools
import weakref

import pandas as pd

_store: dict[int, dict] = {}


def _key(value):
    if isinstance(value, list):
        return tuple(value)
    return value


def per_facts(function):
    """Memoize `function(facts, *args)` on the identity of `facts` and the (hashable) args."""

    @functools.wraps(function)
    def memoized(facts, *args, **kwargs):
        store = _store.get(id(facts))
        if store is None:
            store = _store[id(facts)] = {}
            weakref.finalize(facts, _store.pop, id(facts), None)
        key = (function.__qualname__, *map(_key, args), *sorted((k, _key(v)) for k, v in kwargs.items()))
        if key not in store:
            store[key] = function(facts, *args, **kwargs)
        result = store[key]
        return result.copy() if isinstance(result, pd.DataFrame) else result

    return memoized
