"""The registry: the companies ``seeds/companies.json`` lists, their aliases and
short forms, the alias index, and "did you mean" over their names."""
