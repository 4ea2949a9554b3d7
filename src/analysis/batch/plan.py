"""What a run has to make: one job per brief, with the digest of its inputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from analysis.batch.hashing import DataSlices, digest, file_digest, json_digest

NATIONAL = "national"


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

    @property
    def folder(self) -> str:
        return self.slug

    def output_names(self) -> dict[str, str]:
        return {kind: f"{self.slug}/{self.slug}.{kind}" for kind in ("ipynb", "html", "pdf")}


def plan_jobs(targets: list[Target], *, province_notebook: Path, national_notebook: Path, as_of: str,
              lang: str, database: Path, slices: DataSlices, code: str, renderer: str) -> list[BriefJob]:
    notebooks = {p: file_digest(p) for p in {province_notebook, national_notebook} if p.exists()}
    jobs = []
    for target in targets:
        notebook = national_notebook if target.is_national else province_notebook
        parameters = {"as_of": as_of, "lang": lang}
        if not target.is_national:
            parameters["unit"] = target.slug
        data = slices.everything() if target.is_national else slices.for_units(list(target.data_units))
        inputs = {
            "notebook": notebooks.get(notebook, ""),
            # The data path is left out: the data's content is what matters, wherever it lives.
            "parameters": json_digest(parameters),
            "data": data,
            "code": code,
            "renderer": renderer,
        }
        jobs.append(BriefJob(
            slug=target.slug,
            title=target.title,
            notebook=notebook,
            parameters={**parameters, "data": str(database)},
            inputs=inputs,
            inputs_hash=digest(*(f"{k}={v}" for k, v in sorted(inputs.items()))),
        ))
    return jobs
