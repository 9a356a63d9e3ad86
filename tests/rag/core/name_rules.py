"""Name-mechanism switches the privacy tests share."""

# The morphology mechanisms (Voikko) find some names that other mechanisms find too; switched
# off, they leave a test the one mechanism it is about.
NO_MORPHOLOGY = {"morphology_names": False, "morphology_word_names": False}

# The bare-contact removers (on by default: the nineteenth round's addresses and landlines,
# the forty-fourth round's accounts) off: a test of detection or of one guard, on a string
# that names no one, sees what it is about.
BARE_OFF = {"unowned_addresses": False, "unowned_landlines": False, "unowned_accounts": False}

# The switches the twenty-first round turned on, off: a test of an older mechanism or guard
# compares it with a baseline that holds only the mechanisms of its own time, and a test of
# an address's span sees it without the case ending ("Koulukatu 14", not "Koulukatu 14:ssä").
ROUND21_OFF = {
    "address_case_endings": False,
    "list_neighbours": False,
    "dotted_initials": False,
    "flat_words": False,
    "lower_case_full_names": False,
    "person_slots": False,
    "titles_in_names": False,
    "english_possessives": False,
    "person_states": False,
    "family_surnames": False,
    "pronoun_names": False,  # (the hundred-and-nineteenth round's pronoun reads "hän" too)
}

# The eighty-fourth round's readings of names in capitals, off: a test of an older switch in
# capitals compares it with a baseline that does not also find the name its own way.
ROUND84_OFF = {"shouted_runs_trimmed": False, "shouted_word_surnames": False}
