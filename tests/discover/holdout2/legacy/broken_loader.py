"""Half-finished port of the old Nougat loader (does not parse; kept for reference)."""
from transformers import NougatProcessor, VisionEncoderDecoderModel

def load_nougat(
    processor = NougatProcessor.from_pretrained("facebook/nougat-base"
    model = VisionEncoderDecoderModel.from_pretrained("facebook/nougat-base")
    return processor, model
