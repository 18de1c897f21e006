"""Reading a release's licence metadata as a careful person would (licensecheck/package_licence.py): pure."""

from __future__ import annotations

import pytest

from licensecheck.identify import identify_package_licence, licence_body, spdx_spelling
from licensecheck.knowledge import load_knowledge
from licensecheck.model import Severity
from licensecheck.package_licence import PackageDeclarations, read_package_licence

KNOWLEDGE = load_knowledge()
WHAT = "package demo 1.0"
APACHE = "License :: OSI Approved :: Apache Software License"
BSD = "License :: OSI Approved :: BSD License"
MIT = "License :: OSI Approved :: MIT License"
GPL = "License :: OSI Approved :: GNU General Public License (GPL)"
GPL2 = "License :: OSI Approved :: GNU General Public License v2 (GPLv2)"
GPL2_PLUS = "License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)"
GPL3 = "License :: OSI Approved :: GNU General Public License v3 (GPLv3)"

MIT_BODY = """Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def read(expression=None, licence=None, classifiers=(), files=()):
    declared = PackageDeclarations(expression, licence, tuple(classifiers), tuple(files))
    return read_package_licence(declared, KNOWLEDGE, WHAT)


def shown(reading) -> str | None:
    """The licence as reports show it: what identify makes of the reading."""
    return identify_package_licence(reading.licence, KNOWLEDGE).id


def notes(reading) -> list[tuple[Severity, str]]:
    return [(note.severity, note.code) for note in reading.notes]


# -- the order of trust ------------------------------------------------------------------


def test_the_licence_expression_comes_first_and_agreeing_sources_say_nothing():
    reading = read("BSD-3-Clause AND MIT", "BSD", [BSD, MIT])
    assert (reading.licence.id, reading.licence.source, reading.problem) == (
        "BSD-3-Clause AND MIT",
        "pypi:license_expression",
        None,
    )
    assert notes(reading) == []


def test_a_source_that_names_another_licence_is_a_warning():
    reading = read("MIT", classifiers=[GPL3])
    assert (reading.licence.id, reading.licence.source) == ("MIT", "pypi:license_expression")
    (note,) = reading.notes
    assert (note.severity, note.code) == (Severity.WARNING, "licence-sources-disagree")
    assert note.message == (
        f"{WHAT}: the classifiers ({GPL3}) name(s) GPL-3.0-only, which the license_expression 'MIT' does not; "
        "judged under the license_expression 'MIT', the more authoritative source; check which is right"
    )


MPL = "License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)"


@pytest.mark.parametrize(
    ("field", "classifiers"), [("Apache 2.0", [APACHE]), ("MPL-2.0 AND MIT", [MPL, MIT]), ("Apache-2.0", [APACHE])]
)
def test_a_known_licence_field_comes_before_the_classifiers(field, classifiers):
    reading = read(licence=field, classifiers=classifiers)
    assert (reading.licence.id, reading.licence.source, reading.licence.declared) == (field, "pypi:license", field)
    assert notes(reading) == []


@pytest.mark.parametrize(
    "field",
    ["Apache", "BSD license (see license.txt for details), Copyright (c) 2000-2025, ReportLab Inc.", "Dual License"],
)
def test_a_short_field_that_is_no_known_licence_does_not_hide_the_classifiers(field):
    reading = read(licence=field, classifiers=[APACHE])
    assert (reading.licence.id, reading.licence.source) == (APACHE, "pypi:classifier")
    assert shown(reading) == "Apache-2.0"
    (note,) = reading.notes
    assert (note.severity, note.code) == (Severity.INFO, "pypi-licence-unrecognised")
    assert f"the license field {field[:120]!r} names no licence licensecheck knows" in note.message


@pytest.mark.parametrize(
    "field", ["Proprietary. All rights reserved.", "Free for non-commercial use", "Research use only"]
)
def test_a_field_that_restricts_more_than_the_classifiers_is_not_overridden_by_them(field):
    reading = read(licence=field, classifiers=[MIT])
    assert (reading.licence.id, reading.licence.source) == (field, "pypi:license")
    assert identify_package_licence(reading.licence, KNOWLEDGE).known is False
    (note,) = reading.notes
    assert (note.severity, note.code) == (Severity.WARNING, "licence-sources-disagree")
    assert "the classifiers were not trusted" in note.message


# -- families and versions -----------------------------------------------------------------


def test_a_version_less_family_is_refined_by_a_classifier_that_gives_the_version():
    reading = read(licence="GPL", classifiers=[GPL2_PLUS])  # Unidecode
    assert (reading.licence.id, reading.licence.source) == (GPL2_PLUS, "pypi:classifier")
    assert shown(reading) == "GPL-2.0-or-later"
    assert notes(reading) == [(Severity.INFO, "licence-version-from-classifier")]


def test_a_family_stays_the_family_when_the_classifiers_do_not_settle_the_version():
    reading = read(licence="GPL", classifiers=[GPL2, GPL3])
    assert (reading.licence.id, shown(reading), notes(reading)) == ("GPL", "GPL", [])
    assert KNOWLEDGE.lookup(reading.licence.id).id == "gpl"


@pytest.mark.parametrize(
    ("field", "rule"),
    [("GPL", "gpl"), ("LGPL", "lgpl"), ("AGPL", "agpl"), ("BSD", "bsd"), ("Artistic License", "artistic")],
)
def test_version_less_family_names_are_their_family(field, rule):
    reading = read(licence=field)
    assert KNOWLEDGE.lookup(reading.licence.id).id == rule
    assert KNOWLEDGE.lookup(rule).members  # a family: the licences it may stand for


def test_a_family_classifier_gives_way_to_a_versioned_one():
    reading = read(classifiers=[GPL, GPL2_PLUS])
    assert (reading.licence.id, shown(reading), notes(reading)) == (GPL2_PLUS, "GPL-2.0-or-later", [])


def test_free_text_naming_the_affero_gpl_is_the_agpl():
    text = "Dual Licensed - GNU AFFERO GPL 3.0 or Artifex Commercial License"  # pymupdf
    reading = read(licence=text)
    assert (reading.licence.id, reading.licence.source, reading.licence.declared) == (
        "AGPL-3.0-only",
        "pypi:license",
        text,
    )
    assert notes(reading) == [(Severity.INFO, "licence-read-from-text")]
    assert KNOWLEDGE.lookup(read(licence="released under the Affero GPL").licence.id).id == "agpl"


def test_pyinstallers_own_words_are_its_bootloader_exception():
    text = (
        "GPLv2-or-later with a special exception which allows to use PyInstaller to build and distribute "
        "non-free programs (including commercial ones)"
    )
    reading = read(licence=text, classifiers=[GPL2])
    assert shown(reading) == "GPL-2.0-or-later WITH Bootloader-exception"
    assert notes(reading) == []  # the classifier names the licence the exception builds on


def test_text_unidecode_keeps_its_field_and_says_the_classifiers_add_the_gpl():
    reading = read(
        licence="Artistic License",
        classifiers=[
            "License :: OSI Approved :: Artistic License",
            GPL,
            GPL2_PLUS,
        ],
    )
    assert (shown(reading), reading.licence.source) == ("Artistic", "pypi:license")
    (note,) = reading.notes
    assert note.code == "licence-sources-disagree" and "GPL-2.0-only" in note.message


# -- several classifiers ---------------------------------------------------------------------


def test_several_classifiers_all_apply():
    reading = read(licence="Dual License", classifiers=[APACHE, BSD])  # python-dateutil
    assert (reading.licence.id, reading.licence.source) == ("Apache-2.0 AND BSD", "pypi:classifier")
    assert reading.licence.declared == f"{APACHE}; {BSD}"
    assert notes(reading) == [
        (Severity.INFO, "pypi-licence-unrecognised"),
        (Severity.WARNING, "licence-classifiers-combined"),
    ]


# -- whole texts in the license field -----------------------------------------------------------


def test_a_pasted_licence_text_is_recognised_by_its_body():
    reading = read(licence="MIT License\n\nCopyright (c) 2022 OpenAI, Shantanu Jain\n\n" + MIT_BODY)  # tiktoken
    assert (reading.licence.id, reading.licence.source, reading.licence.declared) == (
        "MIT",
        "pypi:license",
        "MIT License",
    )
    assert notes(reading) == [(Severity.INFO, "licence-recognised")]


@pytest.mark.parametrize(
    "notice",
    ["Copyright (c) 2022 Acme, for non-commercial use only", "Copyright 2022 Acme. Not licensed for resale."],
)
def test_a_restriction_in_a_copyright_line_keeps_the_text_from_matching(notice):
    reading = read(licence=f"MIT License\n{notice}\n\n" + MIT_BODY)
    assert reading.licence.id is None and reading.problem.code == "no-licence"
    assert notes(reading) == [(Severity.INFO, "pypi-licence-text")]


def test_a_pasted_text_nothing_recognises_falls_through_to_the_classifiers():
    reading = read(licence="Some Licence\n\nYou may do what you like, mostly.\n", classifiers=[MIT])
    assert (reading.licence.id, notes(reading)) == (MIT, [(Severity.INFO, "pypi-licence-text")])


def test_licence_body_drops_titles_and_notices_only():
    text = (
        "The MIT License (MIT)\nCopyright (c) 2020 A\n(c) 2021 B\nAll rights reserved.\nCOPYRIGHT HOLDERS BE LIABLE\n"
    )
    assert licence_body(text) == "COPYRIGHT HOLDERS BE LIABLE"


# -- nothing usable ----------------------------------------------------------------------------


def test_no_licence_anywhere_names_the_licence_files():
    reading = read(files=["LICENSE", "NOTICE"])
    assert reading.licence is None and reading.problem.code == "no-licence"
    assert reading.problem.message == (
        f"{WHAT}: PyPI shows no licence (no license expression, license field or licence classifier); the licence "
        "file(s) it names (LICENSE, NOTICE) are not served by PyPI's JSON API; ask the maintainers or declare an override"
    )


def test_an_unknown_short_field_alone_is_kept_for_identify_to_reject():
    reading = read(licence="Apache")
    assert (reading.licence.id, reading.problem, reading.notes) == ("Apache", None, ())
    assert identify_package_licence(reading.licence, KNOWLEDGE).known  # an id: the evaluator finds no rule
    assert KNOWLEDGE.lookup("Apache") is None


# -- SPDX spelling -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        (GPL2_PLUS, "GPL-2.0-or-later"),
        (GPL2, "GPL-2.0-only"),
        ("License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)", "GPL-3.0-or-later"),
        ("License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)", "LGPL-2.0-or-later"),
        ("License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)", "AGPL-3.0-or-later"),
        (BSD, "BSD"),
        ("GPLv2+", "GPLv2+"),  # an SPDX-shaped id stays as written
    ],
)
def test_spdx_spelling_keeps_or_later(declared, expected):
    assert spdx_spelling(declared, KNOWLEDGE.lookup(declared)) == expected
