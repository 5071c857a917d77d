"""A throwaway PostgreSQL cluster on 127.0.0.1, as scripts/postgres.sh starts one, for the web benchmark."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not found:
        raise SystemExit("PostgreSQL is not installed: see scripts/postgres.sh, or pass --database-url")
    return found[-1]


@contextmanager
def private_postgres() -> Iterator[str]:
    """Starts a private cluster (initdb -A trust, fsync off) on a free port; yields its DATABASE_URL.
    The cluster is stopped and its directory removed on the way out, whatever happens."""
    bin_dir = _bin()
    directory = Path(tempfile.mkdtemp(prefix="oversight-pg."))
    run: list[str] = []
    if os.getuid() == 0:  # the server refuses to run as root
        shutil.chown(directory, "postgres")
        run = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    data = directory / "data"
    started = False
    try:
        subprocess.run(
            [*run, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        options = f"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            [*run, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(directory / "server.log"), "-w"]
            + ["-o", options, "start"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        started = True
        yield f"postgres://postgres@127.0.0.1:{port}/postgres"
    finally:
        if started:
            subprocess.run(
                [*run, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        shutil.rmtree(directory, ignore_errors=True)
