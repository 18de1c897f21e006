"""Load `rules/`: the licence facts the evaluator reads.

The data lives outside the code so that legal reviewers can change it. Every
file is validated when it is loaded; a broken rule file is a `RulesError`
naming the file, never a licence silently treated as permissive.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .model import DISTRIBUTIONS, USES, Clause, LicenceRule, Purpose
from .model_facts import MODEL_FACTS

EFFECTS = ("deny", "oblige")

_TOP_KEYS = {"id", "name", "spdx", "url", "category", "aliases", "members", "checked", "summary", "clauses"}
_CLAUSE_KEYS = {
    "code",
    "effect",
    "text",
    "source",
    "section",
    "uses",
    "distributions",
    "regions",
    "users_above",
    "revenue_above",
    "org_users_above",
    "org_users_counted_on",
    "model_facts",
    "purposes",
    "qualification",
}
PURPOSES_FILE = "purposes.toml"
CATEGORIES_FILE = "categories.toml"
CLAUSE_HELP_FILE = "clause-help.toml"
_KEBAB = r"[a-z0-9]+(-[a-z0-9]+)*"  # ids and codes


class RulesError(Exception):
    """The rule data is invalid: the message names the file and what is wrong."""


def rules_dir() -> Path:
    """Where the rule data is: `$LICENSECHECK_RULES_DIR`, the installed copy, or the checkout's."""
    override = os.environ.get("LICENSECHECK_RULES_DIR")
    if override:
        return Path(override)
    here = Path(__file__).resolve().parent
    installed = here / "rules"
    if (installed / "licences").is_dir():
        return installed
    return here.parent / "rules"


def normalise_id(text: str) -> str:
    """The form ids and aliases are compared in: case and spacing do not matter."""
    return " ".join(text.strip().lower().split())


def _parse_clause(raw: object, where: str) -> Clause:
    if not isinstance(raw, dict):
        raise RulesError(f"{where}: a clause must be a table")
    unknown = set(raw) - _CLAUSE_KEYS
    if unknown:
        raise RulesError(f"{where}: unknown clause key(s) {', '.join(sorted(unknown))}")
    for key in ("code", "effect", "text", "source"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RulesError(f"{where}: clause needs a non-empty string `{key}`")
    if raw["effect"] not in EFFECTS:
        raise RulesError(f"{where}: effect must be one of {', '.join(EFFECTS)}, not {raw['effect']!r}")
    if not raw["source"].startswith(("https://", "http://")):
        raise RulesError(f"{where}: source must be the URL of the licence text, not {raw['source']!r}")

    def member_set(key: str, allowed: tuple[str, ...] | None) -> frozenset[str] | None:
        value = raw.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise RulesError(f"{where}: `{key}` must be a non-empty list of strings")
        if allowed is not None:
            bad = [v for v in value if v not in allowed]
            if bad:
                raise RulesError(f"{where}: `{key}` has {', '.join(bad)}; expected {', '.join(allowed)}")
        return frozenset(value)

    def threshold(key: str) -> int | None:
        value = raw.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise RulesError(f"{where}: `{key}` must be a non-negative integer")
        return value

    section = raw.get("section")
    if section is not None and not isinstance(section, str):
        raise RulesError(f"{where}: `section` must be a string")
    org_users_above = threshold("org_users_above")
    if raw.get("users_above") is not None and org_users_above is not None:
        raise RulesError(
            f"{where}: a clause tests either the product's users (`users_above`) or the organisation's "
            "(`org_users_above`), not both: split it in two"
        )
    purposes, qualification = _purpose_condition(raw, where)
    return Clause(
        code=raw["code"],
        effect=raw["effect"],
        text=raw["text"].strip(),
        source=raw["source"],
        section=section,
        uses=member_set("uses", USES),
        distributions=member_set("distributions", DISTRIBUTIONS),
        regions=_regions(member_set("regions", None), where),
        users_above=threshold("users_above"),
        revenue_above=threshold("revenue_above"),
        org_users_above=org_users_above,
        org_users_counted_on=_counted_on(raw, where, org_users_above),
        model_facts=member_set("model_facts", MODEL_FACTS),
        purposes=purposes,
        qualification=qualification,
    )


def _counted_on(raw: dict, where: str, org_users_above: int | None) -> str | None:
    """`org_users_counted_on`: the day the organisation's figure is counted (a TOML date or YYYY-MM-DD)."""
    value = raw.get("org_users_counted_on")
    if value is None:
        return None
    if org_users_above is None:
        raise RulesError(f"{where}: `org_users_counted_on` needs `org_users_above`: it says when that figure counts")
    from datetime import date

    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise RulesError(f"{where}: `org_users_counted_on` must be a date (YYYY-MM-DD), not {value!r}")


def _purpose_condition(raw: dict, where: str) -> tuple[frozenset[str] | None, str | None]:
    """A clause's `purposes` (ids; checked against rules/purposes.toml at load) and `qualification`."""
    purposes = raw.get("purposes")
    if purposes is not None:
        if (
            not isinstance(purposes, list)
            or not purposes
            or not all(isinstance(p, str) and p.strip() for p in purposes)
        ):
            raise RulesError(f"{where}: `purposes` must be a non-empty list of purpose ids (rules/{PURPOSES_FILE})")
        purposes = frozenset(purposes)
    qualification = raw.get("qualification")
    if qualification is not None:
        if not isinstance(qualification, str) or not qualification.strip():
            raise RulesError(f"{where}: `qualification` must be a non-empty string")
        if purposes is None:
            raise RulesError(f"{where}: `qualification` qualifies a `purposes` condition; the clause has none")
        qualification = qualification.strip()
    return purposes, qualification


def _regions(given: frozenset[str] | None, where: str) -> frozenset[str] | None:
    """A clause's regions, checked as `--region` and the configuration's are (regions.py): a code
    no country has would silently match no context."""
    if given is None:
        return None
    from .regions import RegionError, parse_region

    try:
        return frozenset(parse_region(region) for region in given)
    except RegionError as error:
        raise RulesError(f"{where}: `regions`: {error}") from None


def parse_rule(raw: dict, where: str, categories: tuple[str, ...]) -> LicenceRule:
    """Validate one licence file's data and build its `LicenceRule`; `categories` are the ids it may name."""
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        raise RulesError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key in ("id", "name", "url", "category"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RulesError(f"{where}: needs a non-empty string `{key}`")
    if raw["category"] not in categories:
        raise RulesError(
            f"{where}: category {raw['category']!r} is not one of {', '.join(categories)} ({CATEGORIES_FILE})"
        )
    if not raw["url"].startswith(("https://", "http://")):
        raise RulesError(f"{where}: url must be the URL of the licence text")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise RulesError(f"{where}: `aliases` must be a list of strings")
    members = raw.get("members", [])
    if not isinstance(members, list) or not all(isinstance(m, str) and m for m in members):
        raise RulesError(f"{where}: `members` must be a list of licence ids")
    clauses = raw.get("clauses", [])
    if not isinstance(clauses, list):
        raise RulesError(f"{where}: `clauses` must be an array of tables")
    spdx = raw.get("spdx")
    if spdx is not None and (not isinstance(spdx, str) or not spdx):
        raise RulesError(f"{where}: `spdx` must be a non-empty string when present")
    return LicenceRule(
        id=raw["id"],
        name=raw["name"],
        url=raw["url"],
        category=raw["category"],
        spdx=spdx,
        aliases=tuple(aliases),
        members=tuple(members),
        clauses=tuple(_parse_clause(c, f"{where}: clause {i + 1}") for i, c in enumerate(clauses)),
        summary=raw.get("summary"),
        # TOML reads an unquoted date as a `date`; both spellings mean the same day.
        checked=str(raw["checked"]) if raw.get("checked") is not None else None,
    )


@dataclass(frozen=True)
class Recogniser:
    """How to tell a custom (`other`) licence by its link or its text (rules/recognise.toml)."""

    id: str
    link_patterns: tuple[str, ...] = ()
    text_markers: tuple[str, ...] = ()
    text_sha256: tuple[str, ...] = ()  # fingerprints of whole known texts (identify.text_fingerprint)


@dataclass(frozen=True)
class Category:
    """A licence category (rules/categories.toml): what it means, and how permissive it is."""

    id: str
    words: str  # plain words for people: "permissive: any use; copies keep the notices"
    # Higher is less permissive; categories on one level are different kinds of terms,
    # not looser or stricter. None (`unknown`): nothing can be said about it.
    level: int | None


@dataclass(frozen=True)
class Knowledge:
    """All licence rules, looked up by Hub id, SPDX id or alias, case-insensitively."""

    rules: tuple[LicenceRule, ...]
    recognisers: tuple[Recogniser, ...] = ()
    # The purposes a project can declare (rules/purposes.toml), in file order.
    purposes: tuple[Purpose, ...] = ()
    # The categories a licence is classed in (rules/categories.toml), most permissive first.
    categories: tuple[Category, ...] = ()

    @cached_property
    def _index(self) -> dict[str, LicenceRule]:
        index: dict[str, LicenceRule] = {}
        for rule in self.rules:
            for name in (rule.id, rule.spdx, *rule.aliases):
                if not name:
                    continue
                key = normalise_id(name)
                other = index.get(key)
                if other is not None and other.id != rule.id:
                    raise RulesError(f"{key!r} names both {other.id} and {rule.id}")
                index[key] = rule
        return index

    def lookup(self, licence_id: str) -> LicenceRule | None:
        return self._index.get(normalise_id(licence_id))

    def known_names(self) -> list[str]:
        return sorted(self._index)

    def purpose(self, purpose_id: str) -> Purpose | None:
        return next((p for p in self.purposes if p.id == purpose_id), None)

    def category_ids(self) -> tuple[str, ...]:
        return tuple(category.id for category in self.categories)

    def permissiveness(self, category_id: str) -> int | None:
        """How permissive a category is (higher: less); None when nothing can be said (`unknown`)."""
        return next((c.level for c in self.categories if c.id == category_id), None)


def load_knowledge(directory: Path | None = None) -> Knowledge:
    """Read and validate every licence file; `RulesError` on the first problem."""
    import tomllib  # here, not at module level: a warm scan may never need the rules parser

    directory = directory or rules_dir()
    licence_dir = directory / "licences"
    if not licence_dir.is_dir():
        raise RulesError(f"{licence_dir}: rule directory not found")
    categories = load_categories(directory / CATEGORIES_FILE)
    category_ids = tuple(category.id for category in categories)
    rules = []
    for path in sorted(licence_dir.glob("*.toml")):
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise RulesError(f"{path}: {error}") from None
        rule = parse_rule(raw, str(path), category_ids)
        if path.stem != rule.id:
            raise RulesError(f"{path}: file name must be the licence id {rule.id!r}")
        rules.append(rule)
    purposes = load_purposes(directory / PURPOSES_FILE)
    known = {purpose.id for purpose in purposes}
    for rule in rules:
        for clause in rule.clauses:
            unknown = sorted((clause.purposes or frozenset()) - known)
            if unknown:
                raise RulesError(
                    f"{licence_dir / (rule.id + '.toml')}: clause {clause.code!r} names purpose(s) "
                    f"{', '.join(unknown)}, which {PURPOSES_FILE} does not define"
                )
    knowledge = Knowledge(tuple(rules), _load_recognisers(directory / "recognise.toml"), purposes, categories)
    _ = knowledge._index  # build now so that ambiguous aliases fail at load, not mid-scan
    for recogniser in knowledge.recognisers:
        if knowledge.lookup(recogniser.id) is None:
            raise RulesError(f"{directory / 'recognise.toml'}: {recogniser.id!r} has no licence file")
    return knowledge


def _read_toml(path: Path) -> dict:
    """A rules file's data; empty when the file is absent."""
    import tomllib

    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RulesError(f"{path}: {error}") from None


def _read_tables(path: Path, name: str) -> list:
    """The `[[name]]` tables of a rules file that holds only those; none when the file is absent."""
    raw = _read_toml(path)
    entries = raw.get(name, [])
    if set(raw) - {name} or not isinstance(entries, list):
        raise RulesError(f"{path}: expected only an array of [[{name}]] tables")
    return entries


def load_purposes(path: Path) -> tuple[Purpose, ...]:
    """Read and validate the purpose taxonomy (rules/purposes.toml); an absent file defines none."""
    return tuple(
        Purpose(entry["id"], " ".join(entry["description"].split()))
        for _, entry in _entries_with_ids(path, "purpose", ("description",))
    )


def load_categories(path: Path) -> tuple[Category, ...]:
    """Read and validate the licence categories (rules/categories.toml), which every rules directory needs."""
    categories = []
    for where, entry in _entries_with_ids(path, "category", ("words",), optional=("level",)):
        level = entry.get("level")
        if level is not None and (not isinstance(level, int) or isinstance(level, bool) or level < 0):
            raise RulesError(f"{where}: `level` must be a non-negative integer")
        categories.append(Category(entry["id"], " ".join(entry["words"].split()), level))
    if not categories:
        raise RulesError(f"{path}: no licence categories defined (every licence names one)")
    return tuple(categories)


def _entries_with_ids(
    path: Path, name: str, texts: tuple[str, ...], optional: tuple[str, ...] = ()
) -> list[tuple[str, dict]]:
    """The `[[name]]` tables of a rules file and where each is: a unique kebab-case `id`, the
    non-empty strings `texts`, and no other keys than `optional` ones."""
    import re

    required = ("id", *texts)
    entries: list[tuple[str, dict]] = []
    for number, entry in enumerate(_read_tables(path, name), start=1):
        where = f"{path}: {name} {number}"
        if not isinstance(entry, dict) or not set(required) <= set(entry) <= {*required, *optional}:
            also = f", and may have {' and '.join(optional)}" if optional else ""
            raise RulesError(f"{where}: needs exactly the keys {' and '.join(required)}{also}")
        if not all(isinstance(entry[key], str) and entry[key].strip() for key in required):
            raise RulesError(f"{where}: {' and '.join(required)} must be non-empty strings")
        if not re.fullmatch(_KEBAB, entry["id"]):
            raise RulesError(f"{where}: id {entry['id']!r} must be kebab-case")
        if any(other["id"] == entry["id"] for _, other in entries):
            raise RulesError(f"{where}: id {entry['id']!r} is defined twice")
        entries.append((where, entry))
    return entries


def category_words(category_id: str) -> str:
    """Plain words for a category, from the rules in use (rules/categories.toml); the id when it has none."""
    category = next((c for c in load_categories(rules_dir() / CATEGORIES_FILE) if c.id == category_id), None)
    return category.words if category is not None else category_id


def load_clause_help(path: Path) -> dict[str, tuple[str, str]]:
    """The title and help of each clause code (rules/clause-help.toml); an absent file has none."""
    import re

    entries: dict[str, tuple[str, str]] = {}
    for code, entry in _read_toml(path).items():
        where = f"{path}: [{code}]"
        if not re.fullmatch(_KEBAB, code):
            raise RulesError(f"{where}: a clause code is kebab-case")
        if not isinstance(entry, dict) or set(entry) != {"title", "help"}:
            raise RulesError(f"{where}: needs exactly the keys title and help")
        if not all(isinstance(entry[key], str) and entry[key].strip() for key in ("title", "help")):
            raise RulesError(f"{where}: title and help must be non-empty strings")
        entries[code] = (entry["title"], entry["help"])
    return entries


def load_recognisers(path: Path) -> tuple[Recogniser, ...]:
    """Read and validate `recognise.toml` alone (an absent file recognises nothing)."""
    return _load_recognisers(path)


def _load_recognisers(path: Path) -> tuple[Recogniser, ...]:
    recognisers = []
    for number, entry in enumerate(_read_tables(path, "licence"), start=1):
        where = f"{path}: licence {number}"
        if not isinstance(entry, dict) or set(entry) - {"id", "link_patterns", "text_markers", "text_sha256"}:
            raise RulesError(f"{where}: keys are id, link_patterns, text_markers, text_sha256")
        if not isinstance(entry.get("id"), str):
            raise RulesError(f"{where}: needs a string `id`")
        lists = {}
        for key in ("link_patterns", "text_markers", "text_sha256"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise RulesError(f"{where}: `{key}` must be a list of non-empty strings")
            lists[key] = tuple(v.strip().lower() for v in value)
        bad = [v for v in lists["text_sha256"] if len(v) != 64 or set(v) - set("0123456789abcdef")]
        if bad:
            raise RulesError(f"{where}: `text_sha256` entries must be 64 hex digits, not {bad[0]!r}")
        recognisers.append(Recogniser(entry["id"], **lists))
    return tuple(recognisers)
