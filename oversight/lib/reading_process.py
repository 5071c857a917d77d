"""Reads a workbook in a child process with a ceiling on its memory. A workbook is a zip of XML written by
whoever sent it: a few hundred bytes can place two cells a million rows and sixteen thousand columns
apart, and a reader that lays the sheet out as a grid (calamine does) asks for half a terabyte and ends
the process. In a child, that ends only the child: the person is told the workbook could not be read
within the memory allowed, and the website, the worker and the command carry on.

Children are forked from a small server process started once (multiprocessing's forkserver), which has
loaded the readers already: a read costs a fork, not a new interpreter, and never a fork of a process
running the website's or DuckDB's threads. Like any multiprocessing program, a script that reads a
workbook keeps its work under `if __name__ == "__main__":`."""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from oversight.lib.spreadsheet_limits import SpreadsheetRefused, megabytes

Result = TypeVar("Result")

_CONTEXT = multiprocessing.get_context("forkserver")
_PRELOADED = ["oversight.lib.workbook_rows"]
_CONTEXT.set_forkserver_preload(_PRELOADED)
OUT_OF_MEMORY = 3  # the child's exit code when Python itself could not have the memory
# how a child ends when the memory ceiling stops it: Rust aborts (SIGABRT) when an allocation fails
ENDED_BY_MEMORY = {OUT_OF_MEMORY, -signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV}


_PEAK_KB = [0]  # the most memory any child of this process has held (ru_maxrss), for the benchmarks


def children_peak_mb() -> float:
    """The peak resident memory of the largest reading child so far, in MB."""
    return _PEAK_KB[0] / 1024


def preload(module: str) -> None:
    """Has the server children are forked from import `module` too (a reader of a higher layer, with its
    libraries: importing DuckDB costs a child a third of a second). Called when that module is imported,
    before the first child; a server already started keeps what it has, and children import the rest."""
    if module not in _PRELOADED:
        _PRELOADED.append(module)
        _CONTEXT.set_forkserver_preload(_PRELOADED)


def _run(sending: Connection, memory_bytes: int, job: Callable[..., Any], arguments: tuple[Any, ...]) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        outcome = ("returned", job(*arguments))
    except MemoryError:
        os._exit(OUT_OF_MEMORY)
    except Exception as error:  # anything the job raises is the caller's to handle, as if run there
        outcome = ("raised", error)
    sending.send((*outcome, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    sending.close()


def in_child(memory_bytes: int, job: Callable[..., Result], *arguments: object) -> Result:
    """`job(*arguments)` run in a child process whose memory (address space) is at most `memory_bytes`.
    What it returns or raises comes back as if it had run here; a child stopped by the ceiling, or ended
    any other way, is a SpreadsheetRefused that says which."""
    [result] = in_children(memory_bytes, [(job, arguments)], at_once=1)
    return result


def in_children(
    memory_bytes: int, jobs: Sequence[tuple[Callable[..., Result], tuple[Any, ...]]], at_once: int
) -> list[Result]:
    """Each job run as in_child, up to `at_once` of them at a time (the sheets of one workbook side by
    side on a machine's cores); what they return, in the jobs' order. The first job to raise, or whose
    child ends, stops the rest."""
    results = dict(each_in_child(memory_bytes, jobs, at_once))
    return [results[index] for index in range(len(jobs))]


def each_in_child(
    memory_bytes: int,
    jobs: Sequence[tuple[Callable[..., Result], tuple[Any, ...]]],
    at_once: int,
    stop: threading.Event | None = None,
) -> Iterator[tuple[int, Result]]:
    """As in_children, each job's index and result as soon as it is done, begun in the jobs' order.
    Once `stop` is set, the children still running are ended and no more begun."""
    waiting = list(enumerate(jobs))
    running: dict[Connection, tuple[int, Any]] = {}
    try:
        while (waiting or running) and not (stop and stop.is_set()):
            while waiting and len(running) < at_once:
                index, (job, arguments) = waiting.pop(0)
                receiving, sending = _CONTEXT.Pipe(duplex=False)
                child = _CONTEXT.Process(
                    target=_run, args=(sending, memory_bytes, job, arguments), daemon=True
                )
                child.start()
                sending.close()
                running[receiving] = (index, child)
            for ready in wait(list(running), timeout=None if stop is None else 0.2):
                assert isinstance(ready, Connection)
                index, child = running.pop(ready)
                try:
                    kind, value, peak = ready.recv()
                    _PEAK_KB[0] = max(_PEAK_KB[0], peak)
                except EOFError:
                    child.join()
                    raise _ended(child.exitcode, memory_bytes) from None
                finally:
                    ready.close()
                child.join()
                if kind == "raised":
                    raise value
                yield index, value
    finally:
        for receiving, (_, child) in running.items():
            child.kill()
            child.join()
            receiving.close()


def _ended(exit_code: int | None, memory_bytes: int) -> SpreadsheetRefused:
    if exit_code in ENDED_BY_MEMORY:
        return SpreadsheetRefused(
            f"the workbook could not be read within the {megabytes(memory_bytes)} of memory Oversight allows"
            " for reading one (it may place cells millions of rows or thousands of columns apart): open it"
            " in Excel, delete what lies beyond the data, and save it again (an administrator can raise the"
            " limit, OVERSIGHT_READER_MEMORY_MB)"
        )
    return SpreadsheetRefused(
        f"the workbook could not be read: the process reading it ended unexpectedly (exit code {exit_code})"
    )
