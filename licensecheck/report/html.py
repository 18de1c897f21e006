"""One self-contained HTML file for the legal team.

No external scripts, styles, fonts or images (a Content-Security-Policy says so
to the browser too): inline CSS, and a few lines of inline JavaScript that
filter components by verdict and name. Without JavaScript everything is shown.
Every piece of text is escaped, control characters shown as visible escapes,
and only http(s) URLs become links: licence links come from model cards, which
anyone can write.
"""

from __future__ import annotations

from html import escape as _html_escape

from .. import __version__
from ..model import ComponentResult, ScanResult
from . import RenderOptions
from .common import (
    HUB_URL,
    VERDICT_ORDER,
    creation_time,
    home_url,
    knowledge_of,
    licence_facts,
    lineage_lines,
    ordered,
    version_of,
    web_url,
)
from .escape import plain
from .text import describe_context

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

_STYLE = """
:root { --denied: #b42318; --unknown: #b54708; --conditional: #175cd3; --allowed: #067647; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2939;
       margin: 0; background: #f6f7f9; }
header, main { max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
header { padding-top: 28px; }
h1 { font-size: 24px; margin: 0 0 4px; }
.context { color: #475467; margin: 0 0 16px; }
.notice { background: #fffaeb; border: 1px solid #fedf89; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.summary { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.count { background: #fff; border: 1px solid #e4e7ec; border-top: 4px solid; border-radius: 8px;
         padding: 10px 16px; min-width: 130px; cursor: pointer; user-select: none; font: inherit; text-align: left; }
.count strong { display: block; font-size: 26px; }
.count[aria-pressed="false"] { opacity: .45; }
.count.denied { border-top-color: var(--denied); } .count.unknown { border-top-color: var(--unknown); }
.count.conditional { border-top-color: var(--conditional); } .count.allowed { border-top-color: var(--allowed); }
.tools { margin: 8px 0 16px; }
.tools input { font: inherit; padding: 6px 10px; width: 320px; border: 1px solid #d0d5dd; border-radius: 6px; }
.component { background: #fff; border: 1px solid #e4e7ec; border-left: 6px solid; border-radius: 8px;
             padding: 12px 16px; margin: 0 0 12px; }
.component.denied { border-left-color: var(--denied); } .component.unknown { border-left-color: var(--unknown); }
.component.conditional { border-left-color: var(--conditional); } .component.allowed { border-left-color: var(--allowed); }
.component h2 { font-size: 17px; margin: 0; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.kind { color: #667085; font-weight: normal; font-size: 13px; }
.badge { color: #fff; border-radius: 10px; padding: 1px 9px; font-size: 12px; font-weight: 600; text-transform: uppercase; }
.badge.denied { background: var(--denied); } .badge.unknown { background: var(--unknown); }
.badge.conditional { background: var(--conditional); } .badge.allowed { background: var(--allowed); }
dl { display: grid; grid-template-columns: 140px 1fr; gap: 4px 12px; margin: 10px 0 0; }
dt { color: #667085; } dd { margin: 0; overflow-wrap: anywhere; }
ul { margin: 0; padding-left: 18px; }
code { font-size: 13px; background: #f2f4f7; padding: 0 4px; border-radius: 4px; }
.error { color: var(--denied); } .warning { color: var(--unknown); } .info { color: #475467; }
footer { max-width: 1100px; margin: 0 auto; padding: 8px 24px 32px; color: #667085; font-size: 13px; }
.empty { color: #667085; display: none; }
"""

_SCRIPT = """
(function () {
  var buttons = document.querySelectorAll('button.count');
  var search = document.getElementById('search');
  var empty = document.getElementById('empty');
  function apply() {
    var shown = {}, text = search.value.trim().toLowerCase(), visible = 0;
    buttons.forEach(function (b) { shown[b.dataset.verdict] = b.getAttribute('aria-pressed') === 'true'; });
    document.querySelectorAll('section.component').forEach(function (s) {
      var ok = shown[s.dataset.verdict] && (!text || s.dataset.name.indexOf(text) !== -1);
      s.hidden = !ok; if (ok) { visible += 1; }
    });
    empty.style.display = visible ? 'none' : 'block';
  }
  buttons.forEach(function (b) {
    b.addEventListener('click', function () {
      b.setAttribute('aria-pressed', b.getAttribute('aria-pressed') === 'true' ? 'false' : 'true'); apply();
    });
  });
  search.addEventListener('input', apply);
  apply();
})();
"""


def escape(text: str, quote: bool = True) -> str:
    """Text or an attribute value: HTML-escaped, and inert (`escape.plain`: no control character, no workflow command)."""
    return _html_escape(plain(text), quote)


def _link(url: str | None, label: str | None = None) -> str:
    """A link for an http(s) URL; anything else (javascript:, data:, a bare path) stays text."""
    if not url:
        return ""
    text = escape(label or url)
    if link := web_url(url):
        return f'<a href="{escape(link, quote=True)}" rel="noopener noreferrer">{text}</a>'
    return text


def _row(label: str, value: str) -> str:
    return f"<dt>{escape(label)}</dt><dd>{value}</dd>" if value else ""


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items else ""


def _alternatives(result: ComponentResult) -> str:
    """`scan --suggest`: models that could replace this one, linked to the Hub."""
    if result.alternatives is None:
        return ""
    if not result.alternatives:
        return "no alternative found"
    return _list(
        [
            f"{_link(f'{HUB_URL}/{a.id}', a.id)} <code>{escape(a.licence or '')}</code> {escape(a.verdict.value)}"
            for a in result.alternatives
        ]
    )


def _component(result: ComponentResult, knowledge) -> str:
    component, evaluation = result.component, result.evaluation
    verdict = evaluation.verdict.value
    version = version_of(result)
    facts = licence_facts(result, knowledge)
    licence = result.resolution.licence
    if facts.id:
        licence_html = escape(facts.name or facts.id) + f" <code>{escape(facts.id)}</code>"
        if licence is not None:
            locked = ", locked" if result.resolution.from_lock else ""
            licence_html += f' <span class="kind">from {escape(licence.source)}{locked}</span>'
    else:
        declared = f" (declared: {escape(facts.name)})" if facts.name else ""
        licence_html = "not determined" + declared
    reasons = [
        f'<span class="{escape(f.severity.value)}">{escape(f.severity.value)}</span>: {escape(f.message)} <code>{escape(f.code)}</code>'
        for f in evaluation.findings
    ]
    obligations = []
    for position, text in enumerate(evaluation.obligations):
        duty = evaluation.duties[position] if position < len(evaluation.duties) else None
        cite = f" {_link(duty.source, 'source')}" if duty is not None and duty.source else ""
        obligations.append(escape(text) + cite)
    sources = [_link(url) for url in dict.fromkeys(filter(None, (facts.url, *facts.sources)))]
    where = [escape(f"{place.path}:{place.line}" if place.line else place.path) for place in component.locations]
    title = _link(home_url(result), component.name) or escape(component.name)
    rows = "".join(
        (
            _row("Licence", licence_html),
            _row("Verdict", escape(verdict)),
            _row("Reason" if verdict in ("denied", "unknown") else "Findings", _list(reasons)),
            _row("Lineage", _list([escape(line) for line in lineage_lines(result)])),
            _row("Obligations", _list(obligations)),
            _row("Alternatives", _alternatives(result)),
            _row("Sources", _list(sources)),
            _row("Declared in", _list(where)),
        )
    )
    return (
        f'<section class="component {escape(verdict)}" data-verdict="{escape(verdict)}" '
        f'data-name="{escape(component.name.lower(), quote=True)}">'
        f'<h2>{title} <span class="kind">{escape(component.type)}{" " + escape(version[:12]) if version else ""}</span>'
        f' <span class="badge {escape(verdict)}">{escape(verdict)}</span></h2>'
        f"<dl>{rows}</dl></section>"
    )


def render(result: ScanResult, options: RenderOptions) -> str:
    knowledge = knowledge_of(options)
    counts = result.summary()
    buttons = "".join(
        f'<button type="button" class="count {v.value}" data-verdict="{v.value}" aria-pressed="true">'
        f"<strong>{counts[v.value]}</strong>{v.value}</button>"
        for v in VERDICT_ORDER
    )
    notices = "".join(
        f'<p class="notice"><strong>{escape(n.severity.value)}</strong>: {escape(n.message)}</p>'
        for n in result.notices
    )
    sections = "\n".join(_component(r, knowledge) for r in ordered(result))
    generated = creation_time().strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>licensecheck report</title>
<style>{_STYLE}</style>
</head>
<body>
<header>
<h1>Licence report</h1>
<p class="context">{len(result.components)} components, judged for {escape(describe_context(result.context))}.</p>
{notices}
<div class="summary" role="group" aria-label="Filter by verdict">{buttons}</div>
<div class="tools"><input id="search" type="search" placeholder="Filter by name" aria-label="Filter by name"></div>
</header>
<main>
{sections}
<p id="empty" class="empty">No component matches the filter.</p>
</main>
<footer>Generated by licensecheck {escape(__version__)} on {generated}. Verdicts depend on the usage context above;
this report is an aid to review, not legal advice.</footer>
<script>{_SCRIPT}</script>
</body>
</html>
"""
