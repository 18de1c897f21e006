"""The PyPI resolver against the fake PyPI JSON API."""

from __future__ import annotations

import re
import socket
import time

import pytest

from licensecheck import __version__
from licensecheck.model import Severity
from licensecheck.resolve.pypi import resolve_package

MIT_TEXT = """MIT License

Copyright (c) 2024 Example Author

Permission is hereby granted, free of charge, to any person obtaining a copy of this software.
"""


def resolve(name, version=None, **options):
    options.setdefault("timeout", 5.0)
    return resolve_package(name, version, **options)


# -- where the licence comes from ---------------------------------------------------------


def test_licence_expression(fake_hub):
    fake_hub.add_package(
        "attrs",
        "24.2.0",
        license_expression="MIT",
        license="ignored",
        classifiers=("License :: OSI Approved :: MIT License",),
    )
    resolution = resolve("attrs")
    assert resolution.ok
    assert resolution.version == "24.2.0"
    licence = resolution.licence
    assert (licence.id, licence.source, licence.declared) == ("MIT", "pypi:license_expression", "MIT")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", resolution.resolved_at)


def test_compound_licence_expression_is_kept_whole(fake_hub):
    fake_hub.add_package("dual", "1.0", license_expression="Apache-2.0 OR BSD-3-Clause")
    assert resolve("dual").licence.id == "Apache-2.0 OR BSD-3-Clause"


def test_short_licence_field(fake_hub):
    fake_hub.add_package(
        "requests", "2.32.3", license="Apache 2.0", classifiers=("License :: OSI Approved :: Apache Software License",)
    )
    licence = resolve("requests").licence
    assert (licence.id, licence.source, licence.declared) == ("Apache 2.0", "pypi:license", "Apache 2.0")


def test_free_text_licence_is_kept_as_declared_not_guessed(fake_hub):
    fake_hub.add_package(
        "closed",
        "1.0",
        license="Proprietary. All rights reserved.",
        classifiers=("License :: OSI Approved :: MIT License",),
    )
    licence = resolve("closed").licence
    assert licence.declared == "Proprietary. All rights reserved."
    assert licence.id == "Proprietary. All rights reserved."
    assert licence.source == "pypi:license"


def test_single_classifier(fake_hub):
    classifiers = (
        "Programming Language :: Python :: 3",
        "License :: OSI Approved",  # says nothing by itself
        "License :: OSI Approved :: BSD License",
    )
    fake_hub.add_package("numpy", "2.1.0", license="", classifiers=classifiers)
    licence = resolve("numpy").licence
    assert (licence.id, licence.source) == ("License :: OSI Approved :: BSD License", "pypi:classifier")
    assert licence.declared == "License :: OSI Approved :: BSD License"


@pytest.mark.parametrize("placeholder", [None, "", "UNKNOWN", "None", "  "])
def test_placeholder_licence_field_falls_through_to_classifiers(fake_hub, placeholder):
    fake_hub.add_package("pkg", "1.0", license=placeholder, classifiers=("License :: OSI Approved :: MIT License",))
    assert resolve("pkg").licence.id == "License :: OSI Approved :: MIT License"


def test_several_classifiers_are_read_as_all_applying(fake_hub):
    # PyPI does not say whether several classifiers combine or are a choice: AND is the stricter reading.
    classifiers = ("License :: OSI Approved :: MIT License", "License :: OSI Approved :: Apache Software License")
    fake_hub.add_package("both", "1.0", classifiers=classifiers)
    resolution = resolve("both")
    assert resolution.ok
    assert (resolution.licence.id, resolution.licence.source) == ("MIT AND Apache-2.0", "pypi:classifier")
    assert resolution.licence.declared == "; ".join(classifiers)
    (note,) = resolution.notes
    assert (note.severity, note.code) == (Severity.WARNING, "licence-classifiers-combined")
    assert "package both 1.0" in note.message


def test_several_classifiers_with_an_unknown_one_are_unrecognised(fake_hub):
    classifiers = ("License :: OSI Approved :: MIT License", "License :: Freely Distributable")
    fake_hub.add_package("both", "1.0", classifiers=classifiers)
    resolution = resolve("both")
    assert resolution.problem.code == "licence-unrecognised"
    assert "License :: Freely Distributable is not a licence licensecheck knows" in resolution.problem.message
    assert (resolution.licence.id, resolution.licence.declared) == (None, "; ".join(classifiers))


def test_repeated_classifier_is_one_licence(fake_hub):
    classifier = "License :: OSI Approved :: MIT License"
    fake_hub.add_package("twice", "1.0", classifiers=(classifier, classifier))
    assert resolve("twice").licence.id == classifier


def test_whole_licence_text_with_a_classifier(fake_hub):
    fake_hub.add_package("pasted", "1.0", license=MIT_TEXT, classifiers=("License :: OSI Approved :: MIT License",))
    resolution = resolve("pasted")
    assert resolution.ok
    assert resolution.licence.id == "License :: OSI Approved :: MIT License"
    (note,) = resolution.notes
    assert (note.severity, note.code) == (Severity.INFO, "pypi-licence-text")
    assert "MIT License" in note.message


def test_whole_licence_text_alone_is_not_an_id(fake_hub):
    fake_hub.add_package("pasted", "1.0", license=MIT_TEXT)
    resolution = resolve("pasted")
    assert not resolution.ok
    assert resolution.problem.code == "no-licence"
    assert resolution.licence.id is None
    assert resolution.licence.declared == "MIT License"


def test_a_long_single_line_is_not_an_id(fake_hub):
    fake_hub.add_package("wordy", "1.0", license="This software may be used " + "and so on " * 20)
    assert resolve("wordy").problem.code == "no-licence"


def test_no_licence_at_all(fake_hub):
    fake_hub.add_package("bare", "0.1", classifiers=("Programming Language :: Python :: 3",))
    resolution = resolve("bare")
    assert resolution.licence is None
    assert resolution.problem.code == "no-licence"
    assert resolution.problem.severity is Severity.ERROR
    assert "bare" in resolution.problem.message
    assert resolution.version == "0.1"


# -- versions and names --------------------------------------------------------------------


def test_exact_version_uses_the_release_url(fake_hub):
    fake_hub.add_package("lib", "1.0", license="GPL-2.0-only")
    fake_hub.add_package("lib", "2.0", license_expression="MIT")
    old = resolve("lib", "1.0")
    assert (old.version, old.licence.id) == ("1.0", "GPL-2.0-only")
    latest = resolve("lib")
    assert (latest.version, latest.licence.id) == ("2.0", "MIT")
    assert fake_hub.count("/pypi/lib/1.0/json") == 1
    assert fake_hub.count("/pypi/lib/json") == 1


def test_other_versions_share_the_metadata(fake_hub):
    fake_hub.add_package("lib", "3.0", license_expression="BSD-3-Clause", other_versions=("2.9",))
    assert resolve("lib", "2.9").version == "2.9"


def test_names_are_matched_after_normalisation(fake_hub):
    fake_hub.add_package("typing_extensions", "4.12.2", license_expression="PSF-2.0")
    assert resolve("Typing.Extensions").licence.id == "PSF-2.0"


@pytest.mark.parametrize("name", ["../../etc/passwd", "a b", "", "-leading", "name?x=1", "nämé"])
def test_invalid_names_are_refused_before_any_request(fake_hub, name):
    resolution = resolve(name)
    assert resolution.problem.code == "pypi-invalid-name"
    assert fake_hub.requests == []


def test_version_is_quoted_into_one_segment(fake_hub):
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    resolution = resolve("lib", "1.0/../../other")
    assert resolution.problem.code == "pypi-not-found"
    paths = [path for _, path in fake_hub.requests]
    # The release page, then the project page (a mirror fallback that does not match).
    assert paths == ["/pypi/lib/1.0%2F..%2F..%2Fother/json", "/pypi/lib/json"]


def test_base_url_argument_wins_over_the_environment(fake_hub, monkeypatch):
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    monkeypatch.setenv("LICENSECHECK_PYPI_URL", "http://127.0.0.1:9")
    assert resolve("lib", base_url=fake_hub.url + "/").ok


def test_user_agent_names_licensecheck(fake_hub):
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    resolve("lib")
    (headers,) = fake_hub.seen_headers
    assert headers["user-agent"] == f"licensecheck/{__version__}"


# -- failures --------------------------------------------------------------------------------


def test_unknown_project(fake_hub):
    problem = resolve("no-such-project").problem
    assert problem.code == "pypi-not-found"
    assert "no-such-project" in problem.message


def test_mirror_without_release_pages_falls_back_to_the_latest_release_only(fake_hub):
    # The first request (the release page) fails as on a mirror that serves only
    # project pages; the project page's latest release is the pinned one.
    fake_hub.add_package("lib", "2.0", license_expression="MIT")
    fake_hub.add_fault("lib", status=404, times=1, repo_type="package")
    resolution = resolve("lib", "2.0")
    assert resolution.ok and resolution.version == "2.0" and resolution.licence.id == "MIT"
    # An older pin is not answered with the latest release's licence.
    fake_hub.add_package("old", "3.0", license_expression="MIT", other_versions=("1.0",))
    fake_hub.add_fault("old", status=404, times=1, repo_type="package")
    assert resolve("old", "1.0").problem.code == "pypi-not-found"


def test_unknown_release(fake_hub):
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    problem = resolve("lib", "9.9").problem
    assert problem.code == "pypi-not-found"
    assert "lib 9.9" in problem.message


@pytest.mark.parametrize("status", [500, 503, 403])
def test_other_http_errors(fake_hub, status):
    fake_hub.add_fault("lib", status=status, repo_type="package")
    problem = resolve("lib").problem
    assert problem.code == "pypi-http-error"
    assert f"HTTP {status}" in problem.message


@pytest.mark.parametrize("body", [b"<html>maintenance</html>", b"", b"\xff\xfe"])
def test_body_that_is_not_json(fake_hub, body):
    fake_hub.add_fault("lib", status=200, body=body, repo_type="package")
    problem = resolve("lib").problem
    assert problem.code == "pypi-invalid-response"
    assert "lib" in problem.message


@pytest.mark.parametrize("body", [[1, 2], {"info": None}, {"info": {"name": "lib"}}, {"info": {"version": 3}}])
def test_json_of_the_wrong_shape(fake_hub, body):
    fake_hub.add_fault("lib", status=200, body=body, repo_type="package")
    assert resolve("lib").problem.code == "pypi-invalid-response"


def test_odd_field_types_do_not_crash(fake_hub):
    body = {"info": {"version": "1.0", "license": 42, "license_expression": ["MIT"], "classifiers": "License :: x"}}
    fake_hub.add_fault("lib", status=200, body=body, repo_type="package")
    resolution = resolve("lib")
    assert resolution.problem.code == "no-licence"


def test_stalled_server_times_out(fake_hub):
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    fake_hub.add_fault("lib", status=None, delay=30, repo_type="package")
    started = time.monotonic()
    problem = resolve("lib", timeout=0.5).problem
    assert time.monotonic() - started < 5
    assert problem.code == "pypi-timeout"


def test_connection_refused(fake_hub):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    problem = resolve("lib", base_url=f"http://127.0.0.1:{port}").problem
    assert problem.code == "pypi-unreachable"
    assert "lib" in problem.message


def test_faults_are_per_kind(fake_hub):
    # A fault on the Hub model "lib" must not break the PyPI project "lib".
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    fake_hub.add_fault("lib", status=500, repo_type="model")
    assert resolve("lib").ok


# -- a requirement with a version specifier ------------------------------------------------------


def numpy_releases(fake_hub, **extra):
    fake_hub.add_package("numpy", "1.22.0", license_expression="BSD-3-Clause", other_versions=("1.23.5", "1.26.4"))
    fake_hub.add_package(
        "numpy", "2.1.0", license_expression="BSD-3-Clause AND MIT", other_versions=("2.0.0",), **extra
    )


def test_a_specifier_is_judged_at_the_newest_release_it_allows(fake_hub):
    numpy_releases(fake_hub)
    resolution = resolve("numpy", requirement=">=1.23,<2")
    assert (resolution.version, resolution.licence.id) == ("1.26.4", "BSD-3-Clause")
    assert [path for _, path in fake_hub.requests] == ["/pypi/numpy/json", "/pypi/numpy/1.26.4/json"]
    (note,) = resolution.notes
    assert (note.severity, note.code) == (Severity.INFO, "pypi-release-chosen")
    assert (
        note.message
        == "package numpy: judged at 1.26.4, the newest release that satisfies >=1.23,<2 (the latest is 2.1.0)"
    )


def test_a_specifier_the_latest_release_satisfies_costs_one_request(fake_hub):
    numpy_releases(fake_hub)
    resolution = resolve("numpy", requirement=">=1.23")
    assert (resolution.version, resolution.licence.id, resolution.notes) == ("2.1.0", "BSD-3-Clause AND MIT", ())
    assert [path for _, path in fake_hub.requests] == ["/pypi/numpy/json"]


def test_no_release_satisfies_the_requirement(fake_hub):
    fake_hub.add_package("requests", "2.32.3", license="Apache-2.0", other_versions=("2.0.0",))
    resolution = resolve("requests", requirement="<2")
    assert (resolution.licence, resolution.version) == (None, None)
    assert resolution.problem.code == "pypi-no-matching-release"
    assert resolution.problem.message == (
        "package requests: no release on PyPI satisfies <2 (the latest is 2.32.3); its licence cannot be judged at a "
        "version the requirement allows: check the requirement"
    )
    assert [path for _, path in fake_hub.requests] == ["/pypi/requests/json"]


def test_yanked_releases_and_releases_without_files_are_not_chosen(fake_hub):
    fake_hub.add_package(
        "lib",
        "3.0",
        license_expression="MIT",
        other_versions=("1.0", "1.1", "1.2"),
        yanked=("1.2",),
        without_files=("1.1",),
    )
    assert resolve("lib", requirement="<2").version == "1.0"
    assert resolve("lib", requirement=">1.0,<2").problem.code == "pypi-no-matching-release"


def test_pre_releases_only_when_the_specifier_asks_for_one(fake_hub):
    fake_hub.add_package("lib", "2.0", license_expression="MIT", other_versions=("2.1rc1", "1.0"))
    assert resolve("lib", requirement=">=1").version == "2.0"
    assert resolve("lib", requirement=">=2.1rc1").version == "2.1rc1"


def test_an_exact_version_wins_over_the_requirement(fake_hub):
    numpy_releases(fake_hub)
    assert resolve("numpy", "1.23.5", requirement="==1.23.5").version == "1.23.5"
    assert [path for _, path in fake_hub.requests] == ["/pypi/numpy/1.23.5/json"]


def test_a_chosen_release_the_index_does_not_serve_is_never_replaced_by_the_latest(fake_hub):
    # A mirror that serves only project pages: the release page of 1.26.4 is missing.
    body = {
        "info": {"name": "numpy", "version": "2.1.0", "license_expression": "MIT"},
        "releases": {"1.26.4": [{"yanked": False}], "2.1.0": [{"yanked": False}]},
    }
    fake_hub.add_package_json(body)  # only the latest release's page is served
    resolution = resolve("numpy", requirement="<2")
    assert resolution.licence is None and resolution.problem.code == "pypi-not-found"
    assert "numpy 1.26.4: the index lists this release (the newest that satisfies <2)" in resolution.problem.message


def test_an_invalid_specifier_is_a_problem_not_a_traceback(fake_hub):
    numpy_releases(fake_hub)
    assert resolve("numpy", requirement=">=>1").problem.code == "pypi-no-matching-release"


# -- limits: a total deadline and a size cap -------------------------------------------------------


@pytest.mark.parametrize(
    "trickle",
    [dict(trickle_headers=False), dict(endless_head=True)],
    ids=["the-body", "headers-that-never-end"],
)
def test_an_answer_trickled_a_byte_at_a_time_is_cut_off_at_the_timeout(fake_hub, trickle):
    fake_hub.add_package("lib", "1.0", license_expression="MIT")
    fake_hub.add_fault("lib", status=None, trickle=0.1, repo_type="package", **trickle)
    problem = resolve("lib", timeout=1.0).problem
    assert (problem.code, problem.message) == ("pypi-timeout", "package lib: PyPI did not answer in time")


@pytest.mark.parametrize("declare_length", [True, False], ids=["with-content-length", "without"])
def test_an_answer_over_the_cap_is_refused(fake_hub, monkeypatch, declare_length):
    import licensecheck.resolve.pypi as pypi

    monkeypatch.setattr(pypi, "_MAX_BODY", 1024 * 1024)  # the real cap, 64 MB, works the same way
    fake_hub.add_fault("lib", status=200, size=1024 * 1024 + 1, declare_length=declare_length, repo_type="package")
    problem = resolve("lib").problem
    assert (problem.code, problem.message) == ("pypi-invalid-response", "package lib: PyPI's answer is too large")


def test_an_answer_nested_too_deeply_is_not_json(fake_hub):
    fake_hub.add_fault("lib", status=200, body="[" * 100_000 + "]" * 100_000, repo_type="package")
    problem = resolve("lib").problem
    assert (problem.code, problem.message) == ("pypi-invalid-response", "package lib: PyPI's answer is not JSON")
