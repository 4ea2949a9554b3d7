"""A fictional brief scenario for the chart tests: no real place or figure appears here.

gamma implements the national cascade (12-NQ/TW, then 90-QĐ/TW) with a document of its own,
sets three targets (one with a stated baseline), and reports officers twice and incidents
once; delta, epsilon, zeta and eta and the merged alpha-beta report officers once each, so
gamma can be placed among them; three units report a share gamma does not report. theta has
nothing; eta has a single figure.
"""

from __future__ import annotations

from analysis.briefs.brief import Brief, units_of
from fictional import Fictional

AS_OF = "2025-06-30"


def scenario_facts():
    f = (Fictional()
         .document("national:12-NQ/TW", "national", issued="2022-03-16")
         .document("national:90-QĐ/TW", "national", issued="2022-12-06", type="QĐ")
         .document("gamma:5-NQ/TU", "gamma", issued="2023-05-31")
         .link("national:90-QĐ/TW", "national:12-NQ/TW")
         .link("gamma:5-NQ/TU", "national:12-NQ/TW")
         .target("gamma", "share", 30, "2025-12-31", document_id="gamma:5-NQ/TU", target_id="t-share-30")
         .target("gamma", "share", 100, "2030-12-31", document_id="gamma:5-NQ/TU", target_id="t-share-100")
         .target("gamma", "officers", 500, "2026-12-31", document_id="gamma:5-NQ/TU", target_id="t-officers",
                 baseline_value=100, baseline_date="2022-01")
         .observation("gamma", "officers", 200, "2023-06-30", observation_id="o-gamma-2023")
         .observation("gamma", "officers", 300, "2024-06-30", qualifier="nearly", observation_id="o-gamma-2024")
         .observation("gamma", "incidents", 5, "2024-01-01", observation_id="o-gamma-incidents")
         .observation("alpha", "officers", 120, "2024-06-30", observation_id="o-alpha")
         .observation("beta", "officers", 80, "2024-06-30", observation_id="o-beta")
         .observation("national", "officers", 1000, "2023-03", observation_id="o-national-2023")
         .observation("national", "officers", 2000, "2024-03", observation_id="o-national-2024")
         .observation("national", "funding", 5e12, "2024-03-20", observation_id="o-national-funding"))
    for unit, value in {"delta": 150, "epsilon": 400, "zeta": 90, "eta": 250}.items():
        f.observation(unit, "officers", value, "2024-12-31", observation_id=f"o-{unit}")
    for unit, value in {"delta": 20, "epsilon": 45, "zeta": 60}.items():
        f.observation(unit, "share", value, "2024-12-31", observation_id=f"o-{unit}-share")
    return f.build()


def brief(unit: str, lang: str = "en", facts=None) -> Brief:
    facts = facts if facts is not None else scenario_facts()
    return Brief(unit, as_of=AS_OF, lang=lang, facts=facts, units=units_of(facts))
