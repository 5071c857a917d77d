"""Percentages as councils' tables show them: whole numbers for reports, one decimal place for rating
a figure against its target; both rounded half up, never to the even digit, never through a float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def percent(part: int, whole: int) -> int:
    """A whole-number percentage rounded half up (13.5% is 14%), as councils' tables show them."""
    if whole == 0:
        return 0
    return (200 * part + whole) // (2 * whole)


def exact_percent(numerator: int, denominator: int) -> Decimal | None:
    """To one decimal place, for rating against a target (89.6% misses a target of 90%): 88.9, 100."""
    return ratio(numerator, denominator)


def ratio(part: int | Decimal, whole: int | Decimal, per: int = 100) -> Decimal | None:
    """`part` per `per` of `whole` (a percentage; per one, an average) to one decimal place, rounded
    half up, a whole number without its '.0'; None when `whole` is 0 (nothing was counted)."""
    if not whole:
        return None
    found = (Decimal(part) * per / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return found if found != found.to_integral() else found.to_integral()


def average(total: int, count: int) -> Decimal:
    """An average to one decimal place, rounded half up from the whole numbers (65 cases for 4
    workers is 16.3, where a float rounds 16.25 to 16.2), so a chart and its table show one figure."""
    if not count:
        return Decimal("0.0")
    return (Decimal(total) / count).quantize(Decimal("0.1"), ROUND_HALF_UP)


def counted(count: int, noun: str, plural: str = "") -> str:
    """'1 action', '3 actions', '2 people' (with the plural given)."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"
