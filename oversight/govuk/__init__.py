"""The GOV.UK Design System's form components on Django's form renderer: a form's fields render through
the templates in templates/forms, and dates are typed as day, month and year."""
