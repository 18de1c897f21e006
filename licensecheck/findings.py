"""The finding codes licensecheck raises, each with its severity, title and help.

One entry per code: code scanning (SARIF) shows one rule per code with its title
and help beside every alert, and `help_for` answers for any code.
A finding is raised with a constant of this module (`Finding(Severity.ERROR,
HUB_NOT_FOUND, message)`): `Finding` refuses a bare string, so a code without an
entry here cannot be raised. Licence clauses bring their own codes from rules/; their
titles and help are data too (rules/clause-help.toml, loaded by knowledge.py).

`severity` is the most severe level a code is raised at; some are raised less
severe in some places (an `offline` notice is a warning, a lineage downgrades an
undetermined licence to a warning). Titles are short noun phrases; help says why
and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .knowledge import CLAUSE_HELP_FILE, RulesError, load_clause_help, rules_dir
from .model import Code, Severity

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class FindingCode:
    code: Code
    severity: Severity
    title: str
    help: str


# code -> its entry, in the order below
REGISTRY: dict[str, FindingCode] = {}


def _code(code: str, severity: Severity, title: str, help: str) -> Code:
    if code in REGISTRY:
        raise ValueError(f"finding code {code!r} is defined twice")
    registered = Code(code)
    REGISTRY[code] = FindingCode(registered, severity, title, help)
    return registered


def help_for(code: str) -> tuple[str, str]:
    """The title and help of any code: the program's, a clause's, or a readable title made from the code.

    A clause code has no help only in a rules directory `rules check` would fail
    (a rule file added without its help, a clause-help.toml that does not parse):
    its finding still gets a title, since no verdict depends on help.
    """
    entry = REGISTRY.get(code)
    if entry is not None:
        return entry.title, entry.help
    try:
        known = _clause_help(rules_dir()).get(code)
    except RulesError:
        known = None
    if known is not None:
        return known
    title = code.replace("-", " ").capitalize()
    return title, f"{title}: see the message and the licence section it cites."


@cache
def _clause_help(directory: Path) -> dict[str, tuple[str, str]]:
    return load_clause_help(directory / CLAUSE_HELP_FILE)


# -- resolving: the Hugging Face Hub -----------------------------------------------------------
HUB_NOT_FOUND = _code(
    "hub-not-found",
    ERROR,
    "Repository not found on the Hub",
    "The Hub has no public repository with this id. Check the spelling in models.yaml; a private "
    "repository needs HF_TOKEN. Until it resolves, its licence is unknown.",
)
HUB_REVISION_NOT_FOUND = _code(
    "hub-revision-not-found",
    ERROR,
    "Revision not found on the Hub",
    "The repository exists but not at the revision models.yaml names. Fix the branch, tag or commit, then "
    "run `licensecheck lock`.",
)
HUB_GATED = _code(
    "hub-gated",
    ERROR,
    "Gated repository",
    "The repository is gated and its metadata could not be read with the current credentials. Accept its "
    "terms on the Hub with the account whose HF_TOKEN you use, or set a licence override with a reason.",
)
HUB_UNAUTHORIZED = _code(
    "hub-unauthorized",
    ERROR,
    "Not authorised by the Hub",
    "The Hub refused the request: the repository is private or HF_TOKEN is invalid or lacks access.",
)
HUB_RENAMED = _code(
    "hub-renamed",
    WARNING,
    "Repository renamed",
    "The Hub redirected the id to a new name. Update models.yaml to the new id so the lock and the report "
    "name the repository as it is now.",
)
HUB_RATE_LIMITED = _code(
    "hub-rate-limited",
    ERROR,
    "Rate-limited by the Hub",
    "The Hub answered HTTP 429. Wait and retry, set HF_TOKEN for a higher quota, or scan from the lock "
    "file (`licensecheck lock` once, then `scan`).",
)
HUB_SERVER_ERROR = _code(
    "hub-server-error",
    ERROR,
    "Hub server error",
    "The Hub failed to answer (HTTP 5xx). Retry later; scans from the lock file do not need the Hub.",
)
HUB_HTTP_ERROR = _code(
    "hub-http-error",
    ERROR,
    "Unexpected Hub answer",
    "The Hub answered with an HTTP status licensecheck does not expect here. Retry; if it persists, check HF_ENDPOINT.",
)
HUB_TIMEOUT = _code(
    "hub-timeout",
    ERROR,
    "Hub did not answer in time",
    "No answer within --timeout seconds. Retry with a longer --timeout or scan from the lock file.",
)
HUB_CONNECTION_ERROR = _code(
    "hub-connection-error",
    ERROR,
    "Connection to the Hub closed",
    "The connection closed before the Hub answered. Retry; a proxy or an unstable network may be the cause.",
)
HUB_UNREACHABLE = _code(
    "hub-unreachable",
    ERROR,
    "Hub unreachable",
    "Could not connect to the Hub. Check the network and HF_ENDPOINT, or scan offline from the lock file "
    "with --offline.",
)
HUB_INVALID_ID = _code(
    "hub-invalid-id",
    ERROR,
    "Invalid repository id",
    "The id or revision is not valid on the Hub (owner/name, allowed characters). Fix models.yaml.",
)
HUB_INVALID_RESPONSE = _code(
    "hub-invalid-response",
    ERROR,
    "Malformed Hub answer",
    "The Hub's answer was not the JSON licensecheck expects. Check HF_ENDPOINT points at a Hub.",
)
HUB_ERROR = _code(
    "hub-error",
    ERROR,
    "Hub request failed",
    "The request to the Hub failed for a reason licensecheck does not classify. The message names the "
    "error type; retry, or scan from the lock file.",
)

# -- resolving: PyPI ---------------------------------------------------------------------------
PYPI_NOT_FOUND = _code(
    "pypi-not-found",
    ERROR,
    "Package not found on PyPI",
    "The index has no such project or release. Check the name and version in the requirement file, or "
    "LICENSECHECK_PYPI_URL for a private index.",
)
PYPI_INVALID_NAME = _code(
    "pypi-invalid-name",
    ERROR,
    "Invalid package name",
    "The requirement does not name a valid Python project or version.",
)
PYPI_HTTP_ERROR = _code(
    "pypi-http-error",
    ERROR,
    "Unexpected PyPI answer",
    "The package index answered with an unexpected HTTP status. Retry, or check LICENSECHECK_PYPI_URL.",
)
PYPI_TIMEOUT = _code(
    "pypi-timeout",
    ERROR,
    "PyPI did not answer in time",
    "No answer within --timeout seconds. Retry with a longer --timeout or scan from the lock file.",
)
PYPI_CONNECTION_ERROR = _code(
    "pypi-connection-error",
    ERROR,
    "Connection to PyPI closed",
    "The connection closed before the package index answered. Retry.",
)
PYPI_UNREACHABLE = _code(
    "pypi-unreachable",
    ERROR,
    "PyPI unreachable",
    "Could not connect to the package index. Check the network and LICENSECHECK_PYPI_URL, or scan offline "
    "from the lock file.",
)
PYPI_INVALID_RESPONSE = _code(
    "pypi-invalid-response",
    ERROR,
    "Malformed PyPI answer",
    "The package index's answer was not the JSON API licensecheck expects.",
)
PYPI_ERROR = _code(
    "pypi-error",
    ERROR,
    "PyPI request failed",
    "The request to the package index failed for a reason licensecheck does not classify. Retry.",
)
PYPI_LICENCE_TEXT = _code(
    "pypi-licence-text",
    INFO,
    "Licence field holds a whole text",
    "The package's `license` metadata is a licence text, not an id. licensecheck does not guess from "
    "prose: read it and declare an override if the classifiers do not name the licence.",
)
SETUP_PY_DYNAMIC = _code(
    "setup-py-dynamic",
    WARNING,
    "Requirements in setup.py not read",
    "setup.py computes its requirements when it runs (a function call, a list built up in code); "
    "licensecheck never runs it, so they were not checked. Declare them in pyproject.toml, setup.cfg or a "
    "requirements file, or write them out in the setup() call.",
)
SETUP_PY_UNREADABLE = _code(
    "setup-py-unreadable",
    WARNING,
    "Unparsable setup.py",
    "setup.py is not valid Python 3 (or too deeply nested to parse), so its requirements were not read. "
    "Declare them in pyproject.toml, setup.cfg or a requirements file.",
)
PYPI_LICENCE_UNRECOGNISED = _code(
    "pypi-licence-unrecognised",
    INFO,
    "Licence field not a known licence",
    'The package\'s short `license` field ("Apache", "Dual License") names no licence licensecheck knows, '
    "so its `License ::` classifiers were read instead. Informational.",
)
PYPI_RELEASE_CHOSEN = _code(
    "pypi-release-chosen",
    INFO,
    "Release chosen by the requirement",
    "The requirement excludes the latest release, so the package was judged at the newest release it "
    "allows. Informational: pin the version to judge exactly what you install.",
)
PYPI_NO_MATCHING_RELEASE = _code(
    "pypi-no-matching-release",
    ERROR,
    "No release satisfies the requirement",
    "No release on the package index satisfies the requirement's version specifier (or every one that "
    "does is yanked), so no licence can be judged at a version you would install. Check the requirement.",
)

# -- identifying and judging -------------------------------------------------------------------
LICENCE_CLASSIFIERS_COMBINED = _code(
    "licence-classifiers-combined",
    WARNING,
    "Licence classifiers combined",
    "The package lists several licence classifiers and no licence expression; PyPI does not say whether "
    "all apply or you may choose, so all are judged as applying (AND), the stricter reading. If they are "
    "alternatives, declare an override.",
)
LICENCE_SOURCES_DISAGREE = _code(
    "licence-sources-disagree",
    WARNING,
    "Licence sources disagree",
    "The package's licence fields (license expression, license field, classifiers) name different "
    "licences. The more authoritative one was used, or, when the other restricts more, neither was "
    "trusted. Ask the maintainers which is right, or declare an override.",
)
LICENCE_VERSION_FROM_CLASSIFIER = _code(
    "licence-version-from-classifier",
    INFO,
    "Licence version from a classifier",
    'The `license` field names a licence family without a version ("GPL"); a classifier gives the '
    "version, and that is what was judged. Informational.",
)
LICENCE_READ_FROM_TEXT = _code(
    "licence-read-from-text",
    INFO,
    "Licence read from free text",
    "The `license` field is free text that names the GNU Affero GPL; it was read as the AGPL, the "
    "strictest licence it can mean. Another option it offers (a commercial licence) needs its own "
    "agreement.",
)
NO_LICENCE = _code(
    "no-licence",
    ERROR,
    "No licence declared",
    "The source declares no licence, so nothing grants you the right to use the component. Ask the "
    "authors, or, if you have a licence by other means, record it as an override with a reason.",
)
LICENCE_UNKNOWN_ID = _code(
    "licence-unknown-id",
    ERROR,
    "Licence not in licensecheck's rules",
    "The declared licence id is not one licensecheck knows. Review the licence and either add a rule file "
    "(rules/licences/) or an override with a reason.",
)
LICENCE_UNRECOGNISED = _code(
    "licence-unrecognised",
    ERROR,
    "Licence not recognised",
    "A custom (`other`) licence or free text that matches no known licence. A person must read it; then "
    "add an override with a reason, or a recogniser in rules/recognise.toml.",
)
LICENCE_AMBIGUOUS = _code(
    "licence-ambiguous",
    ERROR,
    "Ambiguous licence",
    "The metadata names several licences without saying how they combine. Find out which applies and "
    "declare an override with a reason.",
)
LICENCE_RECOGNISED = _code(
    "licence-recognised",
    INFO,
    "Custom licence recognised",
    "A licence declared as `other` was identified from its name, link or text. Informational: check the "
    "identification if the verdict surprises you.",
)
LICENCE_CONFLICT = _code(
    "licence-conflict",
    WARNING,
    "Card names different licences",
    "The card's `license`, `license_name` and `license_link` name different licences. licensecheck judges "
    "the stricter; ask the publisher which applies, then declare an override with a reason.",
)
LICENCE_FROM_BASE = _code(
    "licence-from-base",
    WARNING,
    "Licence taken from the base models",
    "A quantisation or merge whose card does not say its licence is judged under its base models' "
    "licences, which bind it whatever it declares. Check that the bases are right.",
)
CARD_UNREADABLE = _code(
    "card-unreadable",
    WARNING,
    "Model card not readable",
    "The README.md read for the licence the card's metadata leaves open could not be read. Retry, or "
    "declare an override with a reason.",
)
CARD_LICENCE_UNCLEAR = _code(
    "card-licence-unclear",
    WARNING,
    "Card's License section names no single licence",
    "The card's metadata leaves the licence open and its License section does not settle it: it names no "
    "licence licensecheck knows, several, one beside a licence no rule knows, or grants the licence only "
    "for some uses (personal, academic, non-commercial). The quoted text says which. Read the card and "
    "declare an override with a reason.",
)
LICENCE_OVERRIDE = _code(
    "licence-override",
    WARNING,
    "Licence set by override",
    "models.yaml sets this licence by hand, with the reason shown, in place of the one the Hub declares. "
    "Overrides are reported so that a reviewer can check them, above all one that is more permissive than "
    "the Hub's declaration.",
)
CONFIG_REF = _code(
    "config-ref",
    WARNING,
    "Policy read from a git commit",
    "--config-ref read the configuration and the baseline as they are at a commit (in CI, the pull "
    "request's base), so that the change under review cannot loosen them. A warning when the working "
    "tree's configuration differs: the change to the policy takes effect once it is merged.",
)
OVERRIDE_NOT_ALLOWED = _code(
    "override-not-allowed",
    ERROR,
    "Override in a manifest that may not set one",
    "Licence overrides are honoured only from the manifests `override_from` names in the configuration "
    "(default: models.yaml at the scanned root); this one is not applied and the licence the Hub declares "
    "is judged. Move the override there, or have the configuration list this manifest.",
)
LICENCE_EXCEPTION = _code(
    "licence-exception",
    INFO,
    "Licence exception not applied",
    "An SPDX `WITH` exception may relax the licence's terms; licensecheck reports the terms without it. "
    "Read the exception if the verdict depends on it.",
)
LICENCE_CHOICE = _code(
    "licence-choice",
    INFO,
    "Licence option chosen",
    "The licence is a choice (`OR`): licensecheck judged the option most favourable under your usage "
    "context. Make sure you comply with that option.",
)
LOCK_MISMATCH = _code(
    "lock-mismatch",
    ERROR,
    "Lock file contradicted by the Hub or PyPI",
    "With --verify-lock, a licensecheck.lock entry says something (licence, commit or version, rename, "
    "ancestors) that the Hub or PyPI does not: the live answer is judged, never the lock. Run "
    "`licensecheck lock` and review the diff; an edit nobody made is worth asking about.",
)
LOCK_UNVERIFIED = _code(
    "lock-unverified",
    WARNING,
    "Lock entry could not be checked",
    "With --verify-lock, the Hub or PyPI could not be asked about this lock entry (unreachable, refused): "
    "the entry is not trusted and the component stays unknown. Retry, or check HF_TOKEN.",
)
LOCK_NOT_VERIFIED = _code(
    "lock-not-verified",
    WARNING,
    "Lock file trusted without checking",
    "The configuration asks for verify_lock, but --offline trusts licensecheck.lock without the network. "
    "Fine for trees you wrote yourself; CI should run without --offline.",
)
SUGGESTIONS_UNAVAILABLE = _code(
    "suggestions-unavailable",
    WARNING,
    "No alternatives looked up",
    "scan --suggest could not ask the Hub for models like this one (rate limit, server error, timeout, or "
    "the model is unknown to the Hub). The verdicts do not depend on it; run `licensecheck suggest ID` "
    "later.",
)
NOT_IN_LOCK = _code(
    "not-in-lock",
    ERROR,
    "Not in the lock file",
    "--offline forbids the network and the lock file does not hold this component. Run `licensecheck "
    "lock` and commit licensecheck.lock.",
)
UNRESOLVABLE_REFERENCE = _code(
    "unresolvable-reference",
    ERROR,
    "Path or URL requirement",
    "A requirement given as a path, URL or editable install has no index entry to look up. Check its "
    "licence by hand and record it.",
)
SPDX_LINK_DROPPED = _code(
    "spdx-link-dropped",
    WARNING,
    "Licence link left out of the SBOM",
    "The model card links the licence text with a URL that SPDX does not accept (a local host, an unusual "
    "address), so the SPDX document leaves it out. Check the link on the card.",
)
OFFLINE = _code(
    "offline",
    ERROR,
    "Offline: components unresolved",
    "The scan did not use the network and some components are not in the lock file. Run `licensecheck lock`.",
)
UNREACHABLE = _code(
    "unreachable",
    ERROR,
    "Network sources unreachable",
    "The Hub or the package index could not be reached, so some licences are unknown. Retry, or scan from "
    "the lock file.",
)
LICENCE_CHOICE_NARROWED = _code(
    "licence-choice-narrowed",
    INFO,
    "Licence options narrowed by policy",
    "The configuration allows only some of the licence's options; the verdict uses those.",
)
LICENCE_LAUNDERING = _code(
    "licence-laundering",
    ERROR,
    "Licence laundering",
    "The model declares a more permissive licence than one of its ancestors. A derivative stays bound by "
    "its ancestors' licences, so their terms apply.",
)
LICENCE_FILE_MISSING = _code(
    "licence-file-missing",
    WARNING,
    "Licence file missing",
    "The card points at a licence file the repository does not have, so the licence cannot be read. Ask "
    "the authors, or declare an override with a reason.",
)
LICENCE_FILE_GATED = _code(
    "licence-file-gated",
    ERROR,
    "Licence file behind a gate",
    "The licence file could not be read because the repository is gated. Accept its terms on the Hub and "
    "set HF_TOKEN, or declare an override with a reason.",
)
LICENCE_FILE_TOO_LARGE = _code(
    "licence-file-too-large",
    WARNING,
    "Licence file too large",
    "The licence file is too large to be a licence text; it was not read.",
)
LOCAL_LICENCE_FILE = _code(
    "local-licence-file",
    INFO,
    "Licence read from a local file",
    "The licence of a local model was read from its licence file. Informational.",
)
LINEAGE_CYCLE = _code(
    "lineage-cycle",
    ERROR,
    "Lineage loops",
    "The declared base models form a loop, so the chain has no root and its terms cannot be determined. "
    "Fix the `base_model` declarations.",
)
LINEAGE_SELF = _code(
    "lineage-self",
    WARNING,
    "Model is its own base",
    "A model declares itself as its base model; the declaration is ignored.",
)
LINEAGE_TOO_DEEP = _code(
    "lineage-too-deep",
    ERROR,
    "Lineage too deep",
    "The chain of base models is deeper than licensecheck follows; the terms above the cut are unknown.",
)
LINEAGE_TOO_WIDE = _code(
    "lineage-too-wide",
    ERROR,
    "Too many base models",
    "A card names more base models than licensecheck follows; the terms of the ones not followed are "
    "unknown. Check the card's `base_model` list.",
)
LINEAGE_BUDGET = _code(
    "lineage-budget",
    ERROR,
    "Too many ancestors in one run",
    "The run looked up as many ancestors as it follows (500) and left the rest unresolved, so the models "
    "that descend from them are unknown. Cards whose bases each name many new bases are broken or "
    "hostile: check the `base_model` lists, or scan fewer models at a time.",
)
LINEAGE_UNRESOLVED = _code(
    "lineage-unresolved",
    ERROR,
    "Base model not resolved",
    "A declared base model could not be resolved, so the terms it imposes on this model are unknown.",
)
LOCAL_BASE_NOT_FOLLOWED = _code(
    "local-base-not-followed",
    WARNING,
    "Local base model not followed",
    "A local model names a base that is not a Hub repository id; declare the base with `base_model:` in "
    "models.yaml so that its terms are checked.",
)
LOCAL_MODEL_UNREADABLE = _code(
    "local-model-unreadable",
    ERROR,
    "Local model unreadable",
    "A local model directory or file could not be read, so its licence is unknown.",
)
DISCOVERY_LOCAL_MODEL = _code(
    "discovery-local-model",
    WARNING,
    "Local model reference",
    "Code refers to a local model that licensecheck could not read.",
)
NOT_A_HUB_REFERENCE = _code(
    "not-a-hub-reference",
    INFO,
    "Not a Hugging Face reference",
    "Code names a model that is not on the Hugging Face Hub (a ModelScope id, an OpenAI or Anthropic "
    "model name, a URL of another host): it is not checked. Informational.",
)
HF_CACHE = _code(
    "hf-cache",
    INFO,
    "Hugging Face cache read",
    "Models and datasets found in the Hugging Face cache were checked. Informational.",
)
HF_CACHE_CORRUPTED = _code(
    "hf-cache-corrupted",
    WARNING,
    "Hugging Face cache entry unreadable",
    "An entry of the Hugging Face cache could not be read and was skipped.",
)
HF_CACHE_NOT_CHECKED = _code(
    "hf-cache-not-checked",
    WARNING,
    "Cache entries not checked",
    "Repositories of kinds licensecheck does not check (such as Spaces) were found in the cache and skipped.",
)
SBOM_NOT_CHECKED = _code(
    "sbom-not-checked",
    WARNING,
    "SBOM components not checked",
    "The SBOM lists components of kinds licensecheck does not check; only pkg:huggingface and pkg:pypi "
    "components are judged.",
)
LOCK_OVERRIDES_REQUIREMENT = _code(
    "lock-overrides-requirement",
    WARNING,
    "Lock file differs from the requirement",
    "A package lock pins another version than the requirement asks for; the lock wins, since it is what "
    "gets installed. Make the two agree.",
)
DEV_DEPENDENCY = _code(
    "dev-dependency",
    INFO,
    "Development dependency",
    "A development-only dependency is not shipped, so it is judged as internal use.",
)
BASELINE = _code(
    "baseline",
    INFO,
    "Baseline in force",
    "Components whose problems are all recorded in the baseline do not fail the run.",
)
BASELINE_STALE = _code(
    "baseline-stale",
    INFO,
    "Stale baseline entries",
    "The baseline records problems that no longer occur; rewrite it with --write-baseline.",
)
CONFIG_SHADOWED = _code(
    "config-shadowed",
    WARNING,
    "Configuration file shadowed",
    "Two configuration files were found; the dedicated licensecheck.toml is used and [tool.licensecheck] "
    "in pyproject.toml is ignored.",
)

# -- the configuration's policy ----------------------------------------------------------------
LICENCE_DENIED = _code(
    "licence-denied",
    ERROR,
    "Licence denied by the configuration",
    "The configuration's deny list names this licence (or a licence it may be), or `deny_categories` "
    "names its category, so the component is denied whatever the licence's own terms. Replace it, or "
    "record an exception with a reason if it is approved.",
)
LICENCE_NOT_ALLOWED = _code(
    "licence-not-allowed",
    ERROR,
    "Licence not on the allow list",
    "The configuration has an allow list and this licence is not on it. Replace the component, add the "
    "licence to `allow` once it is approved, or record an exception with a reason.",
)
EXCEPTION_APPLIED = _code(
    "exception-applied",
    INFO,
    "Policy exception applied",
    "An exception in the configuration allows this denied component; its reason, owner and expiry are "
    "shown so that a reviewer can check them. Informational.",
)
EXCEPTION_EXPIRED = _code(
    "exception-expired",
    ERROR,
    "Policy exception expired",
    "The exception for this component is past its `expires` date and is no longer applied. Ask its owner "
    "to renew it with a new date, or replace the component.",
)
EXCEPTION_EXPIRING = _code(
    "exception-expiring",
    WARNING,
    "Policy exception expiring soon",
    "The exception that allows this component expires within 30 days. Ask its owner to renew it, or plan "
    "the replacement.",
)
EXCEPTION_UNUSED = _code(
    "exception-unused",
    WARNING,
    "Unneeded policy exception",
    "An exception in the configuration matched no component, or the component it names is not denied "
    "under this context. Remove it, so that the configuration says only what is needed.",
)
EXCEPTION_REVISION_MISMATCH = _code(
    "exception-revision-mismatch",
    WARNING,
    "Exception for another revision",
    "The exception holds for one revision or version only, and another one was scanned, so it is not "
    "applied. Review the new revision, then update the exception.",
)
EXCEPTION_NOT_APPLICABLE = _code(
    "exception-not-applicable",
    WARNING,
    "Exception cannot waive an unknown licence",
    "Exceptions waive denials; this component's licence is undetermined, so there is nothing to waive. "
    "Once the licence is known, set it in models.yaml (`license` with a `reason`).",
)
UNKNOWN_WARN = _code(
    "unknown-warn",
    WARNING,
    "Unknown licences allowed to pass",
    'The configuration sets `unknown = "warn"`, so components whose licence could not be determined do '
    "not fail the run. Each still needs a person to review it.",
)

# -- discovery ---------------------------------------------------------------------------------
DISCOVERY_SKIPPED = _code(
    "discovery-skipped",
    INFO,
    "File too large to read for references",
    "A file is larger than discovery reads for model references, so references in it were not found. "
    "Declare the models it uses in models.yaml.",
)
NOT_STATICALLY_KNOWN = _code(
    "not-statically-known",
    INFO,
    "Model chosen at run time",
    "Code loads a model whose name exists only when the program runs (a variable, an argument), so it "
    "cannot be checked. Declare the model in models.yaml.",
)
DISCOVERY_UNPARSABLE = _code(
    "discovery-unparsable",
    WARNING,
    "File not read for references",
    "A code or notebook file could not be read or parsed, so discovery skipped it and the models it loads "
    "are not checked. Fix the file, or declare the models in models.yaml.",
)
