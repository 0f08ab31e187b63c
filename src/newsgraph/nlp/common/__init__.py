"""The one home of the linguistics every stage shares: factuality, attribution, and (see
docs/architecture.md) the subject finder, reporting verbs, word forms and dates."""
