import pytest


@pytest.mark.parametrize("prompt_type", ["llama2"])
def test_add_open_assistant(fixup_personality, only_personality, deberta_grading, prompt_type, save_json=True):
    """
    Flatten tree structure into one row per path from root to leaf
    """
    from datasets import load_dataset
    data_file = "OpenAssistant/oasst1"
    ds = load_dataset(data_file)
    all_rows = []
    if save_json:
        data_file = data_file + \
                    ("_h2ogpt" if fixup_personality else "") + \
                    ("_only" if only_personality else "") + \
                    ("_graded" if deberta_grading else "") + \
                    ("_llama2_chat" if prompt_type == "llama2" else "")
        for i in range(len(all_rows)):
            all_rows[i]['id'] = i
        with open(data_file.lower().replace("/", "_") + ".json", "wt") as f:
            f.write(str(all_rows))
    return all_rows


@pytest.mark.parametrize("filename", ['Anthropic/hh-rlhf'])
def test_make_rlhf_good_data(filename):
    from datasets import load_dataset
    rows = load_dataset(filename)["train"]["chosen"]
    return rows
