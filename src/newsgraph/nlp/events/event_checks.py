"""Event checks of the type rules (``event`` step entries of ``rules.TYPE_RULES``): is
the Event being built a PLOVER event, judged by its clause (a question, a habit, a purpose, a
prescription on nobody) and by its parties (a natural cause or a thing as actor, a meeting
without a counterpart, emergency work nobody does, aid to no one)? Each check returns the
entry (unchanged or retyped) or None (no event); the token tests are ``senses``'. Written
from the PLOVER definitions and the annotation guide (eval/news_gold/GUIDE.md, 5.10 and
5.11); see docs/events.md, "Sense checks"."""
from __future__ import annotations

from ..common.syntax import passive_agents
from . import lexicon as lex
from . import patterns as pat
from .args import quote_at
from .candidates import PLACE_PREPS, PLACE_TYPES, direct_object, lemma
from .senses import NON_PARTY_ENTITIES, THING_PRONOUNS, hazard_bulletin, is_agent, is_means, \
    is_media, is_natural_cause, is_vehicle
from .nominal import noun_entry
from .typecase import Entry, TypeCase

FIRST_PERSON = frozenset({"i", "me", "myself"})
UNIVERSAL_DETS = frozenset({"no", "any", "every", "each"})
NOBODY = frozenset({"nobody", "anyone", "anybody", "everyone", "everybody", "none"})
# Types a document can not do by itself (a bill "would allow", a law "aims to prevent").
MATERIAL_TYPES = frozenset({"COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE",
                            "COERCE", "ASSAULT", "CONCEDE", "CONSULT"})
VERBAL_TYPES = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT",
                          "THREATEN"})


def _first_person(tok) -> bool:
    return tok.lower_ in FIRST_PERSON


def _nobody(tok) -> bool:
    """"no two people", "anyone", "every citizen": no particular party."""
    return tok.lower_ in NOBODY or any(c.dep_ == "det" and c.lower_ in UNIVERSAL_DETS
                                       for c in tok.children)


def _reported_by_party(verb) -> bool:
    """``verb`` is in the complement of a verb whose subject is a party ("X said it ...")."""
    current = verb
    while current.dep_ in ("ccomp", "xcomp", "conj", "advcl") and current.head.i != current.i:
        current = current.head
        if any(c.dep_ == "nsubj" and is_agent(c) for c in current.children):
            return True
    return False


def _counterparts(case: TypeCase) -> list:
    """Recipient heads that are parties met, not places an act happens in."""
    return [h for h in case.recipient_heads or () if is_agent(h) and not (
        h.ent_type_ in PLACE_TYPES and h.dep_ == "pobj" and h.head.lower_ in PLACE_PREPS)]


def in_question(case: TypeCase) -> Entry | None:
    """Questions are no events ("How will you work with Congress?")."""
    tok = case.tok
    for t in tok.doc[tok.i + 1:tok.sent.end]:
        if t.text in (".", "!", ";"):
            return case.entry
        if t.text == "?":
            return None
    return case.entry


def habitual(case: TypeCase) -> Entry | None:
    """Habits and standing positions ("has always condemned", "have historically been
    accused") are no events (guide 5.10)."""
    if any(c.dep_ == "advmod" and c.lower_ in lex.HABIT_ADVERBS for c in case.tok.children):
        return None
    return case.entry


def _present_simple(verb) -> bool:
    """``verb`` is in the simple present, active ("opposes", "does not recognize") or passive
    ("is backed by"): no past, perfect, progressive or future auxiliary."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("MD", "VBD") or lemma(a) == "have" or a.lower_ == "to" for a in auxes):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return not any(a.dep_ == "aux" and a.tag_ == "VBG" for a in auxes)
    if verb.tag_ == "VB":  # "does not recognize"
        return any(lemma(a) == "do" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    return verb.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP")
                                      for a in auxes)


def standing_description(case: TypeCase) -> Entry | None:
    """A relative clause in the simple present describes what its noun is or does ("the
    mayor, who is backed by the party", "a group that opposes the government", "Cyprus,
    which Turkey does not recognize"): a state or habit, no event (guide 5.10). Past and
    future relative clauses ("who attacked the town last week") stay events."""
    tok = case.tok
    if case.cand is not None and case.cand.actor_heads is not None:
        return case.entry  # protection ("who are protected by X") is ongoing aid
    clause = tok
    while clause.dep_ == "conj" and clause.head.i != clause.i:  # "are killed or injured"
        clause = clause.head
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    if clause.dep_ == "relcl" and tok.pos_ in ("VERB", "AUX") and (
            _present_simple(tok) if clause is tok or own_aux else _present_simple(clause)):
        return None
    return case.entry


def standing_permission(case: TypeCase) -> Entry | None:
    """"X is allowed to provide", "the model allows citizens more freedom": a permission in
    the simple present is a standing state, no CONCEDE or RETREAT (guide 5.10); "allowed
    the inspectors in" on a day is an act."""
    if case.lem in lex.PERMIT_VERBS and case.tok.pos_ in ("VERB", "AUX") and \
            case.entry[0] in ("CONCEDE", "RETREAT") and _present_simple(case.tok):
        return None
    return case.entry


def _text_like(tok) -> bool:
    """A document or an agreement's text ("the bill", "the memorandum", "the deal")."""
    lem = lemma(tok)
    return lem in lex.DOCUMENT_NOUNS or lem in lex.ORDER_DOCUMENTS or \
        (noun_entry(tok) or ("",))[0] == "AGREE"


def document_content(case: TypeCase) -> Entry | None:
    """What a document or a deal would do or does by its terms ("the bill would have allowed
    X to extradite", "the agreement allows troops to ...") is its content, no event of its
    own (guide 5.10); a document's asserted verbal act ("the resolution demands / condemned
    X") stays."""
    heads = case.actor_heads or []
    if not heads or any(a.get("entity") for a in case.actors or ()):
        return case.entry
    if all(_text_like(h) for h in heads) and (
            case.verdict.value not in ("asserted", "negated") or
            case.entry[0] in MATERIAL_TYPES and _present_simple(case.tok)):
        return None  # "the resolution demands ..." is the body's own demand: kept
    return case.entry


def prevented_act(case: TypeCase) -> Entry | None:
    """"prevented the protesters from marching", "refrained from attacking", "aims to stop
    rebels from attacking": the act kept from happening is no event (the prevention may be
    one)."""
    tok = case.tok
    prep = tok.head
    if tok.dep_ == "pcomp" and prep.lower_ == "from" and prep.head.i != prep.i and \
            lemma(prep.head) in lex.PREVENT_FROM_VERBS:
        return None
    return case.entry


def cognitive_sense(case: TypeCase) -> Entry | None:
    """"an understanding of economics" is knowledge, no agreement."""
    for w in case.entry[2]:
        if lemma(w) == "understanding" and any(c.dep_ == "prep" and c.lower_ == "of"
                                                for c in w.children):
            return None
    return case.entry


def place_premodifier(case: TypeCase) -> Entry | None:
    """"the El Paso shooting", "the Cheltenham march": a city or region premodifying an event
    noun is where it happened, no actor (a country stays one: "the US attack")."""
    tok = case.tok
    if tok.pos_ not in ("NOUN", "PROPN") or not case.actors:
        return case.entry
    places = [h for h in case.actor_heads or () if h.head.i == tok.i and
              h.dep_ in ("compound", "nmod") and h.ent_type_ in PLACE_TYPES]
    spans = [(h.left_edge.idx, h.right_edge.idx + len(h.right_edge)) for h in places]
    case.actors = [a for a in case.actors if a.get("code") or not any(
        s <= a["start"] and a["end"] <= e for s, e in spans)]
    return case.entry


def natural_cause(case: TypeCase) -> Entry | None:
    """No party acts: the actor is a natural hazard, an accident or an illness ("a fire killed
    five", "the crash was investigated"), or the event is a bulletin about one ("issued a
    flood warning")."""
    if any(is_natural_cause(h) for h in case.actor_heads or ()):
        return None
    if case.entry[0] == "ASSAULT" and case.lem not in ("ram", "plow", "plough") and any(
            is_vehicle(h) for h in list(case.actor_heads or ()) + (passive_agents(case.tok) if case.tok.pos_ in ("VERB", "AUX") else [])):
        return None  # "struck by a car": an accident, no attack
    obj = direct_object(case.tok) if case.tok.pos_ in ("VERB", "AUX") else None
    if obj is not None and all(w.i != obj.i for w in case.entry[2]) and (
            is_natural_cause(obj) or hazard_bulletin(obj)):  # "opened fire" is the trigger
        return None
    nouns = [w for w in case.entry[2] if w.pos_ in ("NOUN", "PROPN")]
    if any(hazard_bulletin(n) for n in nouns):
        return None
    return case.entry


def wish_or_instruction(case: TypeCase) -> Entry | None:
    """A wish ("May God protect them") or an instruction to the reader in the author's voice
    ("please visit our main page", "see the full list") is no act of a party. Imperatives
    inside a quote stay: they are the speaker's requests."""
    tok = case.tok
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("ROOT", "conj"):
        return case.entry
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    may = [c for c in tok.children if c.dep_ == "aux" and c.lower_ == "may"]
    if may and subjects and may[0].i < subjects[0].i and may[0].i == tok.sent.start:
        return None  # "May God protect their parents"
    clause = tok if tok.dep_ == "ROOT" else tok.head
    imperative = not subjects and tok.tag_ == "VB" and clause.dep_ == "ROOT" and not any(
        c.dep_ in ("aux", "auxpass") for c in tok.children)
    if imperative and case.doc is not None and quote_at(case.doc, tok.idx) is None:
        return None  # "please visit our main page"
    return case.entry


def thing_actor(case: TypeCase) -> Entry | None:
    """The actor named is a thing, not a party ("the name must not", "the process requires",
    "it" that nothing resolves): no event. Documents keep their verbal acts ("the
    resolution demands ...") when asserted; a hypothetical one ("the bill would allow ...")
    is the document's content."""
    heads = case.actor_heads or []
    if not heads or any(a.get("entity") or a.get("pronoun") for a in case.actors or ()):
        return case.entry  # a named party, or a pronoun resolved to one
    if case.verdict.prescriptive and not any(h.lower_ in THING_PRONOUNS for h in heads):
        return case.entry  # the prescribed party: the prescription rule decides
    # a subject the parse split in two ("Lions, tigers, and Gondor welcomed")
    heads = heads + [c for h in heads if h.dep_ == "nsubj" for c in h.head.children
                     if c.dep_ == "nsubj" and c.i != h.i]
    for h in heads:
        if is_agent(h) or is_means(h) or h.like_num or h.pos_ == "NUM":
            return case.entry
        if h.lower_ in THING_PRONOUNS and not case.verdict.prescriptive and \
                _reported_by_party(case.tok):
            return case.entry  # "Chad announced that it will ...": likely the speaker
        if h.pos_ in ("DET", "PRON") and h.lower_ not in THING_PRONOUNS:
            return case.entry  # "all", "everyone": generic, but a party
        if lemma(h) in lex.DOCUMENT_NOUNS and (case.entry[0] not in MATERIAL_TYPES or
                                              case.verdict.value in ("asserted", "negated")):
            return case.entry
    return None


def purpose_clause(case: TypeCase) -> Entry | None:
    """A material act in a purpose clause ("troops sent to protect X", "to punish the mayor",
    "designed to intimidate") or an infinitive on a noun that is no act ("the ability to
    prevent", "the best person to help") is intended, not done (guide 5.10); verbal acts and
    meetings and protests there ("flew to X to meet Y", "a rally to protest X") are kept,
    and so are acts planned ("a plan to withdraw"). "how/whether to" asks a question: no
    event."""
    tok = case.tok
    if tok.pos_ not in ("VERB", "AUX") or case.verdict.prescriptive or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return case.entry
    if any(c.dep_ in ("advmod", "mark") and c.lower_ in ("how", "whether") for c in tok.children):
        return None  # "figure out how to free themselves": a question of means
    if tok.dep_ == "acl" and lemma(tok.head) in lex.PURPOSE_HEADS:
        return None  # "the ability to support", "the right to protest": no act, of any type
    if case.entry[0] in VERBAL_TYPES | {"CONSULT", "PROTEST"}:
        return case.entry  # a meeting or protest gathered for is held ("gathered to discuss")
    head = tok.head
    if tok.dep_ == "advcl" or tok.dep_ in ("acl", "relcl") and lemma(head) not in lex.ACT_NOUNS:
        return None  # "an attack to punish them", "the best person to help", "the right to ..."
    if tok.dep_ == "xcomp" and lemma(head) in lex.PURPOSE_PARTICIPLES and head.tag_ == "VBN":
        return None
    return case.entry


def prescription_to_nobody(case: TypeCase) -> Entry | None:
    """A reported prescription is a request to the party prescribed; one on the speaker
    ("I must tell you") or on nobody in particular ("no two people should") is none."""
    if not case.verdict.prescriptive or case.include_prescriptions or case.reporter is None:
        return case.entry
    heads = list(case.actor_heads or []) + [c for c in case.tok.children
                                            if c.dep_ in ("nsubj", "nsubjpass")]
    if any(_first_person(h) or _nobody(h) for h in heads):
        return None
    return case.entry


def consult_counterpart(case: TypeCase) -> Entry | None:
    """CONSULT needs a counterpart: an interview with the press is none ("spoke to
    reporters"), nor is discussing a topic alone ("discussed his background"), nor going
    nowhere ("went to bed"). Nominal meetings keep their own rules."""
    etype, mode, words = case.entry
    if etype != "CONSULT":
        return case.entry
    if any(is_media(p) for p in list(case.actors or ()) + list(case.recipients or ())) or any(
            p.dep_ == "prep" and p.lower_ in ("to", "with") and g.dep_ == "pobj" and
            lemma(g) in lex.MEDIA_NOUNS for p in case.tok.children for g in p.children):
        return None  # "spoke to the press", "an interview with Wikinews"
    if case.tok.pos_ not in ("VERB", "AUX") or any(w.pos_ == "NOUN" for w in words) or \
            mode in ("third-party", "multilateral"):
        return case.entry
    if mode == "visit":
        tok = case.tok
        if tok.dep_ == "relcl" and case.dobj is None and not is_agent(tok.head) and \
                tok.head.ent_type_ not in PLACE_TYPES:
            return None  # "the museum the group was visiting": a place, no host
        if case.lem in lex.MOVE_VERBS:  # "went to bed", "go to the polls": no one visited
            return case.entry if case.recipients else None
        obj = case.dobj  # "visited the region"; "hosted a television show" is no visit
        if obj is not None:
            return None if obj.ent_type_ in NON_PARTY_ENTITIES else case.entry
        return case.entry if case.recipients else None
    heads = case.actor_heads or []
    if len(case.actors or ()) >= 2 or any(h.tag_ in ("NNS", "NNPS") for h in heads):
        return case.entry
    return case.entry if _counterparts(case) else None


def public_advice(case: TypeCase) -> Entry | None:
    """"Travellers were advised to contact their airlines": advice to the public in a
    passive without agent is a notice, no REQUEST by a party."""
    tok = case.tok
    if case.entry[0] == "REQUEST" and case.lem in lex.ADVICE_VERBS and \
            any(c.dep_ == "nsubjpass" for c in tok.children) and \
            not any(c.dep_ == "agent" for c in tok.children):
        return None
    return case.entry


def emergency_routine(case: TypeCase) -> Entry | None:
    """Rescues, evacuations and medical airlifts with no party doing them ("five people were
    rescued", "residents evacuated") are routine emergency work, no event (guide 5.11)."""
    if case.lem not in lex.EMERGENCY_VERBS or case.entry[0] not in ("AID", "RETREAT"):
        return case.entry
    if not case.actor_heads:
        return None
    if case.lem == "evacuate" and case.dobj is None:
        return None  # intransitive: the evacuees themselves
    return case.entry


def court_rejection(case: TypeCase) -> Entry | None:
    """A court rejecting a lawsuit or an appeal rules against the party (ACCUSE disapprove,
    guide 12.8), it refuses nothing asked of it as a party."""
    if case.entry[0] != "REJECT":
        return case.entry
    for head in case.actor_heads or ():
        words = {lemma(t) for t in head.subtree if t.dep_ in ("compound", "amod") or t is head}
        if words & lex.COURT_WORDS or any(w.lower() in lex.COURT_WORDS for a in case.actors
                                          for w in (a.get("name") or "").split()):
            return "ACCUSE", "disapprove", case.entry[2]
    return case.entry


def recipient_required(case: TypeCase) -> Entry | None:
    """COOPERATE, AID and SANCTION need a recipient (PLOVER manual). A SANCTION or COOPERATE
    with neither recipient nor actor ("the order was cancelled", "cutting off the supply") is
    no such event; nor is help that goes to no one and gives nothing ("funded the search",
    "assisted in the work"). Help given "to X" that the recipient rules miss stays."""
    etype = case.entry[0]
    if etype not in ("COOPERATE", "AID", "SANCTION") or case.recipients:
        return case.entry
    if etype != "AID":
        return case.entry if case.actors else None
    if etype == "AID":
        verbs = [case.tok] + [c for c in case.tok.children if c.dep_ == "conj"]
        if any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for", "with")
               for v in verbs for c in v.children) or any(
                c.dep_ == "prep" and c.lower_ == "to" for v in verbs for o in v.children
                if o.dep_ == "dobj" for c in o.children):
            return case.entry  # "gave X to Y", "delivered $50,000 worth of goods to Y"
        obj = case.obj
        if obj is None or not (pat.given_lemma(obj) in lex.AID_OBJECTS or obj.ent_type_ == "MONEY"):
            return None
    return case.entry


def _party_part(doc, part: dict) -> bool:
    """A participant that can be a party: a named entity, a resolved pronoun, a description
    whose head can act (``is_agent``) or counts people ("killing five"); an event noun or a
    weapon stands for the unnamed attacker (the PLOVER GSR codes "the explosion killed")."""
    if part.get("entity") or part.get("pronoun") or part.get("code"):
        return True
    span = doc.char_span(part["start"], part["end"], alignment_mode="expand")
    if span is None:
        return True
    head = span.root
    if noun_entry(head) or pat.is_military(head) or lemma(head) in lex.WEAPON_NOUNS:
        return True  # "the explosion killed two", "a bomb exploded": the act or its means
    return is_agent(head) or head.like_num or head.pos_ in ("PRON", "NUM")


def non_party_roles(case: TypeCase) -> Entry | None:
    """Actors are parties: a time ("last night's attack"), a thing, a plan or a document
    ("the new policy restricts", "the bill bans") is none and leaves the role (guide 5.5);
    the event stays, with the parties it has."""
    doc = case.tok.doc
    if case.actors:
        case.actors = [a for a in case.actors if _party_part(doc, a)]
    return case.entry
