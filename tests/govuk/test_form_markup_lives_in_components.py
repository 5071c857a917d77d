"""Every page writes its form fields through the components in templates/forms: no other template writes a
field's error message by hand (where it drifts from GOV.UK's markup, or forgets the hidden 'Error:')."""

from __future__ import annotations

from pathlib import Path

import oversight

PACKAGE = Path(oversight.__file__).parent
COMPONENTS = PACKAGE / "templates" / "forms"
HAND_WRITTEN = ("govuk-error-message", 'govuk-visually-hidden">Error:')


def templates() -> list[Path]:
    return sorted(PACKAGE.rglob("templates/**/*.html"))


def test_the_site_has_templates_to_check():
    found = templates()
    assert len(found) > 40 and any(COMPONENTS in path.parents for path in found)


def test_no_template_outside_the_components_writes_an_error_message():
    written = {
        str(path.relative_to(PACKAGE)): marker
        for path in templates()
        if COMPONENTS not in path.parents
        for marker in HAND_WRITTEN
        if marker in path.read_text()
    }
    assert written == {}
