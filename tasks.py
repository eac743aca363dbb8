#!/usr/bin/env python3
"""The project's two commands, needing only Python 3.11+ and a package index.

    python3 tasks.py run     # install into ./.venv if needed, then run the service
    python3 tasks.py test    # install with dev tools if needed, then ruff, mypy and the whole pytest suite

Other tasks: `lint` (ruff + mypy), `bench` (the benchmarks). Extra arguments go to the tool:
`python3 tasks.py test -k consumer`, `python3 tasks.py run --help`.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("CW_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def _say(message: str) -> None:
    print(f"[tasks] {message}", flush=True)


def _run(*cmd: str | Path) -> None:
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_venv(extra: str = "") -> None:
    """Create ./.venv and install the project (editable) when pyproject.toml changed since the last install."""
    if sys.version_info < (3, 11):  # noqa: UP036  # tasks.py may be started by an older python3
        sys.exit(f"corridor-watch needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        _say(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".installed-{extra or 'base'}-{digest}"
    if stamp.exists():
        return
    target = f".[{extra}]" if extra else "."
    _say(f"installing corridor-watch{f'[{extra}]' if extra else ''} into {VENV} (once per pyproject change)")
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target)
    stamp.touch()


def run(args: list[str]) -> None:
    ensure_venv()
    os.execv(BIN / "corridor-watch", [str(BIN / "corridor-watch"), *(args or ["run"])])


def lint() -> None:
    ensure_venv("dev")
    _say("ruff check")
    _run(BIN / "ruff", "check", "service", "watchers", "handlers", "tests", "bench", "tasks.py")
    _say("mypy (strict)")
    _run(BIN / "mypy")


def test(args: list[str]) -> None:
    lint()
    _say("pytest")
    _run(BIN / "python", "-m", "pytest", *args)


def bench(args: list[str]) -> None:
    ensure_venv("dev")
    for script in sorted((ROOT / "bench").glob("*.py")):
        if not args or script.stem in args:
            _say(f"bench/{script.name}")
            _run(BIN / "python", script)


def main() -> None:
    task, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("help", [])
    if task == "run":
        run(rest)
    elif task == "test":
        test(rest)
    elif task == "lint":
        lint()
    elif task == "bench":
        bench(rest)
    else:
        print(__doc__)
        sys.exit(0 if task in {"help", "-h", "--help"} else 2)


if __name__ == "__main__":
    main()
