"""A workbook is read in a child process with a ceiling on its memory: what the reading returns or raises
comes back as if it had run here, and a child the ceiling stops (or that ends any other way) is a refusal
in words, while the process that asked carries on. The jobs are this module's own functions, which the
children import."""

from __future__ import annotations

import os
import re
import resource
import signal
import threading
import time
from pathlib import Path

import pytest

from oversight.lib.problems import ImportFailed, Problem
from oversight.lib.reading_process import children_peak_mb, each_in_child, in_child, in_children
from oversight.lib.spreadsheet_limits import MB, Limits, SpreadsheetRefused
from oversight.lib.spreadsheets import read_sheets
from tests.hostile_files import rewritten

CEILING = 300 * MB
OUT_OF_MEMORY = "the workbook could not be read within the 300 MB of memory Oversight allows for reading one"
WAIT = 30  # seconds: how long a test waits for what should take a moment, before calling it stuck


def returned(*arguments: object) -> tuple[object, ...]:
    return arguments


def ceiling() -> tuple[int, int]:
    return resource.getrlimit(resource.RLIMIT_AS)


def refusing(problems: list[Problem]) -> None:
    raise ImportFailed(problems)


def raising(message: str) -> None:
    raise LookupError(message)


def allocating(size: int) -> int:
    return len(bytearray(size))


def holding(size: int) -> int:
    """Memory written to, so that it is resident."""
    return len(b"x" * size)


def ending(code: int) -> None:
    os._exit(code)


def aborting() -> None:
    os.abort()  # as Rust ends a process whose allocation failed


def signalled(number: int) -> None:
    os.kill(os.getpid(), number)
    time.sleep(WAIT)


def recorded(folder: str, index: int, seconds: float) -> int:
    """Sleeps, having written its process id when it began, and its id, start and end when done."""
    start = time.monotonic()
    _write_whole(Path(folder, f"{index}.started"), str(os.getpid()))
    time.sleep(seconds)
    _write_whole(Path(folder, f"{index}.done"), f"{os.getpid()} {start} {time.monotonic()}")
    return index * 10


def _write_whole(path: Path, text: str) -> None:
    """Writes beside `path` and renames, so the test watching the folder never reads it half-written."""
    partial = path.with_suffix(".partial")
    partial.write_text(text)
    partial.rename(path)


def raising_once_started(folder: str, others: int) -> None:
    """Raises once `others` jobs have begun (written their process id)."""
    started(Path(folder), others)
    raise LookupError("no such sheet")


def started(folder: Path, count: int) -> list[int]:
    """The process ids of the jobs begun in `folder`, once there are `count` of them."""
    deadline = time.monotonic() + WAIT
    while len(found := sorted(folder.glob("*.started"))) < count:
        assert time.monotonic() < deadline, f"{len(found)} of {count} jobs begun"
        time.sleep(0.02)
    return [int(path.read_text()) for path in found]


def spans(folder: Path) -> list[tuple[float, float]]:
    """When each job that finished ran: (start, end), as each recorded it."""
    found = []
    for path in folder.glob("*.done"):
        _, start, end = path.read_text().split()
        found.append((float(start), float(end)))
    return found


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_what_a_job_returns_comes_back_from_the_child(tmp_path) -> None:
    assert in_child(CEILING, returned, 1, "Red", tmp_path) == (1, "Red", tmp_path)


def test_the_child_runs_under_the_memory_ceiling_given() -> None:
    assert in_child(CEILING, ceiling) == (CEILING, CEILING)


def test_an_import_refused_in_the_child_comes_back_with_every_problem_as_it_was() -> None:
    problems = [
        Problem("s.xlsx", "missing required column(s): RAG", "March", 3),
        Problem("s.xlsx", "not a status: 'Purple'", "March", 7, "B (RAG)"),
    ]
    with pytest.raises(ImportFailed) as failed:
        in_child(CEILING, refusing, problems)
    assert failed.value.problems == problems
    assert str(failed.value) == str(ImportFailed(problems))


def test_any_other_exception_raised_in_the_child_comes_back_as_itself() -> None:
    with pytest.raises(LookupError, match="^no sheet 'May'$"):
        in_child(CEILING, raising, "no sheet 'May'")


def test_a_job_asking_for_more_memory_than_the_ceiling_is_refused_in_words() -> None:
    with pytest.raises(SpreadsheetRefused, match=f"^{OUT_OF_MEMORY}"):
        in_child(CEILING, allocating, 1024 * MB)
    assert in_child(CEILING, allocating, 10 * MB) == 10 * MB


@pytest.mark.parametrize(
    ("job", "arguments"),
    [(aborting, ()), (signalled, (signal.SIGKILL,))],
    ids=["aborted, as Rust ends a process out of memory", "killed, as the kernel's OOM killer does"],
)
def test_a_child_ended_as_one_out_of_memory_ends_is_refused_for_its_memory(job, arguments) -> None:
    with pytest.raises(SpreadsheetRefused, match=f"^{OUT_OF_MEMORY}"):
        in_child(CEILING, job, *arguments)


@pytest.mark.parametrize(
    ("job", "arguments", "code"),
    [(ending, (7,), 7), (signalled, (signal.SIGTERM,), -signal.SIGTERM)],
    ids=["exit code 7", "terminated"],
)
def test_a_child_that_ends_any_other_way_is_refused_saying_so(job, arguments, code) -> None:
    ended = f"the workbook could not be read: the process reading it ended unexpectedly (exit code {code})"
    with pytest.raises(SpreadsheetRefused, match=f"^{re.escape(ended)}$"):
        in_child(CEILING, job, *arguments)


def test_the_peak_memory_of_the_largest_child_so_far_is_kept() -> None:
    in_child(CEILING, holding, 64 * MB)
    assert children_peak_mb() >= 64


def test_a_workbook_placing_cells_a_terabyte_of_grid_apart_is_refused_and_reading_carries_on(
    write_xlsx,
) -> None:
    path = write_xlsx("far.xlsx", {"Plan": [["Action ID", "RAG"]]})
    far = (
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Action ID</t></is></c></row>'
        b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    )
    rewritten(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb"<sheetData>.*</sheetData>", lambda _: far, xml).replace(
            b'<dimension ref="A1:B1"/>', b'<dimension ref="A1:XFD1048576"/>'
        ),
    )
    assert path.stat().st_size < 20_000
    with pytest.raises(ImportFailed) as failed:
        read_sheets(path, Limits())
    assert str(failed.value).startswith(
        "far.xlsx: the workbook could not be read within the 2,048 MB of memory Oversight allows"
    )
    ordinary = write_xlsx("ordinary.xlsx", {"Plan": [["Action ID", "RAG"], ["1.1", "Red"]]})
    assert read_sheets(ordinary, Limits())[0].rows == [(1, ("Action ID", "RAG")), (2, ("1.1", "Red"))]


def test_jobs_run_side_by_side_come_back_in_the_jobs_order_though_a_later_one_is_done_first(
    tmp_path,
) -> None:
    jobs = [(recorded, (str(tmp_path), index, seconds)) for index, seconds in enumerate([2, 0, 0])]
    assert in_children(CEILING, jobs, at_once=3) == [0, 10, 20]
    first, *others = [(tmp_path / f"{index}.done").read_text().split() for index in range(3)]
    assert all(float(first[2]) > float(other[2]) for other in others)  # the first was done last


def test_each_job_is_given_back_with_its_index_as_soon_as_it_is_done(tmp_path) -> None:
    jobs = [(recorded, (str(tmp_path), index, seconds)) for index, seconds in enumerate([2, 0])]
    assert list(each_in_child(CEILING, jobs, at_once=2)) == [(1, 10), (0, 0)]


def test_no_more_jobs_run_at_once_than_allowed_and_as_many_as_allowed_do(tmp_path) -> None:
    jobs = [(recorded, (str(tmp_path), index, 1)) for index in range(4)]
    assert in_children(CEILING, jobs, at_once=2) == [0, 10, 20, 30]
    ran = spans(tmp_path)
    assert len(ran) == 4
    running = [sum(1 for start, end in ran if start <= moment < end) for moment, _ in ran]
    assert max(running) == 2
    assert len({int(path.read_text()) for path in tmp_path.glob("*.started")}) == 4  # a child each


def test_once_stop_is_set_the_children_running_are_ended_and_no_more_are_begun(tmp_path) -> None:
    stop = threading.Event()
    jobs = [(recorded, (str(tmp_path), index, 120)) for index in range(4)]
    given: list[tuple[int, int]] = []
    reading = threading.Thread(target=lambda: given.extend(each_in_child(CEILING, jobs, 2, stop=stop)))
    reading.start()
    pids = started(tmp_path, 2)
    stop.set()
    reading.join(timeout=WAIT)
    assert not reading.is_alive(), "each_in_child went on after stop was set"
    assert given == []
    assert [pid for pid in pids if not gone(pid)] == []
    assert sorted(path.name for path in tmp_path.glob("*.started")) == ["0.started", "1.started"]


def test_the_first_job_to_raise_ends_the_others_running_and_begins_no_more(tmp_path) -> None:
    jobs = [
        (recorded, (str(tmp_path), 0, 120)),
        (raising_once_started, (str(tmp_path), 1)),
        (recorded, (str(tmp_path), 2, 0)),
    ]
    with pytest.raises(LookupError, match="no such sheet"):
        in_children(CEILING, jobs, at_once=2)
    [pid] = started(tmp_path, 1)
    assert gone(pid)
    assert [path.name for path in tmp_path.glob("*.started")] == ["0.started"]
