"""Check: a file against the schema and the rules, and the collection across files, with results cached."""
