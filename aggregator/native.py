"""Speed: an optional compiled build of the hot modules (tagging and XML field extraction).

`mypyc <https://mypyc.readthedocs.io>`_ (part of mypy, which ``make lint`` already pins)
compiles the type-annotated modules in :data:`MODULES` to C extensions: the same code, run
~20% faster (tagging a record, parsing an efetch answer; see docs/benchmarks.md). ``make``
builds them into the virtual environment (:mod:`aggregator.native_build`, ~15 s, run again
whenever a source changes), and ``import aggregator`` uses them only when they were
built from the sources exactly as they are now (:func:`activate` compares SHA-256 digests):
a missing, failed or stale build means the pure-Python modules run, with the same results.
``AGGREGATOR_PURE=1`` in the environment turns the build off.

The compiled classes are unpickled by calling ``__init__()`` with no arguments and then
setting their attributes, which is why those of :mod:`aggregator.matcher` and
:mod:`aggregator.text_index` give every argument a default.

Example::

    from aggregator import native
    native.status()    # "compiled: on (8 modules from ...)", or "compiled: off, <why>"
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

__all__ = ["MODULES", "activate", "active", "build_dir", "built_from", "fingerprint", "status"]

#: the compiled modules: where tagging and extraction spend their time. Not included: modules
#: whose objects are replaced by ``dataclasses.replace`` or patched by tests (``rules``,
#: ``parse``), and everything whose speed does not matter.
MODULES = ("matcher", "text_index", "tag", "document",
           "pubmed_xml", "pubmed_fields", "parse_common", "xml_stream")
#: name of the shared library mypyc makes for them (a top-level module in :func:`build_dir`)
GROUP = "aggregator_native"
PACKAGE_DIR = Path(__file__).resolve().parent
#: set (to anything): run the .py modules, whatever is built
PURE_ENV = "AGGREGATOR_PURE"
#: names another build directory (tests build one of their own)
DIR_ENV = "AGGREGATOR_NATIVE_DIR"
MANIFEST = "manifest.json"
_active = False


def build_dir() -> Path:
    """Where the build lives: in the virtual environment, beside the Python it was built for
    (or where ``AGGREGATOR_NATIVE_DIR`` says)."""
    where = os.environ.get(DIR_ENV)
    return Path(where) if where else Path(sys.prefix) / "aggregator-native"


def _digests() -> dict[str, str]:
    return {m: hashlib.sha256((PACKAGE_DIR / f"{m}.py").read_bytes()).hexdigest()
            for m in MODULES}


def built_from(where: Path) -> object:
    """The fingerprint the build in ``where`` records (its manifest, as JSON).

    :raises OSError: no manifest, or unreadable.
    :raises ValueError: not JSON.
    """
    return json.loads((where / MANIFEST).read_text(encoding="utf-8"))


def fingerprint(digests: dict[str, str] | None = None) -> dict[str, object]:
    """What a build must match to be used: this Python and the sources' digests."""
    return {"python": sys.implementation.cache_tag, "group": GROUP,
            "modules": _digests() if digests is None else digests}


def _why_not() -> str | None:
    """None when the build in :func:`build_dir` may be used, else why not."""
    if os.environ.get(PURE_ENV):
        return f"{PURE_ENV} is set"
    try:
        built = built_from(build_dir())
    except FileNotFoundError:
        return f"not built (make builds it into {build_dir()})"
    except (OSError, ValueError) as exc:
        return f"unreadable {build_dir() / MANIFEST}: {exc}"
    try:
        now = _digests()
    except OSError as exc:
        return f"cannot read a source: {exc}"
    if built != fingerprint(now):
        digests = built.get("modules") if isinstance(built, dict) else None
        digests = digests if isinstance(digests, dict) else {}
        stale = [m for m in MODULES if digests.get(m) != now[m]]
        what = f"{', '.join(stale)}.py changed" if stale else "built for another Python"
        return f"stale ({what} since the build; make rebuilds it)"
    return None


def activate(package_path: list[str]) -> bool:
    """Put the compiled modules first on the ``aggregator`` package's ``__path__`` when the
    build matches the sources (called by ``aggregator/__init__.py`` before any submodule is
    imported). Returns whether they are used."""
    global _active
    if _why_not() is not None:
        return False
    where = build_dir()
    package_path.insert(0, str(where / "aggregator"))
    if str(where) not in sys.path:
        sys.path.append(str(where))  # the modules' shared library, GROUP + "__mypyc"
    _active = True
    return True


def active() -> bool:
    """Whether this process runs the compiled modules."""
    return _active


def status() -> str:
    """One line: whether the compiled modules are used, and if not, why."""
    if _active:
        return f"compiled: on ({len(MODULES)} modules from {build_dir()})"
    return f"compiled: off, {_why_not() or 'built after this process started'}"
