"""The words that make a name of a body: head nouns by the kind they give, and the
function words a name may hold, open with or never start with (`org_names` reads the
shape of the text with them). The only word lists of organization extraction: nothing
here names a document's bodies.
"""

from __future__ import annotations

AGENCY, MILITARY, BOARD = "agency", "military_command", "board_working_group"
PROGRAM, AGREEMENT, TASK_FORCE, FUND, OTHER = (
    "program_initiative", "agreement_treaty", "task_force", "fund", "other",
)  # fmt: skip


def _kinds(kind: str, words: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), kind)


_HEADS_LAST = {
    **_kinds(BOARD, "Board Group Committee Subcommittee Council Roundtable Talks Panel Forum "
                    "Dialogue Caucus"),
    **_kinds(PROGRAM, "Program Programme Initiative Partnership Framework Mechanism Project "
                      "Campaign Exchange"),
    **_kinds(AGREEMENT, "Agreement Treaty Accord Accords Protocol Protocols Declaration "
                        "Convention Compact Pact"),
    **_kinds(FUND, "Fund"),
    **_kinds(MILITARY, "Command Army Navy Force Marines Corps Guard Brigade Division Battalion "
                       "Fleet Squadron"),
    **_kinds(AGENCY, "Department Agency Office Administration Bureau Service Institute "
                     "Secretariat Ministry Commission Authority Center Centre Patrol Protection "
                     "Police Court Embassy Consulate Academy University"),
    **_kinds(OTHER, "Alliance Act Coalition Organization Organisation Association Foundation "
                    "Lab Laboratory Bank Nations"),
}  # fmt: skip
# Spanish heads come first and take their adjectives after them (Guardia Nacional).
_HEADS_FIRST = {
    **_kinds(AGENCY, "Instituto Secretaría Policía Comisión Consejo Fiscalía Procuraduría "
                     "Agencia Dirección Servicio Sistema Centro Banco"),
    **_kinds(MILITARY, "Guardia Ejército Armada Fuerza"),
    **_kinds(PROGRAM, "Programa Iniciativa"),
    **_kinds(AGREEMENT, "Acuerdo Tratado"),
    **_kinds(FUND, "Fondo"),
}  # fmt: skip
# A run holds a name only if one of these stands in it (`Forces` counts after `Armed`).
_ANY_HEAD = frozenset([*_HEADS_LAST, *_HEADS_FIRST, "Forces"])
# Words that form one head with the head noun after them.
_HEAD_PARTS = {"Force": {"Task", "Air"}, "Forces": {"Armed"}, "Group": {"Working"}}
_LOWER_HEADS = {"program": PROGRAM, "programme": PROGRAM, "initiative": PROGRAM, "fund": FUND}
_DESIGNATED = {"Force", "Command", "Fleet"}  # Task Force Alpha, Joint Task Force Rattlesnake
_LIST_AND = {"&", "and", "y"}
_COMPLEMENT = {"of", "for", "on", "against"}
# Spanish function words inside a name; an English name's modifiers never cross them.
_SPANISH_ONLY = {"a", "lo", "en", "por", "con"}
_CONNECT = {"of", "and", "for", "on", "the", "in", "&", "de", "del", "la", "las", "los", "y",
            "para", "el", "al", "against", *_SPANISH_ONLY}  # fmt: skip
# Capitalized function words: a sentence may start with them, a name may not.
_NOT_A_NAME_START = set(
    str.split(
        "The A An This That These Those Its Our Their His Her Through Under With From In At By "
        "For Since During As Both Each Every Additionally Moreover However Meanwhile Recently "
        "Today Currently Also And Or But If When While Where After Before Between Among Within "
        "Without Into Across Along Until Unlike Like Including Such Of On To Per Via Last Next "
        "Former Then Thus All Many Most Some Other We You They He She It I Does Do Did Is Are"
    )
)
