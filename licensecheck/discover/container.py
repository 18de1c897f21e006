"""References in container and run-time files: Dockerfiles, Ollama Modelfiles, shell scripts.

Commands are read as words (quotes, `\\` line continuations and JSON exec form
understood), so that each id keeps the line it is written on:

- `huggingface-cli download ORG/NAME` and `hf download ORG/NAME` (with
  `--repo-type dataset` a dataset, `--revision R` the revision);
- `vllm serve ORG/NAME`, `tune download ORG/NAME`, `python -m sample_factory.huggingface.load_from_hub
  -r ORG/NAME`; the flags of serving and training commands that name a
  model or dataset (`--model`, `--model-id`, `--model_name_or_path`, `--tokenizer`,
  `--dataset_name`, llama.cpp's `--hf-repo` / `-hf`...);
- `hf.co/ORG/NAME[:TAG]` (Ollama's `FROM`, `ollama pull`), `hf://` and `hf-hub:` words;
- a Hub file's URL (`wget https://huggingface.co/ORG/NAME/resolve/main/w.pth`) and a
  repository's cloned (`git clone https://huggingface.co/datasets/ORG/NAME`);
- `ENV`, `ARG`, `export` and plain assignments to model variables (`MODEL_ID=...`),
  and `$VAR` / `${VAR}` / `${VAR:-default}` expanded from them.

A Dockerfile's `FROM image` names a container image, never a model. A Makefile
is read the same way once its `NAME ?= value` assignments and `$(NAME)`
references are put in shell form.
"""

from __future__ import annotations

import os
import posixpath
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

from ..model import DATASET, MODEL, Location
from .collect import Collector
from .ids import HUB_PREFIXES, HUB_URL_PREFIXES, fetched_hub_file, joined_datasets
from .keys import ENGINE_FLAGS, HOSTED_ENGINES, flag_type, key_type, option_name, override_type

# A double-quoted word's text as runs between escapes, each run taken whole: see config.py's _JSON_STRING.
_TOKEN = re.compile(
    r'"(?P<dq>[^"\\\n]*+(?:\\.[^"\\\n]*+)*+)"|\'(?P<sq>[^\'\n]*)\'|(?P<cont>\\\r?\n)|(?P<sep>\r?\n|&&|\|\||[;|])'
    r"|(?P<word>(?:[^\s\"',\[\];|&\\]+|\\(?!\r?\n))+)"  # a `\` that ends the line ends the word too
)
# A `#` at the start of a line or after a space or tab, to the end of the line. Written from the
# `#`, then a look-behind at the character before it: a pattern that starts with a look-behind is
# tried at every character, one that starts with `#` skips to each `#` at once.
_COMMENT = re.compile(r"#(?<![^ \t\n]#)[^\n]*")
# `$VAR`, `${VAR}`, `${VAR:-default}` (or `:=`, which sets it too), and a script's argument with a
# default (`${1:-org/x}`)
_VARIABLE = re.compile(
    r"\$(?:\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*|[0-9]+)(?::?[-=](?P<default>[^}]*))?\}|(?P<plain>[A-Za-z_][A-Za-z0-9_]*|[1-9]))"
)
# The default `${NAME:=value}` (or `${NAME=value}`) sets, as the `:` command's argument
_DEFAULT_ASSIGNMENT = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*):?=([^}]*)\}")
# A script's own argument (`$1`, `"${2}"`, or an option `getopts` puts in `$OPTARG`): such a
# script is read once its callers are known.
_ARGUMENT = re.compile(r"\$\{?(?:[1-9]|OPTARG\b)")
# `m) model_name="$OPTARG"`: an arm of the `case` after `getopts`, the variable the option `-m` sets
_OPTION_ARM = re.compile(r"([A-Za-z0-9])\)")
_OPTION_VALUE = frozenset({"$OPTARG", "${OPTARG}"})
_MOST_WORDS = 40  # the words of a call read as the called script's arguments
# What runs a script with arguments: `bash x.sh a b`, `sbatch x.sh a`, `nohup sh x.sh a`.
_SCRIPT_RUNNERS = frozenset({"bash", "sh", "zsh", "source", ".", "nohup", "srun", "sbatch", "exec"})
_SCRIPT_SUFFIXES = (".sh", ".bash", ".zsh", ".slurm", ".sbatch")
# A script called more often, or with more values for one argument (a loop), is read for the
# first ones only: each reading is a whole pass over the script, and the tree is untrusted.
_MOST_CALLS = 64
_MOST_ROUNDS = 8
_MOST_REREAD = 16 * 1024 * 1024  # characters of scripts read again with their callers' arguments, in all
_ASSIGNMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)", re.S)
_ARRAY_ASSIGNMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\+?=\((.*)", re.S)
# lm-eval's and lighteval's model arguments, and the keys in them that name a repository
# `+critic.model.path`, `++data.x`: a Hydra override (at least one dot: `NAME=x` is the shell's own assignment)
_OVERRIDE = re.compile(r"\+{0,2}([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)")
_MODEL_ARGS_FLAGS = frozenset({"--model_args", "--model-args"})
_MODEL_ARGS_KEYS = frozenset({"pretrained", "tokenizer", "peft", "delta", "model_name", "model"})
_ARRAY_WORDS = 1000  # the most words an array assignment over several lines is read for
# A whole word that is one item of an array or a loop's variable: `${NAMES[i]}`, `${NAMES[@]}`, `$name`.
_ITEM_REFERENCE = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)(?:\[[^\]]*\])?\}?")
# `huggingface-cli download` options that take a value (the rest are flags).
_DOWNLOAD_OPTIONS = frozenset(
    {
        "--repo-type",
        "--revision",
        "--local-dir",
        "--cache-dir",
        "--include",
        "--exclude",
        "--token",
        "--max-workers",
        "--local-dir-use-symlinks",
        "--etag-timeout",
    }
)

Locate = Callable[[int], Location]


class Word:
    __slots__ = ("text", "offset", "location")

    def __init__(self, text: str, offset: int, location: Location | None = None) -> None:
        self.text = text
        self.offset = offset
        self.location = location  # set when the text came from a variable assigned elsewhere


def _blank_comments(text: str) -> str:
    return _COMMENT.sub(lambda m: " " * len(m.group(0)), text) if "#" in text else text


# A command substitution, `$(cmd ...)` or `` `cmd ...` `` (not nested, on one line; `$((...))` is arithmetic),
# with the double quotes around it: `path=$(huggingface-cli download org/x)` runs the download.
_SUBSTITUTION = re.compile(r'(?P<q>"?)(?:\$\((?P<paren>[^()`\n]*)\)|`(?P<tick>[^`\n]*)`)(?P=q)')


def commands(text: str) -> list[list[Word]]:
    """The commands of a shell-like text, each a list of words with their offsets. A command
    substitution is a command of its own, run before the one it is in; there it stands as a
    value known only at run time (what the command prints)."""
    text = _blank_comments(text)
    inner: list[tuple[int, list[list[Word]]]] = []
    if "$(" in text or "`" in text:

        def run_apart(match: re.Match) -> str:
            group = "paren" if match.group("paren") is not None else "tick"
            shift = match.start(group)
            substituted = [[Word(w.text, w.offset + shift) for w in c] for c in commands(match.group(group))]
            inner.append((match.start(), substituted))
            return "$" + "_" * (match.end() - match.start() - 1)  # `$___`: a variable nobody sets here

        text = _SUBSTITUTION.sub(run_apart, text)
    found = _split_commands(text)
    for start, substituted in reversed(inner):
        containing = sum(1 for words in found if words[0].offset <= start) - 1
        position = max(containing, 0)
        found[position:position] = substituted
    return found


def _split_commands(text: str) -> list[list[Word]]:
    found: list[list[Word]] = []
    current: list[Word] = []
    end = -1  # where the last word ended: a token that starts there continues it (`MODEL="org/x"`)
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "cont":
            continue
        if kind == "sep":
            if current and _open_array(current):
                continue  # `models=(` on one line, its items on the next ones, `)` on the last
            if current:
                found.append(current)
            current = []
            end = -1
            continue
        group = kind if kind in ("dq", "sq") else "word"
        if current and match.start() == end:
            joined = current[-1]
            current[-1] = Word(joined.text + match.group(group), joined.offset if joined.text else match.start(group))
        else:
            current.append(Word(match.group(group), match.start(group)))
        end = match.end()
    if current:
        found.append(current)
    return found


def _open_array(words: list[Word]) -> bool:
    """Whether `words` start an array assignment whose `)` is still to come (bounded: one never closed
    must not swallow the rest of the file)."""
    return (
        len(words) < _ARRAY_WORDS
        and _ARRAY_ASSIGNMENT.fullmatch(words[0].text) is not None
        and not any(w.text.endswith(")") for w in words)
    )


class Variables:
    """Values assigned to variables in the file (`ENV`, `ARG`, `export`, `NAME=value`).

    An assignment to a model variable (`MODEL_PATH=org/x`) is a reference when the
    value is used (`$MODEL_PATH`), or when it is still the variable's value at the end
    of the file (the environment of what the file starts): a value assigned again,
    outside any `if` / `case` / loop / function, before any use was never used, and is
    not one. An assignment inside one may not run: the value before it stays. A value
    used only inside local paths (`checkpoints/$MODEL_REPO/model.pth`) names a folder the
    script made or expects, not what it fetches: it is neither used nor kept.
    """

    def __init__(self) -> None:
        self.values: dict[str, tuple[str, int]] = {}
        self.pending: dict[str, list[Callable[[], None]]] = {}  # name → how to report its values, once used or kept
        self.in_paths: set[str] = set()  # names used inside a local path (`dir/$NAME`), and not yet on their own
        # Words given to an option where a run writes (`--hf_output_path $HF/2_7b_2bit`): as written, the
        # same word given to a later command is the folder that run made, not a repository
        self.outputs: set[str] = set()
        self.depth = 0  # how many `if`, `case`, loops and function bodies the current command is in
        # `NAMES=("a" "b")` and the variable of `for name in "${NAMES[@]}"` / `for name in a b`: every item
        self.arrays: dict[str, list[Word]] = {}
        # What a call gives the options `getopts` reads (`-m org/x`): the option's letter → (value, offset)
        self.options: dict[str, tuple[str, int]] = {}

    def items(self, word: Word, at_item: bool = False) -> list[Word] | None:
        """The words a word holding an array item or a loop's variable may be (`${NAMES[i]}`,
        `openai/whisper-$size`), one per item; None for any other word. A word built around an
        item is placed at the word, or at the item with `at_item` (a URL around a repository id)."""
        match = _ITEM_REFERENCE.fullmatch(word.text)
        if match is not None and match.group(1) in self.arrays:
            return self.arrays[match.group(1)]
        for match in _ITEM_REFERENCE.finditer(word.text):
            if match.group(1) in self.arrays:
                head, tail = word.text[: match.start()], word.text[match.end() :]
                return [
                    Word(head + item.text + tail, item.offset if at_item else word.offset)
                    for item in self.arrays[match.group(1)]
                ]
        return None

    def assign(self, name: str, text: str, offset: int, report: Callable[[], None] | None) -> None:
        self.values[name] = (text, offset)
        self.in_paths.discard(name)  # the new value has not been used yet
        reports = self.pending.setdefault(name, [])
        if self.depth == 0:
            reports.clear()  # an earlier value not used yet was never used
        if report is not None:
            reports.append(report)

    def flush(self, names: Iterable[str] | None = None) -> None:
        for name in list(self.pending if names is None else names):
            if names is None and name in self.in_paths:
                continue
            for report in self.pending.pop(name, ()):
                report()

    def block(self, words: list[str]) -> None:
        """Follow the nesting of shell blocks, by their keywords."""
        if words[0] in _BLOCK_OPENERS or words[-1] == "{" or (words[0] == "function" and len(words) > 1):
            self.depth += 1
        elif words[0] in _BLOCK_CLOSERS or words[0] == "}":
            self.depth = max(0, self.depth - 1)

    def expand(self, word: Word) -> Word | None:
        """The word with `$VAR` expanded; None when it depends on a variable nobody set here."""
        if "$" not in word.text:
            return word
        origin: list[int] = []

        def replace(match: re.Match) -> str:
            name = match.group("braced") or match.group("plain")
            before = word.text[: match.start()]
            if before.endswith("/") and "://" not in before:
                self.in_paths.add(name)
            else:
                self.flush((name,))
            if name in self.values:
                value, offset = self.values[name]
                origin.append(offset)
                return value
            if match.group("default") is not None:
                origin.append(word.offset + match.start())
                return match.group("default")
            if name.isdigit():
                return match.group(0)  # an argument no call here gives stays as written (a URL's last part)
            raise KeyError(name)

        try:
            text = _VARIABLE.sub(replace, word.text)
        except KeyError:
            return None
        # A whole-word variable points at its assignment: that is where the id is written.
        offset = origin[0] if len(origin) == 1 and _VARIABLE.fullmatch(word.text) else word.offset
        return Word(text, offset)


def scan_command_text(
    text: str, collector: Collector, locate: Locate, directory: str | None, via: str, variables: Variables | None = None
) -> None:
    """Every reference the commands of `text` make."""
    own = variables is None
    variables = variables or Variables()
    for words in commands(text):
        _scan_command(words, collector, locate, directory, via, variables)
    if own:
        variables.flush()


def _scan_command(
    words: list[Word], collector: Collector, locate: Locate, directory: str | None, via: str, variables: Variables
) -> None:
    texts = [w.text for w in words]
    _note_outputs(words, variables)
    if texts:
        variables.block(texts)
    array = _ARRAY_ASSIGNMENT.fullmatch(texts[0]) if texts else None
    if array is not None:
        # `NAMES=("a" "b")` (the words run to the one that ends with `)`): each item, where it is written
        first = Word(array.group(2), words[0].offset + len(texts[0]) - len(array.group(2)))
        items = []
        inner = []
        for word in [first, *words[1:]]:
            closing = word.text.endswith(")")
            text = word.text[:-1] if closing else word.text
            if text:
                inner.append(Word(text, word.offset))
                items.append(variables.expand(Word(text, word.offset)) or Word(text, word.offset))
            if closing:
                break
        if "+=(" in texts[0]:
            items = variables.arrays.get(array.group(1), []) + items
        variables.arrays[array.group(1)] = items
        if any(w.text.startswith("--") for w in inner):
            # `CKPT_ARGS=(--actor.model_name_or_path ${MODEL_PATH} ...)`: arguments kept for a command
            _scan_command(inner, collector, locate, directory, via, variables)
        return
    if len(texts) >= 4 and texts[0] == "for" and texts[2] == "in":
        items = []
        for word in words[3:]:
            if word.text in ("do", ";"):
                break
            items.extend(variables.items(word) or [variables.expand(word) or word])
        variables.arrays[texts[1]] = items
    if variables.options and len(texts) > 1 and (arm := _OPTION_ARM.fullmatch(texts[0])) is not None:
        assignment = _ASSIGNMENT.fullmatch(texts[1])
        given = variables.options.get(arm.group(1))
        if assignment is not None and given is not None and assignment.group(2) in _OPTION_VALUE:
            # `m) model_name="$OPTARG"` in a script called with `-m org/x`: the variable is the option's
            # value, reported where a command uses it (a model flag, a launched script's option)
            variables.assign(assignment.group(1), given[0], given[1], None)
            return
    if texts and texts[0] == ":":
        # `: "${HF:=meta-llama/Llama-2-7b-chat-hf}"`: the variable's default, set unless it is set already
        defaults = []
        for word in words[1:]:
            preset = _DEFAULT_ASSIGNMENT.fullmatch(word.text)
            if preset is not None and preset.group(1) not in variables.values:
                start = word.offset + preset.start(2) - len(preset.group(1)) - 1
                defaults.append(Word(f"{preset.group(1)}={preset.group(2)}", start))
        _assignments(defaults, collector, locate, via, variables, directory)
        return
    if texts and texts[0] in ("ENV", "ARG", "export", "declare", "local", "readonly"):
        _assignments(words[1:], collector, locate, via, variables, directory, docker_env=texts[0] == "ENV")
        return
    if texts and _ASSIGNMENT.fullmatch(texts[0]) and not texts[0].startswith("-"):
        leading: list[Word] = []
        for word in words:
            assignment = _ASSIGNMENT.fullmatch(word.text)
            if assignment is None:
                break
            item_of = variables.items(Word(assignment.group(2).strip("\"'"), word.offset))
            if item_of is not None:  # `name=${names[$i]}` in a loop over indexes: each item of the array
                variables.arrays[assignment.group(1)] = item_of
            else:
                leading.append(word)
        _assignments(leading, collector, locate, via, variables, directory)
        if leading and any(_ASSIGNMENT.fullmatch(text) is None for text in texts):
            # `MODEL_NAME=bigscience/bloom gunicorn ...`: the command's own environment, which it reads
            variables.flush([_ASSIGNMENT.fullmatch(word.text).group(1) for word in leading])  # type: ignore[union-attr]
    hosted = _names_a_hosted_engine(texts, variables) or _is_modelscope(texts)
    if hosted:
        # `model_name="cohere/command-r"` used here names the service's model: its value is not
        # reported as used, nor as the value left at the end of the file.
        for word in words:
            for match in _VARIABLE.finditer(word.text):
                variables.pending.pop(match.group("braced") or match.group("plain"), None)
    else:
        _launch(words, texts, collector, locate, variables)
    _call(words, texts, collector, locate, directory, variables)
    for index, text in enumerate(texts[:-2]):
        if _is_python(text) and texts[index + 1] == "-c":
            code = words[index + 2]
            collector.inline_python.append((code.text, locate(code.offset), directory))
    for index, word in enumerate(words):
        text = word.text
        expanded = variables.expand(word)
        # `git clone "https://huggingface.co/${model}"` in a loop over models: each of them
        candidates: list[Word | None] = [expanded]
        if "$" in text:
            candidates = list(variables.items(word, at_item=True) or candidates)
        for candidate in candidates:
            if candidate is not None and (
                candidate.text.startswith(HUB_PREFIXES)
                or (
                    candidate.text.startswith(HUB_URL_PREFIXES)
                    and (fetched_hub_file(candidate.text) or "clone" in texts)
                )
            ):
                # `wget https://huggingface.co/ORG/NAME/resolve/main/w.pth`, `git clone https://huggingface.co/ORG/NAME`
                collector.consider(
                    candidate.text, MODEL, locate(candidate.offset), via, directory=directory, prefixed_only=True
                )
        if text in ("download",) and index and texts[index - 1].rsplit("/", 1)[-1] in ("huggingface-cli", "hf"):
            _download(words[index + 1 :], collector, locate, directory, variables)
        elif (text == "serve" and index and texts[index - 1].rsplit("/", 1)[-1] == "vllm") or (
            text == "download" and index and texts[index - 1] == "tune"
        ):
            target = _first_positional(words[index + 1 :])
            if target is not None:
                _consider(target, MODEL, "any", collector, locate, directory, f"{texts[index - 1]} {text}", variables)
        elif text == "-m" and index + 1 < len(texts) and texts[index + 1] in _HUB_MODULE_FLAGS:
            # a library's own command that fetches the repository its flag names
            module = texts[index + 1]
            for position in range(index + 2, len(words)):
                name, equals, inline = texts[position].partition("=")
                if name not in _HUB_MODULE_FLAGS[module] or not (equals or position + 1 < len(words)):
                    continue
                target = Word(inline, words[position].offset + len(name) + 1) if equals else words[position + 1]
                _consider(target, MODEL, "any", collector, locate, directory, f"python -m {module}", variables)
        flag, _, inline = text.partition("=")
        if flag in _MODEL_ARGS_FLAGS:
            # lm-eval's and lighteval's `--model_args "pretrained=org/x,dtype=bfloat16"`
            # the words after it up to the next flag (a `,` ends a word, as it ends a key=value pair)
            values = [Word(inline, word.offset + len(flag) + 1)] if inline else []
            for following in words[index + 1 :] if not inline else ():
                if following.text.startswith("-"):
                    break
                values.append(following)
            for value in values:
                start = 0
                for piece in value.text.split(","):
                    key, equals, argument = piece.partition("=")
                    if equals and key.strip() in _MODEL_ARGS_KEYS and argument:
                        at = value.offset + start + len(key) + 1
                        _consider(Word(argument, at), MODEL, "any", collector, locate, directory, flag, variables)
                    start += len(piece) + 1
            continue
        if inline and index and (override := _OVERRIDE.fullmatch(flag)) is not None:
            # Hydra's `critic.model.path=Qwen/Qwen2.5-0.5B` (verl, NeMo): a dotted key set on the command line
            kind = override_type(override.group(1))
            if kind is not None:
                value = Word(inline, word.offset + len(flag) + 1)
                _consider(value, kind[0], kind[1], collector, locate, directory, override.group(1), variables)
            continue
        if (
            not inline
            and index
            and index + 1 < len(words)
            and (override := _OVERRIDE.fullmatch(flag)) is not None
            and not override.group(0).startswith("+")
        ):
            # an mmengine-style config's `key value` pairs after the script (`model.repo_id $repo_id`,
            # PLLaVA, VideoChat2): a dotted key, then its value
            kind = override_type(override.group(1))
            if kind is not None and not words[index + 1].text.startswith("-"):
                _consider(words[index + 1], kind[0], kind[1], collector, locate, directory, flag, variables)
            continue
        kind = flag_type(flag) if flag.startswith("-") and not hosted else None
        if kind is None:
            continue
        if inline:
            value = Word(inline, word.offset + len(flag) + 1)
        elif index + 1 < len(words):
            value = words[index + 1]
        else:
            continue
        if value.text.startswith("-"):
            continue
        if flag in ("-hf", "-hfr", "--hf-repo", "--hf_repo") and ":" in value.text:
            value = Word(value.text.split(":", 1)[0], value.offset)  # llama.cpp's `repo:quant`
        _consider(value, kind[0], kind[1], collector, locate, directory, flag, variables)


def _note_outputs(words: list[Word], variables: Variables) -> None:
    """The words a command gives to options where a run writes (`--output_dir`, `--save_path`,
    `--hf_output_path`), as written, into `variables.outputs`."""
    for index, word in enumerate(words):
        flag, equals, inline = word.text.partition("=")
        if not flag.startswith("--") or not _writes_to(option_name(flag)):
            continue
        if equals:
            variables.outputs.add(inline)
        elif index + 1 < len(words) and not words[index + 1].text.startswith("-"):
            variables.outputs.add(words[index + 1].text)


def _writes_to(option: str) -> bool:
    name = option.lower().replace("-", "_")
    return "output" in name or name.startswith(("save_", "out_")) or name in ("out", "outdir", "savedir")


def _launched(texts: list[str]) -> tuple[str, int] | None:
    """The script a command runs (`python script/infer.py`, `python -m pkg.infer` as `pkg/infer.py`,
    `torchrun ... x.py`) and the index of its word; None for any other command."""
    for index, text in enumerate(texts):
        if text.endswith(".py") and not text.startswith("-"):
            return text.removeprefix("./"), index
        if text in ("-m", "--module") and index + 1 < len(texts) and _runs_a_module(texts[:index], text):
            module = texts[index + 1]
            if module in _LAUNCHER_MODULES:
                continue  # `python -m torch.distributed.run ... train.py`: the script comes later
            return module.replace(".", "/") + ".py", index + 1
    return None


def _launch(words: list[Word], texts: list[str], collector: Collector, locate: Locate, variables: Variables) -> None:
    """`python script/infer.py --checkpoint org/x` (or `python -m pkg.infer`, `torchrun ... x.py`):
    each option's value, handed to the collector for the script's own argparse options."""
    launched = _launched(texts)
    if launched is None:
        return
    script, index = launched
    if "$" in script:
        return
    following: list[Word] = []
    for word in words[index + 1 :]:
        expanded = variables.expand(word) if "$" in word.text else None
        if expanded is not None and expanded.text.startswith("-") and " " in expanded.text:
            # `python eval.py ${PROOFPILE} -m org/x` after `PROOFPILE="--tokenized org/set --samples 50"`:
            # the variable's options, split into words as the shell splits an unquoted expansion
            for part in commands(expanded.text)[:1]:
                following.extend(Word(w.text, expanded.offset + w.offset, w.location) for w in part)
        else:
            following.append(word)
    for position, word in enumerate(following):
        flag, equals, inline = word.text.partition("=")
        if len(flag) < 2 or flag[0] != "-" or flag == "--":
            continue
        if equals:
            value = Word(inline, word.offset + len(flag) + 1)
        elif position + 1 < len(following) and not following[position + 1].text.startswith("-"):
            value = following[position + 1]
        else:
            continue
        option = option_name(flag)  # a short `-m` is looked up among the script's option aliases
        if value.text in variables.outputs:
            continue  # the folder an earlier command wrote
        expanded = variables.expand(value)
        for item in variables.items(value) or ([expanded] if expanded is not None else []):
            if item.text and "/" not in item.text[:1]:
                where = item.location or locate(item.offset)
                collector.launch(script, option, item.text, where)


def _call(
    words: list[Word],
    texts: list[str],
    collector: Collector,
    locate: Locate,
    directory: str | None,
    variables: Variables,
) -> None:
    """`bash scripts/pretrain.sh "$MODEL" data.json`: each argument's values, kept for the
    script called, which reads them as `$1`, `$2`..."""
    for index, text in enumerate(texts):
        if text.endswith(_SCRIPT_SUFFIXES) and "$" not in text:
            if index == 0 or texts[index - 1].rsplit("/", 1)[-1] in _SCRIPT_RUNNERS:
                break
            return
    else:
        return
    arguments: list[list[tuple[str, Location]]] = []
    for word in words[index + 1 : index + 1 + _MOST_WORDS]:
        if word.text.startswith((">", "<", "1>", "2>")):
            break  # a redirection ends the arguments
        values = variables.items(word)
        if values is None:
            expanded = variables.expand(word)
            values = [] if expanded is None else [expanded]
        arguments.append([(value.text, value.location or locate(value.offset)) for value in values])
    if any(arguments) and directory is not None:
        collector.script_calls.setdefault(texts[index], []).append((directory, arguments))


def scan_argument_scripts(collector: Collector) -> None:
    """Read each script that uses its arguments, once per call with what that call passes
    (a script nobody calls here, once, its arguments unknown)."""
    calls: dict[str, list[list[list[tuple[str, Location]]]]] = {}
    for written, made in collector.script_calls.items():
        for folder, arguments in made:
            for path in _called_paths(written, folder, collector.tree.root):
                calls.setdefault(path, []).append(arguments)
    left = _MOST_REREAD
    for text, relative, directory, via in collector.argument_scripts:
        try:
            left = _scan_argument_script(text, relative, directory, via, collector, calls, left)
        except RecursionError:  # a hostile or generated script: a warning naming it, and the scan goes on
            collector.unparsable(Location(relative), "nested too deeply to read")


def _scan_argument_script(
    text: str, relative: str, directory: str, via: str, collector: Collector, calls: dict, left: int
) -> int:
    """One script that reads its arguments, for each call's; what is left of the reading budget."""
    locate = offset_locator(text, relative)
    made_calls = calls.get(relative, [])
    if not made_calls:
        scan_command_text(text, collector, locate, directory, via)
        return left
    if len(made_calls) > _MOST_CALLS:
        collector.unknown(
            Location(relative), f"called {len(made_calls)} times; read for the first {_MOST_CALLS} calls' arguments"
        )
    readings: list[tuple[list[list[tuple[str, Location]]], int]] = []
    for arguments in made_calls[:_MOST_CALLS]:
        most = max(len(values) for values in arguments)
        if most > _MOST_ROUNDS:
            collector.unknown(
                Location(relative), f"an argument has {most} values; read for the first {_MOST_ROUNDS} of them"
            )
        readings.extend((arguments, round) for round in range(min(_MOST_ROUNDS, most)))
    if len(text) * len(readings) > left:
        # each reading is a pass over the script: the untrusted tree may not make them endless
        readings = readings[: max(1, left // max(len(text), 1))]
        collector.unknown(Location(relative), f"read for the first {len(readings)} of its calls' arguments only")
    left -= len(text) * len(readings)
    for arguments, round in readings:
        variables = Variables()
        # An argument's value is written in the caller: a negative offset stands for
        # where, so that each id keeps the caller's line (`given[-offset - 1]`).
        given: list[Location] = []
        for position, values in enumerate(arguments, 1):
            if values:
                value, location = values[round % len(values)]
                given.append(location)
                if position <= 9:
                    variables.values[str(position)] = (value, -len(given))
                letter = _option_letter(arguments[position - 2]) if position > 1 else None
                if letter is not None:  # `-m org/x`, for getopts
                    variables.options[letter] = (value, -len(given))

        def located(offset: int, given: list[Location] = given, locate: Locate = locate) -> Location:
            return given[-offset - 1] if offset < 0 else locate(offset)

        scan_command_text(text, collector, located, directory, via, variables)
        variables.flush()
    return left


def _option_letter(values: list[tuple[str, Location]]) -> str | None:
    """The letter of a call's argument that is a short option (`-m`), the next argument its value."""
    text = values[0][0] if values else ""
    return text[1] if len(text) == 2 and text[0] == "-" and text[1].isalnum() else None


def _called_paths(written: str, folder: str, root: str) -> tuple[str, ...]:
    """Where a script a command names may be, relative to the root: from the root (where
    a project's scripts are run), or from the calling script's folder."""
    from_root = posixpath.normpath(written)
    beside = posixpath.normpath(posixpath.join(os.path.relpath(folder, root).replace(os.sep, "/"), written))
    return (from_root, beside) if beside != from_root else (from_root,)


def _names_a_hosted_engine(texts: list[str], variables: Variables) -> bool:
    """`python infer.py --engine cohere --model_name cohere/command-r` (or `--engine $engine_name`):
    the command's model is a hosted API's name for it, not a Hub download."""
    for index, text in enumerate(texts):
        if text.startswith("--"):
            flag, equals, value = text.partition("=")
            if flag in ENGINE_FLAGS:
                if not equals:
                    value = texts[index + 1] if index + 1 < len(texts) else ""
                if "$" in value:
                    expanded = variables.expand(Word(value, 0))
                    value = expanded.text if expanded is not None else value
                if value.lower() in HOSTED_ENGINES:
                    return True
    return False


def _is_modelscope(texts: list[str]) -> bool:
    """`modelscope download --model iic/CosyVoice2-0.5B`: ModelScope's command line, whose ids are
    ModelScope's, not the Hub's (its `--model` is no Hub model)."""
    command = next((text for text in texts if _ASSIGNMENT.fullmatch(text) is None), "")
    return command.rsplit("/", 1)[-1] == "modelscope"


# How deep a loop's item may hold another loop's item (`for a in $list; do for b in $a`...): a list
# made of its own items would not end
_MOST_NESTED_ITEMS = 4

# Library modules run as commands (`python -m MODULE`) that download the Hub repository a flag
# names: Sample Factory's `load_from_hub -r ORG/NAME` (a trained policy, into its train_dir)
_HUB_MODULE_FLAGS = {"sample_factory.huggingface.load_from_hub": frozenset({"-r", "--hf_repository"})}

# Launchers whose `-m`/`--module` says their script is a module's name: `accelerate launch
# --num_processes 4 -m pkg.train`, `torchrun --nproc_per_node 8 -m pkg.train`, `deepspeed --module pkg.train`.
_MODULE_LAUNCHERS = frozenset({"accelerate", "torchrun", "deepspeed"})
_LAUNCHER_MODULES = frozenset({"torch.distributed.run", "torch.distributed.launch", "accelerate.commands.launch"})


def _runs_a_module(before: list[str], flag: str) -> bool:
    """Whether `-m` (or `--module`) after the words `before` names the module to run: in a
    launcher's command (`accelerate launch ... -m pkg.x`), or straight after `python` and its
    own flags (`python -u -m pkg.x`)."""
    if any(word.rsplit("/", 1)[-1] in _MODULE_LAUNCHERS for word in before):
        return True
    if flag != "-m":
        return False
    for word in reversed(before):
        if _is_python(word):
            return True
        if not word.startswith("-"):
            return False  # `-m` is some other command's option
    return False


def _is_python(word: str) -> bool:
    """Whether a command word runs Python: `python`, `python3.11`, `/usr/bin/python3`."""
    return word.rsplit("/", 1)[-1].startswith("python")


def _first_positional(words: list[Word]) -> Word | None:
    skip = False
    for word in words:
        if skip:
            skip = False
            continue
        if word.text.startswith("-"):
            skip = "=" not in word.text and word.text in _DOWNLOAD_OPTIONS
            continue
        return word
    return None


def _download(
    words: list[Word], collector: Collector, locate: Locate, directory: str | None, variables: Variables
) -> None:
    """`huggingface-cli download REPO [FILES...] [--repo-type T] [--revision R]`."""
    options: dict[str, str] = {}
    repo: Word | None = None
    index = 0
    while index < len(words):
        text = words[index].text
        if text.startswith("-"):
            name, _, inline = text.partition("=")
            if inline:
                options[name] = inline
            elif name in _DOWNLOAD_OPTIONS and index + 1 < len(words):
                options[name] = words[index + 1].text
                index += 1
        elif repo is None:
            repo = words[index]
        index += 1
    if repo is None:
        return
    repo_type = options.get("--repo-type", "model")
    if repo_type in ("space", "spaces"):
        return
    kind = DATASET if repo_type in ("dataset", "datasets") else MODEL
    revision = options.get("--revision")
    _consider(repo, kind, "any", collector, locate, directory, "huggingface-cli download", variables, revision)


def _consider(
    word: Word,
    kind: str,
    bare: str,
    collector: Collector,
    locate: Locate,
    directory: str | None,
    via: str,
    variables: Variables,
    revision: str | None = None,
    depth: int = 0,
) -> None:
    if word.text in variables.outputs:
        return  # `--base_model $CKPT/run1` after `--output_dir $CKPT/run1`: the folder that run wrote
    items = variables.items(word)
    if items is not None and depth < _MOST_NESTED_ITEMS:  # `--model ${name}` in a loop over names: each of them
        for item in items:
            _consider(item, kind, bare, collector, locate, directory, via, variables, revision, depth + 1)
        return
    if items is not None:
        # a loop over a list the script grows from its own items (`list=$list" "$ckpt`): no end to it
        collector.unknown(locate(word.offset), f"{via}: the {kind} is not statically known ({word.text})")
        return
    expanded = variables.expand(word)
    location = locate(word.offset)
    if expanded is None:
        collector.unknown(location, f"{via}: the {kind} is not statically known ({word.text} is set at run time)")
        return
    for part in joined_datasets(expanded.text, kind):  # `--dataset_name "a/x+b/y"`
        collector.consider(part, kind, locate(expanded.offset), via, directory=directory, revision=revision, bare=bare)


def _assignments(
    words: list[Word],
    collector: Collector,
    locate: Locate,
    via: str,
    variables: Variables,
    directory: str | None,
    docker_env: bool = False,
) -> None:
    if docker_env and len(words) >= 2 and "=" not in words[0].text:
        pairs = [(words[0].text, Word(" ".join(w.text for w in words[1:]), words[1].offset))]  # ENV KEY value
    else:
        pairs = []
        for word in words:
            match = _ASSIGNMENT.fullmatch(word.text)
            if match:
                pairs.append((match.group(1), Word(match.group(2), word.offset + len(match.group(1)) + 1)))
    for name, value in pairs:
        expanded = variables.expand(value)
        if expanded is None:
            continue
        kind = key_type(name)
        report = None
        if kind is not None:

            def report(text=expanded.text, kind=kind, location=locate(expanded.offset), shown=f"{via} {name}") -> None:  # noqa: B008 - binds this iteration's values
                collector.consider(text, kind[0], location, shown, bare=kind[1])

        variables.assign(name, expanded.text, expanded.offset, report)
        if kind is None and " -" in f" {value.text}":
            # `ARGS="--model_name_or_path $MODEL"`: a command line kept in a variable.
            for embedded in commands(value.text):
                shifted = [Word(w.text, value.offset + w.offset) for w in embedded]
                _scan_command(shifted, collector, locate, directory, via, variables)


_BLOCK_OPENERS = frozenset({"if", "case", "while", "until", "for", "select"})
_BLOCK_CLOSERS = frozenset({"fi", "esac", "done"})
_MAKE_ASSIGNMENT = re.compile(r"(?m)^(?:export[ \t]+|override[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*[:?+!]?=[ \t]*")
_MAKE_REFERENCE = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")


def _shell_form(makefile: str) -> str:
    """A Makefile's assignments and references as a shell script's (lines kept)."""
    return _MAKE_REFERENCE.sub(r"${\1}", _MAKE_ASSIGNMENT.sub(r"\1=", makefile))


def scan_container_file(text: str, relative: str, directory: str, collector: Collector, via: str) -> None:
    """A Dockerfile, Modelfile, shell script or Makefile: its commands, with each id's line."""
    if via == "Makefile":
        text = _shell_form(text)
    elif via == "shell script" and _ARGUMENT.search(text) is not None:
        collector.argument_scripts.append((text, relative, directory, via))
        return
    locate = offset_locator(text, relative)

    scan_command_text(text, collector, locate, directory, via)


def offset_locator(text: str, relative: str, first_line: int = 1) -> Locate:
    """A function from a character offset in `text` to its Location (lines counted from `first_line`)."""
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def locate(offset: int) -> Location:
        return Location(relative, bisect_right(line_starts, offset) + first_line - 1)

    return locate
