"""A person's role in the plural is a group, not someone in the text (fortieth round,
``plural_roles``).

unowned_addresses.py and unowned_phones.py keep an address or a landline of a text that names
no one, unless a person's word or role is in it: "hakija", "hyresgästen" and "the owner" point
at one person, whose home the address may be. A role in the plural does not: "Oppilaat
jatkavat väistötiloissa Ukonvuorentie 4:ssä", "Eleverna flyttar till ...", "Owners can collect
them from the depot at Teollisuustie 4" speak of everyone in that role, and the address is a
place they go to. The plural forms come from the three languages' grammar, not from the
labelled parts: Finnish nominative plurals and the plural stems of the other cases
("asukkaat", "asukkaille", "hakijoiden", "vuokralaisten"), Swedish plurals with or without
the article ("kunder", "eleverna"), English plurals ("tenants", "residents'"). A form that is
the same in both numbers ("sökande", "boende", "ägare") stays a person's role.
"""

from __future__ import annotations

import re

_PLURAL_ROLE = re.compile(
    r"(?i)^(?:"
    # Finnish: -at in the nominative, the plural i (or oi, ten) in the other cases
    r"(?:asukk|asiakk|oppil|potil)(?:aat|ai\w*)|vuokralais(?:et|i\w*|ten)|"
    r"hakij(?:at|oi\w*)|(?:huoltaj|omistaj)(?:at|i\w*)|"
    # Swedish: -er/-erna (and the genitive), a definite plural of "sökande"
    r"(?:hyresgäst|kund|klient|patient|elev)er\w*|sökandena\w*|"
    # English: -s, and the plural possessive
    r"(?:tenant|resident|applicant|customer|client|owner|pupil)s'?"
    r")$"
)


def is_plural_role(word: str) -> bool:
    """Whether ``word`` is a person's role in a plural form ("asukkaat", "eleverna",
    "owners")."""
    return _PLURAL_ROLE.match(word) is not None
