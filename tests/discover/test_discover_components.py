"""components_of makes its Components without the dataclass constructor: they must be what it makes."""

from __future__ import annotations

from dataclasses import fields

from licensecheck.discover import components_of
from licensecheck.discover.collect import Reference
from licensecheck.model import Component, Location


def test_components_are_what_the_constructor_makes():
    here, there = Location("a.py", 3), Location("b.py", 7, "x")
    references = [
        Reference("model", "Org/A", None, here, "from_pretrained"),
        Reference("model", "org/a", None, there, "from_pretrained"),  # the Hub ignores case: one component
        Reference("model", "org/a", None, here, "from_pretrained"),  # the same place again: once
        Reference("dataset", "org/d", "v1", there, "load_dataset"),
    ]
    made = components_of(references)
    expected = [
        Component("model", "Org/A", None, locations=(here, there)),
        Component("dataset", "org/d", "v1", locations=(there,)),
    ]
    assert made == expected
    assert [hash(c) for c in made] == [hash(c) for c in expected]
    assert [repr(c) for c in made] == [repr(c) for c in expected]
    assert [type(c) for c in made] == [Component, Component]
    # every field, in the dataclass's order, and nothing else: what the report reads
    assert [list(vars(c).items()) for c in made] == [list(vars(c).items()) for c in expected]
    assert list(vars(made[0])) == [f.name for f in fields(Component)]
    # the copy skips __init__: a __post_init__ added to Component would be skipped too
    assert not hasattr(Component, "__post_init__")
