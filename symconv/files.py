r"""Writing files without losing anything: atomic replacement and ownership.

A directory that symconv writes into keeps a manifest, ``.symconv-manifest.json``, of the files
it wrote and their SHA-256. A file is (re)written only when it does not exist, or when symconv
wrote it and it has not been changed since; everything else in the directory is left alone.
Each file is written to a temporary file beside it and renamed over the old one, so an
interrupted write leaves the old file intact.

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
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import OwnershipError, SpecError

__all__ = ["write_files", "check_writable", "MANIFEST", "OwnershipError"]

MANIFEST = ".symconv-manifest.json"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text())
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def check_writable(folder: Path, names: list[str]) -> None:
    """Refuse (before anything is written) when a target exists that symconv does not own.

    A ``folder`` that is a file is a :class:`~symconv.SpecError`; a target symconv did not write, or
    that was changed since, an :class:`~symconv.errors.OwnershipError`.
    """
    if folder.exists() and not folder.is_dir():
        raise SpecError("folder", f"{folder} exists and is not a directory")
    owned = _manifest(folder)
    for name in names:
        path = folder / name
        if not path.exists():
            continue
        if name not in owned:
            raise OwnershipError(f"{path} exists and was not written by symconv; move it or choose another directory")
        if _digest(path.read_bytes()) != owned[name]:
            raise OwnershipError(f"{path} was changed since symconv wrote it; delete it to regenerate")


def _umask() -> int:
    """The process's umask (read by setting it and setting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _atomic_write(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(handle, 0o666 & ~_umask())  # mkstemp's 0600 would keep the files from others
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def write_files(folder: Path | str, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``{name: bytes}`` into ``folder`` atomically, after checking ownership of every target."""
    folder = Path(folder)
    names = list(files)
    check_writable(folder, names)
    folder.mkdir(parents=True, exist_ok=True)
    owned = _manifest(folder)
    written = []
    for name, data in files.items():
        _atomic_write(folder / name, data)
        owned[name] = _digest(data)
        written.append(folder / name)
        _atomic_write(folder / MANIFEST, json.dumps(owned, indent=1, sort_keys=True).encode())
    return written
