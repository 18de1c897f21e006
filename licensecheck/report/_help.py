"""What each finding and clause code means, and what to do about it.

Code scanning (SARIF) shows one rule per code with this text beside every
alert; the HTML report uses the titles. Codes come from two places: the
resolvers and the core (`Finding(...)` in licensecheck/) and licence clauses
(`code =` in rules/licences/*.toml). tests/report/test_sarif.py checks that
every code in both has an entry here; `help_for` still answers for a code a
rule file adds later, from the code itself.
"""

from __future__ import annotations

# code -> (title, help). Titles are short noun phrases; help says why and what to do.
HELP: dict[str, tuple[str, str]] = {
    # -- resolving: the Hugging Face Hub --------------------------------------------------
    "hub-not-found": ("Repository not found on the Hub",
                      "The Hub has no public repository with this id. Check the spelling in models.yaml; a private "
                      "repository needs HF_TOKEN. Until it resolves, its licence is unknown."),
    "hub-revision-not-found": ("Revision not found on the Hub",
                               "The repository exists but not at the revision models.yaml names. Fix the branch, tag "
                               "or commit, then run `licensecheck lock`."),
    "hub-gated": ("Gated repository",
                  "The repository is gated and its metadata could not be read with the current credentials. "
                  "Accept its terms on the Hub with the account whose HF_TOKEN you use, or set a licence override "
                  "with a reason."),
    "hub-unauthorized": ("Not authorised by the Hub",
                         "The Hub refused the request: the repository is private or HF_TOKEN is invalid or lacks access."),
    "hub-renamed": ("Repository renamed",
                    "The Hub redirected the id to a new name. Update models.yaml to the new id so the lock and the "
                    "report name the repository as it is now."),
    "hub-rate-limited": ("Rate-limited by the Hub",
                         "The Hub answered HTTP 429. Wait and retry, set HF_TOKEN for a higher quota, or scan from "
                         "the lock file (`licensecheck lock` once, then `scan`)."),
    "hub-server-error": ("Hub server error",
                         "The Hub failed to answer (HTTP 5xx). Retry later; scans from the lock file do not need the Hub."),
    "hub-http-error": ("Unexpected Hub answer",
                       "The Hub answered with an HTTP status licensecheck does not expect here. Retry; if it persists, "
                       "check HF_ENDPOINT."),
    "hub-timeout": ("Hub did not answer in time",
                    "No answer within --timeout seconds. Retry with a longer --timeout or scan from the lock file."),
    "hub-connection-error": ("Connection to the Hub closed",
                             "The connection closed before the Hub answered. Retry; a proxy or an unstable network "
                             "may be the cause."),
    "hub-unreachable": ("Hub unreachable",
                        "Could not connect to the Hub. Check the network and HF_ENDPOINT, or scan offline from the "
                        "lock file with --offline."),
    "hub-invalid-id": ("Invalid repository id",
                       "The id or revision is not valid on the Hub (owner/name, allowed characters). Fix models.yaml."),
    "hub-invalid-response": ("Malformed Hub answer",
                             "The Hub's answer was not the JSON licensecheck expects. Check HF_ENDPOINT points at a Hub."),
    "hub-error": ("Hub request failed",
                  "The request to the Hub failed for a reason licensecheck does not classify. The message names the "
                  "error type; retry, or scan from the lock file."),
    # -- resolving: PyPI ------------------------------------------------------------------
    "pypi-not-found": ("Package not found on PyPI",
                       "The index has no such project or release. Check the name and version in the requirement "
                       "file, or LICENSECHECK_PYPI_URL for a private index."),
    "pypi-invalid-name": ("Invalid package name",
                          "The requirement does not name a valid Python project or version."),
    "pypi-http-error": ("Unexpected PyPI answer",
                        "The package index answered with an unexpected HTTP status. Retry, or check LICENSECHECK_PYPI_URL."),
    "pypi-timeout": ("PyPI did not answer in time",
                     "No answer within --timeout seconds. Retry with a longer --timeout or scan from the lock file."),
    "pypi-connection-error": ("Connection to PyPI closed",
                              "The connection closed before the package index answered. Retry."),
    "pypi-unreachable": ("PyPI unreachable",
                         "Could not connect to the package index. Check the network and LICENSECHECK_PYPI_URL, or scan "
                         "offline from the lock file."),
    "pypi-invalid-response": ("Malformed PyPI answer",
                              "The package index's answer was not the JSON API licensecheck expects."),
    "pypi-error": ("PyPI request failed",
                   "The request to the package index failed for a reason licensecheck does not classify. Retry."),
    "pypi-licence-text": ("Licence field holds a whole text",
                          "The package's `license` metadata is a licence text, not an id. licensecheck does not guess "
                          "from prose: read it and declare an override if the classifiers do not name the licence."),
    "setup-py-dynamic": ("Requirements in setup.py not read",
                         "setup.py computes its requirements when it runs (a function call, a list built up in "
                         "code); licensecheck never runs it, so they were not checked. Declare them in pyproject.toml, "
                         "setup.cfg or a requirements file, or write them out in the setup() call."),
    "setup-py-unreadable": ("Unparsable setup.py",
                            "setup.py is not valid Python 3 (or too deeply nested to parse), so its requirements "
                            "were not read. Declare them in pyproject.toml, setup.cfg or a requirements file."),
    "pypi-licence-unrecognised": ("Licence field not a known licence",
                                  "The package's short `license` field (\"Apache\", \"Dual License\") names no licence "
                                  "licensecheck knows, so its `License ::` classifiers were read instead. Informational."),
    "pypi-release-chosen": ("Release chosen by the requirement",
                            "The requirement excludes the latest release, so the package was judged at the newest "
                            "release it allows. Informational: pin the version to judge exactly what you install."),
    "pypi-no-matching-release": ("No release satisfies the requirement",
                                 "No release on the package index satisfies the requirement's version specifier (or "
                                 "every one that does is yanked), so no licence can be judged at a version you would "
                                 "install. Check the requirement."),
    # -- identifying and judging ----------------------------------------------------------
    "licence-classifiers-combined": ("Licence classifiers combined",
                                     "The package lists several licence classifiers and no licence expression; PyPI "
                                     "does not say whether all apply or you may choose, so all are judged as applying "
                                     "(AND), the stricter reading. If they are alternatives, declare an override."),
    "licence-sources-disagree": ("Licence sources disagree",
                                 "The package's licence fields (license expression, license field, classifiers) name "
                                 "different licences. The more authoritative one was used, or, when the other restricts "
                                 "more, neither was trusted. Ask the maintainers which is right, or declare an override."),
    "licence-version-from-classifier": ("Licence version from a classifier",
                                        "The `license` field names a licence family without a version (\"GPL\"); a "
                                        "classifier gives the version, and that is what was judged. Informational."),
    "licence-read-from-text": ("Licence read from free text",
                               "The `license` field is free text that names the GNU Affero GPL; it was read as the "
                               "AGPL, the strictest licence it can mean. Another option it offers (a commercial "
                               "licence) needs its own agreement."),
    "no-licence": ("No licence declared",
                   "The source declares no licence, so nothing grants you the right to use the component. Ask the "
                   "authors, or, if you have a licence by other means, record it as an override with a reason."),
    "licence-unknown-id": ("Licence not in licensecheck's rules",
                           "The declared licence id is not one licensecheck knows. Review the licence and either add "
                           "a rule file (rules/licences/) or an override with a reason."),
    "licence-unrecognised": ("Licence not recognised",
                             "A custom (`other`) licence or free text that matches no known licence. A person must read "
                             "it; then add an override with a reason, or a recogniser in rules/recognise.toml."),
    "licence-ambiguous": ("Ambiguous licence",
                          "The metadata names several licences without saying how they combine. Find out which applies "
                          "and declare an override with a reason."),
    "licence-recognised": ("Custom licence recognised",
                           "A licence declared as `other` was identified from its name, link or text. Informational: "
                           "check the identification if the verdict surprises you."),
    "licence-conflict": ("Card names different licences",
                         "The card's `license`, `license_name` and `license_link` name different licences. "
                         "licensecheck judges the stricter; ask the publisher which applies, then declare an "
                         "override with a reason."),
    "licence-from-base": ("Licence taken from the base models",
                          "A quantisation or merge whose card does not say its licence is judged under its base "
                          "models' licences, which bind it whatever it declares. Check that the bases are right."),
    "card-unreadable": ("Model card not readable",
                        "The README.md read for the licence the card's metadata leaves open could not be read. "
                        "Retry, or declare an override with a reason."),
    "card-licence-unclear": ("Card's License section names no single licence",
                             "The card's metadata leaves the licence open and its License section does not settle it: "
                             "it names no licence licensecheck knows, several, one beside a licence no rule knows, or "
                             "grants the licence only for some uses (personal, academic, non-commercial). The quoted "
                             "text says which. Read the card and declare an override with a reason."),
    "licence-override": ("Licence set by override",
                         "models.yaml sets this licence by hand, with the reason shown, in place of the one the Hub "
                         "declares. Overrides are reported so that a reviewer can check them, above all one that is "
                         "more permissive than the Hub's declaration."),
    "config-ref": ("Policy read from a git commit",
                   "--config-ref read the configuration and the baseline as they are at a commit (in CI, the pull "
                   "request's base), so that the change under review cannot loosen them. A warning when the working "
                   "tree's configuration differs: the change to the policy takes effect once it is merged."),
    "override-not-allowed": ("Override in a manifest that may not set one",
                             "Licence overrides are honoured only from the manifests `override_from` names in the "
                             "configuration (default: models.yaml at the scanned root); this one is not applied and the "
                             "licence the Hub declares is judged. Move the override there, or have the configuration "
                             "list this manifest."),
    "licence-exception": ("Licence exception not applied",
                          "An SPDX `WITH` exception may relax the licence's terms; licensecheck reports the terms "
                          "without it. Read the exception if the verdict depends on it."),
    "licence-choice": ("Licence option chosen",
                       "The licence is a choice (`OR`): licensecheck judged the option most favourable under your "
                       "usage context. Make sure you comply with that option."),
    "lock-mismatch": ("Lock file contradicted by the Hub or PyPI",
                      "With --verify-lock, a licensecheck.lock entry says something (licence, commit or version, "
                      "rename, ancestors) that the Hub or PyPI does not: the live answer is judged, never the lock. "
                      "Run `licensecheck lock` and review the diff; an edit nobody made is worth asking about."),
    "lock-unverified": ("Lock entry could not be checked",
                        "With --verify-lock, the Hub or PyPI could not be asked about this lock entry (unreachable, "
                        "refused): the entry is not trusted and the component stays unknown. Retry, or check HF_TOKEN."),
    "lock-not-verified": ("Lock file trusted without checking",
                          "The configuration asks for verify_lock, but --offline trusts licensecheck.lock without the "
                          "network. Fine for trees you wrote yourself; CI should run without --offline."),
    "suggestions-unavailable": ("No alternatives looked up",
                                "scan --suggest could not ask the Hub for models like this one (rate limit, server "
                                "error, timeout, or the model is unknown to the Hub). The verdicts do not depend on "
                                "it; run `licensecheck suggest ID` later."),
    "not-in-lock": ("Not in the lock file",
                    "--offline forbids the network and the lock file does not hold this component. Run "
                    "`licensecheck lock` and commit licensecheck.lock."),
    "unresolvable-reference": ("Path or URL requirement",
                               "A requirement given as a path, URL or editable install has no index entry to look "
                               "up. Check its licence by hand and record it."),
    "spdx-link-dropped": ("Licence link left out of the SBOM",
                          "The model card links the licence text with a URL that SPDX does not accept (a local "
                          "host, an unusual address), so the SPDX document leaves it out. Check the link on the card."),
    "offline": ("Offline: components unresolved",
                "The scan did not use the network and some components are not in the lock file. Run "
                "`licensecheck lock`."),
    "unreachable": ("Network sources unreachable",
                    "The Hub or the package index could not be reached, so some licences are unknown. Retry, or scan "
                    "from the lock file."),
    "licence-choice-narrowed": ("Licence options narrowed by policy",
                                "The configuration allows only some of the licence's options; the verdict uses those."),
    "licence-laundering": ("Licence laundering",
                           "The model declares a more permissive licence than one of its ancestors. A derivative "
                           "stays bound by its ancestors' licences, so their terms apply."),
    "licence-file-missing": ("Licence file missing",
                             "The card points at a licence file the repository does not have, so the licence cannot "
                             "be read. Ask the authors, or declare an override with a reason."),
    "licence-file-gated": ("Licence file behind a gate",
                           "The licence file could not be read because the repository is gated. Accept its terms on "
                           "the Hub and set HF_TOKEN, or declare an override with a reason."),
    "licence-file-too-large": ("Licence file too large",
                               "The licence file is too large to be a licence text; it was not read."),
    "local-licence-file": ("Licence read from a local file",
                           "The licence of a local model was read from its licence file. Informational."),
    "lineage-cycle": ("Lineage loops",
                      "The declared base models form a loop, so the chain has no root and its terms cannot be "
                      "determined. Fix the `base_model` declarations."),
    "lineage-self": ("Model is its own base",
                     "A model declares itself as its base model; the declaration is ignored."),
    "lineage-too-deep": ("Lineage too deep",
                         "The chain of base models is deeper than licensecheck follows; the terms above the cut are "
                         "unknown."),
    "lineage-too-wide": ("Too many base models",
                         "A card names more base models than licensecheck follows; the terms of the ones not "
                         "followed are unknown. Check the card's `base_model` list."),
    "lineage-budget": ("Too many ancestors in one run",
                       "The run looked up as many ancestors as it follows (500) and left the rest unresolved, so "
                       "the models that descend from them are unknown. Cards whose bases each name many new bases "
                       "are broken or hostile: check the `base_model` lists, or scan fewer models at a time."),
    "lineage-unresolved": ("Base model not resolved",
                           "A declared base model could not be resolved, so the terms it imposes on this model are "
                           "unknown."),
    "local-base-not-followed": ("Local base model not followed",
                                "A local model names a base that is not a Hub repository id; declare the base with "
                                "`base_model:` in models.yaml so that its terms are checked."),
    "local-model-unreadable": ("Local model unreadable",
                               "A local model directory or file could not be read, so its licence is unknown."),
    "discovery-local-model": ("Local model reference",
                              "Code refers to a local model that licensecheck could not read."),
    "not-a-hub-reference": ("Not a Hugging Face reference",
                            "Code names a model that is not on the Hugging Face Hub (a ModelScope id, an OpenAI or "
                            "Anthropic model name, a URL of another host): it is not checked. Informational."),
    "hf-cache": ("Hugging Face cache read",
                 "Models and datasets found in the Hugging Face cache were checked. Informational."),
    "hf-cache-corrupted": ("Hugging Face cache entry unreadable",
                           "An entry of the Hugging Face cache could not be read and was skipped."),
    "hf-cache-not-checked": ("Cache entries not checked",
                             "Repositories of kinds licensecheck does not check (such as Spaces) were found in the "
                             "cache and skipped."),
    "sbom-not-checked": ("SBOM components not checked",
                         "The SBOM lists components of kinds licensecheck does not check; only pkg:huggingface and "
                         "pkg:pypi components are judged."),
    "lock-overrides-requirement": ("Lock file differs from the requirement",
                                   "A package lock pins another version than the requirement asks for; the lock wins, "
                                   "since it is what gets installed. Make the two agree."),
    "dev-dependency": ("Development dependency",
                       "A development-only dependency is not shipped, so it is judged as internal use."),
    "baseline": ("Baseline in force",
                 "Components whose problems are all recorded in the baseline do not fail the run."),
    "baseline-stale": ("Stale baseline entries",
                       "The baseline records problems that no longer occur; rewrite it with --write-baseline."),
    "config-shadowed": ("Configuration file shadowed",
                        "Two configuration files were found; the dedicated licensecheck.toml is used and "
                        "[tool.licensecheck] in pyproject.toml is ignored."),
    # -- licence clauses that deny ------------------------------------------------------------
    "non-commercial": ("Non-commercial licence",
                       "The licence forbids commercial use, and the usage context is commercial. Replace the component, "
                       "get a commercial licence from the rights holder, or scan with the right --use if it is wrong."),
    "research-only": ("Research-only licence",
                      "The licence allows research use only. Production or commercial use needs another licence."),
    "user-threshold": ("User threshold exceeded",
                       "The licence requires a separate licence above a number of monthly active users, and --users "
                       "is above it. Ask the rights holder for a licence or change the component."),
    "revenue-threshold": ("Revenue threshold exceeded",
                          "The licence requires a paid or separate licence above an annual revenue, and --revenue is "
                          "above it."),
    "no-hosted-service": ("Hosted service not allowed",
                          "The licence forbids offering the component to others as a hosted service."),
    "non-production": ("Production use not allowed",
                       "The licence allows evaluation, testing or research but not production use."),
    "proprietary": ("Proprietary licence",
                    "All rights are reserved: you need a licence agreement with the rights holder."),
    "territory-excluded": ("Region outside the licence",
                           "The licence grants no rights in the region given (its Territory excludes it). Use another "
                           "model there, or confirm the region of use."),
    "eu-multimodal": ("Regional restriction",
                      "The licence withholds rights in the region given (multimodal models in the EU). Confirm the "
                      "region of use, or use another model there."),
    # -- licence clauses that oblige ------------------------------------------------------------
    "acceptable-use": ("Acceptable use policy",
                       "Your use must follow the licence's acceptable use policy; it may also have to be passed on."),
    "prohibited-use": ("Prohibited uses",
                       "The licence lists uses that are forbidden; your use and your users' must avoid them."),
    "use-restrictions": ("Use restrictions",
                         "The licence restricts how the model and its outputs may be used."),
    "use-restrictions-flow-down": ("Use restrictions flow down",
                                   "The use restrictions must be written into the terms under which others use or "
                                   "receive the model (including as a hosted service)."),
    "restrictions-flow-down": ("Restrictions flow down",
                               "Recipients must be bound by the same restrictions you accepted."),
    "attribution": ("Attribution",
                    "Credit the work (and, for some licences, display a fixed phrase) where the licence says."),
    "attribution-notice": ("Attribution notice",
                           "Ship the licence's attribution notice with the component."),
    "cosmos-attribution": ("Attribution phrase",
                           "Display the phrase the licence requires on product pages or documentation."),
    "acknowledgement": ("Acknowledgement",
                        "Acknowledge the work as the licence requires (e.g. in publications or documentation)."),
    "advertising-acknowledgement": ("Advertising acknowledgement",
                                    "Advertising materials that mention features of the work must carry the required "
                                    "acknowledgement."),
    "publication-statement": ("Public statement wording",
                              "Public statements about derived works must include the wording the licence gives."),
    "model-name-display": ("Model name display",
                           "The product must show the model's name where the licence says."),
    "model-name-display-revenue": ("Model name display above a revenue",
                                   "Above the licence's revenue figure, the product must show the model's name."),
    "derivative-naming": ("Naming of derived models",
                          "Derived models that you distribute or make available must be named as the licence says."),
    "notice": ("Notice file",
               "Ship a notice text (a NOTICE file) with every copy, with the wording the licence gives. "
               "`licensecheck notice` writes it."),
    "notice-file": ("Notice file contents",
                    "Keep the work's NOTICE file contents in what you distribute."),
    "notice-retention": ("Keep notices",
                         "Keep the copyright and licence notices of the work in copies you distribute."),
    "retain-notices": ("Keep notices",
                       "Keep existing copyright, patent, trademark and attribution notices."),
    "licence-notice": ("Licence notice",
                       "Include the licence notice (or a pointer to it) with the work."),
    "licence-copy": ("Copy of the licence",
                     "Give recipients a copy of the licence text with the work."),
    "produced-work-notice": ("Notice on produced works",
                             "Works produced with the font or material must carry the notice the licence requires."),
    "modification-notice": ("Modification notice",
                            "State that you changed the work, and how, when you distribute a modified version."),
    "modified-files": ("Mark modified files",
                       "Mark every file you modified with a prominent notice."),
    "modified-versions": ("Modified versions",
                          "Modified versions must be marked as such and carry the licence's terms."),
    "state-changes": ("State changes",
                      "Say that you changed the work, when you share a changed version."),
    "derivative-terms": ("Terms for derivatives",
                         "Derived works must be licensed under terms the licence prescribes."),
    "share-alike": ("Share alike",
                    "Adaptations you share must carry the same or a compatible licence."),
    "copyleft": ("Copyleft",
                 "Distributing the work or works based on it requires offering their source under the same licence."),
    "weak-copyleft": ("Weak copyleft",
                      "Changes to the licensed files themselves must be shared under the same licence when you "
                      "distribute them; the rest of your work is not affected."),
    "network-copyleft": ("Network copyleft",
                         "Offering modified versions to users over a network requires offering them the source."),
    "keep-open": ("Keep it open",
                  "Versions you distribute must stay under the licence, with source available."),
    "source-instructions": ("Installation information",
                            "Distributing in a consumer product requires the information needed to install modified "
                            "versions."),
    "complete-work": ("Complete work",
                      "Only the complete, unmodified work may be distributed, as the licence describes."),
    "copies-in-quantity": ("Copies in quantity",
                           "Printed or bulk copies carry extra duties (cover texts, transparent copies)."),
    "no-additional-restrictions": ("No additional restrictions",
                                   "You may not add terms that restrict recipients' rights under the licence."),
    "no-derivatives": ("No derivatives",
                       "The work may be shared only unchanged; adaptations may not be shared."),
    "no-endorsement": ("No endorsement",
                       "Do not use the authors' names or marks to endorse or promote your product."),
    "no-licence-fee": ("No licence fee",
                       "You may not charge a licence fee for the work itself."),
    "no-standalone-sale": ("No standalone sale",
                           "The work may not be sold on its own."),
    "no-production-use": ("No production use",
                          "The licence does not allow production use."),
    "non-production-environment": ("Non-production environment",
                                   "Use is limited to non-production environments."),
    "no-training-other-llms": ("No training of other models",
                               "The model's outputs may not be used to train other large language models."),
    "no-improving-other-llms": ("No improving other models",
                                "The model or its outputs may not be used to improve other large language models."),
    "no-training-other-models": ("No training of other models",
                                 "The model or its outputs may not be used to train other models."),
    "no-foundation-model-training": ("No foundation model training",
                                     "The model may not be used to train a foundation model."),
    "non-commercial-scope": ("Non-commercial scope",
                             "The licence's idea of non-commercial use is narrower than it sounds (use by or for a "
                             "business, or serving end users, may fall outside it), or only part of the material is "
                             "non-commercial: confirm that your use, and the part you use, fit it."),
    "territory-by-release": ("Region to confirm for this release",
                             "Releases under this licence name differ in the regions they exclude: confirm in the "
                             "model's own licence text that the region of use is covered."),
    "user-threshold-by-release": ("User threshold to confirm for this release",
                                  "Releases under this licence name set different user thresholds: confirm which one "
                                  "the model's own licence text sets, against your monthly active users."),
    "revenue-termination": ("Licence ends above a revenue",
                            "The licence says it ends for organisations above a revenue figure, even for uses that "
                            "are otherwise free: give --revenue, or confirm with the rights holder."),
    "machine-generated-disclosure": ("Disclose machine-generated content",
                                     "Everything the model generates must be disclosed as machine-generated, in "
                                     "every context the licence names (chatbots included)."),
    "no-patent-licence": ("No patent licence",
                          "The licence grants copyright permissions only and expressly no patent rights: assess "
                          "the patent risk of your use yourself."),
    "possibly-non-commercial": ("Possibly non-commercial",
                                "The licence may limit commercial use; confirm the terms for your use."),
    "research-purpose": ("Research purpose",
                         "Use is granted for research purposes; confirm your use qualifies."),
    "computational-use-only": ("Computational use only",
                               "The data may be used for computation (training, analysis) but not republished."),
    "data-redistribution": ("Data redistribution",
                            "Redistributing the data carries the licence's conditions."),
    "export-control": ("Export control",
                       "Export and sanctions laws apply to the work; check them for the places you ship to."),
    "commercial-indemnity": ("Commercial indemnity",
                             "Offering the work commercially makes you indemnify the contributors for claims you cause."),
    "content-filters": ("Content filters",
                        "Keep the safety or content filters the licence requires."),
    "guardrails": ("Guardrails",
                   "Do not bypass or remove the model's safety guardrails."),
    "trustworthy-ai": ("Trustworthy AI terms",
                       "Follow the provider's trustworthy-AI terms for the model."),
    "remote-restriction": ("Remote restriction",
                           "The licensor may restrict use remotely if it believes the terms are broken: plan for it."),
    "registration": ("Registration",
                     "Use requires registering with the licensor."),
    "external-deployment": ("External deployment",
                            "Deploying the model for others carries extra conditions."),
    "hosting-use": ("Hosting",
                    "Hosting the model for others carries extra conditions."),
    "maas-licence": ("Model-as-a-service licence",
                     "Offering the model as a service needs the licensor's separate agreement."),
    "reserved-font-name": ("Reserved font name",
                           "Modified versions may not use the reserved font name."),
    "revenue-threshold-first-version": ("Revenue threshold",
                                        "Above the licence's revenue figure, a separate licence is needed."),
    "explanatory-documentation": ("Explanatory documentation",
                                  "Provide the documentation the licence requires with the work."),
    "confirm-variant": ("Confirm the licence variant",
                        "The declared licence has several variants with different terms; confirm which applies."),
    "review-terms": ("Review the terms",
                     "The licence has terms licensecheck cannot judge for you: a person should read them."),
    # -- purpose clauses (rules/purposes.toml): raised only for a purpose the project declares --------
    "purpose-military": ("Military use",
        "The licence or its use policy forbids military, warfare or weapons uses."),
    "purpose-critical-infrastructure": ("Critical infrastructure",
        "The use policy forbids operating critical infrastructure, transport or heavy machinery with the model."),
    "purpose-medical-advice": ("Medical advice",
        "The licence forbids medical advice or the interpretation of medical results with the model (or, where qualified, advice that replaces a professional's)."),
    "purpose-justice": ("Justice and law enforcement",
        "The licence forbids uses in the administration of justice, law enforcement, immigration or asylum (or, where qualified, fully automated decisions there)."),
    "purpose-automated-decisions": ("Automated decisions",
        "The licence forbids fully automated decisions with legal or similar effects on people (or, where qualified, undisclosed ones)."),
    "purpose-automated-justice": ("Automated decisions in justice",
        "The use policy forbids automated decisions in law enforcement or migration: confirm a person decides."),
    "purpose-automated-legal-decisions": ("Automated decisions on rights",
        "The use policy forbids automated decisions that affect people's rights: confirm a person makes the decision."),
    "purpose-undisclosed-machine-content": ("Undisclosed machine-generated content",
        "The licence forbids publishing generated content without saying it is machine-generated."),
    "purpose-training-other-llms": ("Training other models",
        "The licence forbids using the model or its outputs to improve another large language model."),
    "purpose-training-other-models": ("Training other models",
        "The licence forbids using the model or its outputs to train or improve other general-purpose models."),
    "purpose-foundation-model-training": ("Training foundation models",
        "The licence forbids using the model or its outputs to build or improve a foundational generative model."),
    "purpose-surveillance": ("Surveillance",
        "The licence forbids surveillance uses, surveillance research included."),
    "purpose-biometric-processing": ("Biometric processing",
        "The licence forbids biometric processing with the model."),
    "purpose-unlicensed-practice": ("Unlicensed professional practice",
        "The use policy forbids the unauthorised or unlicensed practice of a profession (medical, legal, financial): confirm a licensed professional answers for the service where the law requires one."),
    "purpose-personal-information": ("Personal information",
        "The licence restricts generating or inferring personal or sensitive information about people: confirm you have the rights and consents it names."),
    "purpose-tracking": ("Tracking people",
        "The use policy forbids tracking or monitoring people without their consent: confirm consent."),
    "purpose-illegal-surveillance": ("Illegal surveillance",
        "The provider's terms forbid unlawful surveillance: confirm the monitoring is lawful where it happens."),
    "purpose-illegal-biometrics": ("Illegal biometric processing",
        "The provider's terms forbid collecting or processing biometric data without a consent the law requires: confirm consent."),
    "purpose-essential-services": ("Decisions on essential services",
        "The use policy forbids discrimination or unlawful conduct in employment, credit, housing and essential services: confirm the decisions are neither."),
    "purpose-human-generated": ("Presenting outputs as human-made",
        "The use policy forbids passing generated content off as made by a person: disclose that it is AI-generated."),
    "purpose-minors": ("Minors",
        "The licence forbids exploiting or harming minors (and, for some, distributing material to them unlawfully): confirm the product does neither."),
    "purpose-competing-model": ("Training a competing model",
        "Outputs may not train a model that competes with the licensed one: confirm yours does not."),
    "purpose-variant-restrictions": ("Restrictions of the licence variant",
        "Open RAIL variants restrict this purpose differently: check the licence file the model ships."),
    "purpose-output-training": ("Terms for models trained on outputs",
        "Training another model on the outputs is allowed with the duties given (naming, attribution, or the same use limits)."),
    "purpose-model-derivative": ("Model trained on outputs is a derivative",
        "A model trained on the outputs counts as a derivative: it carries the licence's use restrictions, which must be passed on when it is shared."),
    "purpose-derivative-work": ("Model trained on outputs is a derivative",
        "A model made from the outputs stays under the licence, with its limits and notices."),
    "purpose-cosmos-output-training": ("Attribution for models trained on outputs",
        "A product using a model trained on an NVIDIA Cosmos model's outputs must show the required attribution."),
    "purpose-ai-disclosure": ("AI disclosure",
        "Outputs must be labelled as AI-generated where the law requires it."),
}


def help_for(code: str) -> tuple[str, str]:
    """The title and help text of a code; a code not in the table still gets a readable title."""
    known = HELP.get(code)
    if known is not None:
        return known
    title = code.replace("-", " ").capitalize()
    return title, f"{title}: see the message and the licence section it cites."
