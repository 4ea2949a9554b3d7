"""A mention found in a text: its kind, its span and the fields its kind reports."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Mention:
    kind: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def shifted(self, offset: int) -> "Mention":
        return Mention(self.kind, self.start + offset, self.end + offset, dict(self.fields))


class Occupied:
    """Spans already claimed by another kind (a document number, a date, a time), so that their
    digits are not read again as quantities or dates."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        bisect.insort(self._spans, (start, end))

    def add_all(self, mentions) -> None:
        self._spans.extend((m.start, m.end) for m in mentions)
        self._spans.sort()

    def hits(self, start: int, end: int) -> bool:
        # Claimed spans are short: only the last few starting before `end` can reach it.
        i = bisect.bisect_left(self._spans, (end, end))
        for s, e in reversed(self._spans[max(0, i - 64) : i]):
            if s < end and start < e:
                return True
        return False
