"""Oversight: improvement plans, exception reports and performance for children's services."""
