"""Stage 4, briefs: what a notebook shows. Each section of a unit's brief and of the national
overview as Markdown or SVG, its charts and its wording, computed from analysis.progress.

May import: analysis.progress, analysis.curation.facts, analysis.reference, analysis.render's text
helpers (escape, i18n). Never batch.
"""
