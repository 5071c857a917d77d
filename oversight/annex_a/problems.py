"""What stops a load: the library's located problems, all of them at once, raised as the engine's own
refusal so that a caller can tell a refused extract from any other refused file."""

from __future__ import annotations

from oversight.lib.problems import ImportFailed, Problem

__all__ = ["LoadFailed", "Problem"]


class LoadFailed(ImportFailed):
    """The extract was not loaded; the database is as it was. Holds every problem found."""
