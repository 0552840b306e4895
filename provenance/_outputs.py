"""Files written whole or not at all: a temporary file beside the target, moved over it only when complete.

Every file the library and its command write goes through :func:`replacing_text`
or :func:`replacing_bytes`: the content goes to a new temporary file in the
target's folder, which replaces the target (``os.replace``, atomic on one
file system) only once it is complete and flushed to disk. An error, Ctrl-C
(``KeyboardInterrupt``) or a kill before that leaves the old target as it
was; the temporary file is removed, except after a kill, which leaves a
hidden ``.NAME.PID.XXXXXXXX.tmp`` beside it. A target that is a symbolic link
stays one: the file it points to is replaced. A target that exists and is not
a regular file (``/dev/null``, a pipe, a terminal) has nothing to replace and
is written in place. The new file keeps an old target's permission bits; a
hard link to the old target keeps the old content.

>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder, "out.txt")
...     _ = path.write_text("old")
...     try:
...         with replacing_text(path) as stream:
...             _ = stream.write("half of the new")
...             raise KeyboardInterrupt
...     except KeyboardInterrupt:
...         pass
...     print(path.read_text(), sorted(p.name for p in pathlib.Path(folder).iterdir()))
old ['out.txt']
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast

__all__ = ["replacing_bytes", "replacing_text", "same_file"]

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Whether two paths name one existing file, through symbolic and hard links alike.

    >>> same_file(__file__, __file__), same_file(__file__, "/nonexistent")
    (True, False)
    """
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False


@contextlib.contextmanager
def replacing_text(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", errors: str = "strict", newline: str | None = None
) -> Iterator[TextIO]:
    """A text stream whose content replaces the file at ``path`` when the ``with`` block ends without an error.

    Args:
        path: The file to write.
        encoding: As for :func:`open`.
        errors: As for :func:`open`.
        newline: As for :func:`open`.

    Yields:
        The stream to write to.

    Raises:
        OSError: If the file cannot be written; the old one is left as it was.
    """
    with _replacing(path) as (descriptor, in_place), _open(descriptor, encoding, errors, newline) as stream:
        yield cast(TextIO, stream)
        stream.flush()
        _sync(stream.fileno(), in_place)


@contextlib.contextmanager
def replacing_bytes(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces the file at ``path`` when the ``with`` block ends without an error.

    Args:
        path: The file to write.

    Yields:
        The stream to write to.

    Raises:
        OSError: If the file cannot be written; the old one is left as it was.
    """
    with _replacing(path) as (descriptor, in_place), _open(descriptor) as stream:
        yield cast(BinaryIO, stream)
        stream.flush()
        _sync(stream.fileno(), in_place)


def _open(descriptor: int, *text: str | None) -> IO[Any]:
    """A stream on a descriptor (text with ``encoding, errors, newline``, else binary); closes it if that fails."""
    try:
        if text:
            return os.fdopen(descriptor, "w", encoding=text[0], errors=text[1], newline=text[2])
        return os.fdopen(descriptor, "wb")
    except BaseException:
        os.close(descriptor)
        raise


def _sync(descriptor: int, in_place: object) -> None:
    if in_place is None:
        os.fsync(descriptor)  # the content is on disk before the rename makes it the target


@contextlib.contextmanager
def _replacing(path: str | os.PathLike[str]) -> Iterator[tuple[int, object]]:
    """``(descriptor, None)`` of a temporary file that becomes ``path``, or ``(descriptor, path)`` to write in place."""
    target = Path(os.path.realpath(path))  # through symbolic links: a link stays a link
    try:
        mode: int | None = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    if mode is not None and not stat.S_ISREG(mode):
        descriptor = os.open(target, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0))
        yield descriptor, target
        return
    temporary, descriptor = _create_beside(target)
    try:
        if mode is not None:
            os.chmod(temporary, stat.S_IMODE(mode))
        yield descriptor, None
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _create_beside(target: Path) -> tuple[Path, int]:
    """A new hidden file in the target's folder, created with the usual permissions (``0o666`` less the umask)."""
    while True:
        temporary = target.with_name(f".{target.name[:180]}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            return temporary, os.open(temporary, _FLAGS, 0o666)
        except FileExistsError:
            continue
        except OSError as error:  # named after the file asked for, not the temporary one
            raise OSError(error.errno, error.strerror, os.fspath(target)) from None
