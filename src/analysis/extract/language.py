"""Which language a document is written in: it decides how "3.400" and "16 mars" are read.

Vietnamese letters (ơ, ư, ạ, ...) decide at once; otherwise lingua, restricted to the few
languages the corpus holds, judges a sample. Vietnamese typed without diacritics is caught by the
share of its common syllables ("cua", "cong an", "nghi quyet"), whatever lingua says.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.extract.fold import VIETNAMESE_LETTERS

SAMPLE_CHARS = 2000
LANGUAGES = ("en", "vi", "sv", "fr", "de")

# Frequent Vietnamese syllables as they look without diacritics; rare as English/Swedish words.
_VI_SYLLABLES = frozenset(
    """cua va cac nhung trong duoc cong an nghi quyet tinh xa phuong nguoi nam ngay thang
    thuc hien xay dung luc luong chinh tri viec voi cho tai theo nay tren duoi dang uy truong
    ban bo chi thi ke hoach so de nhan dan quan triet trien khai hoi nghi dong chi mot nhieu
    lanh dao nhiem vu cap tu den hoan thanh dat muc tieu tru se thanh pho huyen ninh trat tu
    khong ve tham gia kiem tra phat trien""".split()
)
_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.ENGLISH, Language.VIETNAMESE, Language.SWEDISH, Language.FRENCH, Language.GERMAN
    ).build()


def sample_of(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    half = SAMPLE_CHARS // 2
    middle = len(text) // 2
    return text[:half] + "\n" + text[middle : middle + half]


def looks_vietnamese_without_diacritics(sample: str) -> bool:
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 5:
        return False
    return sum(w in _VI_SYLLABLES for w in words) / len(words) >= 0.3


def detect_language(text: str) -> str:
    """An ISO 639-1 code among LANGUAGES; 'en' when nothing can be told."""
    sample = sample_of(text)
    letters = sum(c.isalpha() for c in sample)
    if letters and sum(c in VIETNAMESE_LETTERS for c in sample) / letters >= 0.04:
        return "vi"
    if looks_vietnamese_without_diacritics(sample):
        return "vi"
    found = _detector().detect_language_of(sample)
    code = found.iso_code_639_1.name.lower() if found else "en"
    return code if code in LANGUAGES else "en"
