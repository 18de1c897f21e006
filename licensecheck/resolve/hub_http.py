"""One GET to the Hub through huggingface_hub's own HTTP session, bounded in time and size.

Through the client's session (`get_session`), headers (`build_hf_headers`: the
token, the user agent) and error mapping (`hf_raise_for_status`), so that the
Hub's answers mean what they mean to the client: `GatedRepoError`,
`RepositoryNotFoundError`, offline mode. But not through `model_info`, which reads
a body of any size for as long as it trickles in: here the whole request has one
deadline and the body a cap (resolve/bounded.py).

huggingface_hub 1.x is built on httpx and 2.x on httpx2, which share their
exception names. `http_library()` is the one the installed client uses, found
from its session at run time, so that the resolvers classify transport failures
the same way under either.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .bounded import AnswerTooLarge, read_capped, within

if TYPE_CHECKING:
    from huggingface_hub import HfApi

# An error answer is read only for the message the client puts in its exception.
_MAX_ERROR_BYTES = 64 * 1024
# Headers that describe the body as it came over the wire, not as it was read (decoded).
_WIRE_HEADERS = ("content-encoding", "content-length", "transfer-encoding")


@dataclass(frozen=True)
class HubPage:
    """A Hub answer read in full: its body, and the next page's URL (`Link: <...>; rel="next"`) if any."""

    body: bytes
    next_url: str | None = None


def hub_get(api: HfApi, url: str, *, params: dict[str, Any] | None = None, timeout: float, max_bytes: int) -> bytes:
    """The body of a GET of `url`, read in full within `timeout` seconds (see `hub_get_page`)."""
    return hub_get_page(api, url, params=params, timeout=timeout, max_bytes=max_bytes).body


def hub_get_page(
    api: HfApi, url: str, *, params: dict[str, Any] | None = None, timeout: float, max_bytes: int
) -> HubPage:
    """A GET of `url`, read in full within `timeout` seconds, with the link to the next page.

    Raises the client's errors for an error status (`hf_raise_for_status`), the
    HTTP library's for a transport failure, `AnswerTooSlow` when the answer is not
    in by the deadline and `AnswerTooLarge` past `max_bytes`.
    """
    from huggingface_hub.utils import build_hf_headers, get_session, hf_raise_for_status

    headers = build_hf_headers(token=api.token, library_name=api.library_name, library_version=api.library_version)
    session = get_session()
    deadline = time.monotonic() + timeout

    def fetch() -> HubPage:
        # The library's own timeout (per read) ends this thread when the server goes silent.
        with session.stream("GET", url, params=params, headers=headers, timeout=timeout) as response:
            if response.status_code >= 400:
                body = _error_body(response, deadline)
                wire = {name: value for name, value in response.headers.items() if name.lower() not in _WIRE_HEADERS}
                hf_raise_for_status(
                    type(response)(response.status_code, headers=wire, content=body, request=response.request)
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise AnswerTooLarge(max_bytes)
            body = read_capped(response.iter_bytes(), deadline=deadline, max_bytes=max_bytes)
            next_url = response.links.get("next", {}).get("url")
            return HubPage(body, next_url if isinstance(next_url, str) else None)

    return within(timeout, fetch)


def _error_body(response: Any, deadline: float) -> bytes:
    """An error answer's body, for the client's message; none at all when it is huge."""
    try:
        return read_capped(response.iter_bytes(), deadline=deadline, max_bytes=_MAX_ERROR_BYTES)
    except AnswerTooLarge:
        return b""  # the status and the `X-Error-Code` header say what went wrong


@cache
def http_library() -> ModuleType | None:
    """The HTTP library huggingface_hub's session is built on: `httpx` (1.x) or `httpx2` (2.x)."""
    import importlib

    from huggingface_hub.utils import get_session

    for kind in type(get_session()).__mro__:  # a user's client factory may return a subclass
        module = importlib.import_module(kind.__module__.partition(".")[0])
        if hasattr(module, "TransportError") and hasattr(module, "TimeoutException"):
            return module
    return None


def transport_errors(*names: str) -> tuple[type[BaseException], ...]:
    """The HTTP library's exception classes by name (`ConnectTimeout`, `ReadError`, ...): those it has."""
    library = http_library()
    found = (getattr(library, name, None) for name in names)
    return tuple(kind for kind in found if isinstance(kind, type) and issubclass(kind, BaseException))
