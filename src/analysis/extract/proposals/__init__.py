"""Fact proposals: the mentions of a document read as rows for the curated tables (observations,
targets, documents, document links) or as new indicators, each with its sentence and offsets,
and how sure the proposer is (`confidence`, `reason`).

    propose_text(text, source, published=None) -> list[dict]
    propose_file(path, published=None) -> list[dict]
"""

from analysis.extract.proposals.propose import KINDS, propose_file, propose_text

__all__ = ["KINDS", "propose_file", "propose_text"]
