"""Name the licence a resolver found: which rule (or SPDX expression of rules) it is.

Resolvers report what a source says (`license: other` + `license_name`, a PyPI
`license` string, a Trove classifier); this module turns that into something the
evaluator can judge, or says plainly why it cannot. Pure: no I/O.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
from dataclasses import dataclass

from .card import card_licence_sections
from .expression import Expression, ExpressionError, LicenceId, parse_expression, render
from .findings import LICENCE_RECOGNISED, LICENCE_UNKNOWN_ID, LICENCE_UNRECOGNISED, NO_LICENCE
from .knowledge import Knowledge, Recogniser
from .model import PACKAGE, Finding, LicenceInfo, LicenceRule, Severity

_HUB_PLACEHOLDERS = ("other",)
_SPDX_ID = re.compile(r"(LicenseRef-)?[A-Za-z0-9][A-Za-z0-9.+-]*")


@dataclass(frozen=True)
class Identified:
    """The outcome of identification: a rule, an expression over rules, or neither.

    `conflict` is set when the card's fields name different licences: each
    field with the licence id it names (a rule id, or the name as written when
    no rule knows it). The evaluator judges the component under the stricter
    (evaluate.evaluate_conflict); `id` is then None until it has chosen.
    """

    id: str | None
    name: str | None = None
    rule: LicenceRule | None = None
    expression: Expression | None = None
    findings: tuple[Finding, ...] = ()
    conflict: tuple[tuple[str, str], ...] = ()

    @property
    def known(self) -> bool:
        return self.rule is not None or self.expression is not None


def _normalise_link(link: str) -> str:
    link = link.strip().lower()
    for prefix in ("https://", "http://"):
        if link.startswith(prefix):
            link = link[len(prefix):]
    return link.rstrip("/")


def recognise_by_link(link: str | None, recognisers: tuple[Recogniser, ...]) -> str | None:
    """The licence id whose URL patterns match `license_link`, if exactly one does."""
    if not link:
        return None
    target = _normalise_link(link)
    matches = {r.id for r in recognisers if any(fnmatch.fnmatchcase(target, p) for p in r.link_patterns)}
    return matches.pop() if len(matches) == 1 else None


def normalise_text(text: str) -> str:
    """A fingerprint-friendly form of a licence text: lower case, words only."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def text_fingerprint(text: str) -> str:
    """The sha256 of the normalised text: equal for copies that differ only in case, spacing or punctuation."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


# "Copyright (c) 2022 OpenAI", "(c) 2020 X", "© X": not "COPYRIGHT HOLDERS BE LIABLE", a line of the terms.
_NOTICE_LINE = re.compile(r"^(?:\(c\)|©|copyright\b(?!\s+(?:holders?|owners?|notices?|and|law)\b))", re.IGNORECASE)
_TITLE_LINE = re.compile(r"^(?:the\s+)?[\w .\"-]{0,40}\blicen[cs]e\b(?:\s*\(\w+\))?$", re.IGNORECASE)
# Words that grant, limit or condition: a line with one of them is part of the terms, never a notice.
_TERMS_WORDS = re.compile(
    r"\b(?:use|used|only|commercial|non-?commercial|licen[cs]ed?|permi\w*|grant\w*|restrict\w*|prohibit\w*|"
    r"may|must|shall|not|no|except|without|terms?|condition\w*|subject)\b",
    re.IGNORECASE,
)


def licence_body(text: str) -> str:
    """A licence text without what differs between two copies of one licence: its title line and its
    copyright lines ("MIT License", "Copyright (c) 2022 OpenAI"). A line that holds a word of the terms
    (use, only, commercial, licensed, may, not...) is never dropped, so that a restriction written into a
    copyright line ("Copyright X, for non-commercial use only") keeps the text from matching a plain licence."""
    lines = [line.strip().strip("*#").strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and _TITLE_LINE.match(lines[0]) and not _TERMS_WORDS.search(re.sub(r"licen[cs]e", "", lines[0], flags=re.IGNORECASE)):
        lines = lines[1:]
    kept = [
        line for line in lines
        if not (_NOTICE_LINE.match(line) or normalise_text(line) == "all rights reserved")
        or _TERMS_WORDS.search(line)
    ]
    return "\n".join(kept)


def recognise_by_fingerprint(fingerprint: str | None, recognisers: tuple[Recogniser, ...]) -> str | None:
    """The licence id whose known full text has this fingerprint, if exactly one has it."""
    if not fingerprint:
        return None
    matches = {r.id for r in recognisers if fingerprint in r.text_sha256}
    return matches.pop() if len(matches) == 1 else None


def recognise_by_text(text: str, recognisers: tuple[Recogniser, ...]) -> str | None:
    """The licence a LICENSE text is: an exact known text first, else the one licence
    whose distinctive phrases all occur in it (None when none or several match)."""
    exact = recognise_by_fingerprint(text_fingerprint(text), recognisers)
    if exact:
        return exact
    body = normalise_text(text)
    matches = {
        r.id
        for r in recognisers
        if r.text_markers and all(normalise_text(marker) in body for marker in r.text_markers)
    }
    return matches.pop() if len(matches) == 1 else None


def recognise_licence_file(info: LicenceInfo, knowledge: Knowledge, licence_text: str | None = None) -> LicenceRule | None:
    """The licence of the repository's licence file: from its text when this run read it,
    else from what the lock recorded (its fingerprint against today's rules, then the id)."""
    found = (
        (recognise_by_text(licence_text, knowledge.recognisers) if licence_text else None)
        or recognise_by_fingerprint(info.file_sha256, knowledge.recognisers)
        or info.file_id  # what this run's (or the locking run's) recognisers found, e.g. by a link in the text
    )
    rule = knowledge.lookup(found) if found else None
    return rule if rule is not None and rule.recognised else None


def _file_described(info: LicenceInfo) -> str:
    if info.file == "extra_gated_prompt":
        return "the gated repository's access prompt (extra_gated_heading, extra_gated_prompt)"
    if info.file == "README.md":
        return "the License section of its card (README.md)"
    return f"the repository's licence file {info.file}" if info.file else "the repository's licence file"


def identify_hub_licence(info: LicenceInfo, knowledge: Knowledge, licence_text: str | None = None) -> Identified:
    """Identify a model's or dataset's licence from its card (or an override)."""
    if not info.id and (info.declared or info.link):
        # No `license`, but `license_name` / `license_link`: read as `license: other` is.
        return _identify_other(info, knowledge, licence_text, declared="no `license` field")
    if not info.id:
        found = _from_repository_text(info, knowledge, licence_text, "no licence declared in the card's metadata;")
        return found or Identified(None, findings=(Finding(Severity.ERROR, NO_LICENCE, "no licence is declared"),))
    declared_id = info.id.strip()
    if declared_id.lower() in _HUB_PLACEHOLDERS:
        return _identify_other(info, knowledge, licence_text)
    if declared_id.lower() == "unknown" and (info.declared or info.link):
        return _identify_other(info, knowledge, licence_text, declared="'unknown'")
    if declared_id.lower() == "unknown":
        # The card says `unknown`, but the repository ships a licence text we know.
        found = _from_repository_text(info, knowledge, licence_text, "licence declared 'unknown',")
        if found is not None:
            return found
    rule = knowledge.lookup(declared_id)
    named = None if rule is not None and not rule.recognised else ("license", rule.id if rule is not None else declared_id)
    conflict = _conflicting_fields(named, info, knowledge)
    if conflict:
        return Identified(None, conflict=conflict)
    if rule is None:
        return Identified(
            declared_id,
            findings=(
                Finding(
                    Severity.ERROR,
                    LICENCE_UNKNOWN_ID,
                    f"licence {declared_id!r} is not in licensecheck's rules; review it and add an override with a reason",
                ),
            ),
        )
    return Identified(rule.id, rule.name, rule=rule)


def _from_repository_text(
    info: LicenceInfo, knowledge: Knowledge, licence_text: str | None, declared: str
) -> Identified | None:
    """The licence the repository's own text names (licence file, gate, card body), said as such."""
    if not (licence_text or info.file_id or info.file_sha256):
        return None
    by_file = recognise_licence_file(info, knowledge, licence_text)
    if by_file is None:
        return None
    note = Finding(Severity.INFO, LICENCE_RECOGNISED, f"{declared} recognised as {by_file.name} from {_file_described(info)}")
    return Identified(by_file.id, by_file.name, rule=by_file, findings=(note,))


def _conflicting_fields(
    first: tuple[str, str] | None, info: LicenceInfo, knowledge: Knowledge
) -> tuple[tuple[str, str], ...]:
    """The card's fields that name licences, when they name more than one; else ().

    `license_name` counts whatever it says (a name no rule knows is a licence we
    cannot judge, so a conflict with it fails closed); `license_link` counts only
    when it is recognised (a link to `LICENSE` names nothing by itself).
    """
    if info.source == "override":  # the manifest's word; `declared` keeps the card's id for the report
        return ()
    named = [first] if first is not None else []
    if info.declared:
        rule = knowledge.lookup(info.declared)
        if rule is None or rule.recognised:  # `license_name: other` names nothing
            named.append(("license_name", rule.id if rule is not None else info.declared.strip()))
    by_link = recognise_by_link(info.link, knowledge.recognisers)
    if by_link:
        named.append(("license_link", by_link))
    distinct = {licence_id.lower() for _, licence_id in named}
    return tuple(named) if len(distinct) > 1 else ()


def _identify_other(
    info: LicenceInfo, knowledge: Knowledge, licence_text: str | None, declared: str = "'other'"
) -> Identified:
    name, link = info.declared, info.link
    conflict = _conflicting_fields(None, info, knowledge)
    if conflict:
        return Identified(None, conflict=conflict)
    how = None
    rule = knowledge.lookup(name) if name else None
    if rule is not None and rule.recognised:
        how = f"license_name {name!r}"
    else:
        rule = None
        by_link = recognise_by_link(link, knowledge.recognisers)
        if by_link:
            rule, how = knowledge.lookup(by_link), f"license_link {link}"
        else:
            rule, how = recognise_licence_file(info, knowledge, licence_text), _file_described(info)
    if rule is not None:
        note = Finding(Severity.INFO, LICENCE_RECOGNISED, f"{declared} licence recognised as {rule.name} from {how}")
        return Identified(rule.id, rule.name, rule=rule, findings=(note,))
    described = ", ".join(
        part for part in (f"license_name {name!r}" if name else "", f"license_link {link!r}" if link else "") if part
    ) or "no license_name or license_link"
    if info.file:
        described += f"; its licence file {info.file} matches no known licence text"
    return Identified(
        "other",
        findings=(
            Finding(
                Severity.ERROR,
                LICENCE_UNRECOGNISED,
                f"custom licence ({declared}, {described}) is not recognised: a person must review it",
            ),
        ),
    )


# -- the "License" section of a card's README (card.py finds it) -----------------------

_CARD_URL = re.compile(r"https?://[^\s)\]>\"'<]+")


def licence_named_in_card_body(text: str, knowledge: Knowledge) -> str | None:
    """The one licence the card's License section(s) name: by a known text, a link a
    recogniser knows, or a licence's name or alias written out. None when they
    name none, or several (a fine-tune's section naming its own and its base's
    licences does not say which is which)."""
    found: set[str] = set()
    for section in card_licence_sections(text):
        by_text = recognise_by_text(section, knowledge.recognisers)
        if by_text:
            found.add(by_text)
        found.update(filter(None, (recognise_by_link(url, knowledge.recognisers) for url in _CARD_URL.findall(section))))
        found.update(_names_in(section, knowledge))
    rules = {knowledge.lookup(licence_id) for licence_id in found}
    ids = {rule.id for rule in rules if rule is not None and rule.recognised}
    return ids.pop() if len(ids) == 1 and len(rules) == 1 else None


_LONE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")


def _phrase_words(text: str) -> str:
    """Words as in normalise_text, but a version keeps its dot: "Llama 3.1" is not "Llama 3"."""
    kept = "".join(ch if ch.isalnum() or ch == "." else " " for ch in text.lower())
    return " ".join(_LONE_DOT.sub(" ", kept).split())


def _names_in(section: str, knowledge: Knowledge) -> set[str]:
    """The licences whose name or alias the section writes out as whole words. Only
    distinctive names count: two words or a version number (`MIT License`,
    `Apache 2.0`), never a bare `MIT` or `other`."""
    body = f" {_phrase_words(section)} "
    found = set()
    for rule in knowledge.rules:
        if not rule.recognised:
            continue
        for name in (rule.name, rule.spdx, *rule.aliases):
            words = _phrase_words(name or "")
            if len(words) >= 6 and (" " in words or any(ch.isdigit() for ch in words)) and f" {words} " in body:
                found.add(rule.id)
                break
    return found


def identify_package_licence(info: LicenceInfo, knowledge: Knowledge) -> Identified:
    """Identify a package's licence: an alias (`Apache 2.0`, a Trove classifier) or an SPDX expression."""
    text = (info.id or "").strip()
    if not text:
        shown = f": {info.declared[:120]!r}" if info.declared else ""
        return Identified(None, findings=(Finding(Severity.ERROR, NO_LICENCE, f"no licence could be identified{shown}"),))
    rule = knowledge.lookup(text)
    if rule is not None:
        return Identified(spdx_spelling(text, rule), rule.name, rule=rule)
    try:
        expression = parse_expression(text)
    except ExpressionError:
        return Identified(
            None,
            findings=(
                Finding(Severity.ERROR, LICENCE_UNRECOGNISED, f"declared licence {text[:120]!r} is not a known licence or SPDX expression"),
            ),
        )
    # Ids the rules do not know stay in the expression: under OR another option
    # may still be known; under AND the unknown part makes the whole unknown.
    return Identified(_canonical(expression, knowledge), None, expression=expression)


def spdx_spelling(declared: str, rule: LicenceRule) -> str:
    """How to show a package licence: the declared SPDX id stays (GPL-2.0-or-later is
    not GPL-2.0-only, though one rule covers both); free text becomes the rule's SPDX id,
    its `-or-later` form when the text says so (`GPLv2+`, `v2 or later`)."""
    if rule.spdx and declared.lower() == rule.spdx.lower():
        return rule.spdx
    if _SPDX_ID.fullmatch(declared):
        if not declared.islower():
            return declared
        # `gpl-3.0-or-later`: the alias list holds the SPDX capitalisation.
        for alias in rule.aliases:
            if alias.lower() == declared and not alias.islower():
                return alias
    return _or_later_spelling(declared, rule) or rule.spdx or _short_name(rule)


def _short_name(rule: LicenceRule) -> str:
    """A licence without an SPDX id (a family such as `bsd`) as people write it: `BSD`."""
    return next((alias for alias in rule.aliases if _SPDX_ID.fullmatch(alias) and not alias.islower()), rule.id)


_OR_LATER = re.compile(r"\+|\bor (?:any )?later\b", re.IGNORECASE)
_STATED_VERSION = re.compile(r"\b(?:v|version\s*)(\d+)(?:\.(\d+))?", re.IGNORECASE)


def _or_later_spelling(declared: str, rule: LicenceRule) -> str | None:
    """`GNU Lesser General Public License v2 or later (LGPLv2+)` is LGPL-2.0-or-later: the GNU
    `-or-later` id of the version the text states, when the rule lists that id among its aliases."""
    if not rule.spdx or not rule.spdx.endswith("-only") or not _OR_LATER.search(declared):
        return None
    family, version = rule.spdx.removesuffix("-only").rsplit("-", 1)
    stated = _STATED_VERSION.search(declared)
    if stated:
        version = f"{stated.group(1)}.{stated.group(2) or 0}"
    wanted = f"{family}-{version}-or-later".lower()
    return next((alias for alias in rule.aliases if alias.lower() == wanted), None)


def _canonical(expression: Expression, knowledge: Knowledge) -> str:
    """The expression with every known id written in its SPDX spelling."""

    def fix(node: Expression) -> Expression:
        if isinstance(node, LicenceId):
            rule = knowledge.lookup(node.id)
            return LicenceId(spdx_spelling(node.id, rule), node.exception) if rule else node
        return type(node)(tuple(fix(term) for term in node.terms))

    return render(fix(expression))


def identify(component_type: str, info: LicenceInfo, knowledge: Knowledge, licence_text: str | None = None) -> Identified:
    if component_type == PACKAGE:
        return identify_package_licence(info, knowledge)
    return identify_hub_licence(info, knowledge, licence_text)
