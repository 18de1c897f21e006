"""A model card: the README.md of a Hub repository or of a model folder on disk, read one way for both.

Its YAML front matter holds the metadata: the licence (`license`, and
`license_name` + `license_link` for `license: other`), the ancestors
(`base_model`, `base_model_relation`) and, for a gated repository, the text
shown before access (`extra_gated_heading`, `extra_gated_prompt`). Its body may
name the licence in a "License" section. The Hub parses the front matter itself
(resolve/hub.py reads its `cardData`, with the tags it computed); for a local
folder (sources/local.py) `card_metadata` parses it. Pure: text and mappings in,
values out; PyYAML is imported only to parse a local card.
"""

from __future__ import annotations

import re

from .findings import LICENCE_AMBIGUOUS, NO_LICENCE
from .model import Finding, LicenceInfo, Severity

# The gate's text is kept for recognition (resolve/licence_text.py); licences run to about 100 KB.
_MAX_GATED_PROMPT = 256 * 1024


class CardError(ValueError):
    """A card whose front matter cannot be read: the message names the file (and line)."""


def front_matter(text: str) -> tuple[str, int] | None:
    """The YAML between the first two `---` lines of a card, and the line it starts on."""
    lines = text.removeprefix("\ufeff").split("\n")
    end = _front_matter_end(lines)
    return None if end is None else ("\n".join(lines[1:end]), 2)


def card_body(text: str) -> str:
    """The card after its front matter: the whole text when it has none."""
    lines = text.removeprefix("\ufeff").split("\n")
    end = _front_matter_end(lines)
    return text if end is None else "\n".join(lines[end + 1 :])


def _front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter (`---` or `...`); None when there is none."""
    if not lines or lines[0].rstrip() != "---":
        return None
    return next((index for index in range(1, len(lines)) if lines[index].rstrip() in ("---", "...")), None)


def card_metadata(text: str, shown: str) -> dict | None:
    """The front matter of the card `shown` as a mapping ({} when empty); None when the text has
    none (a README that is not a card). `CardError` when it is not a YAML mapping."""
    found = front_matter(text)
    if found is None:
        return None
    yaml_text, first_line = found
    import yaml

    try:
        card = yaml.safe_load(yaml_text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark is not None else first_line
        reason = ": ".join(part for part in (error.context, error.problem) if part) or "cannot parse"
        raise CardError(f"{shown}:{line}: invalid YAML in the model card's front matter: {reason}") from None
    except yaml.YAMLError:
        raise CardError(f"{shown}: invalid YAML in the model card's front matter") from None
    except (RecursionError, MemoryError):
        raise CardError(f"{shown}: the model card's front matter is nested too deeply to read") from None
    if card is None:
        return {}
    if not isinstance(card, dict):
        raise CardError(f"{shown}: the model card's front matter must be a mapping of keys")
    return card


def field_text(card: dict, key: str) -> str | None:
    """A card field's text, stripped; None when it is absent, empty or not a string."""
    return _text(card.get(key))


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def gated_prompt(card: dict) -> str | None:
    """The gate's heading and prompt, as one text (the heading first)."""
    parts = [card.get(key) for key in ("extra_gated_heading", "extra_gated_prompt")]
    text = "\n\n".join(part for part in parts if isinstance(part, str) and part.strip())
    return text[:_MAX_GATED_PROMPT] or None


def licence_from_metadata(card: dict, tags: list[str], what: str) -> tuple[LicenceInfo | None, Finding | None]:
    """The declared licence: the card's `license`, else the `license:` tags the Hub computed."""
    link = _text(card.get("license_link"))
    declared = _text(card.get("license_name"))
    raw = card.get("license")
    if raw is not None and raw != "" and raw != []:
        values = raw if isinstance(raw, list) else [raw]
        if not all(isinstance(value, str) and value.strip() for value in values):
            return None, Finding(
                Severity.ERROR,
                NO_LICENCE,
                f"{what}: the card's `license` field is not a licence id ({type(raw).__name__}); "
                "fix the card or declare an override",
            )
        source = "card"
    else:
        values = [tag[len("license:") :] for tag in tags if tag.startswith("license:")]
        source = "tags"
    unique = list(dict.fromkeys(value.strip() for value in values if value.strip()))
    if not unique and (declared or link):
        # No `license`, but the card names its licence in the fields that go with
        # `license: other`: read them as such (identify.py says so).
        return LicenceInfo(id=None, source="card", link=link, declared=declared), None
    if not unique:
        return None, Finding(
            Severity.ERROR,
            NO_LICENCE,
            f"{what}: declares no licence (no `license`, `license_name` or `license_link` in its card, "
            "and no licence tag); ask the publisher or declare an override",
        )
    if len({value.lower() for value in unique}) > 1:
        listed = ", ".join(unique)
        return LicenceInfo(id=None, source=source, link=link, declared="; ".join(unique)), Finding(
            Severity.ERROR,
            LICENCE_AMBIGUOUS,
            f"{what}: declares several licences ({listed}) without saying how they combine; "
            "declare an override naming the one that applies",
        )
    return LicenceInfo(id=unique[0], source=source, name=None, link=link, declared=declared), None


def lineage_from_metadata(card: dict, tags: list[str]) -> tuple[tuple[str, ...], str | None]:
    """Declared ancestors and how this repository derives from them.

    The card's `base_model` (a string or a list) and `base_model_relation` come
    first; the Hub's `base_model:<id>` and `base_model:<relation>:<id>` tags fill
    in what the card leaves out (it infers a relation, e.g. `quantized`).
    """
    tag_bases: list[str] = []
    tag_relation: str | None = None
    for tag in tags:
        if not tag.startswith("base_model:"):
            continue
        rest = tag[len("base_model:") :]
        if ":" in rest:  # repository ids never contain a colon
            tag_kind, _, base = rest.partition(":")
            tag_relation = tag_relation or _text(tag_kind)
        else:
            base = rest
        if _text(base):
            tag_bases.append(base.strip())
    raw = card.get("base_model")
    card_bases = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    bases = [_repo_id_of(base) for base in card_bases if isinstance(base, str) and base.strip()] or tag_bases
    relation = _text(card.get("base_model_relation")) or tag_relation
    quantizer = _text(card.get("quantized_by"))
    if not bases and quantizer:
        # TheBloke's 2023 cards name the original in `model_link` and say who
        # quantised it, without `base_model`.
        link = _text(card.get("model_link"))
        original = _repo_id_of(link) if link and "://" in link else None
        bases = [original] if original and original != link else []
    if bases and relation is None:
        relation = _relation_from_card(card, tags, quantizer)
    return tuple(dict.fromkeys(bases)), relation if bases else None


_HUB_MODEL_URL = re.compile(
    r"^https?://(?:www\.)?(?:huggingface\.co|hf\.co)/([^/?#\s]+/[^/?#\s]+)/?(?:[?#].*)?$", re.IGNORECASE
)


def _repo_id_of(base: str) -> str:
    """A base model as a repository id: `https://huggingface.co/<id>` (as some cards write it) becomes `<id>`."""
    base = base.strip()
    found = _HUB_MODEL_URL.match(base)
    return found.group(1) if found else base


def _relation_from_card(card: dict, tags: list[str], quantizer: str | None) -> str | None:
    """How a card that does not say `base_model_relation` derives from its bases, when it still tells."""
    if quantizer:
        return "quantized"
    card_tags = card.get("tags")
    named = {
        tag.lower() for tag in [*tags, *(card_tags if isinstance(card_tags, list) else [])] if isinstance(tag, str)
    }
    return "merge" if named & {"merge", "mergekit"} else None


# -- the "License" section of the body ----------------------------------------------------

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD_LEAD = re.compile(r"^\s*(?:[-*+]\s+)?\*\*\s*licen[cs]e[^*]{0,20}\*\*", re.IGNORECASE)
MAX_SECTION_CHARS = 64 * 1024


def card_licence_sections(text: str) -> list[str]:
    """The card's sections about its licence: under a heading that says "License"
    (or "Licence", "Licensing"), or a paragraph led by a bold "**License**"."""
    lines = card_body(text).splitlines()  # the metadata is read apart
    sections: list[str] = []
    current: list[str] | None = None
    level = 0
    for line in lines:
        heading = _HEADING.match(line)
        if heading:
            depth = len(heading.group(1))
            if current is not None and depth > level:
                current.append(line)  # a subsection of the License section
                continue
            if current is not None:
                sections.append("\n".join(current))
                current = None
            if "licen" in heading.group(2).lower():
                current, level = [], depth
            continue
        if current is not None:
            current.append(line)
        elif _BOLD_LEAD.match(line):
            sections.append(line)
    if current is not None:
        sections.append("\n".join(current))
    return [section[:MAX_SECTION_CHARS] for section in sections if section.strip()]
