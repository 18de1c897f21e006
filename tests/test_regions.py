"""The region of the usage context: assigned ISO 3166-1 alpha-2 codes and EU, nothing else."""

from __future__ import annotations

import pytest

from licensecheck.knowledge import RulesError, parse_rule
from licensecheck.regions import ASSIGNED_COUNTRY_CODES, RegionError, parse_region


def test_the_table_holds_the_249_assigned_codes():
    assert len(ASSIGNED_COUNTRY_CODES) == 249
    assert {"FR", "DE", "US", "GB", "CN", "JP", "IN", "BR", "SS", "XK"} & ASSIGNED_COUNTRY_CODES == {
        "FR",
        "DE",
        "US",
        "GB",
        "CN",
        "JP",
        "IN",
        "BR",
        "SS",
    }  # XK (Kosovo) is user-assigned, not an ISO code


@pytest.mark.parametrize(("given", "code"), [("fr", "FR"), (" us ", "US"), ("EU", "EU"), ("eu", "EU"), ("AQ", "AQ")])
def test_assigned_codes_and_eu_are_regions(given, code):
    assert parse_region(given) == code


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("ZZ", "'ZZ' is not an ISO 3166-1 country code or EU"),  # user-assigned
        ("XX", "'XX' is not an ISO 3166-1 country code or EU"),
        ("AA", "'AA' is not an ISO 3166-1 country code or EU"),
        ("QM", "'QM' is not an ISO 3166-1 country code or EU"),
        ("YU", "'YU' is not an ISO 3166-1 country code or EU"),  # withdrawn (Yugoslavia)
        ("uk", "'uk' is not an ISO 3166-1 country code or EU (for that country, give GB)"),
        ("EL", "'EL' is not an ISO 3166-1 country code or EU (for that country, give GR)"),
        ("FRA", "'FRA' is not an ISO 3166-1 country code or EU"),
        ("", "'' is not an ISO 3166-1 country code or EU"),
    ],
)
def test_anything_else_is_refused_with_what_was_given(given, message):
    with pytest.raises(RegionError) as raised:
        parse_region(given)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("regions", "problem"),
    [
        (["UK"], "`regions`: 'UK' is not an ISO 3166-1 country code or EU \\(for that country, give GB\\)"),
        (["EU", "ZZ"], "`regions`: 'ZZ' is not an ISO 3166-1 country code or EU$"),
    ],
)
def test_a_clause_region_no_country_has_is_a_rules_error(regions, problem):
    """Checked by regions.py as `--region` is: "UK" would otherwise match no context, silently."""
    raw = {
        "id": "x",
        "name": "X",
        "url": "https://x",
        "category": "permissive",
        "clauses": [{"code": "c", "effect": "deny", "text": "t", "source": "https://x", "regions": regions}],
    }
    with pytest.raises(RulesError, match=problem):
        parse_rule(raw, "x.toml", ("permissive",))


def test_clause_regions_are_kept_as_upper_case_codes():
    raw = {
        "id": "x",
        "name": "X",
        "url": "https://x",
        "category": "permissive",
        "clauses": [{"code": "c", "effect": "deny", "text": "t", "source": "https://x", "regions": ["eu", "gb"]}],
    }
    assert parse_rule(raw, "x.toml", ("permissive",)).clauses[0].regions == frozenset({"EU", "GB"})
