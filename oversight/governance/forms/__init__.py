"""The forms of the governance pages, one module each: a view makes the form, the page renders its fields."""
