"""What a run has to make: one job per brief (a unit in one language), with the digest of its inputs.

Both languages of a unit live side by side in its folder: English at the contract's paths
(reports/<slug>/<slug>.ipynb|.html|.pdf), every other language with its code before the suffix
(reports/<slug>/<slug>.vi.html). Each brief links to its twin in the other language when that twin
exists; whether it does is one of the brief's inputs, so the link appears (or goes) with a re-render.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from analysis.batch.hashing import DataSlices, digest, file_digest, json_digest

NATIONAL = "national"
LANGS = ("en", "vi")
PRIMARY = "en"  # the language at the DESIGN.md contract's paths
KINDS = ("ipynb", "html", "pdf")


def brief_stem(slug: str, lang: str) -> str:
    """File name without its suffix: `ha-tinh` (English), `ha-tinh.vi` (Vietnamese)."""
    return slug if lang == PRIMARY else f"{slug}.{lang}"


def brief_files(slug: str, lang: str) -> dict[str, str]:
    """kind -> path relative to reports/ of one brief's files."""
    stem = brief_stem(slug, lang)
    return {kind: f"{slug}/{stem}.{kind}" for kind in KINDS}


def twin_lang(lang: str) -> str:
    """The other language of a brief (the briefs exist in two)."""
    return next(other for other in LANGS if other != lang)


@dataclass(frozen=True)
class Target:
    """A brief to make: a current unit, or the national overview (slug "national")."""

    slug: str
    title: str
    data_units: tuple[str, ...] = ()  # the unit and the legacy units it absorbed; empty for national

    @property
    def is_national(self) -> bool:
        return self.slug == NATIONAL


@dataclass(frozen=True)
class BriefJob:
    slug: str
    title: str
    notebook: Path
    parameters: dict
    inputs: dict = field(default_factory=dict)  # name -> digest, recorded in the manifest
    inputs_hash: str = ""
    lang: str = PRIMARY
    twin: str | None = None  # the language of the twin this brief links to, or None

    @property
    def folder(self) -> str:
        return self.slug

    @property
    def stem(self) -> str:
        return brief_stem(self.slug, self.lang)

    @property
    def key(self) -> tuple[str, str]:
        return self.slug, self.lang

    def output_names(self) -> dict[str, str]:
        return brief_files(self.slug, self.lang)


def plan_jobs(targets: list[Target], *, province_notebook: Path, national_notebook: Path, as_of: str,
              langs: tuple[str, ...], database: Path, slices: DataSlices, code: str, renderer: str,
              existing: frozenset[tuple[str, str]] = frozenset()) -> list[BriefJob]:
    """One job per target and language, the target's languages next to each other.

    `existing` holds the (slug, lang) briefs already written by earlier runs: a brief links to its
    twin when the twin is made in this run or already exists."""
    notebooks = {p: file_digest(p) for p in {province_notebook, national_notebook} if p.exists()}
    jobs = []
    for target in targets:
        notebook = national_notebook if target.is_national else province_notebook
        data = slices.everything() if target.is_national else slices.for_units(list(target.data_units))
        for lang in langs:
            other = twin_lang(lang)
            twin = other if other in langs or (target.slug, other) in existing else None
            parameters = {"as_of": as_of, "lang": lang}
            if not target.is_national:
                parameters["unit"] = target.slug
            inputs = {
                "notebook": notebooks.get(notebook, ""),
                # The data path is left out: the data's content is what matters, wherever it lives.
                "parameters": json_digest(parameters),
                "data": data,
                "code": code,
                "renderer": renderer,
                "twin": twin or "",
            }
            jobs.append(BriefJob(
                slug=target.slug,
                title=target.title,
                notebook=notebook,
                parameters={**parameters, "data": str(database)},
                inputs=inputs,
                inputs_hash=digest(*(f"{k}={v}" for k, v in sorted(inputs.items()))),
                lang=lang,
                twin=twin,
            ))
    return jobs
