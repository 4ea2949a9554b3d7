"""Document and link proposals from the document mentions.

A document mention with a canonical id proposes a documents row: number, type, issuer (the
part after the type: TW, ĐUCA, TU, BCA...), the date written right after it ("ngày 16/3/2022",
"dated March 16, 2022"). A local document (its issuer a province's: TU, HĐND, UBND) is keyed
`<unit>:<number>` when the text's main unit is known, as the registry does. Two documents in
one phrase with "thực hiện" / "implementing" right before the second propose an `implements` link
(the first implements the second); with "theo" / "căn cứ" / "according to" a `cites` link.
A short form the text leaves unresolved ("Nghị quyết 12") proposes nothing: which Resolution
12 it is stays open.
"""

from __future__ import annotations

import re

from analysis.extract.fold import fold
from analysis.extract.proposals.spans import sentence_span

LOCAL_ISSUERS = {"TU", "HU", "HĐND", "UBND", "BTV"}
IMPLEMENTS = re.compile(r"(?i)\b(?:thuc\s+hien|trien\s+khai|implement(?:s|ing|ation\s+of)?|to\s+implement|cu\s+the\s+hoa)\b")
CITES = re.compile(r"(?i)\b(?:theo|can\s+cu|according\s+to|pursuant\s+to|under|in\s+line\s+with|tai)\b")
DATE_GAP = 40
LINK_GAP = 160  # characters between two numbers that one phrase links
CUE_REACH = 60  # the linking words stand right before the second number
ISSUERS = {
    "TW": "Party Central Committee (Trung ương)", "ĐUCA": "Central Public Security Party Committee (Đảng ủy Công an Trung ương)",
    "BCA": "Ministry of Public Security (Bộ Công an)", "TTg": "Prime Minister (Thủ tướng Chính phủ)",
    "CP": "Government (Chính phủ)", "TU": "Provincial Party Committee (Tỉnh ủy)",
    "HĐND": "Provincial People's Council (Hội đồng nhân dân tỉnh)", "UBND": "Provincial People's Committee (Ủy ban nhân dân tỉnh)",
}


def issuer_of(document_id: str) -> str:
    """"12-NQ/TW" -> TW; "5764/QĐ-BCA-V05" -> BCA; "ha-tinh:15-NQ/TU" -> TU."""
    number = document_id.split(":")[-1]
    if "-" in number.split("/")[0]:  # Party shape: 12-NQ/TW
        return number.split("/")[-1]
    return number.split("/")[-1].split("-", 1)[-1].split("-")[0]


def _key(document_id: str, main_unit: str | None) -> str:
    if main_unit and main_unit != "national" and issuer_of(document_id).split("-")[0] in LOCAL_ISSUERS:
        return f"{main_unit}:{document_id}"
    return document_id


def document_proposals(text: str, source: str, documents: list[dict], dates: list[dict], main_unit: str | None) -> list[dict]:
    low = fold(text).lower()
    proposals: list[dict] = []
    seen: set[str] = set()
    resolved = [d for d in documents if d.get("id")]
    for doc in resolved:
        key = _key(doc["id"], main_unit)
        sentence = sentence_span(text, doc["start"], doc["end"])
        if key not in seen:
            seen.add(key)
            issued = next((d["date"] for d in dates if 0 <= d["start"] - doc["end"] <= DATE_GAP
                           and "." not in low[doc["end"] : d["start"]].rstrip(".")), None)
            issuer = issuer_of(doc["id"])
            proposals.append(_row(text, source, "document", doc, sentence, {
                "document_id": key, "number": doc["id"], "type": doc.get("type"), "issuer": ISSUERS.get(issuer, issuer),
                "unit": main_unit if issuer in LOCAL_ISSUERS else "national", "date_issued": issued,
                "confidence": "high" if issued else "low",
                "reason": "date of issue written beside it" if issued else "no date of issue beside it",
            }))
        for other in resolved:
            if other["start"] <= doc["end"] or other["start"] >= sentence[1] or other["id"] == doc["id"]:
                continue
            between = low[doc["end"] : other["start"]]
            if len(between) > LINK_GAP or ";" in between:
                break  # too far apart to be one phrase: "A, implementing B" is short
            cue = between[-CUE_REACH:]
            relation = "implements" if IMPLEMENTS.search(cue) else "cites" if CITES.search(cue) else None
            if relation:
                proposals.append(_row(text, source, "document_link", doc, sentence, {
                    "from_document": key, "relation": relation, "to_document": _key(other["id"], main_unit),
                    "confidence": "high" if len(between) <= CUE_REACH else "low",
                    "reason": f"'{relation}' read from the words between the two numbers",
                }))
                break
    return proposals


def _row(text, source, kind, doc, sentence, fields) -> dict:
    row = {"source": source, "kind": kind, "start": sentence[0], "end": sentence[1],
           "quote": text[sentence[0] : sentence[1]], "figure_start": doc["start"], "figure_end": doc["end"],
           "figure": text[doc["start"] : doc["end"]]}
    row.update(fields)
    return row
