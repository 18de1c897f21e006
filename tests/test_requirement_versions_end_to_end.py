"""A requirement with a version specifier is judged at a release it allows: scan, lock and cache."""

from __future__ import annotations

from click.testing import CliRunner

from cli_helpers import component, scan_json
from licensecheck.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def numpy_and_requests(fake_hub):
    fake_hub.add_package("numpy", "1.22.0", license_expression="BSD-3-Clause", other_versions=("1.26.4",))
    fake_hub.add_package("numpy", "2.1.0", license_expression="BSD-3-Clause AND MIT")
    fake_hub.add_package("requests", "2.32.3", license="Apache-2.0")


def test_each_requirement_is_judged_at_the_newest_release_it_allows(fake_hub, tmp_path):
    numpy_and_requests(fake_hub)
    (tmp_path / "requirements.txt").write_text("numpy>=1.23,<2\nrequests<2\n")
    code, document = scan_json(tmp_path)
    numpy, requests = component(document, "numpy"), component(document, "requests")
    assert (numpy["version"], numpy["license"]["id"], numpy["verdict"]) == ("1.26.4", "BSD-3-Clause", "allowed")
    assert (requests["version"], requests["license"]["id"], requests["verdict"]) == (None, None, "unknown")
    assert [f["code"] for f in requests["findings"]] == ["pypi-no-matching-release"]
    assert code == 3


def test_two_files_that_constrain_one_package_are_both_honoured(fake_hub, tmp_path):
    numpy_and_requests(fake_hub)
    (tmp_path / "requirements.txt").write_text("numpy>=1.23\n")
    (tmp_path / "requirements-dev.txt").write_text("numpy<2\n")
    code, document = scan_json(tmp_path)
    numpy = component(document, "numpy")
    assert (numpy["requirement"], numpy["version"]) == ("<2,>=1.23", "1.26.4")


def test_the_lock_records_the_chosen_release_and_answers_offline(fake_hub, tmp_path):
    numpy_and_requests(fake_hub)
    (tmp_path / "requirements.txt").write_text("numpy<2\n")
    assert run("lock", str(tmp_path)).exit_code == 0
    fake_hub.requests.clear()
    code, document = scan_json(tmp_path, "--offline")
    numpy = component(document, "numpy")
    assert (numpy["version"], numpy["license"]["id"], numpy["from_lock"], code) == ("1.26.4", "BSD-3-Clause", True, 0)
    assert fake_hub.requests == []


def test_a_cached_answer_for_one_specifier_is_not_used_for_another(fake_hub, tmp_path):
    numpy_and_requests(fake_hub)
    (tmp_path / "requirements.txt").write_text("numpy>=2\n")
    assert component(scan_json(tmp_path)[1], "numpy")["version"] == "2.1.0"
    (tmp_path / "requirements.txt").write_text("numpy<2\n")
    assert component(scan_json(tmp_path)[1], "numpy")["version"] == "1.26.4"
