"""A figure its sentence plans ("Kinh phí dự kiến ... 775,864 tỷ đồng") is a promise: read with
the deadline of the target set just before it, it is a target; without one, nothing."""

from __future__ import annotations

from analysis.extract.proposals.cues import PLANNED


def planned_target(observation: dict, low_text: str, earlier_target: dict | None) -> dict:
    """An observation whose sentence plans ("Kinh phí dự kiến ... 775,864 tỷ đồng") read as a
    target with the deadline of the target set just before it; else the observation unchanged."""
    if observation["kind"] != "observation":
        return observation
    # The figure's own part of the sentence ("15 ... đã hoàn thành; 34 ... dự kiến hoàn thành"), not another's.
    part_start = max(observation["start"], low_text.rfind(";", observation["start"], observation["figure_start"]) + 1)
    part_end = low_text.find(";", observation["figure_end"], observation["end"])
    if earlier_target is None or not PLANNED.search(low_text, part_start, part_end if part_end >= 0 else observation["end"]):
        return None if observation.get("tentative") else observation
    target = {k: v for k, v in observation.items() if k not in ("date", "qualifier", "total", "tentative")}
    comparator = {"at least": ">=", "more than": ">=", "at most": "<=", "less than": "<="}
    target.update(
        kind="target", comparator=comparator.get(observation.get("qualifier"), "="),
        deadline=earlier_target["deadline"], document_id=earlier_target.get("document_id"), confidence="low",
        reason=f"{observation['reason']}; planned, without a deadline of its own: the deadline of the target before it",
    )
    return target
