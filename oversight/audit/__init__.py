"""The audit trail every domain records through: each change to a plan's data, who made it, when, the
old and the new value."""
