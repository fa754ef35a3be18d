"""Dense slides get smaller type; community slides name leaders without their long roles.

Whether the decks really fit is measured in the render tier (test_render_slides.py).
"""

from __future__ import annotations

import re

from commkit.render.slide_fit import SLIDE_STYLE, class_directive, slide_class
from seminars_helpers import PROFILE, export


def test_the_class_grows_with_the_text():
    assert slide_class(["A short goal", "Another one"]) == ""
    assert slide_class(["word " * 130]) == "dense"
    assert slide_class(["word " * 300]) == "denser"
    assert class_directive(["word " * 130]) == "<!-- _class: dense -->"
    assert class_directive(["short"]) == ""
    for name in ("dense", "denser"):
        assert f"section.{name} {{" in SLIDE_STYLE


def test_deck_defines_the_classes_and_community_slides_follow_each_exercise(tmp_path):
    export(tmp_path, "seminar-1", "--format", "md", "--profile", str(PROFILE))
    slides = (tmp_path / "01-seminar-1" / "slides.md").read_text(encoding="utf-8")
    front = slides.split("\n---\n", 1)[0]
    assert "style: |\n  section.dense { font-size: 24px; }" in front
    exercise_heads = re.findall(r"^## (.+)$", slides, flags=re.M)
    repeated = [h for h in set(exercise_heads) if exercise_heads.count(h) == 2]
    assert repeated, "each exercise is followed by a slide for the community, same heading"
    # leaders by name on the slides; names with roles stay in the facilitator's guide
    guide = (tmp_path / "01-seminar-1" / "facilitator.md").read_text(encoding="utf-8")
    assert "Yuliya Suntseva (Rasena brand)" in guide
    assert "Yuliya Suntseva, Oscar Yagafarov" in slides and "Rasena brand" not in slides
