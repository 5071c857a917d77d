"""Bromley's funding table as the Word paper and the Excel workbook a committee gets: the published
figures and comments, totals included."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from oversight.funding.render import docx, xlsx
from oversight.lib.word import Look
from tests.funding.test_table import BROMLEY, MARCH_2017, YEARS
from tests.papers import check_paper


def test_the_word_paper_has_bromleys_figures_and_totals() -> None:
    paper = check_paper(docx(BROMLEY, YEARS, MARCH_2017, "London Borough of Bromley", Look()))
    [table] = paper.doc.tables
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0][:5] == ["Funding", "2016/17 budget £'000", "2016/17 spend £'000", "2017/18 budget £'000",
                            "2017/18 committed £'000"]  # fmt: skip
    assert cells[1][:5] == ["Phase one", "731", "731", "1,171", "1,171"]
    assert cells[-1][:5] == ["Total", "1,090", "1,090", "5,157", "4,407"]
    assert cells[5][5].startswith("£1,500k agreed by Council on the 1st March 2017.")


def test_the_workbook_keeps_the_figures_as_numbers() -> None:
    sheet = load_workbook(io.BytesIO(xlsx(BROMLEY, YEARS, MARCH_2017)))["Funding"]
    assert [c.value for c in sheet[3]][:5] == ["Phase one", 731, 731, 1171, 1171]
    total = [c.value for c in sheet[8]]
    assert total[:5] == ["Total", 1090, 1090, 5157, 4407] and sheet["D8"].number_format == "#,##0"
