"""The shared library keeps a test file per module (tests/lib/test_<module>.py, and tests/govuk/ for the
form components), so a helper added to it comes with its own tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import oversight

PACKAGE = Path(oversight.__file__).parent
TESTS = Path(__file__).parent.parent


def modules(package: str) -> list[str]:
    return sorted(p.stem for p in (PACKAGE / package).glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("package", ["lib", "govuk"])
def test_every_module_of_the_shared_library_has_its_own_test_file(package):
    found = modules(package)
    assert found, f"oversight/{package} has no modules"
    missing = [m for m in found if not (TESTS / package / f"test_{m}.py").is_file()]
    assert missing == [], f"no tests/{package}/test_<module>.py for: {', '.join(missing)}"
