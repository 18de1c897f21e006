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
            link = link[len(prefix) :]
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
    if (
        lines
        and _TITLE_LINE.match(lines[0])
        and not _TERMS_WORDS.search(re.sub(r"licen[cs]e", "", lines[0], flags=re.IGNORECASE))
    ):
        lines = lines[1:]
    kept = [
        line
        for line in lines
        if not (_NOTICE_LINE.match(line) or normalise_text(line) == "all rights reserved") or _TERMS_WORDS.search(line)
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
        r.id for r in recognisers if r.text_markers and all(normalise_text(marker) in body for marker in r.text_markers)
    }
    return matches.pop() if len(matches) == 1 else None


def recognise_licence_file(
    info: LicenceInfo, knowledge: Knowledge, licence_text: str | None = None
) -> LicenceRule | None:
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
    named = (
        None if rule is not None and not rule.recognised else ("license", rule.id if rule is not None else declared_id)
    )
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
    note = Finding(
        Severity.INFO, LICENCE_RECOGNISED, f"{declared} recognised as {by_file.name} from {_file_described(info)}"
    )
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
    described = (
        ", ".join(
            part
            for part in (f"license_name {name!r}" if name else "", f"license_link {link!r}" if link else "")
            if part
        )
        or "no license_name or license_link"
    )
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


@dataclass(frozen=True)
class CardLicence:
    """What a card's License section(s) say: the one licence they identify (`id`), or,
    when they say something but identify none, why not (`unclear`, a sentence that
    quotes them, escaped and cut short)."""

    id: str | None
    unclear: str | None = None


def licence_named_in_card_body(text: str, knowledge: Knowledge) -> str | None:
    """The one licence the card's License section(s) name (see `read_card_licence`)."""
    return read_card_licence(text, knowledge).id


def read_card_licence(text: str, knowledge: Knowledge) -> CardLicence:
    """The one licence the card's License section(s) name: by a known text, a link a
    recogniser knows, or a licence's name or alias written out (`_names_in`). Fails
    closed: nothing is identified when they name several licences (a fine-tune's
    section naming its own and its base's does not say which is which), name one
    beside something that is not a licence we know ("Apache 2.0 and the [Nanbeige
    licence agreement](...)"), or qualify the grant ("for personal and academic use").
    A family named beside one of its members ("Creative Commons ... CC BY-NC 4.0")
    is that member."""
    found: set[str] = set()
    unknown: list[str] = []
    qualifiers: list[str] = []
    sections = card_licence_sections(text)
    for section in sections:
        by_text = recognise_by_text(section, knowledge.recognisers)
        if by_text:
            found.add(by_text)
            continue  # a whole licence text: its own words say what it grants
        reading = _read_section(section, knowledge)
        found.update(reading.ids)
        unknown.extend(reading.unknown_names)
        qualifiers.extend(reading.qualifiers)
    if not sections:
        return CardLicence(None)
    rules = {knowledge.lookup(licence_id) for licence_id in found}
    known = {rule for rule in rules if rule is not None and rule.recognised}
    known = {rule for rule in known if not _family_of_any(rule, known)}
    qualifiers = [q for q in qualifiers if not (len(known) == 1 and _qualifier_within(q, next(iter(known))))]
    if len(known) == 1 and len(rules - {None}) == len(rules) and not unknown and not qualifiers:
        return CardLicence(next(iter(known)).id)
    return CardLicence(None, _unclear(sections, sorted(rule.id for rule in known), unknown, qualifiers))


def _family_of_any(rule: LicenceRule, others: set[LicenceRule]) -> bool:
    """A family named without its version (`cc`, `gpl`) beside one of its members."""
    return bool(rule.members) and rule.spdx is None and any(other.id in rule.members for other in others)


_NC_QUALIFIER = re.compile(r"\bnon ?commercial\b")
_RESEARCH_QUALIFIER = re.compile(r"\b(?:research|academic)\b")


def _qualifier_within(qualifier: str, rule: LicenceRule) -> bool:
    """A qualifier the licence itself imposes: "non-commercial" beside CC BY-NC, "research
    use" beside a research-only licence; the grant is then what the licence grants."""
    if rule.category == "research-only":
        return bool(_NC_QUALIFIER.search(qualifier) or _RESEARCH_QUALIFIER.search(qualifier))
    return rule.category == "non-commercial" and bool(_NC_QUALIFIER.fullmatch(qualifier))


MAX_QUOTED_CHARS = 160


def _unclear(sections: list[str], ids: list[str], unknown: list[str], qualifiers: list[str]) -> str:
    said = " ".join(" ".join(sections).split())
    quoted = said if len(said) <= MAX_QUOTED_CHARS else said[: MAX_QUOTED_CHARS - 1] + "…"
    listed = ", ".join(ids)
    if unknown:
        distinct = list(dict.fromkeys(name.strip("《》 ") for name in unknown))  # a title both linked and repeated
        names = ", ".join(repr(name[:60]) for name in distinct[:3])
        reason = f"names {listed + ' and ' if ids else ''}something no licence rule knows ({names})"
    elif qualifiers:
        reason = f"{'names ' + listed + ' but ' if ids else ''}qualifies the grant ({qualifiers[0]!r})"
    elif len(ids) > 1:
        reason = f"names several licences ({listed}) and does not say which binds the model"
    else:
        reason = "names no licence licensecheck knows"
    return (
        f"the License section of its card (README.md) {reason}, so it does not identify the licence; it says {quoted!r}"
    )


@dataclass(frozen=True)
class _SectionReading:
    ids: frozenset[str]
    unknown_names: tuple[str, ...]
    qualifiers: tuple[str, ...]


# `[text](target)` and `![alt](target)`: the text is read as prose, the target as a link.
_MD_LINK = re.compile(r"!?\[([^\]\n]{0,300})\]\(\s*<?([^)\s>]{0,2000})>?(?:\s+\"[^\"\n]{0,200}\")?\s*\)")
_HTML_TAG = re.compile(r"<[^<>\n]{0,300}>")
# What makes a link, or a title in 《》, name a licence: its words or its target say so.
_LICENCE_WORDS = re.compile(r"licen[cs]|agreement|terms|许可|协议|協議", re.IGNORECASE)
_CJK_TITLE = re.compile(r"《([^《》\n]{1,100})》")
# Words before a name that make it not that licence: "Non-commercial license" is not a
# "commercial license", nor is Meta's "custom commercial license" a proprietary one.
_NEGATING_WORDS = frozenset({"non", "not", "no", "without", "custom", "bespoke"})
# A grant limited to some uses is not the licence's grant (dreamgen/opus-v0-7b: "For personal and academic
# use: ... Apache 2.0"); said as normalised words (_phrase_words).
_QUALIFIER = re.compile(
    r"\bnon ?commercial\b"
    r"|\b(?:personal|academic|research|evaluation|educational|non ?profit)\b(?: [^ ]+){0,3} (?:use|usage|purposes?|only)\b"
    # "License for base weights: ...": the base's licence, not the model's (garage-bAInd/Camel-Platypus2-13B)
    r"|\bfor (?:the )?base (?:model )?weights\b"
)


def _read_section(section: str, knowledge: Knowledge) -> _SectionReading:
    """One License section: the licences it names (by name or alias outside link targets, or
    by a recognised link target), what it names that no rule knows (a link or a 《title》
    that says licence or agreement and is neither), and how it qualifies the grant."""
    tokens: list[tuple[str, int | None]] = []  # (word, index of the link it is the text of)
    links: list[tuple[str, str]] = []  # (text, target)
    position = 0
    for match in (*_MD_LINK.finditer(section), None):
        prose = section[position : match.start() if match else len(section)]
        tokens += [(word, None) for word in _prose_words(prose)]
        if match is None:
            break
        label, target = match.group(1), match.group(2)
        links.append((label, target))
        tokens += [(word, len(links) - 1) for word in _prose_words(label)]
        position = match.end()
    prose_only = _MD_LINK.sub(" ", section)
    targets = [target for _, target in links] + _CARD_URL.findall(prose_only)
    targets += [label for label, _ in links if _CARD_URL.fullmatch(label.strip())]
    by_link = {found for target in targets if (found := recognise_by_link(target, knowledge.recognisers))}
    ids, covered = _names_at(tokens, knowledge)
    unknown = []
    for index, (label, target) in enumerate(links):
        if any(link == index and i in covered for i, (_, link) in enumerate(tokens)):
            continue
        if recognise_by_link(target, knowledge.recognisers) or not _names_something(label):
            continue
        unknown.append(" ".join(label.split()) or target)
    for title in _CJK_TITLE.findall(prose_only):
        if _LICENCE_WORDS.search(title) and not _names_at([(word, None) for word in _prose_words(title)], knowledge)[0]:
            unknown.append(title)
    residual = " ".join(word for i, (word, _) in enumerate(tokens) if i not in covered)
    qualifiers = tuple(match.group(0) for match in _QUALIFIER.finditer(residual))
    return _SectionReading(frozenset(ids | by_link), tuple(unknown), qualifiers)


# Link texts that point rather than name: "[here](...)", "[LICENSE](...)", "[Link](...)".
_POINTER_WORDS = frozenset(
    {
        "license",
        "licence",
        "licenses",
        "licences",
        "the",
        "this",
        "see",
        "here",
        "link",
        "file",
        "model",
        "txt",
        "md",
        "pdf",
    }
)


def _names_something(label: str) -> bool:
    """Whether a link's text names a licence: it says licence or agreement (许可, 协议) and is more
    than a pointer or a file name (`LICENSE.txt`, `meta-license/USE_POLICY.md`)."""
    if (
        not _LICENCE_WORDS.search(label)
        or "/" in label
        or re.fullmatch(r"\S+\.(?:txt|md|pdf)", label.strip(), re.IGNORECASE)
    ):
        return False
    return bool(set(_prose_words(label)) - _POINTER_WORDS)


def _prose_words(text: str) -> list[str]:
    """The words of prose, without HTML tags and bare URLs (a link is a signal of its own)."""
    return _phrase_words(_CARD_URL.sub(" ", _HTML_TAG.sub(" ", text))).split()


_LONE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")


def _phrase_words(text: str) -> str:
    """Words as in normalise_text, but a version keeps its dot: "Llama 3.1" is not "Llama 3"."""
    kept = "".join(ch if ch.isalnum() or ch == "." else " " for ch in text.lower())
    return " ".join(_LONE_DOT.sub(" ", kept).split())


def _names_in(section: str, knowledge: Knowledge) -> set[str]:
    """The licences whose name or alias the text writes out (see `_names_at`)."""
    return _names_at([(word, None) for word in _prose_words(section)], knowledge)[0]


def _names_at(tokens: list[tuple[str, int | None]], knowledge: Knowledge) -> tuple[set[str], set[int]]:
    """The licences whose name or alias the words write out as whole words, and the
    positions of the words that do. Only distinctive names count: two words or a
    version number (`MIT License`, `Apache 2.0`), never a bare `MIT` or `other`; and
    not after a word that negates or qualifies it ("Non-commercial license")."""
    words = [word for word, _ in tokens]
    starts: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        starts.setdefault(word, []).append(i)
    found: set[str] = set()
    covered: set[int] = set()
    for rule in knowledge.rules:
        if not rule.recognised:
            continue
        for name in (rule.name, rule.spdx, *rule.aliases):
            phrase = _phrase_words(name or "")
            if len(phrase) < 6 or not (" " in phrase or any(ch.isdigit() for ch in phrase)):
                continue
            wanted = phrase.split()
            for i in starts.get(wanted[0], ()):
                if words[i : i + len(wanted)] == wanted and (i == 0 or words[i - 1] not in _NEGATING_WORDS):
                    found.add(rule.id)
                    covered.update(range(i, i + len(wanted)))
    return found, covered


def identify_package_licence(info: LicenceInfo, knowledge: Knowledge) -> Identified:
    """Identify a package's licence: an alias (`Apache 2.0`, a Trove classifier) or an SPDX expression."""
    text = (info.id or "").strip()
    if not text:
        shown = f": {info.declared[:120]!r}" if info.declared else ""
        return Identified(
            None, findings=(Finding(Severity.ERROR, NO_LICENCE, f"no licence could be identified{shown}"),)
        )
    rule = knowledge.lookup(text)
    if rule is not None:
        return Identified(spdx_spelling(text, rule), rule.name, rule=rule)
    try:
        expression = parse_expression(text)
    except ExpressionError:
        return Identified(
            None,
            findings=(
                Finding(
                    Severity.ERROR,
                    LICENCE_UNRECOGNISED,
                    f"declared licence {text[:120]!r} is not a known licence or SPDX expression",
                ),
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


def identify(
    component_type: str, info: LicenceInfo, knowledge: Knowledge, licence_text: str | None = None
) -> Identified:
    if component_type == PACKAGE:
        return identify_package_licence(info, knowledge)
    return identify_hub_licence(info, knowledge, licence_text)
