"""Step definitions, grouped by what the customer is doing; each hands off to a page object."""
