"""Translatable words for the reader's codes (the library's values stay English ids)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

FINDING = {
    "bulge": _("a disc bulge"),
    "protrusion": _("a disc protrusion"),
    "extrusion": _("a disc extrusion"),
    "sequestration": _("a free disc fragment"),
    "herniation": _("a disc herniation (type not stated)"),
    "annular fissure": _("a small tear in the outer ring of the disc"),
    "central canal stenosis": _("narrowing of the spinal canal"),
    "lateral recess stenosis": _("narrowing at the side of the spinal canal"),
    "foraminal stenosis": _("narrowing of a nerve opening (foramen)"),
    "spondylolisthesis": _("a slipped bone (spondylolisthesis)"),
    "Modic change": _("changes in the bone next to the disc (Modic change)"),
    "normal": _("the report calls this level normal, or rules findings out there"),
    "disc degeneration": _("disc wear"),
    "disc signal loss": _("a drier disc"),
    "disc height loss": _("a thinner disc"),
    "facet degeneration": _("wear in the small joints at the back"),
}
POSITION = {
    "central": _("in the middle"),
    "paracentral/subarticular": _("just off the middle"),
    "lateral recess": _("at the side of the canal"),
    "foraminal": _("in the opening where the nerve leaves"),
    "extraforaminal/far lateral": _("far out to the side"),
    "diffuse": _("spread all round"),
}
SIDE = {"left": _("left side"), "right": _("right side"), "bilateral": _("both sides")}
CONTACT = {
    "none": _("The report says it does not press on a nerve root."),
    "contact": _("The report says it touches the nerve root."),
    "displaced": _("The report says it pushes the nerve root aside."),
    "compressed": _("The report says it squeezes (compresses) the nerve root."),
}
VERDICT = {
    "matches": _("The report fits your symptoms."),
    "partly matches": _("The report fits your symptoms in part."),
    "does not match": _("The report does not fit your symptoms well."),
    "cannot tell": _("We cannot tell yet how the report fits your symptoms."),
}
NEXT_STEP = {
    "matches": _(
        "Take the report and your self-check to your clinician: the scan and your symptoms "
        "point the same way."
    ),
    "partly matches": _(
        "Scan findings and symptoms often line up only in part. Show both to your clinician, "
        "who can examine you and decide what matters."
    ),
    "does not match": _(
        "This is common: many scan findings are also seen in people without pain, and symptoms "
        "can come from a level the report calls mild. Show both to your clinician, who can "
        "examine you again."
    ),
    "cannot tell": _("Finish the self-check, or show the report to your clinician."),
}
UNREAD_WHY = {
    "no_level": _("It does not say which level (such as L4-L5) it is about."),
    "which_level": _(
        "It names several levels and we could not tell which finding goes with which."
    ),
    "which_narrowing": _("It does not say which kind of narrowing (canal, side or nerve opening)."),
    "level_not_read": _("It names a level we do not read (above T12-L1, or L6-S1)."),
    "not_interpreted": _(
        "It is about something we do not interpret, such as surgery, a cyst, a mass or a fracture."
    ),
    "words_not_known": _("We do not know these words well enough to read them."),
}
FIT = {
    "fits": _("fits"),
    "partly fits": _("fits in part"),
    "does not fit": _("does not fit"),
    "no root": _("does not point to a nerve root"),
}
