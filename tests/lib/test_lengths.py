"""Length limits and their words, and file names cut to fit where they are kept."""

from __future__ import annotations

from oversight.lib.lengths import length_problems, shortened_file_name, too_long


def test_the_message_is_worded_as_the_gov_uk_design_system_words_it() -> None:
    assert too_long("Address line 1", 35) == "Address line 1 must be 35 characters or less"
    assert too_long("Commentary", 20_000) == "Commentary must be 20,000 characters or less"


def test_only_fields_over_their_limit_are_problems() -> None:
    limits = {"title": ("Title", 5), "url": ("Link", 10)}
    assert length_problems({"title": "12345", "url": "x" * 11}, limits) == {
        "url": "Link must be 10 characters or less"
    }
    assert length_problems({}, limits) == {}


def test_a_long_file_name_is_cut_to_fit_and_keeps_its_extension() -> None:
    assert shortened_file_name("minutes.pdf") == "minutes.pdf"
    cut = shortened_file_name("m" * 300 + ".docx")
    assert cut.endswith("….docx") and len(cut.encode()) <= 200
    accented = shortened_file_name("é" * 300 + ".pdf")  # two bytes a letter: cut between letters
    assert accented.endswith("….pdf") and len(accented.encode()) <= 200 and "\ufffd" not in accented
    assert len(shortened_file_name("x" * 300).encode()) <= 200


def test_a_long_name_is_shortened_in_its_middle_keeping_what_it_says_at_its_end() -> None:
    from oversight.lib.lengths import shortened

    about = "funding line " + "A" * 300 + ": 2017/18 committed"
    cut = shortened(about, 300)
    assert len(cut) == 300 and cut.startswith("funding line AAA") and cut.endswith("AAA: 2017/18 committed")
    assert "…" in cut and shortened("funding line Phase one", 300) == "funding line Phase one"
