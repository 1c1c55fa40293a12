"""Speed: compiles :data:`aggregator.native.MODULES` with mypyc into the virtual environment
(what ``make`` runs before any target that needs the package; see :mod:`aggregator.native`).

Example::

    python -m aggregator.native_build           # compile, unless up to date (~15 s)
    python -m aggregator.native_build --force   # compile anyway
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from . import native
from .native import GROUP, MANIFEST, MODULES, PACKAGE_DIR

__all__ = ["build"]


@contextlib.contextmanager
def _output_to(log: Path) -> Iterator[None]:
    """The compiler's chatter (its own and gcc's, on file descriptors 1 and 2) into ``log``."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with log.open("wb") as fh:
        os.dup2(fh.fileno(), 1)
        os.dup2(fh.fileno(), 2)
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])


def build(dest: Path | None = None, *, force: bool = False) -> str:
    """Compile :data:`MODULES` into ``dest`` (default :func:`build_dir`), unless a build
    of the current sources is there already. The new build replaces the old one whole.

    :returns: what was done, one line.
    :raises RuntimeError: mypy or setuptools is missing, or the compiler failed (its output's
        end is in the message).
    """
    dest = dest or native.build_dir()
    fingerprint = native.fingerprint()  # before compiling: a source edited meanwhile makes it stale
    if not force:
        with contextlib.suppress(OSError, ValueError):
            if native.built_from(dest) == fingerprint:
                return f"compiled modules up to date in {dest}"
    try:  # imported here: only a build needs mypy and setuptools (the dev extras)
        from mypyc.build import mypycify
        from setuptools import Distribution
    except ImportError as exc:
        raise RuntimeError(f"cannot compile without mypy and setuptools: {exc}") from exc

    dest.parent.mkdir(parents=True, exist_ok=True)
    root = PACKAGE_DIR.parent
    with tempfile.TemporaryDirectory(prefix="aggregator-native-") as tmp:
        work, log = Path(tmp), Path(tmp) / "build.log"
        out = work / "out"
        cwd = os.getcwd()
        try:
            # in the scratch directory: setuptools reads no project file, mypyc writes its C
            # there; mypy takes the project's [tool.mypy] settings
            os.chdir(work)
            with _output_to(log):
                extensions = mypycify(
                    ["--config-file", str(root / "pyproject.toml"),
                     *(str(PACKAGE_DIR / f"{m}.py") for m in MODULES)],
                    target_dir=str(work / "c"), group_name=GROUP,
                )
                dist = Distribution({"ext_modules": extensions})
                cmd = dist.get_command_obj("build_ext")
                cmd.build_lib = str(out)
                cmd.build_temp = str(work / "o")
                dist.run_command("build_ext")
        except (Exception, SystemExit) as exc:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"compiling {', '.join(MODULES)} failed: {exc}\n{tail}") from exc
        finally:
            os.chdir(cwd)
        (out / MANIFEST).write_text(json.dumps(fingerprint, indent=1), encoding="utf-8")
        old = dest.with_name(dest.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if dest.exists():
            dest.rename(old)
        shutil.move(str(out), str(dest))
        shutil.rmtree(old, ignore_errors=True)
    return f"compiled {len(MODULES)} modules into {dest}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args not in ([], ["--force"]):
        print("usage: python -m aggregator.native_build [--force]", file=sys.stderr)
        return 2
    try:
        print(build(force=bool(args)))
    except RuntimeError as exc:
        print(f"aggregator.native_build: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
