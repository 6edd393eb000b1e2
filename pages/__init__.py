"""Page objects: one per screen, named after it; locators by role and the manual's labels."""
