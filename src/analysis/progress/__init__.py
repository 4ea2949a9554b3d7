"""Stage 3, progress: pure functions of the loaded facts. Targets against figures, status, the
merger roll-up, coverage of the cascade, comparison across units, and a per-facts memo.

May import: analysis.curation (facts, schema), analysis.reference, the core modules. Never briefs,
render or batch.
"""
