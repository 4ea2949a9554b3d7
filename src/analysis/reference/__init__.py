"""Stage 0, reference: Vietnam's provincial units of both schemes, the crosswalk, names and their resolver.

May import: analysis.errors, analysis.paths. Nothing else in the package.
"""
