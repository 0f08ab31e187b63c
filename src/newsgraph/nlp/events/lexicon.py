"""The event lexicon: English verbs, phrasal verbs, verb + object pairs and event nouns
mapped to the 16 PLOVER event types (with a mode where the word makes it clear).

Written by us from the PLOVER type definitions (see docs/events.md for the format).
Each table is a block of text, one PLOVER type per line::

    TYPE: entry, entry/mode, "phrasal entry"/mode, ...

An entry is a lemma ("attack"), a lemma with its particle or preposition ("pull out",
"call on"), or for ``VERB_OBJECT`` a verb lemma with the lemma of its object's head noun
("cut tie", "open fire"). ``/mode`` names the PLOVER mode. Parsing happens once at import.
"""
from __future__ import annotations

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# Single-word verbs (the lemma alone decides the type).
_VERBS = """
AGREE: agree, promise, pledge, vow, offer, propose, accept, consent, commit/, invite/meet,
       volunteer, guarantee, undertake, reconcile
CONSULT: meet/meet, visit/visit, host/visit, talk, discuss, negotiate, consult, confer,
         telephone/phone, phone/phone, mediate/third-party, tour/visit, convene/multilateral
SUPPORT: praise, commend, hail, endorse, back, support, welcome, applaud, congratulate,
         recognize, recognise, sign, ratify, thank, apologize, apologise, forgive, defend,
         salute, reaffirm, approve
CONCEDE: concede, yield, relent, pardon, accede, compromise, acquiesce, amnesty
COOPERATE: cooperate, collaborate, coordinate, extradite/legal, partner
AID: aid, assist, help, donate, supply, fund, finance, rescue, lend, subsidize, subsidise,
     airlift, shelter
RETREAT: withdraw/withdraw, retreat/withdraw, release/release, free/release, disarm/disarm,
         demobilize/disarm, demobilise/disarm, surrender/disarm, resign/resign,
         evacuate/withdraw, reopen/access, unblock/access
REQUEST: request, ask, demand, urge, appeal, plead, seek, petition, beg, implore, exhort,
         insist, order, summon, require, press
ACCUSE: accuse/allege, blame/allege, criticize/disapprove, criticise/disapprove,
        condemn/disapprove, denounce/disapprove, deplore/disapprove, decry/disapprove,
        slam/disapprove, censure/disapprove, rebuke/disapprove, chide/disapprove,
        allege/allege, sue/allege, indict/allege, charge/allege, investigate/investigate,
        probe/investigate, prosecute/allege, oppose/disapprove, disapprove/disapprove,
        fault/disapprove, castigate/disapprove, lambaste/disapprove, attribute/allege
REJECT: reject, refuse, decline, veto, rebuff, spurn, deny, defy, snub, repudiate, dismiss,
        disregard, shun, renounce
THREATEN: threaten, warn, menace
PROTEST: protest/demo, demonstrate/demo, rally/demo, march/demo, picket/demo, riot/riot,
         boycott/boycott, strike/boycott
SANCTION: sanction, expel/expel, embargo, sever/withdraw, suspend/discontinue,
          freeze/discontinue, convict/convict, sentence/convict, fine/convict,
          downgrade/withdraw, cancel/discontinue
MOBILIZE: mobilize/troops, mobilise/troops, deploy/troops, reinforce/troops, station/troops
COERCE: arrest/arrest, detain/arrest, jail/arrest, imprison/arrest, seize/seize,
        confiscate/seize, ban/ban, censor/censor, deport/deport, occupy/seize,
        blockade/restrict, evict/deport, suppress/restrict, restrict/restrict,
        outlaw/ban, raid/seize, intern/arrest, expropriate/seize, nationalize/seize,
        nationalise/seize, besiege/restrict, hack/cyber
ASSAULT: attack, assault, bomb/aerial, shell/heavy-weapons, shoot/firearms, kill, murder,
         massacre/massacre, assassinate/assassinate, kidnap/abduct, abduct/abduct,
         hijack/abduct, torture/torture, beat/beat, rape/sexual, ambush, bombard/heavy-weapons,
         invade, fight, clash, wound, injure, destroy/destroy, behead, stab, execute, strafe,
         gun, slaughter/massacre, torch/destroy, burn/destroy, loot/destroy, capture
REQUEST: pressure, lobby, encourage, persuade, convince
CONCEDE: allow, permit
COERCE: deface/cyber, prevent/restrict, disperse/restrict, quell/restrict
AGREE: swear, assure, sign on
SUPPORT: commend, laud, acclaim, extol, vouch, uphold, champion
COOPERATE: ally
AID: resettle, vaccinate
RETREAT: repatriate/release, unfreeze, reinstate, demilitarize/disarm, decommission/disarm
REQUEST: beseech, entreat, solicit, invite
ACCUSE: complain/disapprove, protest/disapprove, reproach/disapprove, scold/disapprove,
        admonish/disapprove, berate/disapprove, vilify/disapprove, smear/disapprove,
        inspect/investigate, scrutinize/investigate, scrutinise/investigate,
        interrogate/investigate, audit/investigate
REJECT: disown, contradict, overrule, boycott, scrap, annul, revoke, nullify, abrogate
THREATEN: blackmail
PROTEST: strike/boycott, petition/demo
SANCTION: blacklist, isolate, boycott/boycott, penalize, penalise, punish, ostracize,
          ostracise, disinvest, divest
MOBILIZE: patrol/troops, garrison/troops, amass/troops, rearm/weapons
COERCE: abduct/abduct, harass/restrict, intimidate/restrict, expel/deport, extradite/deport,
        quarantine/restrict, raze/destroy, evict/deport, disband/ban, dissolve/ban,
        prohibit/ban, forbid/ban, gag/censor, muzzle/censor, jam/censor
ASSAULT: shoot/firearms, snipe/firearms, detonate/explosives, lynch, maim, overrun, storm,
         raze/destroy, pillage/destroy, ransack/destroy, firebomb/explosives,
         mortar/heavy-weapons, rocket/heavy-weapons, poison, strangle, exterminate/massacre,
         explode/explosives
COERCE: curb/restrict, bar/ban, annex/seize
REJECT: resist
"""

# Verb + particle / preposition (checked before the bare verb).
_PHRASAL = """
AGREE: "sign up", "agree on", "agree to", "commit to", "settle on"
CONSULT: "meet with"/meet, "talk with", "talk to", "travel to"/visit, "fly to"/visit,
         "arrive in"/visit, "arrive at"/visit, "go to"/visit, "come to"/visit,
         "speak with", "speak to", "sit down"/meet
SUPPORT: "stand by", "side with", "speak for", "rally behind", "stand with"
CONCEDE: "give in", "back down", "climb down", "bow to"
COOPERATE: "work with", "team up", "join forces", "join with"
RETREAT: "pull out"/withdraw, "pull back"/withdraw, "move out"/withdraw, "step down"/resign,
         "hand over"/return, "give up"/disarm, "set free"/release, "lay down"/disarm,
         "stand down"/disarm, "back off"/withdraw, "hand back"/return, "give back"/return
REQUEST: "call on", "call upon", "call for", "appeal to", "appeal for", "push for",
         "press for", "plead for", "ask for"
ACCUSE: "speak out"/disapprove, "complain about"/disapprove, "complain of"/disapprove,
        "hit out"/disapprove, "point finger"/allege, "lash out"/disapprove, "look into"/investigate,
        "rail against"/disapprove, "protest against"/disapprove
REJECT: "turn down", "walk out", "pull out of", "back out", "rule out", "opt out",
        "refuse to"
PROTEST: "march on"/demo, "rise up"/riot, "take to"/demo
SANCTION: "force out"/expel, "kick out"/expel, "throw out"/expel, "break off"/withdraw, "cut off"/discontinue, "close down"/withdraw
MOBILIZE: "build up"/troops, "mass up"/troops
COERCE: "round up"/arrest, "lock up"/arrest, "shut down"/restrict, "crack down"/restrict,
        "clamp down"/restrict, "take over"/seize
ASSAULT: "open fire"/firearms, "fire on"/firearms, "fire at"/firearms, "blow up"/explosives,
         "shoot down"/firearms, "gun down"/firearms, "set fire"/destroy, "fight against",
         "fight with"
"""

# Verb + head lemma of its direct object ("cut ties" -> SANCTION). Checked before the verb.
_VERB_OBJECT = """
AGREE: "offer concession", "offer compromise", "offer talk", "make commitment",
       "give assurance", "give guarantee", "reach understanding", "reach settlement",
       "reach agreement", "reach deal", "reach accord", "reach consensus", "reach compromise",
       "strike deal", "conclude agreement", "conclude deal", "make offer", "make promise",
       "make pledge", "accept proposal", "accept offer", "accept plan", "accept mediation"
CONSULT: "hold talk", "hold meeting", "hold negotiation", "hold discussion",
         "hold consultation", "hold summit", "hold conference", "pay visit"/visit,
         "make visit"/visit, "make call"/phone, "receive delegation"/visit,
         "receive minister"/visit, "receive envoy"/visit, "send delegation"/visit,
         "send envoy"/visit, "dispatch delegation"/visit, "dispatch envoy"/visit
SUPPORT: "express support", "voice support", "express sympathy", "express condolence",
         "lend support", "give support", "offer support", "throw support", "express gratitude"
COOPERATE: "share intelligence"/intelligence, "share information"/intelligence,
           "exchange information"/intelligence, "exchange intelligence"/intelligence,
           "restore tie", "restore relation", "establish tie", "establish relation",
           "normalize relation", "normalise relation", "improve relation", "strengthen tie",
           "boost tie", "expand cooperation", "sign trade"
AID: "provide aid", "send aid", "give aid", "deliver aid", "grant asylum"/asylum,
     "offer asylum"/asylum, "provide asylum"/asylum, "provide assistance",
     "give assistance", "send assistance", "extend credit", "grant loan"
CONCEDE: "ease restriction", "ease ban", "lift ban", "accept demand", "meet demand",
         "make concession", "ease measure", "relax measure", "lift measure",
         "heed call", "heed demand", "grant demand", "bow pressure", "grant amnesty", "grant pardon",
         "drop charge", "admit responsibility"
RETREAT: "pay compensation"/return, "pay reparation"/return, "free prisoner"/release,
         "release prisoner"/release, "swap prisoner"/release, "exchange prisoner"/release,
         "hand power"/resign, "relinquish power"/resign, "lift sanction"/ease, "lift embargo"/ease, "lift blockade"/withdraw,
         "lift curfew", "lift siege"/withdraw, "withdraw troop"/withdraw,
         "withdraw force"/withdraw, "declare ceasefire"/ceasefire, "declare truce"/ceasefire,
         "observe ceasefire"/ceasefire, "announce ceasefire"/ceasefire,
         "allow access"/access, "open border"/access, "return property"/return,
         "lay arm"/disarm, "hand weapon"/disarm, "receive inspector"/access,
         "receive observer"/access, "receive monitor"/access, "receive peacekeeper"/access,
         "admit inspector"/access, "admit observer"/access, "accept inspector"/access,
         "accept observer"/access, "accept peacekeeper"/access, "allow inspector"/access
REQUEST: "make request", "make demand", "make appeal", "issue appeal", "issue call"
ACCUSE: "lodge protest"/disapprove, "lodge complaint"/allege, "file complaint"/allege,
        "file lawsuit"/allege, "file suit"/allege, "bring charge"/allege,
        "open investigation"/investigate, "launch investigation"/investigate,
        "open inquiry"/investigate, "launch inquiry"/investigate,
        "open hearing"/investigate, "launch probe"/investigate, "express concern"/disapprove,
        "voice concern"/disapprove, "raise concern"/disapprove, "find guilty"/disapprove,
        "send inspector"/investigate, "dispatch inspector"/investigate,
        "send investigator"/investigate, "dispatch investigator"/investigate
REJECT: "reject proposal", "reject offer", "reject plan", "reject demand",
        "violate ban"/change, "defy ban"/change, "defy order"/change, "violate order"/change,
        "ignore ultimatum"/yield, "ignore demand"/yield, "ignore call"/change,
        "break ban"/change, "flout ban"/change, "defy ultimatum"/yield
THREATEN: "issue warning", "issue ultimatum", "issue threat", "make threat"
PROTEST: "stage protest"/demo, "hold protest"/demo, "hold rally"/demo, "stage rally"/demo,
         "hold demonstration"/demo, "stage demonstration"/demo, "stage sit-in"/demo,
         "stop work"/boycott, "collect signature"/demo, "go strike"/boycott,
         "block road"/obstruct, "block bridge"/obstruct, "block highway"/obstruct,
         "block street"/obstruct, "block traffic"/obstruct, "block entrance"/obstruct,
         "block transport"/obstruct, "block access"/obstruct, "block railway"/obstruct,
         "block port"/obstruct, "shun work"/boycott, "boycott work"/boycott,
         "boycott class"/boycott, "boycott election"/boycott, "boycott vote"/boycott
SANCTION: "cut tie"/withdraw, "sever tie"/withdraw, "sever relation"/withdraw,
          "break tie"/withdraw, "break relation"/withdraw, "cut relation"/withdraw,
          "impose sanction", "impose embargo", "recall ambassador"/withdraw,
          "suspend aid"/discontinue, "cut aid"/discontinue, "halt aid"/discontinue,
          "stop aid"/discontinue, "suspend talk"/withdraw, "halt talk"/withdraw,
          "suspend negotiation"/withdraw, "close embassy"/withdraw,
          "suspend cooperation"/discontinue, "end cooperation"/discontinue
MOBILIZE: "send troop"/troops, "deploy troop"/troops, "mass troop"/troops,
          "move troop"/troops, "send force"/troops, "deploy force"/troops,
          "send tank"/weapons, "deploy tank"/weapons, "deploy missile"/weapons,
          "send warship"/weapons, "test missile"/weapons, "put alert"/troops,
          "raise alert"/troops, "heighten alert"/troops, "step security"/police,
          "tighten security"/police, "beef security"/police, "call reservist"/troops,
          "hold exercise"/troops, "conduct exercise"/troops, "strengthen force"/troops,
          "reinforce force"/troops, "boost force"/troops, "increase troop"/troops,
          "boost troop"/troops, "bolster force"/troops, "bolster troop"/troops,
          "strengthen troop"/troops, "beef force"/troops, "mass force"/troops,
          "call reserve"/troops, "put troop"/troops, "station troop"/troops
COERCE: "impose curfew"/curfew, "impose restriction"/restrict, "impose ban"/ban,
        "declare emergency"/martial-law, "impose law"/martial-law,
        "place arrest"/arrest, "take custody"/arrest, "hold prisoner"/arrest,
        "hold hostage"/abduct, "take hostage"/abduct, "hold shield"/arrest,
        "confiscate property"/seize, "close newspaper"/censor
ASSAULT: "open fire"/firearms, "fire missile"/heavy-weapons, "fire rocket"/heavy-weapons,
         "fire shell"/heavy-weapons, "launch attack", "launch offensive", "launch strike",
         "carry attack", "stage attack", "mount attack", "launch raid", "carry raid",
         "violate ceasefire", "violate truce", "take life"
"""

# Event nouns. A nominal event is coded when a light verb governs it ("held talks"), when
# it happens ("the withdrawal will take place"), when it is a subject, or when its own
# actors or date are attached ("the US-Taliban deal of February 2020").
_NOUNS = """
AGREE: agreement, deal, accord, pact, treaty, consensus, pledge, promise, offer, proposal,
       commitment, understanding, settlement
CONSULT: talk/meet, meeting/meet, visit/visit, summit/multilateral, negotiation, consultation,
         conference/multilateral, discussion, dialogue, mediation/third-party, trip/visit,
         tour/visit, call/phone, round
SUPPORT: support, praise, endorsement, recognition, apology, backing, condolence, tribute,
         ratification
CONCEDE: concession, pardon, amnesty, compromise
COOPERATE: cooperation, collaboration, partnership, extradition/legal
AID: aid, assistance, donation, relief, loan, asylum/asylum, grant, airlift
RETREAT: withdrawal/withdraw, pullout/withdraw, pull-out/withdraw, departure/withdraw,
         retreat/withdraw, release/release, resignation/resign, ceasefire/ceasefire,
         cease-fire/ceasefire, truce/ceasefire, disarmament/disarm, evacuation/withdraw,
         surrender/disarm, drawdown/withdraw, demobilization/disarm
REQUEST: request, demand, appeal, plea, petition, call
ACCUSE: accusation/allege, allegation/allege, criticism/disapprove, condemnation/disapprove,
        lawsuit/allege, investigation/investigate, inquiry/investigate, probe/investigate,
        complaint/allege, indictment/allege, charge/allege, hearing/investigate,
        denunciation/disapprove
REJECT: rejection, refusal, veto, denial, boycott
THREATEN: threat, warning, ultimatum
PROTEST: protest/demo, demonstration/demo, rally/demo, march/demo, strike/boycott, riot/riot,
         sit-in/demo, walkout/boycott, picket/demo, unrest/riot
SANCTION: sanction, embargo, expulsion/expel, suspension/discontinue, conviction/convict,
          designation
MOBILIZE: patrol/troops, reinforcement/troops, mobilization/troops, mobilisation/troops, deployment/troops, buildup/troops,
          build-up/troops, exercise/troops, drill/troops, maneuver/troops, manoeuvre/troops,
          war game/troops
COERCE: arrest/arrest, detention/arrest, raid/seize, crackdown/restrict, ban/ban,
        curfew/curfew, censorship/censor, deportation/deport, seizure/seize,
        occupation/seize, blockade/restrict, siege/restrict, confiscation/seize
ASSAULT: cleansing/cleansing, atrocity, bloodshed, attack, assault, bombing/aerial, airstrike/aerial, air-strike/aerial,
         shelling/heavy-weapons, shooting/firearms, killing, massacre/massacre,
         assassination/assassinate, kidnapping/abduct, abduction/abduct, ambush, fighting,
         clash, violence, bombardment/heavy-weapons, invasion, offensive, explosion/explosives,
         blast/explosives, torture/torture, hijacking/abduct, war, battle, hostility, combat,
         insurgency, gunfire/firearms, cleansing/cleansing, genocide/massacre,
         incursion, execution, hostage-taking/abduct, air raid/aerial, air strike/aerial
COOPERATE: alliance
SUPPORT: solidarity
ACCUSE: rebuke/disapprove
COERCE: restriction/restrict
PROTEST: hunger strike/hunger
"""

# Verbs that carry a nominal event as their object: the noun gives the type, the verb's
# subject is the actor ("held talks", "signed ... pact" is SUPPORT via the verb itself).
LIGHT_VERBS = frozenset("""
hold have conduct make take give launch stage carry reach strike begin start continue resume
undertake mount issue lodge file deliver express announce organize organise join attend host
convene open stage wage declare initiate pursue engage renew intensify step escalate
reiterate repeat tighten extend expand impose enforce
""".split())

# Object heads that only measure or frame the real object ("tons of aid", "a mediation
# effort"): the noun inside ("of aid") or the compound before them ("mediation") counts.
GENERIC_HEADS = frozenset("""
ton tons amount shipment consignment batch load effort campaign operation mission series
wave process package kind form number lot quantity day days week weeks plan programme program
dollar dollars euro euros pound pounds yuan yen rupee rupees sum worth value million billion
""".split())

# Things given: giving them is AID, cutting them is SANCTION.
AID_OBJECTS = frozenset("""
aid assistance arm weapon food medicine supply fund money loan credit relief grain fuel
equipment ammunition vaccine shelter asylum expertise base sanctuary haven refuge
training
""".split())
GIVE_VERBS = frozenset("give provide send deliver supply donate ship grant airlift extend".split())
CUT_VERBS = frozenset("""reduce cut slash curtail withhold halt suspend stop freeze prohibit
deny block""".split())
SHARE_VERBS = frozenset("share exchange".split())
EASE_VERBS = frozenset("lift ease relax shorten loosen end remove scrap".split())
REPRESS_VERBS = frozenset("prevent disperse break ban suppress quell crush block".split())

# Protection as aid (CAMEO 074 "provide military protection or peacekeeping" -> PLOVER AID,
# context peacekeeping), coded by ``event_protection`` only between two parties.
PROTECT_VERBS = frozenset("protect".split())
PROTECTION_NOUNS = frozenset("protection".split())
# "Y provides/offers protection to X" (Y protects X); "X enjoys/receives Y's protection".
PROTECTION_GIVE_VERBS = GIVE_VERBS | frozenset("offer afford lend ensure".split())
PROTECTION_GET_VERBS = frozenset("enjoy receive get gain".split())

# Verbs after which an event noun is the thing that (does not) happen.
HAPPEN_VERBS = frozenset("""
take happen occur proceed begin start resume continue go materialize materialise
come end collapse stall break fail succeed
""".split())

# Aspect and control verbs that pass the event on to their complement ("decided to attack").
PASS_THROUGH = frozenset("""
try attempt decide begin start continue resume plan intend want hope seek fail manage
prepare aim expect need tend get keep move help choose wish look set
""".split())

# Verbs that stop what their object names: cooperation stopped is SANCTION, conflict
# stopped is RETREAT ("suspended aid", "halted attacks").
STOP_VERBS = frozenset("halt stop suspend end cease freeze cancel abandon call".split())

# Adjectival predicates of intent: "ready to host", "willing to negotiate".
INTENT_ADJECTIVES = frozenset("ready willing prepared eager keen determined open".split())

# Intent verbs whose complement decides between AGREE (cooperation) and THREATEN (conflict).
INTENT_VERBS = frozenset("promise pledge vow swear offer commit undertake guarantee".split())

# Hostile content turns an intent into a threat; preparation for it is MOBILIZE.
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})
COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                               "AGREE"})

# Types whose complement is their content: the embedded event is not coded separately.
CONTENT_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT",
                           "CONCEDE"})

# Nouns (and words inside a designation) that make "designate/list X as ..." a SANCTION.
TERROR_WORDS = frozenset("terrorist terror terrorism extremist criminal".split())
DESIGNATE_VERBS = frozenset("designate list blacklist label brand declare".split())

# Heads that name people or groups: such a noun can be an actor without a named entity.
ACTOR_NOUNS = frozenset("""
official officials government minister ministry president premier leader leadership
spokesman spokeswoman spokesperson army military troop troops force forces soldier soldiers
police policeman officer rebel rebels militant militants insurgent insurgents guerrilla
guerrillas fighter fighters protester protesters demonstrator demonstrators student students
worker workers farmer farmers union party parties opposition parliament court judge
prosecutor authority authorities administration regime negotiator negotiators envoy diplomat
diplomats ambassador delegation delegations representative representatives member members
people citizen citizens civilian civilians villager villagers resident residents refugee
refugees group groups activist activists organization organisation agency council committee
cabinet king queen prince emperor general commander chief mayor governor senator lawmaker
lawmakers legislator legislators doctor doctors journalist journalists prisoner prisoners
hostage hostages gunman gunmen bomber attacker attackers militia militias side sides country
countries nation nations state states ally allies coalition alliance team movement faction
factions tribe tribesmen monk monks priest clergy bishop crowd crowds mob thousands hundreds
dozens employee employees staff teacher teachers nurse nurses mujahidin interlocutor
interlocutors stakeholder stakeholders secretary-general secretary chairman head
adviser advisers advisor advisors national nationals detainee detainees peacekeeper
peacekeepers inspector inspectors observer observers personnel militiaman militiamen
population populations community communities ruler rulers settler settlers immigrant
immigrants migrant migrants worshipper worshippers pilgrim pilgrims supporter supporters
""".split())

# Nouns naming why an act is done ("in protest against X", "in retaliation for X"): the party
# behind X is the recipient.
PURPOSE_NOUNS = frozenset("""protest retaliation response reprisal solidarity revenge defiance
condemnation""".split())

# Verbs that move the actor's own people ("deployed peacekeepers in X", "sent a delegation to
# Y"): their object is not the one acted on; the destination is.
DEPLOY_VERBS = frozenset("""deploy station send dispatch contribute post position move mass
redeploy""".split())

# Heads that name one person (for pronoun agreement: "he"/"she" -> a person).
PERSON_NOUNS = frozenset("""
official minister president premier leader spokesman spokeswoman spokesperson soldier
policeman officer rebel militant envoy diplomat ambassador representative member king queen
prince emperor general commander chief mayor governor senator lawmaker legislator doctor
journalist prisoner hostage gunman bomber attacker monk priest bishop employee teacher
nurse secretary-general secretary chairman head judge prosecutor negotiator activist
student worker farmer citizen resident refugee candidate counterpart chancellor
""".split())

# Document nouns: a declaration or resolution is not itself a party to an event.
DOCUMENT_NOUNS = frozenset("""
declaration statement resolution report letter communique communiqué decree law bill
motion note memo memorandum message
""".split())


# Verbs of acceptance: negated, they are refusals ("would not meet the demands").
ACCEPT_VERBS = frozenset("""accept agree meet approve endorse consent comply recognize recognise
heed grant""".split())

# Verbs with a preposition whose object is an event noun that gives the type ("engaged in
# ethnic cleansing", "took part in the talks", "resorted to violence").
PREP_LIGHT_VERBS = frozenset("""engage participate join resort return proceed embark
""".split())


def _parse_block(block: str) -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    current = None
    for raw in block.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        head, sep, rest = line.partition(":")
        if sep and head.strip().isupper() and " " not in head.strip():
            current = head.strip()
            line = rest
        if current not in PLOVER_TYPES:
            raise ValueError(f"event lexicon: unknown PLOVER type {current!r}")
        for item in line.split(","):
            item = item.strip()
            if not item:
                continue
            word, _, mode = item.partition("/")
            word = word.strip().strip('"').lower()
            table.setdefault(word, (current, mode.strip() or None))
    return table


VERBS = _parse_block(_VERBS)
PHRASAL = _parse_block(_PHRASAL)
VERB_OBJECT = _parse_block(_VERB_OBJECT)
NOUNS = _parse_block(_NOUNS)
KNOWN_VERBS = frozenset(VERBS) | LIGHT_VERBS | {k.split()[0] for k in PHRASAL} | \
    {k.split()[0] for k in VERB_OBJECT}


def lexicon_size() -> dict[str, int]:
    """How many entries each table has (for the docs and a sanity test)."""
    return {"verbs": len(VERBS), "phrasal": len(PHRASAL), "verb_object": len(VERB_OBJECT),
            "nouns": len(NOUNS)}
