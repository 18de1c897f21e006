import streamlit as st
from transformers import pipeline

st.title("Meeting sentiment")
checkpoint = st.selectbox(
    "Sentiment model",
    ["cardiffnlp/twitter-roberta-base-sentiment-latest", "nlptown/bert-base-multilingual-uncased-sentiment"],
)
classifier = pipeline("sentiment-analysis", model=checkpoint)
text = st.text_area("Text")
if text:
    st.write(classifier(text))
