"""`make bench`: throughput of extraction and of the batch of briefs, printed as JSON.

May import anything in the package: it measures the whole. Nothing imports it.
"""
