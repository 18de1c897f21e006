"""`licensecheck notice`: the attribution text a product ships."""

from __future__ import annotations

from reportkit import DEMO, invoke

from licensecheck.model import Obligation
from licensecheck.notice import required_statements


def test_notice_for_a_shipped_product_of_the_demo(tmp_path):
    out = tmp_path / "NOTICE"
    result = invoke("notice", DEMO, "--offline", "--distribution", "redistribute", "--output", out)
    assert result.exit_code == 1, result.output  # the demo has denied models
    text = out.read_text(encoding="utf-8")
    assert result.stdout == ""
    assert text.startswith("NOTICE\n")
    llama = text[text.index("\nmeta-llama/Llama-3.1-8B-Instruct\n") :]
    llama = llama[: llama.index("\n---")]
    assert "Licence: Llama 3.1 Community License Agreement (llama3.1)" in llama
    assert "Licence text: https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE" in llama
    # the required statements, verbatim and on their own lines
    lines = llama.splitlines()
    assert "Built with Llama" in lines
    assert (
        "Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved."
        in lines
    )
    assert "https://llama.meta.com/llama3_1/use-policy" in llama.replace("\n", " ")
    gemma = text[text.index("\ngoogle/gemma-2-2b-it\n") :]
    assert "Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms" in gemma
    assert "Use policies that apply to you and to your users:" in gemma
    # packages: licence name and link
    assert "\nrequests\npackage, version" in text and "https://www.apache.org/licenses/LICENSE-2.0" in text
    # what must not ship unreviewed is marked, and said on stderr
    cohere = text[text.index("\nCohereForAI/c4ai-command-r-v01\n") :]
    assert "licensecheck verdict: denied" in cohere.split("\n---")[0]
    assert "CohereForAI/c4ai-command-r-v01 is denied" in result.stderr


def test_notice_depends_on_the_context():
    shipped = invoke("notice", DEMO, "--offline", "--distribution", "redistribute").stdout
    served = invoke("notice", DEMO, "--offline", "--distribution", "network").stdout
    assert "Llama 3.1 is licensed under" in shipped and "Llama 3.1 is licensed under" not in served
    assert "Built with Llama" in served  # attribution applies to a service too


def test_unknown_licences_are_listed_for_review(fake_hub, tmp_path):
    fake_hub.add_model("acme/mystery", {"license": "other", "license_name": "acme-7"})
    (tmp_path / "models.yaml").write_text("models:\n  - acme/mystery\n")
    result = invoke("notice", tmp_path)
    assert result.exit_code == 3
    assert "acme/mystery" in result.stdout and "REVIEW BEFORE SHIPPING" in result.stdout
    assert "acme/mystery is unknown" in result.stderr


def test_required_statements_are_the_quoted_strings_of_notice_duties():
    notice = Obligation(
        "notice", 'Keep a "Notice" text file with: "Qwen is licensed under the Qwen LICENSE AGREEMENT."', "qwen"
    )
    assert required_statements(notice) == ["Qwen is licensed under the Qwen LICENSE AGREEMENT."]
    attribution = Obligation("attribution", 'Display "Built with Llama" prominently.', "llama3.1")
    assert required_statements(attribution) == ["Built with Llama"]
    naming = Obligation("derivative-naming", 'Names must begin with "Llama".', "llama3.1")
    assert required_statements(naming) == []
    placeholder = Obligation("attribution", 'Say "[name] is built using Falcon LLM technology".', "falcon")
    assert required_statements(placeholder) == []


def _duty(licence: str, code: str) -> Obligation:
    from licensecheck.knowledge import load_knowledge

    rule = load_knowledge().lookup(licence)
    (clause,) = [c for c in rule.clauses if c.code == code]
    return Obligation(code, clause.text, rule.id, clause.source, clause.section)


def test_alternative_statements_are_one_line_that_says_either():
    # Qwen LICENSE AGREEMENT 5.b: "Built with Qwen" or "Improved using Qwen", one of them, not both.
    assert required_statements(_duty("qwen", "attribution")) == ["One of: Built with Qwen | Improved using Qwen"]
    assert required_statements(_duty("qwen-research", "attribution")) == [
        "One of: Built with Qwen | Improved using Qwen"
    ]
    both = Obligation("notice", 'Ship "Alpha is licensed to you" and "Beta is licensed to you".', "x")
    assert required_statements(both) == ["Alpha is licensed to you", "Beta is licensed to you"]  # "and" is not a choice


def test_flux_attribution_notice_comes_whole_with_its_liability_sentence():
    # FLUX.1 [dev] Non-Commercial License v1.1.1, 3.b: the Attribution Notice is two lines, both required.
    assert required_statements(_duty("flux-1-dev-non-commercial", "attribution-notice")) == [
        "The FLUX.1 [dev] Model is licensed by Black Forest Labs Inc. under the FLUX.1 [dev] Non-Commercial License. "
        "Copyright Black Forest Labs Inc.",
        "IN NO EVENT SHALL BLACK FOREST LABS INC. BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN "
        "ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH USE OF THIS MODEL.",
    ]
    v2 = required_statements(_duty("flux-non-commercial-v2", "attribution-notice"))
    assert v2[0].startswith("The FLUX [dev] Model is licensed by Black Forest Labs Inc.") and v2[1].startswith(
        "IN NO EVENT"
    )
