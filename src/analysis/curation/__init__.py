"""Stage 2, curation: the curated tables' schemas, their validation, quote checks, the review loop,
and `briefs build`, which saves the processed store; `facts` loads that store for the later stages.

May import: analysis.reference, analysis.extract, and the core modules (errors, paths).
"""
