"""Working days around England's bank holidays, one-off ones included."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.lib.working_days import OutsideCalendar, WorkingDayCalendar, england

ENGLAND = england()
working_days_between = ENGLAND.working_days_between
is_working_day = ENGLAND.is_working_day


def test_an_icpc_15_working_days_after_a_strategy_discussion_across_the_queens_funeral() -> None:
    # Friday 16 September 2022 to Monday 10 October 2022: 19 September was a bank holiday
    assert working_days_between(date(2022, 9, 16), date(2022, 10, 10)) == 15
    assert not is_working_day(date(2022, 9, 19))


def test_the_same_day_is_0_and_friday_to_monday_is_1() -> None:
    assert working_days_between(date(2022, 10, 7), date(2022, 10, 7)) == 0
    assert working_days_between(date(2022, 10, 7), date(2022, 10, 10)) == 1


def test_christmas_and_new_year_2022_with_their_substitute_days() -> None:
    # 23 Dec 2022 (Fri) to 4 Jan 2023 (Wed): 26, 27 Dec and 2 Jan are bank holidays
    assert working_days_between(date(2022, 12, 23), date(2023, 1, 4)) == 5  # 28, 29, 30 Dec, 3, 4 Jan


def test_easter_2023() -> None:
    # Thursday 6 April to Tuesday 11 April 2023: Good Friday 7 and Easter Monday 10 April
    assert working_days_between(date(2023, 4, 6), date(2023, 4, 11)) == 1


def test_the_2023_coronation_bank_holiday() -> None:
    assert "Coronation" in ENGLAND.bank_holidays[date(2023, 5, 8)]
    # Friday 5 May to Friday 12 May 2023: 8 May was a one-off bank holiday
    assert working_days_between(date(2023, 5, 5), date(2023, 5, 12)) == 4


def test_weekends_never_count() -> None:
    assert working_days_between(date(2024, 6, 7), date(2024, 6, 9)) == 0  # Friday to Sunday
    assert working_days_between(date(2024, 6, 8), date(2024, 6, 10)) == 1  # Saturday to Monday


def test_a_date_before_the_start_gives_a_negative_count() -> None:
    assert working_days_between(date(2022, 10, 10), date(2022, 9, 16)) == -15


def test_dates_outside_the_calendar_are_refused() -> None:
    with pytest.raises(OutsideCalendar, match="outside the working-day calendar"):
        working_days_between(date(1899, 1, 1), date(2022, 1, 1))


def test_a_calendar_of_other_holidays_counts_its_own() -> None:
    # the same fortnight with no bank holiday on 19 September 2022: 16, not England's 15
    plain = WorkingDayCalendar("no holidays", {})
    assert plain.working_days_between(date(2022, 9, 16), date(2022, 10, 10)) == 16
    assert plain.is_working_day(date(2022, 9, 19))
