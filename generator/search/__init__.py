"""Search: what the reader sees of each case study, indexed into static files the browser
reads in pieces (only those a query's words fall in), so a search stays small at 10,000
case studies, where one index of every page would be tens of MB.
"""
