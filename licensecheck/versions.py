"""Whether a package's version meets a requirement, as pip judges it (PEP 440).

`packaging` is imported when first asked: a scan that compares no versions does
not pay for it.
"""

from __future__ import annotations


def version_satisfies(version: str | None, requirement: str | None) -> bool:
    """Whether `version` meets the specifier `requirement` (`>=1.2,<2`); pre-releases count.

    No version meets nothing; no requirement is met by any version; a specifier
    that does not parse is met by none.
    """
    if version is None:
        return False
    if not requirement:
        return True
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        return SpecifierSet(requirement).contains(version, prereleases=True)
    except InvalidSpecifier:
        return False
