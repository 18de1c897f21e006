"""A fake Hugging Face Hub and PyPI JSON API on 127.0.0.1, for tests and benchmarks.

It answers the few endpoints licensecheck (through the real `huggingface_hub`
client, and through urllib for PyPI) asks for, in the shapes the real services
use: repository metadata, file downloads, the PyPI JSON API. Faults (error
statuses, broken bodies, stalls, renames) are injected per repository, so that
the resolvers' error handling is exercised against real HTTP, not mocks.

Deliberate simplifications: tags are served exactly as given (the real Hub also
derives `license:` tags from the card; tests that want them pass them); a
revision is a name in `revisions`, a known commit sha, or `main`.

The model listing (`GET /api/models`, what `HfApi.list_models` asks) filters the
models added with `filter` (every value must be a tag, the library or the task),
`pipeline_tag`, `search` (in the id, any case) and `author`, sorts by `sort`
(largest first, as the Hub does), pages by `limit` with a `Link: <...>;
rel="next"` header, and answers with the `expand`ed properties only (the Hub's
short default set without it). Faults for the listing are added under `LISTING`.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import re
import socket
import struct
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

MODEL = "model"
DATASET = "dataset"
PACKAGE = "package"

# The token a test sends to be let through a gated repository's downloads.
ACCEPTED_TOKEN = "hf_fake_token_terms_accepted"
# `add_fault(LISTING, ...)` makes the model listing misbehave (no repository id has spaces).
LISTING = "model listing"
# The properties the Hub returns for each model of a listing when `expand` is not given.
_LISTING_DEFAULT = (
    "id",
    "likes",
    "trendingScore",
    "private",
    "downloads",
    "tags",
    "pipeline_tag",
    "library_name",
    "createdAt",
    "modelId",
)
_LISTING_SORTS = {"downloads", "likes", "trendingScore", "createdAt", "lastModified"}

_LAST_MODIFIED = "2024-10-24T15:07:40.000Z"
_CREATED_AT = "2024-09-18T15:23:48.000Z"
_API_PREFIX = {MODEL: "models", DATASET: "datasets"}


def fake_sha(*parts: str) -> str:
    """A stable 40-hex commit id, so that tests can predict it."""
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()


def normalise_package_name(name: str) -> str:
    """PEP 503: runs of `-`, `_` and `.` are one `-`, and case does not matter."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _key(repo_type: str, name: str) -> tuple[str, str]:
    if repo_type == PACKAGE:
        return (PACKAGE, normalise_package_name(name))
    return (repo_type, name.lower())


@dataclass
class _Repo:
    type: str
    id: str
    card: dict | None
    sha: str
    tags: tuple[str, ...]
    gated: str | bool
    siblings: tuple[str, ...]
    files: dict[str, bytes]
    revisions: dict[str, str]
    downloads: int = 0
    likes: int = 0
    pipeline_tag: str | None = None
    library_name: str | None = None
    parameters: int | None = None  # reported as `safetensors.total`
    created_at: str = _CREATED_AT

    def sha_for(self, revision: str | None) -> str | None:
        if revision is None or revision == "main":
            return self.sha
        if revision in self.revisions:
            return self.revisions[revision]
        known = {self.sha, *self.revisions.values()}
        return revision if revision in known else None

    def metadata(self, sha: str) -> dict:
        body = {
            "_id": fake_sha("objectid", self.type, self.id)[:24],
            "id": self.id,
            "author": self.id.split("/")[0] if "/" in self.id else None,
            "sha": sha,
            "lastModified": _LAST_MODIFIED,
            "createdAt": _CREATED_AT,
            "private": False,
            "disabled": False,
            "gated": self.gated,
            "downloads": self.downloads,
            "likes": self.likes,
            "trendingScore": 0,
            "tags": list(self.tags),
            "siblings": [{"rfilename": name} for name in self.siblings],
        }
        if self.type == MODEL:
            body["modelId"] = self.id
            body["createdAt"] = self.created_at
            if self.pipeline_tag is not None:
                body["pipeline_tag"] = self.pipeline_tag
            if self.library_name is not None:
                body["library_name"] = self.library_name
            if self.parameters is not None:
                body["safetensors"] = {"parameters": {"BF16": self.parameters}, "total": self.parameters}
        if self.card is not None:
            body["cardData"] = self.card
        return body

    def file(self, filename: str) -> bytes | None:
        if filename in self.files:
            return self.files[filename]
        if filename == "README.md" and filename in self.siblings:
            # YAML is a superset of JSON: the card as JSON is valid front matter.
            return f"---\n{json.dumps(self.card or {})}\n---\n# {self.id}\n".encode()
        if filename in self.siblings:
            return f"contents of {filename}\n".encode()
        return None


@dataclass
class _Package:
    name: str
    latest: str
    versions: dict[str, dict] = field(default_factory=dict)  # version -> release `info`
    files: dict[str, list[dict]] = field(default_factory=dict)  # version -> its files, as the project page lists them

    def release_files(self) -> dict[str, list[dict]]:
        """The project page's `releases`: every version with its files (one sdist unless told otherwise)."""
        listed = {version: [_sdist(self.name, version)] for version in self.versions}
        listed.update(self.files)
        return listed


def _sdist(name: str, version: str, yanked: bool = False) -> dict:
    return {"filename": f"{name}-{version}.tar.gz", "packagetype": "sdist", "yanked": yanked}


@dataclass
class _Fault:
    repo_type: str | None
    status: int | None
    headers: dict[str, str]
    body: object
    delay: float
    times: int | None
    reset: bool = False
    trickle: float = 0.0
    trickle_headers: bool = True
    size: int | None = None
    declare_length: bool = True
    endless_head: bool = False
    on: str | None = None  # "api" (metadata) or "file" (downloads) only; None: every request


@dataclass
class _Answer:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"
    # Hostile ways of sending it (see FakeHub.add_fault): one byte at a time, or
    # a body of `size` bytes generated as it is sent, with or without its length.
    trickle: float = 0.0
    trickle_headers: bool = True
    size: int | None = None
    declare_length: bool = True
    endless_head: bool = False


_RESET = _Answer(0)  # not an answer: the handler resets the connection
_PROCEED = _Answer(-1)  # not an answer: no fault stands in the way, answer as usual


def _json_answer(status: int, payload: object, headers: dict[str, str] | None = None) -> _Answer:
    return _Answer(status, json.dumps(payload).encode(), dict(headers or {}))


def _error(status: int, message: str, error_code: str | None = None) -> _Answer:
    headers = {"X-Error-Message": message}
    if error_code:
        headers["X-Error-Code"] = error_code
    return _json_answer(status, {"error": message}, headers)


class FakeHub:
    """A loopback server that behaves like huggingface.co and pypi.org for what we ask them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._repos: dict[tuple[str, str], _Repo] = {}
        self._renames: dict[tuple[str, str], str] = {}
        self._packages: dict[tuple[str, str], _Package] = {}
        self._faults: dict[tuple[str, str], list[_Fault]] = {}
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.latency = 0.0
        self.accepted_token = ACCEPTED_TOKEN
        self.requests: list[tuple[str, str]] = []
        self.seen_headers: list[dict[str, str]] = []

    # -- lifecycle -------------------------------------------------------------

    def start(self) -> FakeHub:
        handler = type("_BoundHandler", (_Handler,), {"hub": self})
        self._server = _Server(("127.0.0.1", 0), handler)
        # A short poll interval: stop() waits for the serving loop to notice.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="fakehub", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._stopping.set()  # wakes stalled and delayed handlers
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:  # end keep-alive handlers waiting for a next request
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._server = None

    def __enter__(self) -> FakeHub:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeHub is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # -- content ---------------------------------------------------------------

    def add_model(self, repo_id: str, card: dict | None = None, **options) -> None:
        self._add_repo(MODEL, repo_id, card, **options)

    def add_dataset(self, repo_id: str, card: dict | None = None, **options) -> None:
        self._add_repo(DATASET, repo_id, card, **options)

    def _add_repo(
        self,
        repo_type: str,
        repo_id: str,
        card: dict | None = None,
        *,
        sha: str | None = None,
        tags: tuple[str, ...] | list[str] = (),
        gated: str | bool = False,
        siblings: tuple[str, ...] | list[str] = ("README.md",),
        files: dict[str, bytes] | None = None,
        revisions: dict[str, str] | None = None,
        downloads: int = 0,
        likes: int = 0,
        pipeline_tag: str | None = None,
        library_name: str | None = None,
        parameters: int | None = None,
        created_at: str = _CREATED_AT,
    ) -> None:
        if gated is True:
            gated = "auto"
        files = dict(files or {})
        names = list(siblings) + [name for name in files if name not in siblings]
        repo = _Repo(
            type=repo_type,
            id=repo_id,
            card=card,
            sha=sha or fake_sha(repo_type, repo_id),
            tags=tuple(tags),
            gated=gated,
            siblings=tuple(names),
            files=files,
            revisions=dict(revisions or {}),
            downloads=downloads,
            likes=likes,
            pipeline_tag=pipeline_tag,
            library_name=library_name,
            parameters=parameters,
            created_at=created_at,
        )
        with self._lock:
            self._repos[_key(repo_type, repo_id)] = repo

    def add_recorded_model(self, repo_id: str, corpus: str = "cards.json") -> None:
        """A real repository's card as recorded in tests/data/hub_cards/<corpus> (cards.json, or
        corpus.json for the real-card measurement; each says where every copy came from): its
        metadata, tags, gate and the licence lines of its README body."""
        recorded = _recorded_cards(corpus)
        if repo_id in recorded.get("recorded_answers", {}):
            answer = json.loads((_CARDS_DIR / recorded["recorded_answers"][repo_id]).read_text(encoding="utf-8"))
            self.add_model(
                repo_id,
                answer["cardData"],
                sha=answer["sha"],
                tags=answer["tags"],
                gated=answer["gated"],
                siblings=[sibling["rfilename"] for sibling in answer["siblings"]],
            )
            return
        entry = recorded["models"].get(repo_id) or recorded.get("bases", {})[repo_id]
        files = {}
        if "readme_excerpt" in entry:
            front = json.dumps(entry["card"])
            files["README.md"] = f"---\n{front}\n---\n# {repo_id}\n\n{entry['readme_excerpt']}\n".encode()
        self.add_model(repo_id, entry["card"], tags=entry.get("tags", ()), gated=entry.get("gated", False), files=files)

    def add_rename(self, old_id: str, new_id: str, *, repo_type: str = MODEL) -> None:
        """The Hub answers 307 to requests for `old_id`, pointing at the same path under `new_id`."""
        with self._lock:
            self._renames[_key(repo_type, old_id)] = new_id

    def add_package(
        self,
        name: str,
        version: str,
        *,
        license_expression: str | None = None,
        license: str | None = None,
        classifiers: tuple[str, ...] | list[str] = (),
        other_versions: tuple[str, ...] | list[str] = (),
        license_files: tuple[str, ...] | list[str] | None = None,
        yanked: tuple[str, ...] | list[str] = (),
        without_files: tuple[str, ...] | list[str] = (),
    ) -> None:
        """A PyPI project whose latest release is `version`; `other_versions` share its metadata.

        The project page lists every version with one sdist; those in `yanked` are
        yanked, those in `without_files` have no file (as on PyPI when all were deleted).
        """
        key = _key(PACKAGE, name)
        with self._lock:
            package = self._packages.get(key) or _Package(name=name, latest=version)
            package.latest = version
            for each in (version, *other_versions):
                package.versions[each] = {
                    "name": name,
                    "version": each,
                    "license": license,
                    "license_expression": license_expression,
                    "license_files": list(license_files) if license_files is not None else None,
                    "classifiers": list(classifiers),
                    "summary": f"The {name} package",
                    "home_page": None,
                    "requires_dist": None,
                    "yanked": each in yanked,
                }
                package.files[each] = [] if each in without_files else [_sdist(name, each, each in yanked)]
            self._packages[key] = package

    def add_package_json(self, body: dict) -> None:
        """A project as PyPI's JSON API describes it (`info` of the latest release, `releases`):
        a real answer, trimmed, from tests/resolve/pypi/. Only the latest release's page is served."""
        info = body["info"]
        key = _key(PACKAGE, info["name"])
        with self._lock:
            package = _Package(name=info["name"], latest=info["version"], versions={info["version"]: dict(info)})
            package.files = {version: list(files) for version, files in body.get("releases", {}).items()}
            self._packages[key] = package

    def add_fault(
        self,
        repo_id: str,
        *,
        status: int | None = 500,
        headers: dict[str, str] | None = None,
        body: bytes | str | dict | list | None = None,
        delay: float = 0.0,
        times: int | None = None,
        repo_type: str | None = None,
        reset: bool = False,
        trickle: float = 0.0,
        trickle_headers: bool = True,
        size: int | None = None,
        declare_length: bool = True,
        endless_head: bool = False,
        on: str | None = None,
    ) -> None:
        """Make requests about `repo_id` (a Hub id or a PyPI name) misbehave.

        The server waits `delay` seconds (interrupted by `stop()`), then answers
        `status` with `headers` and `body` (bytes/str sent as is, other values as
        JSON; an error body by default). `status=None` answers normally after the
        delay. `times` limits how many requests are affected (None: all).
        `repo_type` restricts the fault to "model", "dataset" or "package".
        `reset=True` answers nothing: the connection is reset (TCP RST) instead.

        `trickle=s` sends the answer one byte every `s` seconds, from its status
        line on (or, with `trickle_headers=False`, from the first byte of the
        body): each read of the client is answered in time, the whole is not.
        `endless_head=True` (with `trickle`) never ends the headers: after the
        real ones, a header value goes on one byte at a time for ever.
        `size=n` sends a body of `n` bytes (a JSON object padded with spaces,
        generated as it is sent) with `Content-Length`, or with
        `declare_length=False` without it, ended by closing the connection.
        With `status=None` these apply to the normal answer.
        `on="api"` or `on="file"` limits the fault to metadata requests or to
        file downloads.
        """
        if on not in (None, "api", "file"):
            raise ValueError(f"on must be 'api' or 'file', not {on!r}")
        fault = _Fault(
            repo_type,
            status,
            dict(headers or {}),
            body,
            delay,
            times,
            reset,
            trickle,
            trickle_headers,
            size,
            declare_length,
            endless_head,
            on,
        )
        types = (repo_type,) if repo_type else (MODEL, DATASET, PACKAGE)
        with self._lock:
            for each in types:
                self._faults.setdefault(_key(each, repo_id), []).append(fault)

    # -- observability -----------------------------------------------------------

    def count(self, path_prefix: str) -> int:
        """How many requests had a raw path starting with `path_prefix`."""
        with self._lock:
            return sum(1 for _, path in self.requests if path.startswith(path_prefix))

    def _record(self, method: str, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.requests.append((method, path))
            self.seen_headers.append(headers)

    def _take_fault(self, key: tuple[str, str], kind: str) -> _Fault | None:
        with self._lock:
            for fault in self._faults.get(key, []):
                if fault.on is not None and fault.on != kind:
                    continue
                if fault.times is None:
                    return fault
                if fault.times > 0:
                    fault.times -= 1
                    return fault
        return None

    def _sleep(self, seconds: float) -> bool:
        """Wait, unless the server is stopping; True when the wait ran to its end."""
        return not self._stopping.wait(seconds) if seconds > 0 else True

    # -- routing ---------------------------------------------------------------------

    def answer(self, method: str, raw_path: str, headers: dict[str, str]) -> _Answer | None:
        """The response to one request; None when the server is stopping mid-stall."""
        if not self._sleep(self.latency):
            return None
        parts = urlsplit(raw_path)
        # Split before unquoting: a revision arrives as one segment, `refs%2Fpr%2F1`.
        segments = [unquote(s) for s in parts.path.split("/")[1:]]
        query = parse_qs(parts.query)
        if segments[:2] == ["api", "agent-harnesses"]:
            return _json_answer(200, {})
        listing = segments == ["api", "models"]
        if listing:
            fault = self._take_fault(_key(MODEL, LISTING), "api")
        else:
            route = self._route(segments)
            if route is None:
                return _error(404, "Not Found")
            kind, repo_type, repo_id, rest = route
            fault = self._take_fault(_key(repo_type, repo_id), kind)
        injected = self._injected(fault)
        if injected is None or injected is _RESET:
            return injected
        if injected is not _PROCEED:
            return _with_delivery(injected, fault)
        if listing:
            answer = self._listing(parts.path, query)
        else:
            answer = self._normal_answer(method, kind, repo_type, repo_id, rest, parts, query, headers)
        return _with_delivery(answer, fault) if fault is not None else answer

    def _normal_answer(
        self,
        method: str,
        kind: str,
        repo_type: str,
        repo_id: str,
        rest: list[str],
        parts,
        query: dict,
        headers: dict[str, str],
    ) -> _Answer:
        """What the service answers when nothing misbehaves."""
        if kind == "pypi":
            return self._pypi(repo_id, rest)
        with self._lock:
            new_id = self._renames.get(_key(repo_type, repo_id))
        if new_id is not None:
            location = _replace_repo_id(parts.path, repo_id, new_id)
            if parts.query:
                location += "?" + parts.query
            return _Answer(307, b"", {"Location": location})
        with self._lock:
            repo = self._repos.get(_key(repo_type, repo_id))
        if repo is None:
            return _error(404, "Repository not found", "RepoNotFound")
        if kind == "api":
            return _metadata_answer(repo, rest, query.get("expand"))
        return self._file(method, repo, rest, headers)

    def _injected(self, fault: _Fault | None) -> _Answer | None:
        """The answer of an injected `fault`: `_PROCEED` to answer normally (after its delay), None when stopping."""
        if fault is None:
            return _PROCEED
        if not self._sleep(fault.delay):
            return None
        if fault.reset:
            return _RESET
        return _fault_answer(fault) if fault.status is not None else _PROCEED

    def _route(self, segments: list[str]) -> tuple[str, str, str, list[str]] | None:
        """(kind, repo type, repo id, remaining segments) for the paths we serve."""
        if len(segments) >= 3 and segments[0] == "pypi":
            return ("pypi", PACKAGE, segments[1], segments[2:])
        if len(segments) >= 3 and segments[0] == "api" and segments[1] in ("models", "datasets"):
            repo_type = MODEL if segments[1] == "models" else DATASET
            tail = segments[2:]
            if len(tail) >= 3 and tail[-2] == "revision":
                return ("api", repo_type, "/".join(tail[:-2]), [tail[-1]])
            if 1 <= len(tail) <= 2:
                return ("api", repo_type, "/".join(tail), [])
            return None
        repo_type = MODEL
        if segments[:1] == ["datasets"]:
            repo_type, segments = DATASET, segments[1:]
        for marker in ("resolve", "raw"):
            if marker in segments[1:3]:
                index = segments.index(marker, 1)
                rest = segments[index + 1 :]
                if len(rest) >= 2:
                    return ("file", repo_type, "/".join(segments[:index]), rest)
        return None

    def _listing(self, path: str, query: dict[str, list[str]]) -> _Answer:
        """`GET /api/models`: the models that match, sorted, one page of them."""
        with self._lock:
            repos = [repo for key, repo in self._repos.items() if key[0] == MODEL]
        wanted = query.get("filter", [])
        task = query.get("pipeline_tag", [None])[0]
        search = query.get("search", [""])[0].lower()
        author = query.get("author", [None])[0]
        repos = [
            repo
            for repo in repos
            if all(value in repo.tags or value in (repo.library_name, repo.pipeline_tag) for value in wanted)
            and (task is None or repo.pipeline_tag == task)
            and search in repo.id.lower()
            and (author is None or repo.id.lower().startswith(author.lower() + "/"))
        ]
        sort = query.get("sort", [None])[0]
        if sort is not None:
            if sort not in _LISTING_SORTS:
                return _error(400, f"Invalid sort: {sort}")
            repos.sort(key=lambda repo: repo.metadata(repo.sha).get(sort) or 0, reverse=True)
        try:
            limit = min(int(query.get("limit", ["1000"])[0]), 1000)
            start = int(query.get("cursor", ["0"])[0])
        except ValueError:
            return _error(400, "Invalid limit or cursor")
        page = repos[start : start + limit]
        expand = query.get("expand")
        keep = ("_id", "id", *expand) if expand else ("_id", *_LISTING_DEFAULT)
        body = [{key: value for key, value in repo.metadata(repo.sha).items() if key in keep} for repo in page]
        headers = {}
        if start + limit < len(repos):
            pairs = [(key, value) for key, values in query.items() if key != "cursor" for value in values]
            next_query = "&".join(
                f"{quote(key)}={quote(value)}" for key, value in pairs + [("cursor", str(start + limit))]
            )
            headers["Link"] = f'<{self.url}{path}?{next_query}>; rel="next"'
        return _json_answer(200, body, headers)

    def _file(self, method: str, repo: _Repo, rest: list[str], headers: dict[str, str]) -> _Answer:
        revision, filename = rest[0], "/".join(rest[1:])
        sha = repo.sha_for(revision)
        if sha is None:
            return _error(404, "Invalid rev id", "RevisionNotFound")
        if repo.gated and headers.get("authorization") != f"Bearer {self.accepted_token}":
            return _error(401, f"Access to {repo.id} is restricted: accept its terms first", "GatedRepo")
        content = repo.file(filename)
        if content is None:
            return _error(404, "Entry not found", "EntryNotFound")
        etag = '"' + hashlib.sha1(content).hexdigest() + '"'
        return _Answer(
            200,
            content,
            {"X-Repo-Commit": sha, "ETag": etag, "Accept-Ranges": "bytes"},
            content_type="application/octet-stream",
        )

    def _pypi(self, name: str, rest: list[str]) -> _Answer:
        with self._lock:
            package = self._packages.get(_key(PACKAGE, name))
        if package is None:
            return _json_answer(404, {"message": "Not Found"})
        if rest == ["json"]:
            version = package.latest
        elif len(rest) == 2 and rest[1] == "json":
            version = rest[0]
        else:
            return _json_answer(404, {"message": "Not Found"})
        info = package.versions.get(version)
        if info is None:
            return _json_answer(404, {"message": "Not Found"})
        body = {"info": dict(info), "last_serial": 1, "urls": [], "vulnerabilities": []}
        if rest == ["json"]:
            body["releases"] = package.release_files()
        return _json_answer(200, body)


_CARDS_DIR = Path(__file__).parent / "data" / "hub_cards"


@functools.cache
def _recorded_cards(name: str = "cards.json") -> dict:
    """The recorded cards of tests/data/hub_cards/<name>, read once (callers must not change them)."""
    return json.loads((_CARDS_DIR / name).read_text(encoding="utf-8"))


def _replace_repo_id(path: str, old_id: str, new_id: str) -> str:
    old = "/" + "/".join(quote(part, safe="") for part in old_id.split("/")) + "/"
    index = path.lower().find(old.lower())
    if index < 0:
        old = old[:-1]
        index = path.lower().rfind(old.lower())
    new = "/" + "/".join(quote(part, safe="") for part in new_id.split("/")) + ("/" if old.endswith("/") else "")
    return path[:index] + new + path[index + len(old) :]


def _metadata_answer(repo: _Repo, rest: list[str], expand: list[str] | None) -> _Answer:
    sha = repo.sha_for(rest[0] if rest else None)
    if sha is None:
        return _error(404, "Invalid rev id", "RevisionNotFound")
    body = repo.metadata(sha)
    if expand:
        # Like the Hub: with `expand`, only the listed properties (and the ids) come back.
        body = {key: value for key, value in body.items() if key in ("_id", "id") or key in expand}
    return _json_answer(200, body)


def _with_delivery(answer: _Answer, fault: _Fault) -> _Answer:
    """The answer, to be sent the hostile way the fault asks for."""
    answer.trickle, answer.trickle_headers = fault.trickle, fault.trickle_headers
    answer.size, answer.declare_length, answer.endless_head = fault.size, fault.declare_length, fault.endless_head
    return answer


def _padded_body(size: int, chunk: int = 64 * 1024):
    """`size` bytes of a JSON object, `{"id": "org/huge"` then spaces then `}`, in chunks."""
    head, tail = b'{"id": "org/huge"', b"}"
    yield head
    spaces = size - len(head) - len(tail)
    while spaces > 0:
        yield b" " * min(chunk, spaces)
        spaces -= chunk
    yield tail


def _fault_answer(fault: _Fault) -> _Answer:
    status = fault.status or 500
    if fault.body is None:
        body = json.dumps({"error": f"Injected fault {status}"}).encode() if status >= 400 else b""
    elif isinstance(fault.body, bytes):
        body = fault.body
    elif isinstance(fault.body, str):
        body = fault.body.encode()
    else:
        body = json.dumps(fault.body).encode()
    content_type = fault.headers.get("Content-Type", "application/json")
    return _Answer(status, body, dict(fault.headers), content_type=content_type)


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # the default 5 refuses connections under parallel load
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address) -> None:
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a client that gave up on a hostile answer: expected, not worth a traceback
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    hub: FakeHub  # set on the subclass FakeHub.start() builds
    protocol_version = "HTTP/1.1"  # keep-alive, as the real services
    wbufsize = 64 * 1024  # unbuffered writes cost ~40 ms per response on keep-alive
    timeout = 60  # an idle keep-alive connection ends eventually

    def setup(self) -> None:
        super().setup()
        with self.hub._lock:
            self.hub._connections.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        with self.hub._lock:
            self.hub._connections.discard(self.connection)

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _serve(self, *, send_body: bool) -> None:
        headers = {name.lower(): value for name, value in self.headers.items()}
        self.hub._record(self.command, self.path, headers)
        answer = self.hub.answer(self.command, self.path, headers)
        if answer is None:  # stopping mid-stall: drop the connection
            self.close_connection = True
            return
        if answer is _RESET:  # linger 0: close() sends RST, as a crashed proxy would
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        try:
            if answer.trickle or answer.size is not None:
                self._send_hostile(answer, send_body)
                return
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            for name, value in answer.headers.items():
                if name.lower() != "content-type":
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            if send_body:
                self.wfile.write(answer.body)
        except OSError:
            self.close_connection = True

    def _send_hostile(self, answer: _Answer, send_body: bool) -> None:
        """A trickled answer, or one with a generated body (see FakeHub.add_fault)."""
        size = answer.size if answer.size is not None else len(answer.body)
        lines = [
            f"HTTP/1.1 {answer.status} {self.responses.get(answer.status, ('',))[0]}",
            f"Content-Type: {answer.content_type}",
        ]
        lines += [f"{name}: {value}" for name, value in answer.headers.items() if name.lower() != "content-type"]
        if answer.declare_length:
            lines.append(f"Content-Length: {size}")
        else:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        body = (_padded_body(size) if answer.size is not None else iter([answer.body])) if send_body else iter(())
        if answer.endless_head:
            head = ("\r\n".join(lines) + "\r\nX-Padding: ").encode("latin-1")
            body = itertools.repeat(b"a")
        self.close_connection = True
        if not answer.trickle:
            self.wfile.write(head)
            for chunk in body:
                self.wfile.write(chunk)
            return
        if not answer.trickle_headers:
            self.wfile.write(head)
            head = b""
        for chunk in itertools.chain((head,), body):  # the body may never end
            for index in range(len(chunk)):
                self.wfile.write(chunk[index : index + 1])
                self.wfile.flush()
                if not self.hub._sleep(answer.trickle):
                    return  # the server is stopping

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: pytest output is for failures
