"""Validate a rules directory and report every problem, not only the first.

`knowledge.load_knowledge` refuses broken rules at the first problem (a scan must
not run on them); this check, behind `licensecheck rules check`, is for the people
who edit `rules/`: it reads every file and lists everything wrong, grouped by
kind. Beyond the schema that `load_knowledge` enforces (which includes the user
figure a threshold tests, `users_above` or `org_users_above`, and the model facts a
clause names) it requires that every fact has a source (a clause's `source` URL and `section`, a licence's `url` and
`checked` date), that every licence id the Hub accepts has a rule, that no alias
names two licences, and that `recognise.toml` names existing, recognisable
licences without two licences claiming the same link, text or fingerprint, and
that every clause code has a title and help (clause-help.toml) while no help is
left for a code nothing uses.
"""

from __future__ import annotations

import fnmatch
import json
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .findings import REGISTRY
from .knowledge import (
    CATEGORIES_FILE,
    CLAUSE_HELP_FILE,
    PURPOSES_FILE,
    Knowledge,
    Recogniser,
    RulesError,
    load_categories,
    load_clause_help,
    load_purposes,
    load_recognisers,
    normalise_id,
    parse_rule,
)
from .model import LicenceRule

HUB_LICENCES = Path(__file__).resolve().parent / "data" / "hub_licenses.json"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Problem kinds, in report order.
INVALID, NO_SOURCE, NOT_CHECKED, HUB_MISSING, ALIAS_CLASH, RECOGNISER, CLAUSE_HELP = (
    "invalid file",
    "fact without a source",
    "licence without a `checked` date",
    "Hub licence id without a rule",
    "alias naming two licences",
    "recogniser problem",
    "clause code help problem",
)
KINDS = (INVALID, NO_SOURCE, NOT_CHECKED, HUB_MISSING, ALIAS_CLASH, RECOGNISER, CLAUSE_HELP)


@dataclass(frozen=True)
class Problem:
    kind: str
    where: str  # a file, or a file and the item in it
    message: str


@dataclass(frozen=True)
class RulesReport:
    directory: Path
    licences: int
    recognisers: int
    hub_ids: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def hub_licence_ids(path: Path = HUB_LICENCES) -> list[str]:
    """The licence ids the Hub accepts, from the copy shipped with licensecheck."""
    return [entry["id"] for entry in json.loads(path.read_text(encoding="utf-8"))["licenses"]]


def check_rules(directory: Path, hub_ids: list[str] | None = None) -> RulesReport:
    """Every problem in `directory` (a rules dir with `licences/` and `recognise.toml`)."""
    import tomllib

    hub_ids = hub_licence_ids() if hub_ids is None else hub_ids
    problems: list[Problem] = []
    rules: list[LicenceRule] = []
    licence_dir = directory / "licences"
    categories_path = directory / CATEGORIES_FILE
    try:
        category_ids = tuple(category.id for category in load_categories(categories_path))
    except RulesError as error:
        problems.append(Problem(INVALID, str(categories_path), _without_prefix(str(error), str(categories_path))))
        category_ids = ()
    for path in sorted(licence_dir.glob("*.toml")):
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            problems.append(Problem(INVALID, str(path), f"not valid TOML: {error}"))
            continue
        try:
            rule = parse_rule(raw, str(path), category_ids)
        except RulesError as error:
            problems.append(Problem(INVALID, str(path), _without_prefix(str(error), str(path))))
            continue
        if path.stem != rule.id:
            problems.append(Problem(INVALID, str(path), f"file name must be the licence id {rule.id!r}"))
        problems.extend(_source_problems(raw, rule, path))
        rules.append(rule)
    problems.extend(_alias_problems(rules, licence_dir))
    problems.extend(_purpose_problems(directory, rules))
    problems.extend(_clause_help_problems(directory, rules))
    knowledge = Knowledge(tuple(_unambiguous(rules)))
    problems.extend(_member_problems(rules, knowledge, licence_dir))
    problems.extend(
        Problem(
            HUB_MISSING, str(licence_dir), f"the Hub licence id {hub_id!r} has no rule (add licences/{hub_id}.toml)"
        )
        for hub_id in hub_ids
        if knowledge.lookup(hub_id) is None
    )
    recognise_path = directory / "recognise.toml"
    try:
        recognisers = load_recognisers(recognise_path)
    except RulesError as error:
        problems.append(Problem(INVALID, str(recognise_path), _without_prefix(str(error), str(recognise_path))))
        recognisers = ()
    problems.extend(_recogniser_problems(recognisers, knowledge, recognise_path))
    order = {kind: index for index, kind in enumerate(KINDS)}
    problems.sort(key=lambda p: (order[p.kind], p.where, p.message))
    return RulesReport(directory, len(rules), len(recognisers), len(hub_ids), tuple(problems))


def _without_prefix(message: str, where: str) -> str:
    return message.removeprefix(f"{where}: ")


def _source_problems(raw: dict, rule: LicenceRule, path: Path) -> list[Problem]:
    problems = []
    checked = raw.get("checked")
    if checked is None:
        problems.append(
            Problem(NOT_CHECKED, str(path), "no `checked` date: when were the clauses verified against `url`?")
        )
    elif not isinstance(checked, date) and not (isinstance(checked, str) and _valid_date(checked)):
        problems.append(Problem(NOT_CHECKED, str(path), f"`checked` must be a date (YYYY-MM-DD), not {checked!r}"))
    for number, clause in enumerate(rule.clauses, start=1):
        if not (clause.section or "").strip():
            problems.append(
                Problem(
                    NO_SOURCE,
                    f"{path}: clause {number} ({clause.code})",
                    f"no `section`: where in {clause.source} does it say this?",
                )
            )
        if (
            clause.org_users_counted_on
            and rule.checked
            and _valid_date(rule.checked)
            and clause.org_users_counted_on > rule.checked
        ):
            problems.append(
                Problem(
                    INVALID,
                    f"{path}: clause {number} ({clause.code})",
                    f"`org_users_counted_on` {clause.org_users_counted_on} is after the licence was checked ({rule.checked}): "
                    "the organisation's figure is counted on a day the licence names, not a future one",
                )
            )
    return problems


def _purpose_problems(directory: Path, rules: list[LicenceRule]) -> list[Problem]:
    """The taxonomy file itself, and every clause's purposes against it."""
    path = directory / PURPOSES_FILE
    try:
        known = {purpose.id for purpose in load_purposes(path)}
    except RulesError as error:
        return [Problem(INVALID, str(path), _without_prefix(str(error), str(path)))]
    problems = []
    for rule in rules:
        for number, clause in enumerate(rule.clauses, start=1):
            unknown = sorted((clause.purposes or frozenset()) - known)
            if unknown:
                problems.append(
                    Problem(
                        INVALID,
                        f"{directory / 'licences' / (rule.id + '.toml')}: clause {number} ({clause.code})",
                        f"names purpose(s) {', '.join(unknown)}, which {PURPOSES_FILE} does not define",
                    )
                )
    return problems


def _clause_help_problems(directory: Path, rules: list[LicenceRule]) -> list[Problem]:
    """Every clause code has a title and help (clause-help.toml, or licensecheck's own finding codes), and
    clause-help.toml holds no entry that no clause uses or that licensecheck already defines."""
    path = directory / CLAUSE_HELP_FILE
    try:
        helped = load_clause_help(path)
    except RulesError as error:
        return [Problem(INVALID, str(path), _without_prefix(str(error), str(path)))]
    problems = []
    used: set[str] = set()
    for rule in rules:
        for number, clause in enumerate(rule.clauses, start=1):
            used.add(clause.code)
            if clause.code not in helped and clause.code not in REGISTRY:
                problems.append(
                    Problem(
                        CLAUSE_HELP,
                        f"{directory / 'licences' / (rule.id + '.toml')}: clause {number} ({clause.code})",
                        f"code {clause.code!r} has no title and help: add a [{clause.code}] table to {CLAUSE_HELP_FILE}",
                    )
                )
    for code in helped:
        if code in REGISTRY:
            problems.append(
                Problem(
                    CLAUSE_HELP,
                    f"{path}: [{code}]",
                    "licensecheck defines this code's help itself (findings.py): remove it here",
                )
            )
        elif code not in used:
            problems.append(
                Problem(CLAUSE_HELP, f"{path}: [{code}]", "no clause uses this code: remove it, or fix its spelling")
            )
    return problems


def _valid_date(text: str) -> bool:
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _alias_problems(rules: list[LicenceRule], licence_dir: Path) -> list[Problem]:
    owners: dict[str, list[str]] = {}
    for rule in rules:
        for name in dict.fromkeys(normalise_id(n) for n in (rule.id, rule.spdx, *rule.aliases) if n):
            owners.setdefault(name, []).append(rule.id)
    return [
        Problem(ALIAS_CLASH, str(licence_dir), f"{name!r} names {' and '.join(ids)}: keep it in one file")
        for name, ids in sorted(owners.items())
        if len(ids) > 1
    ]


def _member_problems(rules: list[LicenceRule], knowledge: Knowledge, licence_dir: Path) -> list[Problem]:
    """`members` name other licences by their id: a deny list that names one must find it."""
    problems = []
    for rule in rules:
        for member in rule.members:
            found = knowledge.lookup(member)
            if found is None or found.id != member or member == rule.id:
                what = "itself" if member == rule.id else ("an alias" if found else "no licence file")
                problems.append(
                    Problem(
                        INVALID,
                        str(licence_dir / f"{rule.id}.toml"),
                        f"member {member!r} is {what}: name another licence by its id",
                    )
                )
    return problems


def _unambiguous(rules: list[LicenceRule]) -> list[LicenceRule]:
    """The rules with clashing names dropped from all but the first owner, so that lookups still work."""
    seen: set[str] = set()
    kept = []
    for rule in rules:
        names = [normalise_id(n) for n in (rule.id, rule.spdx, *rule.aliases) if n]
        aliases = tuple(a for a in rule.aliases if normalise_id(a) not in seen)
        spdx = rule.spdx if rule.spdx and normalise_id(rule.spdx) not in seen else None
        seen.update(names)
        kept.append(replace(rule, spdx=spdx, aliases=aliases))
    return kept


def _recogniser_problems(recognisers: tuple[Recogniser, ...], knowledge: Knowledge, path: Path) -> list[Problem]:
    problems = []
    where = str(path)
    for recogniser in recognisers:
        rule = knowledge.lookup(recogniser.id)
        if rule is None:
            problems.append(Problem(RECOGNISER, where, f"{recogniser.id!r} has no licence file"))
        elif rule.id != recogniser.id:
            problems.append(
                Problem(RECOGNISER, where, f"{recogniser.id!r} is an alias: name the licence by its id {rule.id!r}")
            )
        elif not rule.recognised:
            problems.append(
                Problem(
                    RECOGNISER, where, f"{recogniser.id!r} has no terms (category unknown): nothing to recognise it as"
                )
            )
        if not (recogniser.link_patterns or recogniser.text_markers or recogniser.text_sha256):
            problems.append(
                Problem(
                    RECOGNISER,
                    where,
                    f"an entry for {recogniser.id!r} has no link_patterns, text_markers or text_sha256",
                )
            )
    patterns = [(r.id, p) for r in recognisers for p in r.link_patterns]
    for index, (first_id, first) in enumerate(patterns):
        for second_id, second in patterns[index + 1 :]:
            if first_id != second_id and _overlap(first, second):
                problems.append(
                    Problem(
                        RECOGNISER,
                        where,
                        f"link pattern {first!r} ({first_id}) and {second!r} ({second_id}) claim the same links",
                    )
                )
    claims: dict[tuple[str, str], set[str]] = {}
    for recogniser in recognisers:
        for fingerprint in recogniser.text_sha256:
            claims.setdefault(("text_sha256", fingerprint), set()).add(recogniser.id)
        if recogniser.text_markers:
            claims.setdefault(("text_markers", " + ".join(recogniser.text_markers)), set()).add(recogniser.id)
    problems.extend(
        Problem(RECOGNISER, where, f"{label} {claim!r} claimed by {' and '.join(sorted(ids))}")
        for (label, claim), ids in claims.items()
        if len(ids) > 1
    )
    return problems


def _overlap(first: str, second: str) -> bool:
    """Two fnmatch patterns that match a common link: equal, or one matches the other's text."""
    return first == second or fnmatch.fnmatchcase(second, first) or fnmatch.fnmatchcase(first, second)


def render_report(report: RulesReport) -> str:
    """The report for people, grouped by kind of problem, with a count per kind and what to do."""
    lines = []
    for kind in KINDS:
        group = [p for p in report.problems if p.kind == kind]
        if not group:
            continue
        lines.append(f"{kind} ({len(group)}):")
        lines += [f"  {p.where}: {p.message}" for p in group]
        lines.append("")
    checked = (
        f"{report.licences} licence file(s), {report.recognisers} recogniser(s), "
        f"{report.hub_ids} Hub licence id(s) in {report.directory}"
    )
    if report.ok:
        lines.append(f"rules check: no problems ({checked})")
    else:
        counts = ", ".join(
            f"{sum(1 for p in report.problems if p.kind == kind)} {kind}"
            for kind in KINDS
            if any(p.kind == kind for p in report.problems)
        )
        lines.append(
            f"rules check: {len(report.problems)} problem(s): {counts} ({checked}); fix them before a scan relies on these rules"
        )
    return "\n".join(lines) + "\n"
