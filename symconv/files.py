r"""Writing files without losing anything: ownership, and writes that survive a crash at any point.

A directory that symconv writes into keeps a manifest, ``.symconv-manifest.json``, of the files
it wrote and their SHA-256. A file is (re)written only when it does not exist, or when symconv
wrote it and it has not been changed since; everything else in the directory is left alone.

The writes are ordered so that a process killed at any point leaves a directory the next run
accepts and repairs:

1. every new content goes to a temporary file beside its target (``.symconv-NAME.XXXXXXXX.tmp``),
   flushed to disk;
2. the manifest records the new hashes as *pending*, beside the old ones (an atomic replace);
3. each temporary file is renamed over its target;
4. the manifest records the new hashes as written and drops the pending ones.

A target on disk is symconv's when its hash is the recorded one *or* the pending one, so a kill
between 2 and 4 (some targets old, some new) strands nothing; a kill before 2 leaves only
temporary files, which the next run removes (:func:`remove_stale`), and the targets untouched.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_files(folder, {"a.tex": b"% one"})
[...a.tex')]
>>> (folder / "a.tex").read_bytes()
b'% one'
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import OwnershipError, SpecError
from .parameters import shown

__all__ = [
    "write_files",
    "check_writable",
    "remove_stale",
    "as_folder",
    "MANIFEST",
    "OwnershipError",
    "STEP_HOOK",
]

MANIFEST = ".symconv-manifest.json"
_PREFIX = ".symconv-"
# mkstemp's random part: 8 characters of [a-z0-9_]
_TEMPORARY = re.compile(r"\.symconv-(?P<name>.+)\.[a-z0-9_]{8}\.tmp\Z")

#: Called as ``STEP_HOOK(step, path)`` at each point of the write phase where a crash leaves a
#: different state on disk: ``"write"`` (before a temporary file is made), ``"data"`` (its bytes
#: written but not flushed), ``"rename"`` and ``"renamed"`` (around each rename, the manifest's
#: too); ``None`` in normal use. The crash tests set it to end the process at a chosen point.
STEP_HOOK: Callable[[str, Path], None] | None = None


def _step(step: str, path: Path) -> None:
    if STEP_HOOK is not None:
        STEP_HOOK(step, path)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class _Manifest:
    """The recorded hashes (``written``) and those of an unfinished run (``pending``)."""

    written: dict[str, str] = field(default_factory=dict)
    pending: dict[str, str] = field(default_factory=dict)

    def accepts(self, name: str, digest: str) -> bool:
        return digest in (self.written.get(name), self.pending.get(name))

    def encode(self) -> bytes:
        data = {"files": dict(sorted(self.written.items())), "pending": dict(sorted(self.pending.items()))}
        return json.dumps(data, indent=1).encode()


def as_folder(folder: Path | str) -> Path:
    """The directory to write into; an empty name is refused (it would silently mean ``.``).

    >>> as_folder("")
    Traceback (most recent call last):
    ...
    symconv.errors.SpecError: folder: must name a directory (use . for the current one), got ''
    """
    if isinstance(folder, str) and not folder.strip():
        raise SpecError("folder", f"must name a directory (use . for the current one), got {shown(folder)}")
    if not isinstance(folder, (str, os.PathLike)):
        raise SpecError("folder", f"must be a path, got {shown(folder)}")
    return Path(folder)


def _manifest(folder: Path) -> _Manifest:
    """The manifest of ``folder`` (empty when there is none); the old format ``{name: hash}`` too.

    A manifest path that is not a regular file is refused before anything is written.
    """
    path = folder / MANIFEST
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise OwnershipError(f"{path} is not a regular file; move it or choose another directory")
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return _Manifest()
    except ValueError:
        return _Manifest()
    if not isinstance(data, dict):
        return _Manifest()
    if isinstance(data.get("files"), dict):
        pending = data["pending"] if isinstance(data.get("pending"), dict) else {}
        return _Manifest(
            {str(k): str(v) for k, v in data["files"].items()}, {str(k): str(v) for k, v in pending.items()}
        )
    return _Manifest({str(k): str(v) for k, v in data.items()})


def check_writable(folder: Path | str, names: list[str]) -> None:
    """Refuse (before anything is written) when a target exists that symconv does not own.

    A ``folder`` that is a file is a :class:`~symconv.SpecError`; a target symconv did not write, or
    that was changed since, or that is not a regular file, an :class:`~symconv.errors.OwnershipError`.
    """
    folder = as_folder(folder)
    if folder.exists() and not folder.is_dir():
        raise SpecError("folder", f"{folder} exists and is not a directory")
    if not folder.exists():
        return
    owned = _manifest(folder)
    for name in names:
        path = folder / name
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise OwnershipError(f"{path} is not a regular file; move it or choose another directory")
        if not path.exists():
            continue
        if name not in owned.written and name not in owned.pending:
            raise OwnershipError(f"{path} exists and was not written by symconv; move it or choose another directory")
        if not owned.accepts(name, _digest(path.read_bytes())):
            raise OwnershipError(f"{path} was changed since symconv wrote it; delete it to regenerate")


def remove_stale(folder: Path, names: list[str]) -> list[Path]:
    """Remove symconv's own temporary files left by an interrupted run (``.symconv-NAME.XXXXXXXX.tmp``
    for a name symconv writes or has written); returns what was removed. Nothing else is touched."""
    owned = _manifest(folder)
    ours = set(names) | set(owned.written) | set(owned.pending) | {MANIFEST[len(_PREFIX) :]}
    removed = []
    for path in folder.iterdir():
        match = _TEMPORARY.match(path.name)
        if match and match.group("name") in ours and path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path)
    return removed


def _temporary(path: Path, data: bytes) -> Path:
    """``data`` in a flushed temporary file beside ``path`` (removed again if writing fails), with
    the permissions a new file gets (``mkstemp`` would leave it readable by its owner only)."""
    _step("write", path)
    name = path.name[len(_PREFIX) :] if path.name.startswith(_PREFIX) else path.name
    handle, temporary = tempfile.mkstemp(prefix=f"{_PREFIX}{name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(handle, 0o666 & ~_umask())  # mkstemp's 0600 would keep the files from others
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            _step("data", path)
            stream.flush()
            os.fchmod(stream.fileno(), 0o666 & ~_umask())
            os.fsync(stream.fileno())
    except BaseException:
        os.unlink(temporary)
        raise
    return Path(temporary)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _replace(temporary: Path, path: Path) -> None:
    _step("rename", path)
    os.replace(temporary, path)
    _step("renamed", path)


def _write_manifest(folder: Path, manifest: _Manifest) -> None:
    path = folder / MANIFEST
    _replace(_temporary(path, manifest.encode()), path)
    _sync(folder)


def _sync(folder: Path) -> None:
    """Flush the directory's entries (the renames) where the system allows it."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_files(folder: Path | str, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``{name: bytes}`` into ``folder``, after checking ownership of every target, in the
    crash-safe order of the module's docstring; returns the paths written."""
    folder = as_folder(folder)
    names = list(files)
    for name in names:
        if not name or Path(name).name != name or name in (".", "..") or name.startswith(_PREFIX):
            raise SpecError("files", f"must be plain file names in the folder, got {shown(name)}")
    check_writable(folder, names)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale(folder, names)
    manifest = _manifest(folder)
    # an earlier run that was killed: what it left on disk is recorded as written
    for name, digest in list(manifest.pending.items()):
        path = folder / name
        if path.is_file() and _digest(path.read_bytes()) == digest:
            manifest.written[name] = digest
    manifest.pending = {}
    temporaries: dict[str, Path] = {}
    try:
        for name, data in files.items():
            temporaries[name] = _temporary(folder / name, data)
        manifest.pending = {name: _digest(data) for name, data in files.items()}
        _write_manifest(folder, manifest)
        for name in names:
            _replace(temporaries.pop(name), folder / name)
    finally:
        for temporary in temporaries.values():  # an error (not a kill) before its rename
            temporary.unlink(missing_ok=True)
    _sync(folder)
    manifest.written.update(manifest.pending)
    manifest.pending = {}
    _write_manifest(folder, manifest)
    return [folder / name for name in names]
