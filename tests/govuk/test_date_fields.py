"""Dates typed in the day, month and year boxes: read exactly, or refused naming the boxes that are wrong."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.govuk.date_fields import DateField, DateProblem, MonthField, read_date


def typed(day: str = "", month: str = "", year: str = "") -> dict[str, str]:
    return {"day": day, "month": month, "year": year}


@pytest.mark.parametrize(
    ("boxes", "day"),
    [
        (typed("31", "1", "2017"), date(2017, 1, 31)),
        (typed(" 1 ", "03", "2017"), date(2017, 3, 1)),
        (typed("29", "2", "2016"), date(2016, 2, 29)),
        (typed("14", "Mar", "2017"), date(2017, 3, 14)),
        (typed("14", "march", "2017"), date(2017, 3, 14)),
        (typed("30", "Sept", "2016"), date(2016, 9, 30)),
    ],
)
def test_it_reads_a_date_as_typed(boxes: dict[str, str], day: date):
    assert read_date(boxes) == day


@pytest.mark.parametrize(
    ("boxes", "code", "parts", "missing"),
    [
        (typed(), "required", ("day", "month", "year"), ""),
        (typed("", "3", "2017"), "incomplete", ("day",), "day"),
        (typed("", "", "2017"), "incomplete", ("day", "month"), "day and month"),
        (typed("31", "2", "2017"), "invalid", ("day",), ""),
        (typed("32", "13", "2017"), "invalid", ("day", "month"), ""),
        (typed("1", "Smarch", "2017"), "invalid", ("month",), ""),
        (typed("1", "1", "17"), "year", ("year",), ""),
        (typed("1", "1", "２０１７"), "year", ("year",), ""),
    ],
)
def test_it_never_guesses_a_date(boxes: dict[str, str], code: str, parts: tuple[str, ...], missing: str):
    with pytest.raises(DateProblem) as problem:
        read_date(boxes)
    assert (problem.value.code, problem.value.parts, problem.value.missing) == (code, parts, missing)


def test_a_month_is_its_first_day():
    assert read_date({"month": "1", "year": "2018"}, ("month", "year")) == date(2018, 1, 1)


def test_the_fields_word_their_errors_as_govuk_does():
    field = DateField(label="Date", what="The date of the visit")
    errors = {}
    for boxes in (typed(), typed("", "3", "2017"), typed("31", "2", "2017"), typed("1", "1", "17")):
        try:
            field.clean(boxes)
        except Exception as error:  # noqa: BLE001 - the message is what is checked
            errors[tuple(boxes.values())] = error.messages  # type: ignore[attr-defined]
    assert list(errors.values()) == [
        ["Enter the date of the visit"],
        ["The date of the visit must include a day"],
        ["The date of the visit must be a real date"],
        ["Year must include 4 numbers"],
    ]
    assert MonthField(label="Month").clean({"month": "Jan", "year": "2018"}) == date(2018, 1, 1)
    assert DateField(label="Date", required=False).clean(typed()) is None
