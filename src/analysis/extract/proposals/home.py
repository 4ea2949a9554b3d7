"""The unit a publisher is at home in: "Báo Quảng Nam", "Truyền hình Đồng Tháp (THĐT)", "Công an
Nghệ An (congannghean.vn)". A provincial newspaper's "toàn tỉnh" is its own province, though the
sentence (or the short quote a curator kept) never names it; so is a figure of such a paper that
names no unit and speaks of no country (proposals.context.pick_unit, with low confidence).

    home_unit(publisher, published=None, address=None) -> (unit, kind) or (None, None)

`kind` is "province" or "city" (a centrally-run city): an outlet named after a city ("Pháp Luật
TP.HCM", "Công an TP Đà Nẵng") reports on many provinces, so its home answers only for "thành
phố"/"the city", never for "tỉnh"/"the province".
"""

from __future__ import annotations

import re

from analysis.extract.places import find_places
from analysis.extract.fold import fold
from analysis.extract.proposals.context import unit_of
from analysis.reference.units import load_units

# The outlet's own name, before any bracket or domain note: "Báo Hải Dương (English edition)".
_NAME = re.compile(r"^[^(|]*")


def masthead(publisher: str | None, address: str | None) -> tuple[str, str]:
    """The outlet's own name (with the outlet it republishes, when only that names a place), and
    the words of the page address's last path segment, capitalised as names are
    ("cand.com.vn/.../Cong-an-tinh-Bac-Lieu-bo-tri-100" -> "Cong An Tinh Bac Lieu Bo Tri")."""
    name = _NAME.match(publisher).group().strip() if publisher else ""
    if publisher and not find_places(name, fold(name)):
        # A page republished from an outlet that names it, in brackets: "Vietnam.vn (Báo Hải Dương)".
        name = " ".join(re.sub(r"[()|]", " ", publisher).split())
    words = _SLUG_WORDS.findall(address.rstrip("/").rsplit("/", 1)[-1]) if address else []
    return name, " ".join(w.capitalize() for w in words)  # slugs lose their capitals


def home_unit(publisher: str | None, published: str | None = None, address: str | None = None) -> tuple[str | None, str | None]:
    """The unit the publisher's name names; else the one the page's address names in its last
    path segment ("cand.com.vn/.../Cong-an-tinh-Bac-Lieu-bo-tri-100-cong-an-chinh-quy")."""
    name, slug = masthead(publisher, address)
    unit = _named(name, published)
    return unit if unit[0] is not None else _named(slug, published)


_SLUG_WORDS = re.compile(r"[A-Za-zÀ-ỹĐđ]+")


def _named(name: str, published: str | None) -> tuple[str | None, str | None]:
    if not name:
        return None, None
    places = find_places(name, fold(name), published)
    units = {unit_of({"unit": p.fields["unit"], "merged": p.fields.get("merged")}) for p in places}
    if len(units) != 1:
        return None, None
    unit = units.pop()
    scheme = places[0].fields.get("scheme") or "legacy"
    kind = "city" if "city" in load_units().get(unit.split(":")[-1], scheme).type else "province"
    return unit, kind
