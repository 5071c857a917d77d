"""Benchmark: the spreadsheet readers side by side on one Annex A workbook, in one run — what chose them.

The extract (200,000 rows by default, as bench/annex_a.py generates it) is written once as a workbook,
as Excel holds it; then every cell of every sheet is read by each reader in turn:

- openpyxl, read-only, values only (what Oversight used before);
- python-calamine (Rust), each row as Python values (what every import but Annex A now uses: typed
  cells, row by row);
- fastexcel (calamine again), each sheet as Arrow columns of text straight into DuckDB, written out as
  CSV (what the Annex A load now uses: no Python per cell);
- the XML scan for formulas and error values that both calamine readers need beside them.

Each figure is given beside openpyxl's of the same run (a ratio), as machines here differ 2-3x."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `oversight`, run from anywhere

from annex_a_data import SIZES, generate  # noqa: E402
from measure import Figure, table  # noqa: E402


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=0.2, help="of the national extract's rows (0.2)")
    return parser.parse_args()


def by_openpyxl(path: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    book.close()
    return cells


def by_python_calamine(path: Path) -> int:
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).iter_rows():
            cells += len(row)
    return cells


def by_fastexcel(path: Path, out: Path) -> int:
    import duckdb
    import fastexcel

    reader = fastexcel.read_excel(path)
    cells = 0
    with duckdb.connect(config={"threads": 1}) as con:
        for index, name in enumerate(reader.sheet_names):
            sheet = reader.load_sheet(name, header_row=None, dtypes="string", skip_rows=0)
            cells += sheet.height * sheet.width
            con.from_arrow(sheet).create(f"sheet_{index}")
            con.execute(f"COPY sheet_{index} TO '{out / f'{index}.csv'}' (FORMAT csv)")
    return cells


def by_scan(path: Path) -> int:
    from oversight.lib.workbook_rows import scan_sheet, sheet_parts

    found = 0
    with zipfile.ZipFile(path) as archive:
        for part in sheet_parts(archive).values():
            found += len(scan_sheet(archive, part, formula_text=True).cells)
    return found


def main() -> int:
    args = arguments()
    from oversight.demo.extract_workbook import write_workbook

    sizes = {number: round(rows * args.scale) for number, rows in SIZES.items()}
    with tempfile.TemporaryDirectory(prefix="oversight-readers-") as scratch:
        work = Path(scratch)
        sys.stderr.write(f"... generating {sum(sizes.values()):,} rows and writing them as a workbook\n")
        workbook = write_workbook(generate(work / "csv", sizes=sizes), work / "annex_a.xlsx")
        timed: dict[str, tuple[float, int]] = {}
        steps = {
            "openpyxl (read-only, values)": lambda: by_openpyxl(workbook),
            "python-calamine (rows of Python values)": lambda: by_python_calamine(workbook),
            "fastexcel (Arrow columns into DuckDB, CSV out)": lambda: by_fastexcel(workbook, work),
            "the XML scan for formulas and error values": lambda: by_scan(workbook),
        }
        for name, step in steps.items():
            sys.stderr.write(f"... {name}\n")
            started = time.perf_counter()
            counted = step()
            timed[name] = (time.perf_counter() - started, counted)
        baseline = timed["openpyxl (read-only, values)"][0]
        figures = [
            Figure(name, seconds, "s", detail=f"{seconds / baseline:.2f} × openpyxl's; {counted:,} counted")
            for name, (seconds, counted) in timed.items()
        ]
        print(
            f"Spreadsheet readers on one workbook: {sum(sizes.values()):,} rows in {len(sizes)} sheets,"
            f" {workbook.stat().st_size / 1e6:,.0f} MB"
        )
        print()
        print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
