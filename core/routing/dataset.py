"""Labelled routing rows: the shipped training data and labelled files given to `eval`.

Rows are plain dicts (text, category, urgent, lang, form, channel); rows whose category is
null are not-for-us examples (spam, gibberish) kept for screening figures, not for training.

Shipped files: `dev.jsonl` is the labelled corpus the centre gave us (also the reference set
a retrained model must not score worse on); `extra.jsonl` and `broad.jsonl` are messages we
wrote ourselves. `broad.jsonl` was written from per-category sub-topic lists by writers who
never saw the corpus (docs/ROUTING_DATA.md). `writers_en.jsonl` (tenth pass) holds English
and mixed Arabic-English messages written from a list of hazard kinds and calm look-alikes in
many writers' voices, because blind sets by other writers showed the rules and the model had
learnt the phrasing of our earlier English writers rather than the dangers. `writers_az.jsonl`
(tenth pass) holds Arabizi and Gulf rows written from a sub-topic list of hazards, calm
look-alikes and spelling variants, with Arabizi and Gulf adverts and reports that give contact
details. `writers_cat.jsonl` (tenth pass, category) holds Arabizi and English rows written
from a sub-topic list per category, weighted to the pairs our Arabizi and English rows
confused out of fold (building violation vs unsafe structure vs shops, parks vs facilities
vs lighting, sewage vs rain, enquiry and feedback vs the problem they mention), because those
forms scored 5-10 points under Gulf and MSA on blind sets. `money_talk.jsonl` (tenth pass)
holds genuine messages that talk about money (what a fee costs, whether a fee, link, sender
or "approved" offer is genuine, a shop's price, a declined card on a payment page) in every
form, and the adverts and scams closest to them (fees to receive a prize or a job, agents
selling permits), because the advert model had learnt "a sum and a phone number" as an
advert. `adverts11.jsonl` and `genuine11.jsonl` (eleventh pass) hold adverts and scams of kinds
the earlier rows lacked (visa and job agents, debt buy-outs, staking apps, farms and shops for
sale or rent, tutors, clinics, survey and duty phishing, cut-off threats, donation baskets, game
top-ups, Umrah packages) and genuine messages that share their words (a boat "for sale"
abandoned, a "flat for rent" sign permit, a fake inspector asking cash, a leaning billboard, a
discount on fees for pensioners), every form, written from the sub-topic list in
docs/ROUTING_DATA.md. `writers_u11.jsonl` (eleventh pass, urgency) holds dangers and calm
look-alikes in every form from a new sub-topic list (animals near people, heat and enclosed
spaces, falls, construction, wind, chemicals, water mains and wadis, roads), first used as a
private probe of the urgency rules and then shipped. `writers_cat11.jsonl` (eleventh pass,
category) holds MSA and Arabizi reports from a sub-topic list per category: long formal MSA
letters and web-form reports that name several landmarks (a school, a mosque, a lamp post)
beside the one thing complained about, in official register and MSA synonyms, and Arabizi in
varied spellings and Omani words, because fresh blind sets put MSA and Arabizi category
accuracy 8-15 points under the other forms. `writers_cat12.jsonl` (twelfth pass, category)
holds Arabizi and English reports, with a few of the other forms, from a new sub-topic list
per category, written with the turns that misled the model: a denied object ("not sewage,
just rainwater", "mob majari"), two problems with the main one named ("the main problem
is..."), sarcastic thanks for a problem still there, "our building" where nothing is built,
and Arabizi spellings of vehicles, animals and places. `writers_u13.jsonl` (thirteenth pass,
urgency) holds Gulf dangers in a Gulf writer's register (الحين, هالحزه, ترى, طايح, بيطيح, فك,
يتهز) and their calm look-alikes, from the pass's sub-topic list in docs/ROUTING_DATA.md,
because fresh blind sets put Gulf urgent recall 20 points under the other forms.
`writers_u16.jsonl` (sixteenth pass, urgency) holds dangers and calm look-alikes in every form
from that pass's sub-topic list: a person fainted in the heat (in the feminine, in MSA), a
child shut in a bus or car or on a window ledge, swimming in a flooded pit, a balcony railing
come away, footbridge stairs breaking under walkers, a denial in one clause and a danger in
the next.
`writers_u17.jsonl` (seventeenth pass, urgency) holds English and Arabizi dangers said the way
residents write them (understated, "kind of", reported for someone else, in the last clause of
a long email) and, in every form, a power line down on a road, someone in a stuck lift, a bus
or car caught in a flooded underpass, children in a rising wadi, with their calm look-alikes
(burning waste asked about, a bus locked in its depot, a lift out of order, an underpass that
floods every rain).
`writers_u18g.jsonl` (eighteenth pass, Gulf and Arabizi urgency) holds 140 Gulf and Arabizi
rows (Arabizi with and without digit letters), half urgent, half calm look-alikes, said the
way Gulf and Omani residents write on WhatsApp: fire as "ضو ماسك", a shock as "يضرب كهربا",
"بطيح", a wadi "حادر", a snake as "داب", spilt diesel and riders slipping, a scorpion's sting
"توه", and the calm ones with the same words: "الضو طافي" (a light), "الحين ابي اعرف" (a
question), a wadi that "حدر" two weeks ago, rubbish that "تنكب", a wasps' nest to remove.
`writers_u19.jsonl` (nineteenth pass, Gulf and Arabizi urgency) holds 76 Gulf and Arabizi rows
(44 urgent) told as events a moment ago with no now word: a bus that "دعم" a boy, a woman
"علقانة" in a lift, an old man "طايح" from the heat, a girl fallen from a balcony, a wadi that
"شال" a boy, pleas (فزعة، انقذونا، "saa3dona", "il7agona"); and their calm twins said of
yesterday or days ago, taken to hospital, got out, a near miss ("بغت تدعم"), a question.
`writers_u20.jsonl` (twentieth pass, Gulf urgency) holds 81 Gulf and Gulf Arabizi rows (48
urgent): a person at risk said with no hazard word ("تطرش وتدوخ", a toddler "بروحه في نص الخط
السريع", "منسدح", a sting and a swollen hand, a bus that "صدم طالب"), a meter that "يشب", a
socket that "يطق", palms that "ولع", a wall "مايلة على الدرب"; and their calm twins: the same
words of yesterday or fixed, "تطرشون مفتش" (send an inspector), lamps that "تولع" by day.
`writers_u21.jsonl` (twenty-first pass, urgency in every form) holds 54 Gulf, MSA, Arabizi,
English and mixed rows (35 urgent) of kinds no earlier row had: waves reaching people on a
beach or breakwater, a diesel drum or tank leaking ("يهرب") by homes or a school, stairs
fallen with people above, a person shaking ("يرجف", "ترتجف"), a child called "بنيتي" or
"وليدي" in the road or a pit, a lost old man among traffic, a jet ski that struck a swimmer;
and their calm twins: fixed, of last week, a question ("abi as2al law", "ودي اسأل لو"),
habitual waves or jet-ski noise, a lost child found.
`writers_u22.jsonl` (twenty-second pass, urgency in every form, MSA and English first) holds
60 rows (30 urgent) of a person in danger said with no hazard word: a child or an elder lost at
a festival, a beach or a souq and still not found, a swimmer or a paddleboarder who cannot get
back, a kayak or a boat drifting out, a fisherman clinging to rocks, a worker shut in a cold
store or gone quiet in a septic tank, a boy's head caught in a fence, a snake's bite and a
swelling leg, a man slumped who cannot be woken, a broken wooden crossing people still walk;
and their calm twins: a lost child found and handed over, a lost card or dog, a lift out of
order with nobody inside, a footbridge to repaint, swimming lessons and lifeguards asked
about, a rescue thanked, waves on the walkway every afternoon.
`writers_u23.jsonl` (twenty-third pass, urgency in every form) holds 39 rows (26 urgent) of
danger said as a situation with no hazard word: a person not back, not out of a tunnel or a
sewer, or not answering for minutes or hours (a grandad off the corniche, lads in a drainage
tunnel, a labourer down a chamber, a daughter gone to the grocery), an elder disoriented in
the sun by a ring road, a worker locked in a freezer, a cracked gas hose by lit burners, flood
water up to the bonnets or the door handles, barriers in the fast lane unlit, a parked bus
rolling with nobody in it; and their calm twins: home safe, a crew that has not come back for
weeks, a line that does not answer, a permit for barriers, a question about gas hoses or about
what to do if someone is not back.
`writers_u24.jsonl` (twenty-fourth pass, urgency in every form) holds 43 rows (31 urgent) of
danger said with no span or hazard word: a person still not home or answering nobody (an
uncle on the farm road, a school guard by the generator room), a neighbour not seen or her
door not opened since yesterday, an elder between lorries or on the tarmac who does not know
where he is going, someone slumped at a booth or not responding in a hot car or at a bus stop,
guests vomiting and fainting, children on a rock with the tide rising, an open hatch with
wires by a splash park, chemicals in a creek where boys swim, a drainage worker down a wet
well and not up, a lorry whose brakes slipped on a slope; and their calm twins: a son home
safe, a contractor not back to finish, a line that does not answer, a man who sleeps on a
bench every afternoon, a box now locked, a brake fixed last month.
`writers_cat15.jsonl` (fifteenth pass, category) holds reports in every form from a sub-topic
list of near neighbours: a shop's or pharmacy's glaring sign (not a road sign), bedbugs in
workers' rooms (not a building violation), a building's pillar (not a lamp post), a bridge's
deck joints, earth tipped into a wadi (not a flood), "park" the verb, and MSA nominal sentences
with verbal nouns (تراكم، انبعاث، تسرب، انقطاع الإنارة). `writers_cat16.jsonl` (sixteenth
pass, category) holds reports in every form from that pass's list: earth, sand and old asphalt
left in heaps after works (dumping; the road itself left dug is road damage), bedbugs in labour
camps (a villa turned into one stays a violation), sarcasm worded as praise of the service with
a count of weeks ("third week", "since Eid"), fallen electricity poles and cables (street
lighting), flooded tunnels, Gulf possessives and demonstratives (حقته، مالتها، هال-), and animals
at the bins. `writers_scr22.jsonl` (twenty-second screening pass) holds 25 adverts and scams
and 25 genuine look-alikes, five of each per form, from that pass's sub-topic list: promotions
dressed as notices to residents, chain messages asking to be passed on in other words, the
municipality's works and paperwork sold to the reader (permit clearance, drawings "approved
by the municipality", debris removal, sewage tankers), job and visa agents; and complaints with
contact details that share their words: a fee paid on a portal or app still shown unpaid, a
fee on the writer's bill, a price questioned with "?!", a shortage counted against homes, a
contractor or workshop named as the cause with its number on its sign or a video the writer
filmed, sarcasm about a problem, a flyer or message asked about. `writers_cat23.jsonl`
(twenty-third category pass) holds dangers and their calm twins in every form labelled with the
service responsible for the place or thing (a person hurt or stuck in a park, a child in a
skip, a wadi or a flooded tunnel, wires from a lamp post, a crane's load over a street and a
site's unfenced pit, stings and snakes, dogs and camels), and English everyday reports in
residents' voices for every category. No own row may be a near
copy of a corpus row (tests/core/routing/test_routing_data.py), or cross-validating the corpus
would score paraphrases of its own held-out messages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

Row = dict[str, Any]
CORPUS_FILE = "dev.jsonl"
OWN_FILES = (
    "extra.jsonl",
    "broad.jsonl",
    "dialect.jsonl",
    "forms.jsonl",
    "hazards.jsonl",
    "hazards_forms.jsonl",
    "adverts.jsonl",
    "writers_en.jsonl",
    "writers_az.jsonl",
    "writers_cat.jsonl",
    "money_talk.jsonl",
    "adverts11.jsonl",
    "genuine11.jsonl",
    "writers_u11.jsonl",
    "writers_cat11.jsonl",
    "writers_cat12.jsonl",
    "writers_u13.jsonl",
    "writers_u16.jsonl",
    "writers_cat15.jsonl",
    "writers_u17.jsonl",
    "writers_cat16.jsonl",
    "writers_u18g.jsonl",
    "writers_cat17.jsonl",
    "writers_cat18.jsonl",
    "writers_scr19.jsonl",
    "writers_u19.jsonl",
    "writers_scr20.jsonl",
    "writers_u20.jsonl",
    "writers_cat20.jsonl",
    "writers_cat21.jsonl",
    "writers_scr21.jsonl",
    "writers_u21.jsonl",
    "writers_scr22.jsonl",
    "writers_u22.jsonl",
    "writers_cat23.jsonl",
    "writers_u23.jsonl",
    "writers_u24.jsonl",
)
SHIPPED_FILES = (CORPUS_FILE, *OWN_FILES)


class DatasetError(ValueError):
    """A labelled file that cannot be read; the message names the file and line."""


def parse_rows(lines: Iterable[str], where: str = "<rows>") -> Iterator[Row]:
    """Parse JSON lines into rows, checking each has a text and a category field."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{where}:{number}: not valid JSON: {exc}") from exc
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise DatasetError(f"{where}:{number}: a row needs a 'text' string")
        category = row.get("category")
        if category is not None and not isinstance(category, str):
            raise DatasetError(f"{where}:{number}: 'category' must be a string or null")
        row["urgent"] = bool(row.get("urgent", False))
        yield row


def load_rows(path: str | Path) -> list[Row]:
    """Read a labelled JSON-lines file (e.g. for `balagh eval FILE`)."""
    try:
        with open(path, encoding="utf-8") as fh:
            return list(parse_rows(fh, str(path)))
    except OSError as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc


def shipped_rows(names: Iterable[str] = SHIPPED_FILES) -> list[Row]:
    """The training data shipped in the package (dev corpus plus our own extra messages)."""
    rows: list[Row] = []
    data = resources.files("core.routing").joinpath("data")
    for name in names:
        text = data.joinpath(name).read_text("utf-8")
        rows.extend(parse_rows(text.splitlines(), name))
    return rows


def labelled(rows: Iterable[Row]) -> list[Row]:
    """Only the rows that carry a category (the ones a classifier can learn from)."""
    return [r for r in rows if r.get("category")]


def training_beside(scored: Iterable[Row]) -> list[Row]:
    """Shipped rows to add to every training fold when cross-validating `scored`: labelled
    rows, and adverts (not-for-us spam rows), which train the advert model only.

    Rows whose text is also in the scored file are left out, so a fold never trains on the
    message it is scored on: for the dev corpus this leaves our own files; for another file
    (a held-out set) the dev corpus trains too.
    """
    seen = {" ".join(r["text"].split()) for r in scored}
    return [
        r
        for r in shipped_rows()
        if (r.get("category") or r.get("not_for_us") == "spam")
        and " ".join(r["text"].split()) not in seen
    ]
