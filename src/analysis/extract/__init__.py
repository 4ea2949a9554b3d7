"""Stage 1, extraction: reading raw documents, and the mentions in them (documents, dates,
places, quantities, targets). May import: analysis.reference and the core modules.

    extract_text(text, source, published=None) -> list[dict]   # one record per mention
    extract_files(paths) -> pandas.DataFrame                      # the same records, every file
"""

from analysis.extract.pipeline import extract_text
from analysis.extract.command import extract_files, iter_file_records

__all__ = ["extract_text", "extract_files", "iter_file_records"]
