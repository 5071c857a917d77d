"""The forms of the plan's pages, one module each: a view makes the form, the page renders its fields."""
