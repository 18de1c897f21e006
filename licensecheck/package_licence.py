"""Read what a Python release's metadata says about its licence, as a careful person would.

A release declares its licence in up to four places, and authors fill them in
unevenly: `license = "Apache"` beside the classifier `Apache Software License`,
`license = "GPL"` beside `GPLv2+`. The sources are read in order of trust, and
the first one that names a licence licensecheck knows is the answer:

1. `license_expression` (PEP 639): an SPDX expression, the author's explicit word;
2. the `license` field, when it is a licence id or alias the rules know, or an
   SPDX expression of such ids (`MIT OR Apache-2.0`); a field that names no
   version (`GPL`) is refined by a classifier that gives one (`GPLv2+`);
3. the `License ::` classifiers: one licence, or several read as all applying
   (AND), because PyPI does not say whether they combine or are a choice;
4. the licence text itself, when the `license` field holds a whole text that the
   rules recognise (`identify.recognise_by_text`, or its body without title and
   copyright lines: `identify.licence_body`). PyPI's JSON API does not serve the
   licence files a release names (`license_files`), so those are only mentioned.

Readings only ever err on the strict side: a family name without a version is
its family's strictest reading (rules/licences/gpl.toml and the like); free text
is read only when it names the AGPL (there is no stricter way to read it); a
`license` field the rules do not know hides the classifiers when it contains
words that restrict (proprietary, non-commercial, research...), because the
classifiers could then be the looser, stale half of a contradiction. When two
sources that both name known licences disagree, that is a warning.

Pure: no I/O. `resolve/pypi.py` gathers the declarations; the reading is stored
in the lock as the `LicenceInfo` it returns, and `identify` names its rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .expression import ExpressionError, LicenceId, licence_ids, parse_expression, render
from .findings import (
    LICENCE_CLASSIFIERS_COMBINED,
    LICENCE_READ_FROM_TEXT,
    LICENCE_RECOGNISED,
    LICENCE_SOURCES_DISAGREE,
    LICENCE_UNRECOGNISED,
    LICENCE_VERSION_FROM_CLASSIFIER,
    NO_LICENCE,
    PYPI_LICENCE_TEXT,
    PYPI_LICENCE_UNRECOGNISED,
)
from .identify import licence_body, recognise_by_fingerprint, recognise_by_text, spdx_spelling, text_fingerprint
from .knowledge import Knowledge
from .model import Finding, LicenceInfo, LicenceRule, Severity

EXPRESSION, FIELD, CLASSIFIER = "pypi:license_expression", "pypi:license", "pypi:classifier"
_SHORT = 200  # a `license` field longer than this, or on several lines, is a pasted text
_NOT_A_LICENCE = {"", "unknown", "none", "n/a", "null"}
_AGPL = re.compile(r"\bAGPL|\bAFFERO\b", re.IGNORECASE)
_VERSION_3 = re.compile(r"(?<![\d.])v?3(?:\.0)?(?![\d.])", re.IGNORECASE)
_RESTRICTIVE = re.compile(
    r"propriet|commercial|all rights reserved|research|personal|evaluation|academic|non-?profit|not for|"
    r"no (?:re)?distribut|restrict|prohibit|custom|confidential|internal use|permission|consent|eula|terms of",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PackageDeclarations:
    """What one release's metadata says about its licence, field by field, as the author wrote it."""

    expression: str | None = None
    licence: str | None = None
    classifiers: tuple[str, ...] = ()  # the `License ::` ones, in order, without repeats
    licence_files: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Reading:
    """One source's answer: what `identify` will look up, and the known licences it names (None: some unknown)."""

    info: LicenceInfo
    rules: tuple[LicenceRule, ...] | None
    described: str  # "the license_expression 'MIT'", for messages
    notes: tuple[Finding, ...] = ()  # what to tell when this reading is the one used


@dataclass(frozen=True)
class PackageReading:
    licence: LicenceInfo | None
    problem: Finding | None = None
    notes: tuple[Finding, ...] = ()


def read_package_licence(declared: PackageDeclarations, knowledge: Knowledge, what: str) -> PackageReading:
    """The licence a release declares, following the order in the module docstring."""
    expression = _expression_reading(declared.expression, knowledge)
    field_text = _field_text(declared.licence)
    field = _field_reading(field_text, knowledge, what) if field_text else None
    classifiers = _classifier_reading(declared.classifiers, knowledge, what)
    short_field = field_text if field_text and "\n" not in field_text and len(field_text) <= _SHORT else None

    if expression is not None:
        chosen, others = expression, [field, classifiers]
    elif field is not None and field.rules is not None:
        chosen, others = _refined(field, classifiers, what), [classifiers]
    elif classifiers is not None and short_field and _RESTRICTIVE.search(short_field):
        # `license = "Proprietary"` beside an MIT classifier: the looser source may be the stale one.
        warning = Finding(
            Severity.WARNING,
            LICENCE_SOURCES_DISAGREE,
            f"{what}: the license field {short_field[:120]!r} is not a licence licensecheck knows and restricts "
            f"more than its classifiers say ({'; '.join(declared.classifiers)}); the classifiers were not trusted",
        )
        chosen, others = (
            _Reading(LicenceInfo(id=short_field, source=FIELD, declared=short_field), None, "", (warning,)),
            [],
        )
    elif classifiers is not None:
        chosen, others = classifiers, []
        if field_text:
            chosen = replace(chosen, notes=(_unread_field(field_text, short_field, what), *chosen.notes))
    else:
        return _nothing(declared, field_text, what)

    notes = list(chosen.notes)
    if chosen.info.id is None:  # several classifiers, not all of them known
        return PackageReading(chosen.info, _unknown_classifiers(declared.classifiers, knowledge, what), tuple(notes))
    notes += _disagreements(chosen, [o for o in others if o is not None and o is not chosen], what)
    return PackageReading(chosen.info, None, tuple(notes))


# -- the sources ---------------------------------------------------------------------------


def _expression_reading(text: str | None, knowledge: Knowledge) -> _Reading | None:
    if not text:
        return None
    info = LicenceInfo(id=text, source=EXPRESSION, declared=text)
    try:
        parsed = parse_expression(text)
    except ExpressionError:
        return _Reading(info, None, f"the license_expression {text!r}")  # identify says why it is not valid
    return _Reading(info, _rules_of(licence_ids(parsed), knowledge), f"the license_expression {text!r}")


def _field_text(raw: object) -> str | None:
    text = raw.strip() if isinstance(raw, str) else ""
    return None if text.lower() in _NOT_A_LICENCE else text


def _field_reading(text: str, knowledge: Knowledge, what: str) -> _Reading | None:
    """The `license` field as a known id, alias or expression; the AGPL named in words; or a recognised whole text."""
    described = f"the license field {text[:80]!r}"
    if "\n" not in text and len(text) <= _SHORT:
        rule = knowledge.lookup(text)
        if rule is not None and rule.recognised:
            return _Reading(LicenceInfo(id=text, source=FIELD, declared=text), (rule,), described)
        try:
            rules = _rules_of(licence_ids(parse_expression(text)), knowledge)
        except ExpressionError:
            rules = None
        if rules is not None:
            return _Reading(LicenceInfo(id=text, source=FIELD, declared=text), rules, described)
        return _agpl_reading(text, knowledge, what) if _AGPL.search(text) else None
    first_line = text.splitlines()[0].strip()
    recognised = recognise_by_text(text, knowledge.recognisers) or recognise_by_fingerprint(
        text_fingerprint(licence_body(text)), knowledge.recognisers
    )
    rule = knowledge.lookup(recognised) if recognised else None
    if rule is not None and rule.recognised:
        note = Finding(
            Severity.INFO,
            LICENCE_RECOGNISED,
            f"{what}: the license field holds the text of the {rule.name}, recognised from its wording",
        )
        return _Reading(
            LicenceInfo(id=rule.spdx or rule.id, source=FIELD, declared=first_line), (rule,), described, (note,)
        )
    return None


def _agpl_reading(text: str, knowledge: Knowledge, what: str) -> _Reading | None:
    """Free text that names the Affero GPL ("Dual Licensed - GNU AFFERO GPL 3.0 or Artifex Commercial"):
    the AGPL is the strictest licence it can mean, so reading it so never lets through what it forbids."""
    rule = knowledge.lookup("AGPL-3.0-only" if _VERSION_3.search(text) else "AGPL")
    if rule is None:
        return None
    note = Finding(
        Severity.INFO,
        LICENCE_READ_FROM_TEXT,
        f"{what}: the license field {text[:120]!r} names the GNU Affero GPL; read as {rule.name}, "
        "the strictest licence it can mean (any other option it offers needs its own agreement)",
    )
    info = LicenceInfo(id=spdx_spelling(text, rule), source=FIELD, declared=text)
    return _Reading(info, (rule,), f"the license field {text[:80]!r}", (note,))


def _classifier_reading(classifiers: tuple[str, ...], knowledge: Knowledge, what: str) -> _Reading | None:
    """One licence per distinct classifier; a family classifier (`GPL`) gives way to a versioned one (`GPLv2+`)."""
    if not classifiers:
        return None
    listed = "; ".join(classifiers)
    described = f"the classifiers ({listed})"
    found = [(c, knowledge.lookup(c)) for c in classifiers]
    known = [(c, rule) for c, rule in found if rule is not None and rule.recognised]
    if len(known) < len(found):
        if len(classifiers) == 1:  # identify says it is not recognised
            return _Reading(LicenceInfo(id=classifiers[0], source=CLASSIFIER, declared=classifiers[0]), None, described)
        return _Reading(LicenceInfo(id=None, source=CLASSIFIER, declared=listed), None, described)
    kept = _without_refined_families(known)
    if len(kept) == 1:
        classifier, rule = kept[0]
        return _Reading(LicenceInfo(id=classifier, source=CLASSIFIER, declared=classifier), (rule,), described)
    combined = " AND ".join(spdx_spelling(c, rule) for c, rule in kept)
    note = Finding(
        Severity.WARNING,
        LICENCE_CLASSIFIERS_COMBINED,
        f"{what}: lists several licence classifiers ({listed}) and no licence expression; PyPI does not say "
        f"whether all apply or you may choose, so all are taken to apply ({combined}), the stricter reading; "
        "if they are alternatives, declare an override naming the one you use",
    )
    info = LicenceInfo(id=combined, source=CLASSIFIER, declared=listed)
    return _Reading(info, tuple(rule for _, rule in kept), described, (note,))


def _without_refined_families(found: list[tuple[str, LicenceRule]]) -> list[tuple[str, LicenceRule]]:
    """One entry per licence, and no family (`GPL`) beside one of its versions (`GPLv2+`)."""
    ids = {rule.id for _, rule in found}
    kept: dict[str, tuple[str, LicenceRule]] = {}
    for classifier, rule in found:
        if rule.id in kept or _is_family(rule) and any(member in ids for member in rule.members):
            continue
        kept[rule.id] = (classifier, rule)
    return list(kept.values())


def _is_family(rule: LicenceRule) -> bool:
    """A name for several licences (`GPL`, `BSD`): it has members and no SPDX id of its own.
    (A licence WITH an exception has members too, the licence it builds on, and an SPDX expression.)"""
    return bool(rule.members) and rule.spdx is None


def _refined(field: _Reading, classifiers: _Reading | None, what: str) -> _Reading:
    """`license = "GPL"` with the single classifier `GPLv2+`: the classifier says which version."""
    if classifiers is None or classifiers.rules is None or field.rules is None or len(field.rules) != 1:
        return field
    family = field.rules[0]
    if not _is_family(family) or len(classifiers.rules) != 1 or classifiers.rules[0].id not in family.members:
        return field
    note = Finding(
        Severity.INFO,
        LICENCE_VERSION_FROM_CLASSIFIER,
        f"{what}: the license field {field.info.declared!r} names no version; the classifier "
        f"{classifiers.info.declared!r} gives it",
    )
    return replace(classifiers, notes=(*field.notes, note))


def _unread_field(field_text: str, short_field: str | None, what: str) -> Finding:
    if short_field:
        return Finding(
            Severity.INFO,
            PYPI_LICENCE_UNRECOGNISED,
            f"{what}: the license field {short_field[:120]!r} names no licence licensecheck knows; "
            "the licence classifiers were read instead",
        )
    return _pasted_text_note(field_text, what)


def _pasted_text_note(field_text: str, what: str) -> Finding:
    first_line = field_text.strip().splitlines()[0].strip()
    return Finding(
        Severity.INFO,
        PYPI_LICENCE_TEXT,
        f"{what}: the `license` field holds a long text, not an id; it begins: {first_line[:80]}",
    )


def _nothing(declared: PackageDeclarations, field_text: str | None, what: str) -> PackageReading:
    """No source names a licence licensecheck knows: say what there is, for a person to read."""
    files = (
        f"; the licence file(s) it names ({', '.join(declared.licence_files[:5])}) are not served by PyPI's JSON API"
        if declared.licence_files
        else ""
    )
    if field_text and ("\n" in field_text or len(field_text) > _SHORT):
        first_line = field_text.splitlines()[0].strip()
        return PackageReading(
            LicenceInfo(id=None, source=FIELD, declared=first_line),
            Finding(
                Severity.ERROR,
                NO_LICENCE,
                f"{what}: the `license` field is a long free text that matches no known licence text, and no "
                f"licence classifier names it{files}; read the text and declare an override",
            ),
            (_pasted_text_note(field_text, what),),
        )
    if field_text:  # a short text nothing recognises: identify names it as unrecognised
        return PackageReading(LicenceInfo(id=field_text, source=FIELD, declared=field_text))
    return PackageReading(
        None,
        Finding(
            Severity.ERROR,
            NO_LICENCE,
            f"{what}: PyPI shows no licence (no license expression, license field or licence classifier){files}; "
            "ask the maintainers or declare an override",
        ),
    )


def _unknown_classifiers(classifiers: tuple[str, ...], knowledge: Knowledge, what: str) -> Finding:
    unknown = [c for c in classifiers if (rule := knowledge.lookup(c)) is None or not rule.recognised]
    return Finding(
        Severity.ERROR,
        LICENCE_UNRECOGNISED,
        f"{what}: lists several licence classifiers ({'; '.join(classifiers)}) and no licence expression, and "
        f"{'; '.join(unknown)} is not a licence licensecheck knows; read the licence and declare an override",
    )


# -- agreement between sources ---------------------------------------------------------------


def _rules_of(ids: Iterable[LicenceId], knowledge: Knowledge) -> tuple[LicenceRule, ...] | None:
    """The rule of every licence named (a `WITH` exception's own rule when there is one); None if one is unknown."""
    rules = []
    for node in ids:
        rule = (knowledge.lookup(render(node)) if node.exception else None) or knowledge.lookup(node.id)
        if rule is None or not rule.recognised:
            return None
        rules.append(rule)
    return tuple(rules)


def _related(one: LicenceRule, other: LicenceRule) -> bool:
    """The same licence, a family and one of its versions, or a licence and itself WITH an exception."""
    return one.id == other.id or one.id in other.members or other.id in one.members


def _disagreements(chosen: _Reading, others: list[_Reading], what: str) -> list[Finding]:
    if chosen.rules is None:
        return []
    found = []
    for other in others:
        if other.rules is None:
            continue
        uncovered = [rule for rule in other.rules if not any(_related(rule, mine) for mine in chosen.rules)]
        if uncovered:
            names = ", ".join(dict.fromkeys(rule.spdx or rule.name for rule in uncovered))
            found.append(
                Finding(
                    Severity.WARNING,
                    LICENCE_SOURCES_DISAGREE,
                    f"{what}: {other.described} name(s) {names}, which {chosen.described} does not; "
                    f"judged under {chosen.described}, the more authoritative source; check which is right",
                )
            )
    return found
