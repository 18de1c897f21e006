"""The warm path: replay a scan whose inputs have not changed, without importing the scanner.

Python starts in about 20 ms; importing click, PyYAML, packaging and the rules
parser costs several times that, before a single file is read. A pre-commit
hook that scans an unchanged project pays it for nothing. So `cli.run` first
calls `replay`, which uses only the standard library (os, sys, json, time and a
hash): when an earlier run with the same key recorded its output, and nothing it
depended on has changed since, the same bytes are written again with the same
exit code. On any miss, `cli.run` calls `recorded`, which runs the full command
line while noting what it depends on, and stores the result for the next time.
Those two calls are all the rest of licensecheck knows of this module; a module
whose output depends on something its inputs do not show (the time, an answer
that expires) says so through signals.py, without knowing who listens.

Correct by construction: what the run depends on is observed while it runs, not
listed by hand, so a new input kind, a configuration file or a source walk is
covered without changes here. The observing is `_observing`, the one place that
patches the interpreter, for the length of the run only (its docstring says
how). When in doubt, the run is not stored, and a result is replayed only when
every one of these is unchanged:

- the command: every argument verbatim, `sys.argv[0]`, the interpreter's own
  arguments (`sys.orig_argv`), the working directory;
- the program: licensecheck's version and every file of its package, the
  Python executable, version and flags, `sys.path` and each directory on it
  (installing or removing a library changes them), every module file the run
  imported (the .pyc and its .py source);
- the environment: every LICENSECHECK_*, HF_*, HUGGINGFACE_*, PYTHON*, LC_* and
  XDG_* variable, NO_COLOR, FORCE_COLOR, CLICOLOR(_FORCE), TERM, COLUMNS, LINES,
  LANG, LANGUAGE, HOME, TZ, CI, SOURCE_DATE_EPOCH; every other variable the run
  read; the whole environment when the run iterated over it (the secret
  masking in redact.py does). Values are kept only as a digest, never as text;
- the terminal: whether stdin, stdout and stderr are terminals, the encodings of
  stdout and stderr, and the terminal's size (colour and layout decisions);
- the files, by stat signature (mode, size, inode, device, mtime and ctime in
  ns): every file the run opened, every path it stat'ed, including those that
  did not exist (a configuration file created later is a miss), every
  directory it listed (an entry added, removed or renamed changes the
  directory's mtime), and every entry whose `DirEntry.stat()` it asked for. A
  directory that was only stat'ed (an existence check, a step in resolving a
  path) is compared by type and identity, not by its times;
- the date (local and UTC; e.g. a policy exception expires on a date); a stored
  result is also never used after MAX_AGE_SECONDS.

A run is not stored when its result could depend on anything else: it used the
network (any socket or name lookup), started a process, changed directory, read
standard input or a raw descriptor, wrote, renamed or removed a file (other
than Python's own bytecode cache), wrote bytes or reached for the binary
buffer of stdout/stderr, exited by an exception or with a code other than 0-3,
or a module said so (`signals.not_repeatable`: the metadata cache does, because
its answers expire; so does anything that puts the time of day in a report).
Nor is it stored when a file it depends on changed within RACY_SECONDS of the
run's start: a signature could then hide an edit made within the same clock
tick (git's "racily clean" problem).

Results live in `<cache dir>/results/<key>.json`: a header line (format, key,
creation time, and the MAC of all that and the body, made with the cache's key:
cachedir.py) and a JSON body. A damaged, foreign or forged entry is deleted and
never trusted. Entries do not travel: inode and ctime tie
them to the very files they were recorded from, so an entry made on another
machine or checkout never matches. `LICENSECHECK_NO_CACHE=1` turns this (and
the metadata cache) off, and `scan --no-cache` neither replays nor records;
`LICENSECHECK_FASTPATH_TRACE=FILE` appends one line per
run saying what happened (hit, miss and why, stored or not and why).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from . import __version__
from .cachedir import blake2b as _blake2b
from .cachedir import cache_disabled, cache_key, cache_root, seal, unseal
from .signals import NOT_REPEATABLE

TYPE_CHECKING = False  # typing is not imported on the warm path; mypy takes this name as true
if TYPE_CHECKING:
    from typing import Any

FORMAT = 2
_KIND = b"results"  # what the entries' MACs are made for (cachedir.seal)
MAX_AGE_SECONDS = 24 * 3600
RACY_SECONDS = 0.1  # above the clock tick of file times on Linux file systems
RACY_SECONDS_WHOLE = 2.0  # file systems that keep whole seconds (FAT keeps two)
MAX_ENTRIES = 64
TRACE_VARIABLE = "LICENSECHECK_FASTPATH_TRACE"
REPLAYED_COMMANDS = ("scan",)

_WATCHED_PREFIXES = ("LICENSECHECK_", "HF_", "HUGGINGFACE_", "PYTHON", "LC_", "XDG_")
_WATCHED_NAMES = frozenset(
    {
        "NO_COLOR",
        "FORCE_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "TERM",
        "COLUMNS",
        "LINES",
        "LANG",
        "LANGUAGE",
        "HOME",
        "USERPROFILE",
        "APPDATA",
        "LOCALAPPDATA",
        "TZ",
        "CI",
        "SOURCE_DATE_EPOCH",
    }
)
_NOT_KEYED = frozenset({TRACE_VARIABLE})


# -- shared by both paths ------------------------------------------------------------------


def _digest(*parts: object) -> str:
    hashed = _blake2b(digest_size=20)
    for part in parts:
        hashed.update(repr(part).encode("utf-8", "backslashreplace"))
        hashed.update(b"\0")
    return hashed.hexdigest()


def _trace(message: str) -> None:
    target = os.environ.get(TRACE_VARIABLE)
    if target:
        try:
            with open(target, "a", encoding="utf-8") as handle:
                handle.write(message + "\n")
        except OSError:
            pass


def _eligible(argv: list[str]) -> bool:
    # `--no-cache` asks for a run that uses nothing kept from earlier ones: not a replay either.
    return bool(argv) and argv[0] in REPLAYED_COMMANDS and not cache_disabled() and "--no-cache" not in argv


def _watched(name: str) -> bool:
    return (name.startswith(_WATCHED_PREFIXES) or name in _WATCHED_NAMES) and name not in _NOT_KEYED


def _terminal() -> tuple:
    ttys = tuple(os.isatty(fd) for fd in (0, 1, 2))
    size = None
    if ttys[1]:
        try:
            size = tuple(os.get_terminal_size(1))
        except OSError:
            pass
    streams = tuple((getattr(s, "encoding", None), getattr(s, "errors", None)) for s in (sys.stdout, sys.stderr))
    return ttys, size, streams


def run_key(argv: list[str]) -> str:
    """What identifies a run before anything is read: command, program, environment, terminal, date."""
    environment = sorted((name, value) for name, value in os.environ.items() if _watched(name))
    return _digest(
        FORMAT,
        __version__,
        sys.version,
        sys.executable,
        sys.orig_argv,
        sys.argv[0],
        argv,
        tuple(sys.flags),
        sys.path,
        os.getcwd(),
        environment,
        _terminal(),
        time.strftime("%Y-%m-%d"),
        time.strftime("%Y-%m-%d", time.gmtime()),
    )


# How a path was used: stat'ed ("stat"), stat'ed without following a symbolic link
# ("lstat"), or listed ("list"). A directory that was only stat'ed (an existence
# check, a step of resolving a path) is compared by identity; one that was listed,
# also by its times, which change when an entry is added, removed or renamed.
STAT, LSTAT, LIST = "stat", "lstat", "list"


def _signature(path: str, how: str = STAT) -> list | None:
    """What changes when a file is edited, replaced, moved or has its mode changed; None: absent."""
    try:
        st = os.lstat(path) if how == LSTAT else os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as error:
        return ["error", getattr(error, "errno", None)]
    if how != LIST and st.st_mode & 0o170000 == 0o040000:  # a directory (stat.S_ISDIR)
        return [st.st_mode, st.st_ino, st.st_dev]
    return [st.st_mode, st.st_size, st.st_ino, st.st_dev, st.st_mtime_ns, st.st_ctime_ns]


def _environment_digest(names: list[str] | None) -> str:
    """The values of `names` (None: of the whole environment), as one digest."""
    if names is None:
        return _digest(sorted((k, v) for k, v in os.environ.items() if k not in _NOT_KEYED))
    return _digest([(name, os.environ.get(name)) for name in names])


def _entry_path(key: str) -> str:
    return os.path.join(cache_root(), "results", key + ".json")


# -- replay ----------------------------------------------------------------------------------


def replay(argv: list[str]) -> int | None:
    """Write a recorded run's output again and return its exit code; None when there is none to trust."""
    if not _eligible(argv):
        return None
    try:
        key = run_key(argv)
        entry = _load(_entry_path(key), key)
        reason = "no recorded run" if entry is None else _changed(entry)
    except Exception as error:  # noqa: BLE001 - the warm path never fails a run: the slow path decides
        reason = f"error ({type(error).__name__})"
    if reason is not None or entry is None:  # entry is set whenever reason is None
        _trace(f"miss: {reason}")
        return None
    for descriptor, text in entry["outputs"]:
        stream = sys.stdout if descriptor == 1 else sys.stderr
        stream.write(text)
        stream.flush()  # in the order written, also when both streams go to one pipe
    _trace("hit")
    return entry["exit"]


def _load(path: str, key: str) -> dict | None:
    """The entry for `key`, checked; a damaged, foreign or forged one (no valid MAC) is deleted."""
    secret = cache_key()
    if secret is None:
        return None  # without the cache's key, no recorded run can be told from a forged one
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    try:
        header, body = unseal(_KIND, data, secret)
        if header.get("format") != FORMAT or header.get("key") != key:
            raise ValueError("not an entry for this key")
        entry = json.loads(body)
        _check_shape(entry)
        entry["created_ns"] = header["created_ns"]
        if not isinstance(entry["created_ns"], int):
            raise ValueError("bad creation time")
    except (ValueError, TypeError, KeyError, AttributeError):
        _discard(path)
        return None
    return entry


def _check_shape(entry: object) -> None:
    if not isinstance(entry, dict) or set(entry) != {"deps", "env", "outputs", "exit"}:
        raise ValueError("bad entry")
    if not isinstance(entry["exit"], int) or isinstance(entry["exit"], bool):
        raise ValueError("bad exit code")
    for item in entry["outputs"]:
        if not (isinstance(item, list) and len(item) == 2 and item[0] in (1, 2) and isinstance(item[1], str)):
            raise ValueError("bad output")
    for item in entry["deps"]:
        if not (
            isinstance(item, list) and len(item) == 3 and item[0] in (STAT, LSTAT, LIST) and isinstance(item[1], str)
        ):
            raise ValueError("bad dependency")
    env = entry["env"]
    if not (isinstance(env, dict) and isinstance(env.get("digest"), str)):
        raise ValueError("bad environment")
    if env.get("names") is not None and not all(isinstance(n, str) for n in env["names"]):
        raise ValueError("bad environment")


def _discard(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _changed(entry: dict) -> str | None:
    """Why a recorded run no longer stands for this one; None when nothing it read has changed."""
    age = time.time_ns() - entry["created_ns"]
    if not -60 * 10**9 < age < MAX_AGE_SECONDS * 10**9:
        return "recorded too long ago"
    env = entry["env"]
    if _environment_digest(env.get("names")) != env["digest"]:
        return "environment changed"
    for how, path, signature in entry["deps"]:
        if _signature(path, how) != signature:
            return f"{path} changed"
    return None


# -- recording -------------------------------------------------------------------------------


def recorded(argv: list[str], command: Callable[[], int | str | None]) -> int | str | None:
    """Run `command` (the full command line) and return its exit code, observed and stored for `replay` when it can be.

    Only a command that returned its own exit code is stored: an exception (an
    internal error, an interrupt) passes through, and nothing is kept.
    """
    recorder = _recorder(argv)
    if recorder is None:
        return command()
    try:
        with _observing(recorder):
            exit_code = command()
    except BaseException:
        _trace("not stored: the run did not end with its own exit code")
        raise
    try:
        reason = recorder.store(exit_code)
    except Exception as error:  # noqa: BLE001 - recording is an optimisation: never fail the run
        reason = f"error ({type(error).__name__})"
    _trace("stored" if reason is None else f"not stored: {reason}")
    return exit_code


def _recorder(argv: list[str]) -> Recorder | None:
    if not _eligible(argv):
        return None
    try:
        return Recorder(run_key(argv))
    except Exception:  # noqa: BLE001 - e.g. the working directory was deleted: just do not record
        return None


class Recorder:
    """What one run read (files, directories, variables) and wrote (stdout, stderr), noted while it ran."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.started_ns = time.time_ns()
        self.cwd = os.getcwd()
        self.paths: set[tuple[str, str]] = set()  # (how it was used, absolute path)
        self.env_names: set[str] = set()
        self.env_all = False
        self.outputs: list[tuple[int, str]] = []
        self.problem: str | None = None  # why the run must not be stored; the first reason given

    # Called by the observers, from any thread: they only add to sets and lists.

    def not_repeatable(self, reason: str) -> None:
        if self.problem is None:
            self.problem = reason

    def note_path(self, path: Any, how: str = STAT) -> None:  # Any: whatever the audit event passed
        if isinstance(path, int):
            self.not_repeatable("read through a file descriptor")
            return
        try:
            text = os.fsdecode(os.fspath(path))
        except TypeError:
            self.not_repeatable("read through an unusual path object")
            return
        self.paths.add((how, os.path.join(self.cwd, text)))

    def note_open(self, path: object, flags: int) -> None:
        writing = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
        if flags & writing:
            if not _is_bytecode(path):
                self.not_repeatable("wrote a file")
            return
        self.note_path(path)
        if isinstance(path, (str, bytes)) and _is_bytecode(path):
            self.note_path(_source_of(os.fsdecode(path)))

    # After the run.

    def store(self, exit_code: object) -> str | None:
        """Store the run for `replay`; None when stored, else why not."""
        if self.problem is not None:
            return self.problem
        if not isinstance(exit_code, int) or isinstance(exit_code, bool) or exit_code not in (0, 1, 2, 3):
            return f"exit code {exit_code!r}"
        deps = []
        for how, path in sorted(self.paths | _program_paths()):
            signature = _signature(path, how)
            if _racy(signature, self.started_ns):
                return f"{path} changed during the run"
            deps.append([how, path, signature])
        names = None if self.env_all else sorted(self.env_names | {n for n in os.environ if _watched(n)})
        body = json.dumps(
            {
                "deps": deps,
                "env": {"names": names, "digest": _environment_digest(names)},
                "outputs": _merged(self.outputs),
                "exit": exit_code,
            },
            ensure_ascii=False,
        ).encode("utf-8")
        secret = cache_key(create=True)
        if secret is None:
            return "no cache key to authenticate the record with (licensecheck/cachedir.py)"
        data = seal(_KIND, {"format": FORMAT, "key": self.key, "created_ns": self.started_ns}, body, secret)
        from .fsutil import write_bytes_atomically

        path = _entry_path(self.key)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_bytes_atomically(path, data, private=True)
        _prune(os.path.dirname(path))
        return None


def _merged(outputs: list[tuple[int, str]]) -> list[list]:
    """Consecutive writes to the same stream as one: fewer, larger writes on replay."""
    merged: list[list] = []
    for descriptor, text in outputs:
        if not text:
            continue
        if merged and merged[-1][0] == descriptor:
            merged[-1][1] += text
        else:
            merged.append([descriptor, text])
    return merged


def _racy(signature: list | None, started_ns: int) -> bool:
    if signature is None or len(signature) < 6:
        return False
    mtime_ns, ctime_ns = signature[4], signature[5]
    whole_seconds = mtime_ns % 10**9 == 0 and ctime_ns % 10**9 == 0
    margin = RACY_SECONDS_WHOLE if whole_seconds else RACY_SECONDS
    return max(mtime_ns, ctime_ns) >= started_ns - int(margin * 10**9)


def _program_paths() -> set[tuple[str, str]]:
    """licensecheck's own files and the directories Python imports from: a change to the program is a miss."""
    paths = set()
    package = os.path.dirname(os.path.abspath(__file__))
    for directory, subdirectories, files in os.walk(package):
        subdirectories[:] = [d for d in subdirectories if d != "__pycache__"]
        paths.add((LIST, directory))
        paths.update((STAT, os.path.join(directory, name)) for name in files)
    for entry in sys.path:
        paths.add((LIST, os.path.abspath(entry or os.curdir)))
    return paths


def _prune(directory: str) -> None:
    """Keep the newest MAX_ENTRIES results: each distinct command line and directory has one."""
    try:
        names = [n for n in os.listdir(directory) if n.endswith(".json")]
        if len(names) <= MAX_ENTRIES:
            return
        paths = [os.path.join(directory, name) for name in names]
        for path in sorted(paths, key=os.path.getmtime)[: len(paths) - MAX_ENTRIES * 3 // 4]:
            _discard(path)
    except OSError:
        pass


def _is_bytecode(path: Any) -> bool:  # Any: whatever the audit event passed
    try:
        text = os.fsdecode(os.fspath(path))
    except TypeError:
        return False
    return "__pycache__" in text.replace("\\", "/").split("/")


def _source_of(bytecode: str) -> str:
    """`pkg/__pycache__/mod.cpython-311.pyc` -> `pkg/mod.py`."""
    directory, name = os.path.split(bytecode)
    return os.path.join(os.path.dirname(directory), name.split(".", 1)[0] + ".py")


# -- observing: the one room where the interpreter is patched --------------------------------

_active: Recorder | None = None  # the recorder the audit hook reports to, while `_observing`


@contextmanager
def _observing(recorder: Recorder) -> Iterator[None]:
    """For the length of the `with` only, note in `recorder` what the run reads and writes.

    Python has a hook for opening a file (the audit hook, PEP 578) but none for
    a stat, a read of an environment variable or a write to stdout, so here, and
    nowhere else, these are wrapped:

    - os.stat and os.lstat note each path they are asked about, existing or not;
    - os.scandir hands out entries that note it when their stat() is asked for;
    - os.environ notes each variable read, or, when iterated, that all were;
    - sys.stdout and sys.stderr note what is written, and still write it;
      sys.stdin makes the run unrepeatable if it is read.

    The audit hook notes every file opened and directory listed, and makes the
    run unrepeatable when it uses the network, starts a process, changes the
    file system, or a module says so (signals.py). A hook cannot be removed: it
    is installed once, and does nothing outside this block. Everything else is
    put back on the way out, whatever happens.
    """
    global _active
    saved: list[tuple[object, str, object]] = []

    def patch(owner: object, name: str, value: object) -> None:
        saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    _install_audit_hook()
    environ = type(os.environ)
    try:
        patch(os, "stat", _recording_stat(os.stat, STAT, recorder))
        patch(os, "lstat", _recording_stat(os.lstat, LSTAT, recorder))
        patch(os, "scandir", _recording_scandir(os.scandir, recorder))
        patch(environ, "__getitem__", _recording_getitem(environ.__getitem__, recorder))
        patch(environ, "__iter__", _recording_iter(environ.__iter__, recorder))
        patch(sys, "stdout", _Tee(sys.stdout, 1, recorder))
        patch(sys, "stderr", _Tee(sys.stderr, 2, recorder))
        patch(sys, "stdin", _StdinGuard(sys.stdin, recorder))
        _active = recorder
        yield
    finally:
        _active = None
        for owner, name, value in reversed(saved):
            setattr(owner, name, value)


# The audit events after which a run's result could differ with the same inputs.
_NETWORK_EVENTS = frozenset(
    {
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.bind",
        "socket.sendto",
        "socket.sendmsg",
        "urllib.Request",
        "http.client.connect",
    }
)
_PROCESS_EVENTS = frozenset(
    {
        "subprocess.Popen",
        "os.system",
        "os.exec",
        "os.posix_spawn",
        "os.spawn",
        "os.fork",
        "os.forkpty",
    }
)
_CHANGE_EVENTS = frozenset(
    {
        "os.rename",
        "os.remove",
        "os.rmdir",
        "os.mkdir",
        "os.truncate",
        "os.link",
        "os.symlink",
        "os.chmod",
        "os.chown",
        "os.utime",
        "shutil.copyfile",
        "shutil.move",
        "shutil.rmtree",
    }
)
_OTHER_EVENTS = {
    "os.chdir": "changed directory",
    "builtins.input": "read standard input",
    "sqlite3.connect": "opened a database",
    "mmap.__new__": "mapped a file",
}
_hook_installed = False


def _install_audit_hook() -> None:
    global _hook_installed
    if not _hook_installed:
        sys.addaudithook(_audit)
        _hook_installed = True


def _audit(event: str, args: tuple) -> None:
    recorder = _active
    if recorder is None:
        return
    if event == "open":
        path, _mode, flags = args
        recorder.note_open(path, flags if isinstance(flags, int) else 0)
    elif event in ("os.listdir", "os.scandir"):
        recorder.note_path(args[0] if args and args[0] is not None else ".", LIST)
    elif event == NOT_REPEATABLE:
        recorder.not_repeatable(str(args[0]) if args else "said so")
    elif event in _NETWORK_EVENTS:
        recorder.not_repeatable("used the network")
    elif event in _PROCESS_EVENTS:
        recorder.not_repeatable("started a process")
    elif event in _CHANGE_EVENTS:
        if not (args and _is_bytecode(args[0])):
            recorder.not_repeatable(f"changed the file system ({event})")
    elif event in _OTHER_EVENTS:
        recorder.not_repeatable(_OTHER_EVENTS[event])


def _recording_stat(original, how: str, recorder: Recorder):
    def stat(path, *args, **kwargs):
        if args or kwargs.get("dir_fd") is not None:
            recorder.not_repeatable("stat relative to a directory descriptor")
        recorder.note_path(path, how if kwargs.get("follow_symlinks", True) else LSTAT)
        return original(path, *args, **kwargs)

    return stat


def _recording_scandir(original, recorder: Recorder):
    def scandir(path=None):
        return _Listing(original(path) if path is not None else original(), recorder)

    return scandir


class _Listing:
    """A directory listing whose entries note it when asked for their `stat()`."""

    def __init__(self, iterator, recorder: Recorder) -> None:
        self._iterator = iterator
        self._recorder = recorder

    def __iter__(self):
        return self

    def __next__(self):
        return _Entry(next(self._iterator), self._recorder)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._iterator.close()

    def close(self) -> None:
        self._iterator.close()


class _Entry:
    def __init__(self, entry, recorder: Recorder) -> None:
        self._entry = entry
        self._recorder = recorder

    def stat(self, *, follow_symlinks: bool = True):
        self._recorder.note_path(self._entry.path, STAT if follow_symlinks else LSTAT)
        return self._entry.stat(follow_symlinks=follow_symlinks)

    def __fspath__(self) -> str:
        return self._entry.__fspath__()

    def __getattr__(self, name: str):
        return getattr(self._entry, name)

    def __repr__(self) -> str:
        return repr(self._entry)


def _recording_getitem(original, recorder: Recorder):
    def getitem(self, key):
        if isinstance(key, str):
            recorder.env_names.add(key)
        return original(self, key)

    return getitem


def _recording_iter(original, recorder: Recorder):
    def iterate(self):
        recorder.env_all = True
        return original(self)

    return iterate


class _Tee:
    """stdout or stderr, noting what is written; writes still go straight through."""

    def __init__(self, stream, descriptor: int, recorder: Recorder) -> None:
        self._stream = stream
        self._descriptor = descriptor
        self._recorder = recorder

    def write(self, text):
        if isinstance(text, str):
            self._recorder.outputs.append((self._descriptor, text))
        elif text:  # click probes a stream with b"" to learn whether it is binary: harmless
            self._recorder.not_repeatable("wrote bytes to a text stream")
        return self._stream.write(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        if name in ("buffer", "fileno", "detach", "reconfigure"):
            self._recorder.not_repeatable(f"used the {name} of a standard stream")
        return getattr(self._stream, name)


class _StdinGuard:
    """stdin: asking whether it is a terminal is fine; reading it makes the run unrepeatable."""

    _HARMLESS = frozenset({"isatty", "encoding", "errors", "name", "closed", "mode"})

    def __init__(self, stream, recorder: Recorder) -> None:
        self._stream = stream
        self._recorder = recorder

    def __getattr__(self, name: str):
        if name not in self._HARMLESS:
            self._recorder.not_repeatable("read standard input")
        return getattr(self._stream, name)

    def __iter__(self):
        self._recorder.not_repeatable("read standard input")
        return iter(self._stream)
