"""Input and output: documents (encodings), fact tables (csv, jsonl, parquet) and the manifest."""
