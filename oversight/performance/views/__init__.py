"""The performance pages: the scorecard, indicators, imports, exports, Annex A figures and caseloads."""

from oversight.performance.views.indicators import new_indicator
from oversight.performance.views.scorecard import indicator_page, scorecard

__all__ = ["indicator_page", "new_indicator", "scorecard"]
