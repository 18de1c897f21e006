"""Precision and recall of discovery on real repositories, against lists built by reading their code.

    .venv/bin/python bench/discover_real.py CHECKOUTS [NAME ...]

CHECKOUTS holds one folder per repository of `bench/discover_real/` (FastChat, LLaVA,
h2ogpt...), each the files of the commit named in its JSON (for example `git
--git-dir=<mirror> archive <commit> | tar -x -C CHECKOUTS/<name>`), with a git index of
those files (`git -C CHECKOUTS/<name> init -q && git -C CHECKOUTS/<name> add -f -A`): every
file an archive holds is tracked, and discovery reads a tracked file that a `.gitignore`
names, as it does in a clone, only where the index says so. Each JSON lists the
components (type and id) that reach a Hugging Face loader in that commit, with where
and why; "holdout" marks the repositories held out until the code was frozen.

Counts by component, ids compared without case: found (what discovery reports), true
(the list), missed, false; then precision and recall, per repository and in all.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from licensecheck.discover import discover  # noqa: E402

LISTS = Path(__file__).resolve().parent / "discover_real"


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    checkouts = Path(sys.argv[1])
    names = sys.argv[2:] or sorted(p.stem for p in LISTS.glob("*.json"))
    totals = [0, 0, 0]
    for name in names:
        if not (checkouts / name).is_dir():
            # Counting a list without its checkout would report every entry as missed.
            print(f"{name:20} not checked out in {checkouts}: left out of the totals")
            continue
        truth = json.loads((LISTS / f"{name}.json").read_text(encoding="utf-8"))
        expected = {(kind, repo_id.lower()) for kind, repo_id, *_ in truth["components"]}
        found = {(c.type, c.name.lower()) for c in discover(checkouts / name).components}
        hits, missed, false = expected & found, expected - found, found - expected
        precision = len(hits) / len(found) if found else 1.0
        recall = len(hits) / len(expected) if expected else 1.0
        tag = " (held out)" if truth.get("holdout") else ""
        print(
            f"{name:20} found {len(found):3}  true {len(expected):3}  missed {len(missed):2}  false {len(false):2}  "
            f"precision {precision:.3f}  recall {recall:.3f}{tag}"
        )
        for item in sorted(missed):
            print(f"    missed {item[0]} {item[1]}")
        for item in sorted(false):
            print(f"    false  {item[0]} {item[1]}")
        totals[0] += len(found)
        totals[1] += len(expected)
        totals[2] += len(hits)
    found, expected, hits = totals
    print(
        f"{'all':20} found {found:3}  true {expected:3}  precision {hits / max(found, 1):.3f}  "
        f"recall {hits / max(expected, 1):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
