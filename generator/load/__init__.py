"""Load: one contributed file to plain data, strictly and safely, or to problems saying why not."""
