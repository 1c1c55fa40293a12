"""Tag stage, set-up: the compiled vocabulary kept between command-line runs.

Compiling ``queries/vocabulary.toml`` (checking ~1,900 patterns, many of them tens of thousands
of characters once macros are expanded, then analysing and compiling them) takes ~10 s;
every ``aggregator`` command that tags paid it again. :func:`load` keeps the compiled
:class:`~aggregator.vocabulary.Vocabulary` pickled in a cache folder and reads it back in
~2 s (the regexes are compiled again as they are unpickled; nothing is analysed again)
while nothing it was made from changed: the key is the SHA-256 of the
vocabulary file and of the package's sources, with the Python version and whether the
compiled build runs. Anything else (a missing, unreadable, corrupt or unsafe entry, a folder
that cannot be written) falls back to :func:`~aggregator.vocabulary.load_vocabulary`; its
errors are the same as ever, and a vocabulary with a mistake is never cached. The
:data:`KEEP` most recently used entries are kept.

Beside the entries, one JSON file keeps each pattern's check and analyses
(:func:`aggregator.regex_source.memo_export`), keyed by that code and the Python version:
a vocabulary that was edited is compiled in ~3 s instead of ~10 s, as only the patterns
that changed are analysed again (the regexes are compiled again either way).

The folder: ``AGGREGATOR_CACHE_DIR``, else ``$XDG_CACHE_HOME/aggregator``, else
``~/.cache/aggregator``. An entry is read only when it belongs to this user and nobody else
can write it (it is a pickle: whoever can write it can run code as the reader).

Example::

    from aggregator.vocab_cache import load

    vocab = load(Path("queries"))       # the same Vocabulary as load_vocabulary("queries")
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from . import native, regex_source
from .errors import VocabularyError
from .queries import definition_file
from .vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary

__all__ = ["cache_dir", "load"]

logger = logging.getLogger(__name__)

_PACKAGE = Path(__file__).resolve().parent
#: compiled vocabularies kept (the most recently used): a few projects or versions
KEEP = 8


def cache_dir() -> Path:
    """Where compiled vocabularies are kept (see the module docstring)."""
    if os.environ.get("AGGREGATOR_CACHE_DIR"):
        return Path(os.environ["AGGREGATOR_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "aggregator"


def _key(vocabulary: bytes) -> str:
    h = hashlib.sha256()
    h.update(f"{sys.version}\0{native.active()}\0".encode())
    for source in sorted(_PACKAGE.glob("*.py")):
        h.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    h.update(vocabulary)
    return h.hexdigest()[:32]


def _safe(entry: Path) -> bool:
    """The entry is a regular file of this user that no one else can write."""
    st = entry.lstat()
    return (stat.S_ISREG(st.st_mode) and st.st_uid == os.getuid()
            and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def load(path: Path | str) -> Vocabulary:
    """:func:`~aggregator.vocabulary.load_vocabulary`, from the cache when it has this
    vocabulary compiled by this code.

    :raises VocabularyError: as :func:`~aggregator.vocabulary.load_vocabulary`.
    """
    file = definition_file(path, VOCABULARY_FILE, VocabularyError, "vocabulary")
    try:
        entry = cache_dir() / f"vocabulary-{_key(file.read_bytes())}.pickle"
    except OSError:  # the file is unreadable: the loader says so
        return load_vocabulary(file)
    try:
        if _safe(entry):
            with entry.open("rb") as fh:
                vocab = pickle.load(fh)
            if isinstance(vocab, Vocabulary):
                _touch(entry)
                return vocab
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 - a damaged entry: compile and replace it
        logger.debug("vocabulary cache %s unreadable (%s); compiling", entry, exc)
    memo = cache_dir() / f"regex-memo-{_memo_key()}.json"
    _read_memo(memo)
    vocab = load_vocabulary(file)  # the file found above, not the folder looked up again
    _store(entry, lambda fh: pickle.dump(vocab, fh, protocol=pickle.HIGHEST_PROTOCOL))
    _store(memo, lambda fh: fh.write(json.dumps(regex_source.memo_export()).encode()))
    _prune(entry.parent, "vocabulary-*.pickle", KEEP)
    return vocab


def _memo_key() -> str:
    """The analyses depend on their code and on the Python version's regex parser."""
    h = hashlib.sha256(f"{sys.version}\0".encode())
    h.update((_PACKAGE / "regex_source.py").read_bytes())
    return h.hexdigest()[:32]


def _read_memo(memo: Path) -> None:
    """Give :mod:`aggregator.regex_source` the checks and analyses of the patterns an earlier
    compile saw (JSON, not a pickle; read only when :func:`_safe`): an edited vocabulary then
    loads in ~3 s instead of ~10 s, as only its changed patterns are analysed. Anything
    unreadable is ignored."""
    try:
        if _safe(memo):
            regex_source.memo_import(json.loads(memo.read_bytes()))
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:
        logger.debug("pattern memo %s unreadable (%s); analysing every pattern", memo, exc)


def _store(entry: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write ``entry`` atomically (a temporary file renamed into place), private to this
    user; a folder that cannot be written only costs the next run the compile."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{entry.stem}-", dir=entry.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                write(fh)
            os.chmod(tmp, 0o600)
            os.replace(tmp, entry)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError, TypeError, ValueError) as exc:
        logger.debug("vocabulary cache %s not written (%s)", entry, exc)


def _touch(entry: Path) -> None:
    """Mark ``entry`` as just used, for :func:`_prune`; best effort."""
    try:
        os.utime(entry)
    except OSError:
        pass


def _prune(folder: Path, pattern: str, keep: int) -> None:
    """Remove all but the ``keep`` most recently used ``pattern`` files of ``folder`` (each
    edit of a vocabulary adds a ~3.4 MB entry); best effort."""
    try:
        entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[keep:]:
            old.unlink()
    except OSError as exc:
        logger.debug("vocabulary cache %s not pruned (%s)", folder, exc)
