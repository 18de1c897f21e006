"""Reading a repository's LICENSE file when `license: other` says too little: real client, fake Hub."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakehub import ACCEPTED_TOKEN, _error, fake_sha

from licensecheck.cli import main
from licensecheck.identify import identify, recognise_by_text, text_fingerprint
from licensecheck.knowledge import Knowledge, Recogniser, load_knowledge
from licensecheck.model import LicenceInfo, LicenceRule
from licensecheck.resolve.hub import make_hub_api, resolve_hub_repo
from licensecheck.resolve.licence_text import (
    MAX_LICENCE_BYTES,
    licence_file_wanted,
    repo_file_from_link,
    with_licence_file,
)

# Stand-ins for licence files, in our own words: each carries the phrase that names
# the licence (what rules/recognise.toml looks for), none is a licence text.
QWEN_TEXT = b"Qwen LICENSE AGREEMENT\n\nA stand-in for the agreement, written for a test.\n"
ACME_TEXT = b"ACME Model Licence 7\n\nUse it as you like, say the ACME people.\n"


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def resolve_with_file(repo_id, knowledge, *, repo_type="model", timeout=5.0):
    api = make_hub_api()
    record = resolve_hub_repo(api, repo_type, repo_id, None, timeout=timeout)
    return with_licence_file(api, record, repo_type, repo_id, knowledge, timeout=timeout)


# -- which file, and when -------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("LICENSE", "LICENSE"),
        ("LICENSE.md", "LICENSE.md"),
        ("./LICENSE.txt", "LICENSE.txt"),
        ("/LICENSE", "LICENSE"),
        ("licenses/MODEL_LICENSE", "licenses/MODEL_LICENSE"),
        ("https://huggingface.co/org/model/blob/main/LICENSE.md", "LICENSE.md"),
        ("https://huggingface.co/ORG/Model/resolve/v1.0/LICENSE", "LICENSE"),
        ("https://hf.co/org/model/raw/main/sub/LICENSE", "sub/LICENSE"),
        ("https://huggingface.co/other/model/blob/main/LICENSE", None),  # another repository's file
        ("https://huggingface.co/org/model", None),
        ("https://example.com/org/model/blob/main/LICENSE", None),
        ("../LICENSE", None),
        ("see the licence", None),
        ("", None),
        (None, None),
    ],
)
def test_repo_file_from_link(link, expected):
    assert repo_file_from_link(link, "model", "org/model") == expected


def test_repo_file_from_link_for_datasets():
    link = "https://huggingface.co/datasets/org/data/blob/main/LICENSE"
    assert repo_file_from_link(link, "dataset", "org/data") == "LICENSE"
    assert repo_file_from_link("https://huggingface.co/org/data/blob/main/LICENSE", "dataset", "org/data") is None


@pytest.mark.parametrize(
    ("licence", "wanted"),
    [
        (LicenceInfo("other", "card"), True),
        (LicenceInfo("OTHER", "card", declared="acme-licence"), True),
        (LicenceInfo("other", "card", link="https://acme.example/licence"), True),
        (LicenceInfo("unknown", "card"), True),
        (LicenceInfo("other", "card", declared="qwen"), False),  # the name settles it
        (LicenceInfo("other", "card", link="https://mistral.ai/licenses/MRL-0.1.md"), False),  # the link does
        (LicenceInfo("other", "card", declared="other"), True),  # `other` names no terms
        (LicenceInfo("mit", "card"), False),
        (LicenceInfo(None, "card"), False),
        (None, False),
    ],
)
def test_licence_file_wanted_only_when_the_card_leaves_it_open(licence, wanted, knowledge):
    assert licence_file_wanted(licence, knowledge) is wanted


# -- recognition ------------------------------------------------------------------------


def test_fingerprint_ignores_case_spacing_and_punctuation():
    assert text_fingerprint("The  ACME licence,\nversion 7.") == text_fingerprint("the acme licence version 7")
    assert text_fingerprint("the acme licence version 7") != text_fingerprint("the acme licence version 8")


def test_an_exact_fingerprint_wins_over_markers():
    acme = ACME_TEXT.decode()
    recognisers = (
        Recogniser("acme", text_sha256=(text_fingerprint(acme),)),
        Recogniser("markers", text_markers=("use it as you like",)),
    )
    assert recognise_by_text(acme, recognisers) == "acme"
    # One word more: no longer the known text, so only the markers speak.
    assert recognise_by_text(acme + " Also this.", recognisers) == "markers"
    assert recognise_by_text("nothing known here", recognisers) is None


def test_two_licences_matching_is_no_answer():
    recognisers = (Recogniser("a", text_markers=("shared phrase",)), Recogniser("b", text_markers=("shared phrase",)))
    assert recognise_by_text("a shared phrase", recognisers) is None


@pytest.mark.skipif(
    not Path("/usr/share/common-licenses/Apache-2.0").is_file(), reason="no system copy of licence texts"
)
@pytest.mark.parametrize(
    ("path", "licence"),
    [
        ("Apache-2.0", "apache-2.0"),
        ("GPL-2", "gpl-2.0"),
        ("GPL-3", "gpl-3.0"),
        ("LGPL-2.1", "lgpl-2.1"),
        ("LGPL-3", "lgpl-3.0"),
        ("MPL-2.0", "mpl-2.0"),
        ("MPL-1.1", "mpl-1.1"),
        ("CC0-1.0", "cc0-1.0"),
    ],
)
def test_fingerprints_in_the_rules_match_the_system_copies(path, licence, knowledge):
    text = Path("/usr/share/common-licenses", path).read_text(encoding="utf-8")
    assert recognise_by_text(text, knowledge.recognisers) == licence
    # Reflowed and re-cased, it is still the same text.
    assert recognise_by_text(" ".join(text.upper().split()), knowledge.recognisers) == licence


def test_identify_uses_the_locked_fingerprint_against_todays_rules():
    rule = LicenceRule("acme", "ACME Licence", "https://acme.example/licence", "permissive")
    fingerprint = text_fingerprint(ACME_TEXT.decode())
    info = LicenceInfo("other", "card", declared="acme-7", file="LICENSE", file_sha256=fingerprint)
    before = identify("model", info, Knowledge((rule,)))
    assert before.id == "other" and "LICENSE matches no known licence text" in before.findings[0].message
    after = identify("model", info, Knowledge((rule,), (Recogniser("acme", text_sha256=(fingerprint,)),)))
    assert after.id == "acme" and "licence file LICENSE" in after.findings[0].message


def test_identify_never_takes_a_locked_id_that_has_no_terms(knowledge):
    info = LicenceInfo("other", "card", file="LICENSE", file_id="unknown")
    assert identify("model", info, knowledge).id == "other"


# -- reading the file through the client --------------------------------------------------


def test_other_licence_recognised_from_its_licence_file(fake_hub, knowledge):
    fake_hub.add_model("org/model", {"license": "other", "license_name": "custom"}, files={"LICENSE": QWEN_TEXT})
    record = resolve_with_file("org/model", knowledge)
    licence = record.resolution.licence
    assert (licence.id, licence.file, licence.file_id) == ("other", "LICENSE", "qwen")
    assert licence.file_sha256 == text_fingerprint(QWEN_TEXT.decode())
    assert record.resolution.licence_text == QWEN_TEXT.decode()
    commit = record.resolution.version
    assert ("GET", f"/org/model/resolve/{commit}/LICENSE") in fake_hub.requests  # the commit of the metadata


def test_the_file_the_link_names_is_read_before_other_licence_files(fake_hub, knowledge):
    fake_hub.add_model(
        "org/model",
        {"license": "other", "license_link": "LICENSE.md"},
        files={"LICENSE": ACME_TEXT, "LICENSE.md": QWEN_TEXT},
    )
    assert resolve_with_file("org/model", knowledge).resolution.licence.file_id == "qwen"


def test_datasets_are_read_under_datasets(fake_hub, knowledge):
    fake_hub.add_dataset("org/data", {"license": "other"}, files={"LICENSE": QWEN_TEXT})
    record = resolve_with_file("org/data", knowledge, repo_type="dataset")
    assert record.resolution.licence.file_id == "qwen"
    assert fake_hub.count("/datasets/org/data/resolve/") == 1


def test_no_download_when_the_card_settles_it_or_there_is_no_file(fake_hub, knowledge):
    fake_hub.add_model("org/named", {"license": "other", "license_name": "qwen"}, files={"LICENSE": QWEN_TEXT})
    fake_hub.add_model("org/nofile", {"license": "other", "license_name": "custom"})
    fake_hub.add_model("org/mit", {"license": "mit"}, files={"LICENSE": ACME_TEXT})
    for repo_id in ("org/named", "org/nofile", "org/mit"):
        assert resolve_with_file(repo_id, knowledge).resolution.licence.file is None
    # Only /api/ metadata requests, and the README of the card that leaves its licence open
    # (its License section could name it; this one has none).
    assert [path for _, path in fake_hub.requests if not path.startswith("/api/")] == [
        f"/org/nofile/resolve/{fake_sha('model', 'org/nofile')}/README.md"
    ]


def test_unrecognised_text_is_recorded_and_quoted(fake_hub, knowledge):
    fake_hub.add_model("org/acme", {"license": "other", "license_name": "acme-7"}, files={"LICENSE": ACME_TEXT})
    record = resolve_with_file("org/acme", knowledge)
    assert record.resolution.problem is None
    assert (record.resolution.licence.file, record.resolution.licence.file_id) == ("LICENSE", None)


def test_gated_repository_file_is_a_problem_that_says_what_to_do(fake_hub, knowledge):
    fake_hub.add_model(
        "org/gated", {"license": "other", "license_link": "LICENSE"}, gated="manual", files={"LICENSE": QWEN_TEXT}
    )
    record = resolve_with_file("org/gated", knowledge)
    problem = record.resolution.problem
    assert problem.code == "licence-file-gated"
    for words in ("gated", "HF_TOKEN", "override", "'LICENSE'", "org/gated"):
        assert words in problem.message


def test_gated_repository_file_is_read_with_an_accepted_token(fake_hub, knowledge, monkeypatch):
    fake_hub.add_model("org/gated", {"license": "other"}, gated="manual", files={"LICENSE": QWEN_TEXT})
    monkeypatch.setenv("HF_TOKEN", ACCEPTED_TOKEN)
    record = resolve_with_file("org/gated", knowledge)
    assert record.resolution.problem is None and record.resolution.licence.file_id == "qwen"


FALCON_PROMPT = (
    "## Terms of use\n\nRead the licence at "
    "https://huggingface.co/spaces/tiiuae/falcon-180b-license/blob/main/LICENSE.txt before you ask for access."
)


def resolved_files(fake_hub) -> list[str]:
    return [path for _, path in fake_hub.requests if "/resolve/" in path]


def test_gated_access_prompt_names_the_licence_without_access_or_a_download(fake_hub, knowledge, tmp_path):
    # The shape of tiiuae/falcon-180B: `license: unknown`, gated, the licence linked
    # from the access prompt that the metadata carries.
    card = {"license": "unknown", "extra_gated_prompt": FALCON_PROMPT}
    fake_hub.add_model("tiiuae/falcon-180B", card, gated="manual", files={"LICENSE.txt": QWEN_TEXT})
    record = resolve_with_file("tiiuae/falcon-180B", knowledge)
    assert record.resolution.problem is None
    assert record.resolution.licence.file == "extra_gated_prompt" and record.resolution.licence.file_id == "falcon-180b"
    assert resolved_files(fake_hub) == []
    # End to end, then offline from the lock.
    (tmp_path / "models.yaml").write_text("models:\n  - tiiuae/falcon-180B\n")
    assert CliRunner().invoke(main, ["lock", str(tmp_path)], catch_exceptions=False).exit_code == 0
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "--offline", "--format", "json", "--users", "2M"])
    component = json.loads(result.stdout)["components"][0]
    assert component["license"]["id"] == "falcon-180b"
    assert any("access prompt" in f["message"] for f in component["findings"])


def test_gated_access_prompt_by_its_text_markers(fake_hub, knowledge):
    card = {"license": "other", "extra_gated_prompt": QWEN_TEXT.decode()}
    fake_hub.add_model("org/gated-qwen", card, gated="auto")
    record = resolve_with_file("org/gated-qwen", knowledge)
    assert record.resolution.licence.file_id == "qwen"


def test_an_ambiguous_access_prompt_is_not_an_answer(fake_hub, knowledge):
    prompt = FALCON_PROMPT + " Or see https://mistral.ai/licenses/MNPL-0.1.md instead."
    fake_hub.add_model(
        "org/two-links",
        {"license": "unknown", "extra_gated_prompt": prompt},
        gated="manual",
        files={"LICENSE": QWEN_TEXT},
    )
    record = resolve_with_file("org/two-links", knowledge)
    # Two licences named: the prompt settles nothing, and the gated file cannot be read.
    assert record.resolution.problem.code == "licence-file-gated"


def test_a_missing_file_is_a_note_not_a_problem(fake_hub, knowledge):
    fake_hub.add_model("org/model", {"license": "other", "license_link": "LICENSE.md"})
    record = resolve_with_file("org/model", knowledge)
    assert record.resolution.problem is None
    assert [n.code for n in record.resolution.notes] == ["licence-file-missing"]


def test_a_huge_file_is_not_read(fake_hub, knowledge):
    fake_hub.add_model("org/model", {"license": "other"}, files={"LICENSE": b"x" * (MAX_LICENCE_BYTES + 10)})
    record = resolve_with_file("org/model", knowledge)
    assert [n.code for n in record.resolution.notes] == ["licence-file-too-large"]
    assert record.resolution.licence.file is None


def fail_file_requests(hub, status=None, delay=0.0):
    """Faults on file downloads only (the metadata request still answers)."""
    answer = hub.answer

    def faulty(method, raw_path, headers):
        if "/resolve/" in raw_path:
            if delay and not hub._sleep(delay):
                return None
            if status is not None:
                return _error(status, "Injected fault")
        return answer(method, raw_path, headers)

    hub.answer = faulty


def test_server_error_on_the_file_is_a_problem_after_one_request(fake_hub, knowledge):
    fake_hub.add_model("org/model", {"license": "other"}, files={"LICENSE": QWEN_TEXT})
    fail_file_requests(fake_hub, status=503)
    started = time.monotonic()
    record = resolve_with_file("org/model", knowledge)
    assert time.monotonic() - started < 3  # no retry storm
    assert record.resolution.problem.code == "hub-server-error"
    assert "LICENSE could not be read" in record.resolution.problem.message
    assert fake_hub.count("/org/model/resolve/") == 1


def test_a_stalled_file_download_times_out(fake_hub, knowledge):
    fake_hub.add_model("org/model", {"license": "other"}, files={"LICENSE": QWEN_TEXT})
    fail_file_requests(fake_hub, delay=5)
    started = time.monotonic()
    record = resolve_with_file("org/model", knowledge, timeout=0.3)
    assert time.monotonic() - started < 3
    assert record.resolution.problem.code == "hub-timeout"


@pytest.mark.parametrize(
    "trickle",
    [dict(trickle_headers=False), dict(endless_head=True)],
    ids=["the-body", "headers-that-never-end"],
)
def test_a_trickled_file_download_is_cut_off_at_the_timeout(fake_hub, knowledge, trickle):
    fake_hub.add_model("org/model", {"license": "other"}, files={"LICENSE": QWEN_TEXT})
    fake_hub.add_fault("org/model", status=None, trickle=0.1, on="file", **trickle)
    problem = resolve_with_file("org/model", knowledge, timeout=1.0).resolution.problem
    assert (problem.code, problem.message) == (
        "hub-timeout",
        "model org/model: declares license 'other', and its licence file LICENSE could not be read "
        f"(the Hub did not answer in time at revision {fake_sha('model', 'org/model')})",
    )


def test_a_huge_file_download_is_cut_at_the_cap(fake_hub, knowledge):
    fake_hub.add_model("org/model", {"license": "other"}, files={"LICENSE": QWEN_TEXT})
    fake_hub.add_fault("org/model", status=None, size=64 * 1024 * 1024, declare_length=False, on="file")
    record = resolve_with_file("org/model", knowledge)
    # README.md, read next for a "License" section, is as huge: cut too, and only noted.
    assert [n.code for n in record.resolution.notes] == ["licence-file-too-large", "card-unreadable"]
    assert (record.resolution.problem, record.resolution.licence.file) == (None, None)


def test_the_token_never_reaches_a_report(fake_hub, knowledge, monkeypatch, tmp_path):
    fake_hub.add_model("org/gated", {"license": "other"}, gated="manual", files={"LICENSE": QWEN_TEXT})
    monkeypatch.setenv("HF_TOKEN", "hf_SENTINELnotAcceptedToken")
    (tmp_path / "models.yaml").write_text("models:\n  - org/gated\n")
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 3
    assert "SENTINEL" not in result.output
    assert json.loads(result.stdout)["components"][0]["findings"][0]["code"] == "licence-file-gated"


# -- through scan and lock ----------------------------------------------------------------


def test_recognised_file_is_locked_and_offline_scans_recognise_it(fake_hub, tmp_path):
    fake_hub.add_model("org/model", {"license": "other", "license_name": "custom"}, files={"LICENSE": QWEN_TEXT})
    (tmp_path / "models.yaml").write_text("models:\n  - org/model\n")
    assert CliRunner().invoke(main, ["lock", str(tmp_path)], catch_exceptions=False).exit_code == 0
    locked = json.loads((tmp_path / "licensecheck.lock").read_text())["components"][0]["license"]
    assert locked["id"] == "other" and locked["file"] == "LICENSE" and locked["file_id"] == "qwen"
    requests = len(fake_hub.requests)
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "--offline", "--format", "json", "--users", "2M"])
    assert len(fake_hub.requests) == requests
    component = json.loads(result.stdout)["components"][0]
    assert component["license"]["id"] == "qwen" and component["verdict"] == "conditional"
    assert any("licence file LICENSE" in f["message"] for f in component["findings"])


def test_gated_file_is_not_locked_and_lock_says_why(fake_hub, tmp_path):
    fake_hub.add_model("org/gated", {"license": "other"}, gated="auto", files={"LICENSE": QWEN_TEXT})
    (tmp_path / "models.yaml").write_text("models:\n  - org/gated\n")
    result = CliRunner().invoke(main, ["lock", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 3 and "gated" in result.stderr
    assert json.loads((tmp_path / "licensecheck.lock").read_text())["components"] == []


def test_locked_fingerprint_is_recognised_when_the_rules_learn_the_text(fake_hub, tmp_path):
    # A lock written before the rules knew this text: file read, nothing recognised.
    apache_fingerprint = "95f35d79ea3bab75c250549d6a03cef242e0547d78c99e26fcede49936fb0184"
    (tmp_path / "models.yaml").write_text("models:\n  - org/model\n")
    entry = {
        "type": "model",
        "name": "org/model",
        "requested": None,
        "version": "a" * 40,
        "resolved_at": None,
        "license": {"id": "other", "source": "card", "file": "LICENSE", "file_sha256": apache_fingerprint},
    }
    (tmp_path / "licensecheck.lock").write_text(json.dumps({"lock_version": 1, "components": [entry]}))
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "--offline", "--format", "json"])
    assert json.loads(result.stdout)["components"][0]["license"]["id"] == "apache-2.0"


def test_override_still_wins_over_the_file(fake_hub, tmp_path):
    fake_hub.add_model("org/model", {"license": "other"}, files={"LICENSE": QWEN_TEXT})
    (tmp_path / "models.yaml").write_text(
        "models:\n  - id: org/model\n    license: mit\n    reason: relicensed upstream, LEG-7\n"
    )
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "--format", "json"])
    assert json.loads(result.stdout)["components"][0]["license"]["id"] == "mit"
