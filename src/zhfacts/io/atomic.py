"""Output that is whole or absent: a failed or interrupted run never leaves a half-written or
clobbered file, and a replaced file keeps what the user set on it (a symbolic link stays a link
to the file it names, the file keeps its permissions)."""
from __future__ import annotations

import os
import signal
import tempfile
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO, Iterator

from ..errors import ZhfactsError

#: The signals the command line turns into an orderly stop (zhfacts.cli.main).
STOP_SIGNALS = frozenset(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Interrupted(KeyboardInterrupt):
    """A stop signal, raised where the program is so that temporary output is cleaned up on the
    way out, as for Ctrl-C."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


#: The stop signals received so far (the command line's handler records each).
_received: list[int] = []


def on_stop_signal(signum: int, frame) -> None:
    """The command line's handler of the stop signals: remembered, then raised."""
    _received.append(signum)
    raise Interrupted(signum)


def raise_if_stopped() -> None:
    """Raise a stop signal received earlier again. Its first exception can be lost: raised
    while a finaliser runs (``__del__``, a garbage-collected Arrow or temporary object), it is
    ignored by Python; so output is committed only after this check."""
    if _received:
        raise Interrupted(_received[0])


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP back for a moment: they arrive when it is over."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def new_mode(path: Path) -> int:
    """The permissions a file written at ``path`` gets: the existing file's, else 0666 less the umask."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def atomic_file(path: Path | str, what: str = "file") -> Iterator[BinaryIO]:
    """A temporary file beside the target, moved over it when the block succeeds. A symbolic
    link is written through (the file it names is replaced, the link stays); a failure names
    ``path`` and ``what`` was being written."""
    name = str(path)
    target = Path(os.path.realpath(path))
    directory = target.parent
    tmp, out = "", None
    try:
        with signals_held():  # the temporary file is known before a signal can arrive
            try:
                fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
            except OSError as exc:
                raise ZhfactsError(name, f"cannot create a file in {directory}: {exc.strerror or exc}") from None
            out = os.fdopen(fd, "wb")
        with out:
            yield out
        with signals_held():
            raise_if_stopped()
            os.chmod(tmp, new_mode(target))
            os.replace(tmp, target)
    except OSError as exc:
        raise ZhfactsError(name, f"cannot write the {what}: {exc.strerror or exc}") from None
    finally:
        if out is not None:
            out.close()
        if tmp:
            with suppress(FileNotFoundError):
                os.unlink(tmp)
