"""The values that flow through a scan, and the identifiers they carry.

Everything here is a frozen dataclass, an enum or a rule about an identifier (what
a Hub repository id may look like): sources produce `Component`s,
resolvers produce `Resolution`s, the pure core (`evaluate`) turns a component, its
licence rule and a `Context` into an `Evaluation`. Nothing in this module does I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path

TYPE_CHECKING = False  # typing itself is not imported at run time; mypy takes this name as true
if TYPE_CHECKING:
    from typing import TypeGuard

MODEL = "model"
DATASET = "dataset"
PACKAGE = "package"
COMPONENT_TYPES = (MODEL, DATASET, PACKAGE)

# One part of a Hub repository id: letters, digits, `-`, `_`, `.`; 1 to 96 of them.
_REPO_ID_PART = re.compile(r"[A-Za-z0-9_.-]{1,96}")


def is_valid_repo_id(text: object) -> TypeGuard[str]:
    """Whether `text` is a Hub repository id: `namespace/name`, or a bare legacy `name`.

    Each part is 1-96 letters, digits, `-`, `_` or `.`, neither starting nor
    ending with `-` or `.`, without `--` or `..`. Anything else (an encoded
    slash, whitespace, a second `/`, a path that climbs with `..`) is refused
    before it can reach a URL or a cache path.
    """
    if not isinstance(text, str):
        return False
    parts = text.split("/")
    if len(parts) > 2:
        return False
    return all(_is_valid_repo_id_part(part) for part in parts)


def _is_valid_repo_id_part(part: str) -> bool:
    return (
        _REPO_ID_PART.fullmatch(part) is not None
        and part[0] not in "-."
        and part[-1] not in "-."
        and "--" not in part
        and ".." not in part
    )


USES = ("commercial", "non-commercial")
DISTRIBUTIONS = ("internal", "network", "redistribute")


class Verdict(str, Enum):
    """How a component may be used under the context.

    The order of `rank` is "how much it should worry you": a merge of several
    verdicts (an SPDX `AND`, a chain of ancestors) keeps the highest rank.
    """

    ALLOWED = "allowed"
    CONDITIONAL = "conditional"
    UNKNOWN = "unknown"
    DENIED = "denied"

    @property
    def rank(self) -> int:
        return _VERDICT_RANK[self]


_VERDICT_RANK = {
    Verdict.ALLOWED: 0,
    Verdict.CONDITIONAL: 1,
    Verdict.UNKNOWN: 2,
    Verdict.DENIED: 3,
}


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Code(str):
    """A finding code that has help: one of licensecheck/findings.py, or a licence clause's code.

    A finding refuses a bare string, so that a code cannot be made up where a
    finding is raised: the program's codes are the constants of findings.py (each
    with its severity, title and help), a clause's code comes from rules/ (its
    help in rules/clause-help.toml, which `licensecheck rules check` requires).
    """

    __slots__ = ()


@dataclass(frozen=True)
class Finding:
    """Something a reader of the report must know about one component."""

    severity: Severity
    code: Code
    message: str
    # Where the finding points, when it is about a place in a file rather than a
    # component (discovery's notices): reports that locate findings (SARIF) use it.
    location: Location | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.code, Code):
            raise TypeError(f"finding code {self.code!r} is a bare string: use a constant of licensecheck/findings.py")


@dataclass(frozen=True)
class Location:
    """Where a component is declared: a path relative to the scanned root, and a line.

    `label` says more when the line alone is not how a person finds the place:
    "cell 3, line 2" in a notebook, whose `line` is the line of that source text
    in the .ipynb file.
    """

    path: str
    line: int | None = None
    label: str | None = None


@dataclass(frozen=True)
class LicenceOverride:
    """A licence the user asserts in the manifest instead of the resolved one.

    `location` is the manifest line that sets it (`license:`): reports name it,
    and overrides.py honours it only from the manifests the configuration allows.
    """

    id: str
    reason: str | None = None
    location: Location | None = None


@dataclass(frozen=True)
class Component:
    """A dependency as declared: what the user asked for, before any resolution.

    `name` is the id as declared (Hub repository id) or, for packages, the
    normalised project name. `revision` is the requested Hub revision or, for a
    package pinned with `==`, that version. `requirement` keeps a package's
    specifier (`>=2,<3`) so that a locked version can be checked against it.
    `direct_reference` holds a path, URL or editable target that has no index
    entry to resolve.
    """

    type: str
    name: str
    revision: str | None = None
    requirement: str | None = None
    direct_reference: str | None = None
    override: LicenceOverride | None = None
    locations: tuple[Location, ...] = ()
    # The organisation's own model (models.yaml `own: true`): never fetched; its
    # declared ancestors are, and their terms bind it.
    own: bool = False
    base_models: tuple[str, ...] = ()
    relation: str | None = None
    # From a Python lock file: whether the project names the package itself
    # (None: the lock does not say) and why it is installed: `main`, `optional`
    # (an extra) or `dev` (a dependency group, never shipped). None: not known.
    direct: bool | None = None
    scope: str | None = None
    # A model on this machine (a folder or a GGUF file, sources/local.py): its
    # absolute path. It is read, never fetched; its ancestors are resolved.
    path: str | None = None
    # What reading the inputs found about this component (a lock file that
    # overrides a requirement file's pin, a base model that cannot be followed).
    notes: tuple[Finding, ...] = ()
    # A local model's own files as read when the component was made
    # (sources/local.py `ModelFiles`): its licence is resolved from them, so a
    # GGUF header is read once per run. Not part of the component's identity.
    local_files: object | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str, str | None]:
        """Identity for merging duplicate declarations: the Hub ignores case."""
        return (self.type, self.name.lower(), self.revision)


@dataclass(frozen=True)
class LicenceInfo:
    """The licence a resolver found, and where it found it.

    `id` is the Hub licence id for models and datasets (or our canonical id for
    a recognised `other` licence) and an SPDX expression for packages; None when
    the source declared nothing usable. `declared` keeps the raw text when it
    differs from `id` (a `license_name`, a free-text PyPI `license` field).

    When a Hub card says `other` (or `unknown`) and neither `license_name` nor
    `license_link` settles it, the resolver reads the repository's licence file:
    `file` is its path in the repository, `file_sha256` the fingerprint of its
    normalised text (`identify.text_fingerprint`) and `file_id` the licence that
    text was recognised as (None: read, not recognised). They are locked, so that
    offline scans recognise the licence without the text.
    """

    id: str | None
    source: str
    name: str | None = None
    link: str | None = None
    declared: str | None = None
    file: str | None = None
    file_id: str | None = None
    file_sha256: str | None = None


@dataclass(frozen=True)
class ModelFacts:
    """What a model's own card and tags say about the model (model_facts.py derives it).

    `holds` lists the facts that hold (`multimodal`, `nvidia-cosmos`); `known`
    the facts the metadata settles, held or not. A fact a clause depends on
    that is not `known` leaves the clause a condition to confirm. Tuples, sorted:
    the value is cached and locked.
    """

    holds: tuple[str, ...] = ()
    known: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolution:
    """What resolving one component produced: a version and a licence, or a problem."""

    version: str | None = None
    licence: LicenceInfo | None = None
    problem: Finding | None = None
    resolved_at: str | None = None
    from_lock: bool = False
    notes: tuple[Finding, ...] = ()
    # Answered from the metadata cache (an earlier run's answer, cache.py), not asked this run.
    cached: bool = False
    # The repository's licence file as read this run (never locked, never reported):
    # `identify` recognises it when the card's `license: other` does not say enough.
    licence_text: str | None = None
    # A model's facts from its card and tags (model_facts.py); None when they were
    # not read (a lock written before they were recorded, a model on disk).
    model_facts: ModelFacts | None = None
    # Whether the Hub gates the repository's files behind its terms: "no", "auto"
    # or "manual". None: not known (answered from the lock, or not a Hub repository).
    gated: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None and self.licence is not None


@dataclass(frozen=True)
class Resolved:
    """A component's resolution plus what lineage needs (filled by the Hub resolver)."""

    resolution: Resolution
    base_models: tuple[str, ...] = ()
    relation: str | None = None
    resolved_id: str | None = None  # the id the Hub answered with: differs from the declared one after a rename


@dataclass(frozen=True)
class Context:
    """How the organisation uses what it depends on.

    `users` (monthly active users of the product) and `revenue` (annual, USD)
    are None when not given: thresholds are then neither assumed met nor
    exceeded. `org_users` counts the monthly active users of every product or
    service of the organisation and its affiliates together (Llama's threshold
    counts those, not the product's).
    """

    use: str = "commercial"
    distribution: str = "network"
    users: int | None = None
    revenue: int | None = None
    region: str | None = None
    org_users: int | None = None
    # What the model is used for, as ids of rules/purposes.toml (`--purpose`), sorted.
    # Empty: none declared, so clauses conditioned on purposes are not checked.
    purposes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.use not in USES:
            raise ValueError(f"use must be one of {', '.join(USES)}, not {self.use!r}")
        if self.distribution not in DISTRIBUTIONS:
            raise ValueError(f"distribution must be one of {', '.join(DISTRIBUTIONS)}, not {self.distribution!r}")
        for label, value in (("users", self.users), ("revenue", self.revenue), ("org_users", self.org_users)):
            if value is not None and value < 0:
                raise ValueError(f"{label} cannot be negative")

    @property
    def org_users_at_least(self) -> int | None:
        """What is known of the organisation's figure: `org_users`, and never less than
        the product's `users` (the product is one of the organisation's); None: nothing."""
        figures = [value for value in (self.org_users, self.users) if value is not None]
        return max(figures) if figures else None


@dataclass(frozen=True)
class Clause:
    """One term of a licence, as data from `rules/`.

    A clause *applies* when every condition it names holds under the context
    (`uses`, `distributions`, `regions` restrict by membership; `users_above`,
    `org_users_above` and `revenue_above` by a strict threshold) and the model
    (`model_facts`: facts about the model itself that must all hold). `effect`
    says what an applying clause does: `deny` makes the component denied,
    `oblige` adds an obligation. When a condition cannot be decided because the
    context lacks the figure or the card does not say, the clause becomes an
    obligation to confirm it: never a silent pass, never a false deny.

    `users_above` tests the product's monthly active users (`--users`);
    `org_users_above` those of the organisation and its affiliates together
    (`--org-users`), counted on `org_users_counted_on` (ISO date) when the
    licence fixes a day.
    """

    code: Code  # a string is made a Code (__post_init__): rule data defines its codes
    effect: str
    text: str
    source: str
    section: str | None = None
    uses: frozenset[str] | None = None
    distributions: frozenset[str] | None = None
    regions: frozenset[str] | None = None
    users_above: int | None = None
    revenue_above: int | None = None
    org_users_above: int | None = None
    org_users_counted_on: str | None = None
    model_facts: frozenset[str] | None = None
    # Purposes (rules/purposes.toml ids): the clause applies only when the context
    # declares one of them; with none declared it is not checked (evaluate.py).
    purposes: frozenset[str] | None = None
    # A restriction that binds only in some cases ("unlicensed practice of a
    # profession"): what the user must confirm. The clause is then an obligation
    # to confirm, never a denial.
    qualification: str | None = None

    def __post_init__(self) -> None:
        # The rule data defines its clauses' codes; their findings carry them.
        if not isinstance(self.code, Code):
            object.__setattr__(self, "code", Code(self.code))


@dataclass(frozen=True)
class LicenceRule:
    """Everything `rules/` knows about one licence."""

    id: str
    name: str
    url: str
    category: str
    spdx: str | None = None
    aliases: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()
    summary: str | None = None
    checked: str | None = None  # when the clauses were last verified against `url` (ISO date)
    # The licences this one may stand for (a family named without a version: `gpl`)
    # or builds on (a licence WITH an exception): lists that refuse a member refuse it.
    members: tuple[str, ...] = ()

    @property
    def recognised(self) -> bool:
        """`other` and `unknown` have entries but say nothing about the terms."""
        return self.category != "unknown"


@dataclass(frozen=True)
class Obligation:
    """One obligation as structured data: the clause it comes from and where that is written.

    `text` is the sentence `Evaluation.obligations` lists; reports that sort
    duties by kind (a NOTICE file wants `notice`, `attribution`, `licence-copy`)
    read `code`, and cite `licence`, `source` and `section`.
    """

    code: str
    text: str
    licence: str
    source: str | None = None
    section: str | None = None


@dataclass(frozen=True)
class Evaluation:
    """The pure core's answer for one component under one context.

    `clauses` lists the codes of the licence clauses that applied (or could not
    be decided): the trace a reviewer follows from verdict back to rule.
    `duties` holds the obligations with their clause codes and sources;
    `obligations` is their sentences, once each, in the same order.
    """

    verdict: Verdict
    findings: tuple[Finding, ...] = ()
    clauses: tuple[str, ...] = ()
    duties: tuple[Obligation, ...] = ()

    @property
    def obligations(self) -> tuple[str, ...]:
        """What the licence requires, in words: the duties' sentences (the reports' `obligations`)."""
        return tuple(dict.fromkeys(duty.text for duty in self.duties))


@dataclass(frozen=True)
class LineageEntry:
    """One ancestor of a model (lineage.py): its licence and that licence's own verdict.

    `depth` 1 is a direct base. `via` names the model that declares this one as
    its base, and `relation` says how that model derives from it (`finetune`,
    `adapter`, `quantized`, `merge`; None when undeclared). `licence` is None
    when the ancestor could not be resolved; the organisation's own model
    without an override has a licence with no id and source `own`.
    """

    name: str
    depth: int
    via: str
    relation: str | None = None
    licence: LicenceInfo | None = None
    verdict: Verdict = Verdict.UNKNOWN


@dataclass(frozen=True)
class PolicyException:
    """A decision of the organisation's legal team: this component may be used anyway.

    From `[[tool.licensecheck.exceptions]]`; `revision` limits it to one commit or
    version; `where` is `file:line`, for messages about the entry itself.
    """

    component: str
    reason: str
    owner: str
    expires: date
    revision: str | None = None
    where: str | None = None


@dataclass(frozen=True)
class ComponentResult:
    component: Component
    resolution: Resolution
    evaluation: Evaluation
    # A model's ancestors, nearest first; their terms are already in `evaluation`.
    lineage: tuple[LineageEntry, ...] = ()
    # The configuration's exception that waived a denial (policy.py), and whether
    # the component's problems are all recorded in the baseline (baseline.py).
    exception: PolicyException | None = None
    baselined: bool = False
    # `scan --suggest`: models the licence rules allow in its place (choose.py);
    # None when suggestions were not asked for, or not for this component.
    alternatives: tuple[Alternative, ...] | None = None


@dataclass(frozen=True)
class Alternative:
    """A model suggested in place of another: judged `allowed` or `conditional` under the same context.

    `downloads` and `parameters` are what the Hub's listing reports (None: not reported).
    """

    id: str
    licence: str | None
    verdict: Verdict
    downloads: int | None = None
    parameters: int | None = None


@dataclass(frozen=True)
class Purpose:
    """One intended use a project can declare (rules/purposes.toml)."""

    id: str
    description: str


@dataclass(frozen=True)
class UncheckedPurposes:
    """A licence's purpose terms that a run did not check, because it declared no purpose.

    `purposes` are the ids its clauses prohibit or condition; `components` the
    scanned components bound by it, directly or through an ancestor.
    """

    licence: str
    purposes: tuple[str, ...]
    components: tuple[str, ...]


@dataclass(frozen=True)
class ScanOptions:
    """How one run reads, resolves and reports: the scan's flags that are not the usage context."""

    offline: bool = False
    jobs: int = 16
    timeout: float = 10.0
    use_lock: bool = True
    retry_budget: float = 10.0  # seconds per repository for retries of transient failures (licensecheck/retry.py)
    exclude: Callable[[str], bool] | None = None  # the configuration's exclude globs (licensecheck/globs.py)
    progress: Callable[[int, int], None] | None = None  # told (done, total) as network answers arrive (progress.py)
    scope: str = "all"  # `--scope`: "all", or "main" to leave out optional and dev lock entries (scope.py)
    sboms: tuple[Path, ...] = ()  # `--sbom` documents whose components are checked too (sources/sbom.py)
    hf_cache: str | None = None  # `--hf-cache`: "" for the default cache, else its directory (sources/hfcache.py)
    scan_tree: bool = True  # False when only SBOMs or the cache are scanned: `root` is not walked
    refresh: bool = False  # `--refresh`: ignore answers cached by earlier runs (cache.py), store new ones
    cache_ttl: float = 24 * 3600.0  # `--cache-ttl`: seconds a cached answer for an unpinned reference is used
    discover: bool = True  # False with `--no-discover`: only declared inputs, no code discovery (discover/)
    use_cache: bool = True  # False with `--no-cache`: the metadata cache is neither read nor written (cache.py)
    override_from: tuple[str, ...] | None = None  # manifests whose overrides are honoured (overrides.py); None: default
    # `--verify-lock`: every lock entry used is checked against the Hub or PyPI, and the live answer is judged (lockcheck.py)
    verify_lock: bool = False


@dataclass(frozen=True)
class ScanResult:
    context: Context
    components: tuple[ComponentResult, ...]
    notices: tuple[Finding, ...] = field(default=())
    # Where each usage-context value came from (cli, config, preset, default),
    # the configuration file read, and whether unknown licences fail the run.
    context_sources: dict[str, str] = field(default_factory=dict, compare=False)
    config_file: str | None = None
    unknown_fails: bool = True
    # With no purpose declared: the licences whose purpose terms were not checked.
    unchecked_purposes: tuple[UncheckedPurposes, ...] = ()

    def summary(self) -> dict[str, int]:
        counts = {
            verdict.value: 0 for verdict in (Verdict.ALLOWED, Verdict.CONDITIONAL, Verdict.DENIED, Verdict.UNKNOWN)
        }
        for result in self.components:
            counts[result.evaluation.verdict.value] += 1
        return counts
