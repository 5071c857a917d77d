"""What every HTML and PDF paper's template is given: the paper (council, title, date, look) and the
council's logo as a data: address, so that the HTML stands alone and the PDF fetches nothing."""

from __future__ import annotations

from oversight.lib.paper_files import PNG_SIGNATURE
from oversight.lib.pdf import data_address
from oversight.lib.word import Paper


def paper_context(paper: Paper) -> dict[str, object]:
    logo = paper.look.logo
    kind = "image/png" if logo and logo.startswith(PNG_SIGNATURE) else "image/jpeg"
    return {"paper": paper, "logo": data_address(logo, kind) if logo else ""}
