"""Known documents of the policy cascade (DOMAIN.md), used to resolve short citations.

Only what a short form's context can be checked against: type, number, issuer and date. A
document absent here can still be resolved from an earlier full citation in the same text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KnownDocument:
    id: str
    type: str
    number: int
    issuers: frozenset[str]  # issuer codes a text may name beside it
    date: str | None
    bare: bool = False  # its short form alone names it ("Project 06", "Đề án 06")


KNOWN_DOCUMENTS = (
    KnownDocument("12-NQ/TW", "NQ", 12, frozenset({"TW"}), "2022-03-16"),
    KnownDocument("118-KH/ĐUCA", "KH", 118, frozenset({"ĐUCA"}), "2022-05-25"),
    KnownDocument("12-NQ/ĐUCA", "NQ", 12, frozenset({"ĐUCA"}), "2022-07-25"),
    KnownDocument("90-QĐ/TW", "QĐ", 90, frozenset({"TW"}), "2022-12-06"),
    KnownDocument("06/QĐ-TTg", "QĐ", 6, frozenset({"TTg", "CP"}), "2022-01-06"),
    # "Project 06" is the project that Decision 06/QĐ-TTg approved; the name alone is enough.
    KnownDocument("06/QĐ-TTg", "ĐA", 6, frozenset({"TTg", "CP"}), None, bare=True),
    KnownDocument("5764/QĐ-BCA-V05", "QĐ", 5764, frozenset({"BCA"}), "2021-07-13"),
    KnownDocument("11/CT-BCA", "CT", 11, frozenset({"BCA"}), None),
    KnownDocument("18-NQ/TW", "NQ", 18, frozenset({"TW"}), "2017-10-25"),
    KnownDocument("60-NQ/TW", "NQ", 60, frozenset({"TW"}), "2025-04-12"),
)


def known(type_: str, number: int) -> list[KnownDocument]:
    return [d for d in KNOWN_DOCUMENTS if d.type == type_ and d.number == number]
