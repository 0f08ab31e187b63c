"""The language stages over one Document (see docs/architecture.md). Stages are loaded by
name through ``newsgraph.pipeline``; importing this package loads none of them."""
