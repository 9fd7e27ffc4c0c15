"""Search: compact records of each case study, indexed into a chunked static index.

The index is Pagefind's: the browser downloads only the chunks a query needs, so a search
stays small at 10,000 case studies, where one index of whole pages would be tens of MB.
"""
