"""A council's grading scale and domains, typed one a line."""

from __future__ import annotations

from oversight.quality.scales import OFSTED, parse_domains, parse_grades


def test_ofsteds_scale_counts_outstanding_and_good_as_good_or_better() -> None:
    assert [OFSTED.is_good(OFSTED.rank(g)) for g in OFSTED.grades] == [True, True, False, False]
    assert OFSTED.rank("  requires   IMPROVEMENT ") == 2
    assert OFSTED.rank("Adequate") is None
    assert OFSTED.good_grades == "Outstanding or Good"


def test_grades_are_one_a_line_best_first_and_each_different() -> None:
    assert parse_grades("Good\n\n Inadequate \n") == (("Good", "Inadequate"), [])
    assert parse_grades("Good")[1] == ["Enter at least two grades, one on each line, the best first"]
    assert parse_grades("Good\ngood")[1] == ["Each grade must be different"]


def test_a_domain_is_its_name_then_a_colon_and_its_guidance() -> None:
    domains, problems = parse_domains("Voice of the child: Are the child's wishes recorded?\nPlanning\n")
    assert problems == []
    assert [(d.name, d.guidance) for d in domains] == [
        ("Voice of the child", "Are the child's wishes recorded?"),
        ("Planning", ""),
    ]
    assert parse_domains(": no name\nPlanning\nplanning")[1] == [
        "Each domain needs a name before its colon",
        "Each domain must have a different name",
    ]
