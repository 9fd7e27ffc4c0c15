"""What a preview's rebuild must redo, and previewing part of the collection."""
