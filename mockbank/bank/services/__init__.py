"""The bank's services, one module per screen module of bank/ and of the same name: check, save, journal."""
