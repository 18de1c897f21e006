import os

import huggingface_hub
from huggingface_hub import snapshot_download

from ..smp import get_cache_path, modelscope_flag_set


class MVBench:

    MD5 = 'fd21d36522cdedd46d84dc46715ad832'

    def prepare_dataset(self, dataset_name='MVBench', repo_id='OpenGVLab/MVBench'):
        def check_integrity(pth):
            data_file = os.path.join(pth, f'{dataset_name}.tsv')
            return os.path.exists(data_file)

        if modelscope_flag_set():
            repo_id = 'modelscope/MVBench'

        cache_path = get_cache_path(repo_id, branch='main')
        if cache_path is not None and check_integrity(cache_path):
            dataset_path = cache_path
        else:
            if modelscope_flag_set():
                from modelscope import dataset_snapshot_download
                dataset_path = dataset_snapshot_download(dataset_id=repo_id, revision='master')
            else:
                hf_token = os.environ.get('HUGGINGFACE_TOKEN')
                huggingface_hub.login(hf_token)
                dataset_path = snapshot_download(repo_id=repo_id, repo_type='dataset')
        return dict(root=dataset_path)
