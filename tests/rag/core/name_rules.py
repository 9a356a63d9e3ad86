"""Name-mechanism switches the privacy tests share."""

# The morphology mechanisms (Voikko) find some names that other mechanisms find too; switched
# off, they leave a test the one mechanism it is about.
NO_MORPHOLOGY = {"morphology_names": False, "morphology_word_names": False}

# The nineteenth round's bare-contact removers (on by default) off: a test of detection or of
# one guard, on a string that names no one, sees what it is about.
BARE_OFF = {"unowned_addresses": False, "unowned_landlines": False}
