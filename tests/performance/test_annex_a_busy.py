"""While an extract is being loaded, pages that read Annex A ask people to try again."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db

HOLD = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("BEGIN")
con.execute("CREATE TABLE loading (a INTEGER)")
print("locked", flush=True)
sys.stdin.read()
"""


def test_the_caseload_page_during_a_load_says_to_try_again_in_a_minute(annex_a, signed_in, settings) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(settings.ANNEX_A_DATABASE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "locked"
        response = signed_in("olivia").get("/plans/demo/caseloads/")
        assert response.status_code == 503
        assert response["Retry-After"] == "60"
        assert "Annex A data is being loaded" in response.content.decode()
    finally:
        writer.communicate("")
    assert signed_in("olivia").get("/plans/demo/caseloads/").status_code == 200
