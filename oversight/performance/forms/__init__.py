"""The forms of the scorecard and caseload pages, one module each: a view makes the form, the page renders
its fields."""
