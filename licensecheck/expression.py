"""SPDX licence expressions as a small tree the evaluator can walk.

Parsing is done by `license-expression` (a maintained SPDX parser), imported only
when an expression has operators: a plain id such as `MIT` never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class LicenceId:
    id: str
    exception: str | None = None  # the `WITH` part, e.g. Classpath-exception-2.0


@dataclass(frozen=True)
class AllOf:
    """`A AND B`: every licence applies."""

    terms: tuple[Expression, ...]


@dataclass(frozen=True)
class AnyOf:
    """`A OR B`: the licensee may pick one."""

    terms: tuple[Expression, ...]


Expression = LicenceId | AllOf | AnyOf


class ExpressionError(ValueError):
    """The text is not a valid SPDX licence expression."""


_OPERATOR_WORDS = (" and ", " or ", " with ", "(", ")")


def has_operators(text: str) -> bool:
    lowered = f" {text.lower()} "
    return any(word in lowered for word in _OPERATOR_WORDS)


@lru_cache(maxsize=1)
def _licensing():
    from license_expression import Licensing

    # A symbol-free Licensing accepts any id: our rules, not the SPDX list, decide
    # which ids are known (Hub ids such as `llama3.1` are not SPDX).
    return Licensing()


def parse_expression(text: str) -> Expression:
    """Parse an SPDX expression; `ExpressionError` if it is not one."""
    text = text.strip()
    if not text:
        raise ExpressionError("empty licence expression")
    if not has_operators(text):
        if any(ch.isspace() for ch in text):
            raise ExpressionError(f"{text!r} is not a licence id (it contains spaces)")
        return LicenceId(text)
    from license_expression import ExpressionError as LibraryError

    try:
        parsed = _licensing().parse(text)
    except LibraryError as error:
        raise ExpressionError(f"{text!r} is not a valid SPDX expression: {error}") from None
    except Exception as error:  # noqa: BLE001 - the library raises a few other types on odd input
        raise ExpressionError(f"{text!r} is not a valid SPDX expression ({type(error).__name__})") from None
    return _convert(parsed)


def _convert(node) -> Expression:
    kind = type(node).__name__
    if kind == "LicenseWithExceptionSymbol":
        return LicenceId(str(node.license_symbol.key), exception=str(node.exception_symbol.key))
    if kind == "LicenseSymbol" or hasattr(node, "key") and not hasattr(node, "args"):
        key = str(node.key)
        if any(ch.isspace() for ch in key):
            raise ExpressionError(f"{key!r} is not a licence id (it contains spaces)")
        return LicenceId(key)
    terms = tuple(_convert(arg) for arg in node.args)
    if kind == "AND":
        return AllOf(terms)
    if kind == "OR":
        return AnyOf(terms)
    raise ExpressionError(f"unsupported expression node {kind}")


def licence_ids(expression: Expression) -> list[LicenceId]:
    """Every licence named in the expression, left to right."""
    if isinstance(expression, LicenceId):
        return [expression]
    found: list[LicenceId] = []
    for term in expression.terms:
        found.extend(licence_ids(term))
    return found


def render(expression: Expression) -> str:
    """The expression as SPDX text, parenthesised where needed."""
    if isinstance(expression, LicenceId):
        return f"{expression.id} WITH {expression.exception}" if expression.exception else expression.id
    word = " AND " if isinstance(expression, AllOf) else " OR "
    parts = [render(term) if isinstance(term, LicenceId) else f"({render(term)})" for term in expression.terms]
    return word.join(parts)
