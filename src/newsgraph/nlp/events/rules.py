"""The PLOVER type rules: every decision that sets or changes an event's type is one entry
of ``TYPE_RULES``, applied in list order by ``apply_type_rules`` (see docs/events.md, "Type
rules"; the rule kinds and steps are described in ``typecase``). Adding a rule is writing
its function (here, or with its kind: lexicon look-ups in ``lookups``, sense checks of a verb
in ``senses``, checks of the event record in ``event_checks``) and adding one entry to
``TYPE_RULES``.
"""
from __future__ import annotations

from ..common import factuality as fact
from . import lexicon as lex
from . import lookups as lk
from . import patterns as pat
from . import event_checks as ec
from . import senses as sn
from .args import participants, subject_heads
from .candidates import REQUEST_MODE, THREAT_MODE, has_particle, lemma
from .nominal import noun_entry
from .verdicts import verdict, verdict_recipients
from .typecase import FIND, FIX, OVERRIDE, Entry, TypeCase, TypeRule, passes, run_passes

# ---------------------------------------------------------------- step "verb" (``lookups``)


def _military_movement(case: TypeCase) -> Entry | None:
    etype, mode, words = case.entry
    if etype == "CONSULT" and mode == "visit" and case.lem in lex.MOVE_VERBS and \
            pat.military_mover(case.tok) is not None:
        return "MOBILIZE", "troops", words
    return case.entry


def _non_military_mobilization(case: TypeCase) -> Entry | None:
    if case.entry[0] == "MOBILIZE" and case.lem in lex.FORCE_MOVING_VERBS:
        moved = case.dobj if case.dobj is not None else case.obj
        if moved is not None and not pat.is_military(moved) and not any(
                pat.is_military(t) for t in pat.object_heads(moved)[1:]):
            return None
    return case.entry


def _seek_attempt(case: TypeCase) -> Entry | None:
    if case.entry[0] == "REQUEST" and case.lem == "seek":
        for child in case.tok.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and \
                    verb_entry(child) is None:
                return None
    return case.entry


def _help_with_content(case: TypeCase) -> Entry | None:
    if case.entry[0] == "AID" and case.lem == "help":
        for child in case.tok.children:
            if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
                if verb_entry(child) is not None:
                    return None
    return case.entry


def _mass_expulsion(case: TypeCase) -> Entry | None:
    etype, mode, words = case.entry
    if mode == "expel" or case.lem in lex.EXPEL_VERBS:
        if case.dobj is not None and pat.mass_of_civilians(case.dobj):
            return "ASSAULT", "cleansing", words
    return case.entry


# ---------------------------------------------------------------- step "trigger"


def _designation(case: TypeCase) -> Entry | None:
    if case.lem in lex.DESIGNATE_VERBS and pat.terrorist_designation(case.tok):
        return "SANCTION", "designate", [case.tok]
    return None


def _stopped_noun(case: TypeCase) -> Entry | None:
    noun, lem = case.noun, case.lem
    if noun and lem in lex.STOP_VERBS and (lem != "call" or has_particle(case.tok, "off")):
        if noun[0] in ("ASSAULT", "PROTEST", "MOBILIZE", "COERCE", "THREATEN"):
            return ("RETREAT" if noun[0] != "PROTEST" else "CONCEDE",
                    "ceasefire" if noun[0] == "ASSAULT" else None, [case.tok, case.obj])
        if noun[0] in lex.COOPERATIVE_TYPES:
            return "SANCTION", "discontinue", [case.tok, case.obj]
    return None


def _light_verb_noun(case: TypeCase) -> Entry | None:
    if case.noun and case.lem in lex.LIGHT_VERBS:
        return case.noun[0], case.noun[1], [case.tok, case.obj]
    return None


def _ordered_act(case: TypeCase) -> Entry | None:
    if case.noun and case.lem in lex.ORDER_VERBS and not any(
            c.dep_ in ("xcomp", "ccomp") for c in case.tok.children):
        return case.noun[0], case.noun[1], [case.tok, case.obj]
    return None


def _light_verb_inner_noun(case: TypeCase) -> Entry | None:
    if case.noun is None and case.obj is not None and case.lem in lex.LIGHT_VERBS:
        for inner in case.object_heads[1:]:
            if noun_entry(inner):
                return (*noun_entry(inner), [case.tok, inner])
    return None


def _intent_adjective(case: TypeCase) -> Entry | None:
    tok = case.tok
    if tok.pos_ == "ADJ" and tok.lower_ in lex.INTENT_ADJECTIVES and \
            any(c.dep_ == "xcomp" for c in tok.children):
        return "AGREE", None, [tok]
    return None


def _joint_exercise_verb(case: TypeCase) -> Entry | None:
    etype, mode, words = case.entry
    if etype == "MOBILIZE" and any(pat.joint_exercise(w, case.tok) for w in words
                                   if w.pos_ in ("NOUN", "PROPN")):
        return "COOPERATE", None, words
    return case.entry


def _ruled_out(case: TypeCase) -> Entry | None:
    etype, mode, words = case.entry
    if pat.ruled_out(case.tok):
        return "REJECT", REQUEST_MODE.get(etype, "change"), words
    return case.entry


# ---------------------------------------------------------------- steps "noun" to "event"


def _joint_exercise_noun(case: TypeCase) -> Entry | None:
    etype, mode, words = case.entry
    if etype == "MOBILIZE" and pat.joint_exercise(case.tok):
        return "COOPERATE", None, words
    return case.entry


def _hostile_intent(case: TypeCase) -> Entry | None:
    etype, mode, words = case.entry
    if etype == "AGREE" and (case.lem in lex.INTENT_VERBS or case.tok.lower_ in
                             lex.INTENT_ADJECTIVES) and case.content.type in lex.HOSTILE_TYPES:
        return "THREATEN", THREAT_MODE.get(case.content.type), words
    return None


def _threat_mode(case: TypeCase) -> Entry | None:
    etype, mode, words = case.entry
    if etype == "THREATEN":
        return etype, mode or THREAT_MODE.get(case.content.type), words
    return None


def _request_mode(case: TypeCase) -> Entry | None:
    etype, mode, words = case.entry
    if etype in ("REQUEST", "REJECT") and not mode:
        return etype, REQUEST_MODE.get(case.content.type, "change"), words
    return None


def _prepared_assault(case: TypeCase) -> Entry | None:
    head = case.tok
    if head.dep_ != "xcomp" or not head.head.tag_.startswith("VB"):
        return case.entry
    if lemma(head.head) in ("prepare", "ready", "poise", "gear") and case.entry[0] == "ASSAULT":
        return "MOBILIZE", "troops", case.entry[2]
    return case.entry


def _negated_acceptance(case: TypeCase) -> Entry | None:
    etype, mode, words = case.entry
    verdict = case.verdict
    obj = case.dobj
    if obj is not None and etype == "SUPPORT" and (
            sn.is_agent(obj) or obj.pos_ == "PRON" and obj.lower_ not in sn.THING_PRONOUNS):
        return case.entry  # "did not endorse him": support withheld from a party, no refusal
    if verdict.value == "negated" and etype in ("AGREE", "CONCEDE", "SUPPORT") and \
            case.lem in lex.ACCEPT_VERBS:
        case.verdict = fact.Factuality("asserted", verdict.prescriptive, verdict.cue)
        return "REJECT", None, words
    return case.entry


_UNLESS_TYPES = frozenset({"RETREAT", "PROTEST", "SANCTION", "COERCE", "ASSAULT", "REJECT",
                           "MOBILIZE"})


def _unless_threat(case: TypeCase) -> Entry | None:
    etype, mode, words = case.entry
    if case.verdict.value in ("future", "conditional") and etype in _UNLESS_TYPES and \
            pat.has_unless_clause(case.tok):
        return "THREATEN", THREAT_MODE.get(etype), words
    return case.entry


def _reported_prescription(case: TypeCase) -> Entry | None:
    if not case.verdict.prescriptive or case.include_prescriptions:
        return case.entry
    if case.reporter is None:
        return None  # the writer's own prescription is no event
    case.recipients, case.actors = case.actors, participants(
        case.doc, subject_heads(case.reporter)[0])
    return "REQUEST", REQUEST_MODE.get(case.cand.type, "change"), case.entry[2]


TYPE_RULES: list[TypeRule] = [
    # step "verb": a verb token (``verb_entry``); finds in look-up order, then fixes
    TypeRule("particle object", "verb", FIND, lk.particle_object,
             "verb + particle + object head in the verb-object table", over="particle"),
    TypeRule("particle phrasal", "verb", FIND, lk.particle_phrasal,
             'verb + particle in the phrasal table ("pull out")', over="particle"),
    TypeRule("object pair", "verb", FIND, lk.object_pair,
             'verb + object head in the verb-object table ("cut ties")', over="object head"),
    TypeRule("thing given", "verb", FIND, lk.thing_given,
             'giving a thing given is AID, cutting it SANCTION, sharing it COOPERATE',
             over="object head"),
    TypeRule("easing", "verb", FIND, lk.easing,
             'easing a COERCE/SANCTION measure: CONCEDE (ban, restriction) or RETREAT, ease',
             over="object head"),
    TypeRule("repression", "verb", FIND, lk.repression,
             'repressing a PROTEST ("dispersed the rally") is COERCE restrict',
             over="object head"),
    TypeRule("prepositional object pair", "verb", FIND, lk.prep_object_pair,
             'verb + prepositional object in the verb-object table ("put on alert")'),
    TypeRule("prepositional light verb", "verb", FIND, lk.prep_light_noun,
             '"engaged in ethnic cleansing", "took part in talks": the event noun\'s type'),
    TypeRule("preposition phrasal", "verb", FIND, lk.prep_phrasal,
             'verb + following preposition in the phrasal table ("call on")'),
    TypeRule("for-clause phrasal", "verb", FIND, lk.for_clause_phrasal,
             '"called for X to withdraw": "for" marks a clause; "call for" still applies'),
    TypeRule("strike with object", "verb", FIND, lk.strike_with_object,
             '"struck the village": ASSAULT, not the labour strike'),
    TypeRule("protest with clause", "verb", FIND, lk.protest_with_clause,
             '"protested that ...": ACCUSE disapprove, not a demonstration'),
    TypeRule("verdict", "verb", FIND, verdict,
             '"called the deal \'lousy\'", "said X was \'a warm soul\'": praise is SUPPORT, '
             'criticism ACCUSE (VADER polarity of the judgement)'),
    TypeRule("bare verb", "verb", FIND, lk.bare_verb, "the verb lemma in the verb table"),
    TypeRule("military movement", "verb", FIX, _military_movement,
             '"troops arrived in X": a deployment (MOBILIZE troops), not a visit'),
    TypeRule("non-military mobilization", "verb", FIX, _non_military_mobilization,
             '"mobilized supporters / resources": no event'),
    TypeRule("help with content", "verb", FIX, _help_with_content,
             '"help support X": the supporting is the event, not the help'),
    TypeRule("mass expulsion", "verb", FIX, _mass_expulsion,
             "expelling civilians en masse: ASSAULT cleansing (CAMEO 201)"),
    TypeRule("seek to attempt", "verb", FIX, _seek_attempt,
             '"sought to determine": an attempt, no REQUEST (unless the act sought is one)'),
    TypeRule("sign sense", "verb", FIX, sn.sign_sense,
             '"signed off", "signed an executive order": no SUPPORT'),
    TypeRule("meeting a thing", "verb", FIX, sn.meet_thing, '"met the deadline": no CONSULT'),
    TypeRule("routine dissolution", "verb", FIX, sn.routine_dissolution,
             '"the band disbanded", "dissolved parliament": no COERCE ban'),
    TypeRule("jail sentence", "verb", FIX, sn.jail_sentence,
             '"jailed for contempt": a sentence, SANCTION convict'),
    TypeRule("unsupported object", "verb", FIX, sn.unsupported_object,
             '"support the claim", "recognised the disease": no SUPPORT'),
    TypeRule("denial", "verb", FIX, sn.denial,
             '"denied the allegations": a statement, no REJECT'),
    TypeRule("information release", "verb", FIX, sn.information_release,
             '"released a statement": publishing, no RETREAT'),
    TypeRule("thing prevented", "verb", FIX, sn.thing_prevented,
             '"prevent the spread": no COERCE of a party'),
    TypeRule("verbal attack", "verb", FIX, sn.verbal_attack,
             '"attacked the decision", "attacked X in a tweet": ACCUSE disapprove'),
    TypeRule("shared view", "verb", FIX, sn.shared_view,
             '"agreed there should be a vote": a view shared, no AGREE'),
    TypeRule("office taken", "verb", FIX, sn.office_taken,
             '"took over the duties of president": succession, no seizure'),
    TypeRule("thing fought", "verb", FIX, sn.thing_fought, '"fighting corruption": no ASSAULT'),
    TypeRule("self explosion", "verb", FIX, sn.self_explosion,
             '"the fruit exploded": no attack'),
    TypeRule("admission", "verb", FIX, sn.admission,
             '"accepted responsibility", "pleaded guilty": no event'),
    TypeRule("as opposed to", "verb", FIX, sn.as_opposed_to, '"as opposed to": no ACCUSE'),
    TypeRule("warning as advice", "verb", FIX, sn.warning_advice,
             '"warned people to stay inside": REQUEST'),
    TypeRule("bare ask", "verb", FIX, sn.bare_ask, '"not much to ask": no REQUEST'),
    TypeRule("transport", "verb", FIX, sn.transport_visit,
             '"flew the patient to X": moving someone, no visit'),
    # step "trigger": any token of a sentence, from its verb entry (``triggers``)
    TypeRule("terrorist designation", "trigger", OVERRIDE, _designation,
             '"designated X as a terrorist group": SANCTION, context terrorism'),
    TypeRule("stopped event", "trigger", OVERRIDE, _stopped_noun,
             '"halted attacks" RETREAT (ceasefire), "called off the strike" CONCEDE, '
             '"suspended cooperation" SANCTION discontinue'),
    TypeRule("light verb noun", "trigger", OVERRIDE, _light_verb_noun,
             '"held talks", "staged a protest": the object noun gives the type'),
    TypeRule("ordered act", "trigger", OVERRIDE, _ordered_act,
             '"ordered patrols": the act ordered (not "ordered X to do Y")'),
    TypeRule("light verb inner noun", "trigger", OVERRIDE, _light_verb_inner_noun,
             '"launched a bombing campaign": the event noun the object frames'),
    TypeRule("intent adjective", "trigger", FIND, _intent_adjective,
             '"ready to host": AGREE'),
    TypeRule("joint exercise", "trigger", FIX, _joint_exercise_verb,
             "a joint exercise held is COOPERATE, one side's is MOBILIZE"),
    TypeRule("out of the question", "trigger", FIX, _ruled_out,
             '"X-ing ... is out of the question": REJECT'),
    # step "noun": a bare event noun that is its own event
    TypeRule("joint exercise noun", "noun", FIX, _joint_exercise_noun,
             '"joint military exercises": COOPERATE'),
    # step "content": a speech act or intent with its folded complement
    TypeRule("hostile intent", "content", OVERRIDE, _hostile_intent,
             '"vowed to attack": an intent with hostile content is THREATEN'),
    TypeRule("threat mode", "content", OVERRIDE, _threat_mode,
             "a THREATEN without a mode takes the one of its content"),
    TypeRule("request mode", "content", OVERRIDE, _request_mode,
             "a REQUEST/REJECT without a mode takes the one of its content (else change)"),
    # step "governed": an event in the xcomp of a verb, after folding
    TypeRule("prepared assault", "governed", FIX, _prepared_assault,
             '"prepared to attack": MOBILIZE troops'),
    # step "event": the Event record, with factuality and roles (``stage``)
    TypeRule("question", "event", FIX, ec.in_question, "questions are no events"),
    TypeRule("habitual", "event", FIX, ec.habitual,
             '"has always condemned": a habit or standing position, no event'),
    TypeRule("standing description", "event", FIX, ec.standing_description,
             '"a group that opposes the government": a present relative clause is a state'),
    TypeRule("standing permission", "event", FIX, ec.standing_permission,
             '"X is allowed to provide": a permission in the simple present is a state'),
    TypeRule("document content", "event", FIX, ec.document_content,
             '"the bill would have allowed X to extradite": a document\'s content'),
    TypeRule("prevented act", "event", FIX, ec.prevented_act,
             '"prevented them from marching": the act kept from happening is no event'),
    TypeRule("cognitive sense", "event", FIX, ec.cognitive_sense,
             '"an understanding of economics": no AGREE'),
    TypeRule("place premodifier", "event", FIX, ec.place_premodifier,
             '"the El Paso shooting": the city is the place, no actor'),
    TypeRule("natural cause", "event", FIX, ec.natural_cause,
             '"a fire killed five", "a flood warning": no party acts'),
    TypeRule("verdict recipients", "event", FIX, verdict_recipients,
             '"called the prime minister\'s deal \'lousy\'": the one judged receives'),
    TypeRule("wish or instruction", "event", FIX, ec.wish_or_instruction,
             '"May God protect them", "please visit our main page": no act of a party'),
    TypeRule("thing actor", "event", FIX, ec.thing_actor,
             '"the name must not ...", "the bill would allow ...": the actor is no party'),
    TypeRule("purpose clause", "event", FIX, ec.purpose_clause,
             '"sent troops to protect X": the material act intended is no event'),
    TypeRule("consult counterpart", "event", FIX, ec.consult_counterpart,
             '"spoke to reporters", "discussed his background": CONSULT needs a counterpart'),
    TypeRule("public advice", "event", FIX, ec.public_advice,
             '"residents were advised to stay inside": a notice, no REQUEST'),
    TypeRule("emergency routine", "event", FIX, ec.emergency_routine,
             '"five people were rescued": emergency work without a party'),
    TypeRule("court rejection", "event", FIX, ec.court_rejection,
             '"the court rejected the appeal": a ruling, ACCUSE disapprove'),
    TypeRule("recipient required", "event", FIX, ec.recipient_required,
             "COOPERATE, AID and SANCTION need a recipient (PLOVER manual)"),
    TypeRule("prescription to nobody", "event", FIX, ec.prescription_to_nobody,
             '"I must tell you", "no one should": no request to a party'),
    TypeRule("negated acceptance", "event", FIX, _negated_acceptance,
             '"would not meet the demands": a refusal (REJECT, asserted); "did not endorse '
             'him" stays a negated SUPPORT'),
    TypeRule("unless threat", "event", FIX, _unless_threat,
             '"will withdraw unless ...": a future/conditional act with "unless" is THREATEN'),
    TypeRule("non-party roles", "event", FIX, ec.non_party_roles,
             '"the new policy restricts", "last night\'s attack": a thing or a time is no actor'),
    TypeRule("reported prescription", "event", FIX, _reported_prescription,
             '"X said Y must leave": REQUEST by X on Y; an unreported prescription is none'),
]

_PASSES = passes(TYPE_RULES)


def apply_type_rules(step: str, case: TypeCase) -> Entry | None:
    """The entry of ``case`` after the rules of ``step``, in ``TYPE_RULES`` order (None: no
    event); also left in ``case.entry``."""
    return run_passes(_PASSES.get(step, ()), case)


def verb_entry(tok) -> Entry | None:
    """PLOVER (type, mode, trigger words) of a verb token by the ``verb`` rules, or None;
    participles used as adjectives ("the negotiating sides") are no triggers."""
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return None
    if tok.dep_ in ("amod", "compound", "nmod"):  # "the negotiating sides"
        return None
    if tok.dep_ == "conj" and tok.head.dep_ in ("amod", "compound", "nmod"):
        return None  # "the most distinguished and honored scientists"
    return apply_type_rules("verb", TypeCase(tok))
