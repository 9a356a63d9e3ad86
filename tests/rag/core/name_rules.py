"""Name-mechanism switches the privacy tests share."""

# The morphology mechanisms (Voikko) find some names that other mechanisms find too; switched
# off, they leave a test the one mechanism it is about.
NO_MORPHOLOGY = {"morphology_names": False, "morphology_word_names": False}
