import gradio as gr
from transformers import pipeline

asr = pipeline("automatic-speech-recognition", model="distil-whisper/distil-large-v3")


def transcribe(audio):
    return asr(audio)["text"]


demo = gr.Interface(fn=transcribe, inputs=gr.Audio(type="filepath"), outputs="text",
                    title="Try distil-whisper/distil-small.en instead for CPUs")

if __name__ == "__main__":
    demo.launch()
