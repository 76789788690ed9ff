"""Word lists the language detector scores with: general vocabulary, not corpus phrases.

Lists are kept disjoint where it matters: a word common in both English and Arabizi (law,
wish, min, bas, hal) is in neither, so it never decides a message on its own.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Common English words: function words, everyday verbs and the nouns of municipal complaints.
ENGLISH_WORDS = _words(
    """
    a an the this that these those there here it its it's is are was were be been being am
    i me my mine we us our ours you your yours he him his she her they them their theirs
    and or but if so because as than then also too very just only not no nor yet still
    of in on at by for with without from to into onto over under above below near next
    between behind beside across along around after before since until till during about
    against up down out off again every each all any some many much more most few less
    what which who whom whose when where why how whether
    do does did done doing have has had having can could will would shall should may might
    must need needs needed get gets got getting go goes going gone went come comes came
    make makes made see saw seen look looks looking know think want wants take takes took
    give gives gave put keep keeps kept let tell told ask asked call called send sent
    fix fixed fixing check checked repair repaired clean cleaned remove removed report
    reported complain complaint complaints request issue issues problem problems help
    please pls plz thanks thank thx regards kindly dear hello hi hey team sir madam
    sorry urgent urgently asap immediately today yesterday tomorrow tonight morning evening
    night week weeks month months year years day days hour hours minute minutes time
    now already ago always never often sometimes soon late early long
    road roads street streets lane way highway roundabout junction bridge traffic signal
    light lights lamp pole poles sign signs pothole potholes hole holes crack cracks
    cracked broken damaged damage leaking leak leaks water pipe pipes sewage drain drains
    flooding flooded flood rain rainwater garbage rubbish trash litter waste bin bins
    container truck collection collected dump dumping dumped smell smells smelly bad
    noise noisy loud music construction building buildings site work works worker workers
    house houses home villa flat apartment shop shops store restaurant market mall
    park parks garden beach mosque school hospital clinic office municipality area
    neighbourhood neighborhood village city town place places car cars vehicle vehicles
    abandoned parked parking stray dog dogs cat cats animal animals rats rat mosquitoes
    insects tree trees fallen fell open opened closed close blocked full empty dirty
    dangerous danger safe safety children child kids people family families residents
    neighbour neighbor neighbours neighbors permit licence license fee fees fine
    application number reference status update still again new old big small large
    other another same such own well good great nice better best bad worse worst
    one two three four five first second third last next
    yes okay sure who's there's isn't aren't wasn't weren't don't doesn't didn't can't
    cannot won't wouldn't couldn't shouldn't i'm i've you're we're they're it'll
    front side back left right inside outside top bottom middle end corner
    since while though although however therefore anyway
    """
)

# Common Arabizi and Gulf-Arabic words written in Latin letters (digit-free spellings).
ARABIZI_WORDS = _words(
    """
    salam salaam assalamu alaikum alaykum aleikum marhaba mar7aba ahlan hala
    shukran shokran shukrn mashkoor mashkoorin mashkoureen mashkur yateek alafia afya
    inshallah inshalla mashallah mashalla wallah wallahi walla yallah yalla
    habibi habibti akhi ukhti ustaz ya ana ani enta inta enti inti ehna e7na nehna ne7na
    hatha hadha hatha hathi hadhi haza hazi hadi hatha hathol hathool hadol
    ila ela ala 3ala fe fi fii mn men mnn wa w wel wil bel bil lil lel
    kil kul kol kolla kullah kullaha kulla kollaha kilha
    shay shai shi ishi shay2 mafi mafee mob mub mu mush mesh
    wayed wayid waid wajid wayyed kteer kthir katheer ktheer jidan jiddan
    zain zein zen zeen zina helw 7ilw helo
    wain wein ween wen fen feen laish laysh leish lesh lish leesh shlon shlonak shlonik
    kaif kaif kef keef shu shoo sho wesh weesh esh eish aish
    ams amis elyom elyoum alyom alyoum elyowm bukra bokra baachir bachir
    baad ba3d gabl qabl gbl dhel alheen alhin el7een al7een hal7een elheen
    7ag 7aq hag haq 7ug hug mal maal taba3 tab3
    ely elly illi alli elli yali yalli allati
    3ind 3ndna 3indna 3indi 3ndi 3endi 3ndk indna indi endi
    hnak hnaak hnaka hina hena hni hinak hnaaak
    sayara sayyara syara shari3 share3 sharia share beet bait bayt
    baladiya baladiyya baldiya mawqif mawgif maw9if
    zbala zibala zobala zbalah 9e7a sa7a
    mushkila mushkela moshkela moshkila mshkla
    lazim lazem laazim lazm abga abgha abi aby abgi nabi nabgha nabga
    yabi yabgha tabi tabgha shoof shouf shuf shof shufu
    sawi sawwi sawo saawi yesawi
    ta3ban ta3bana zhgana zahgan maloum
    3ashan 3shan ashan alshan 3ala6ool
    """
)

# A word in both lists says nothing about which of the two a text is in.
ARABIZI_WORDS = ARABIZI_WORDS - ENGLISH_WORDS

# Words that carry no language signal: acknowledgements, laughter, fillers.
NEUTRAL_WORDS = _words("ok okay k kk ok's hmm hmmm lol haha hahaha xd emm umm uh oh ah")

# English text-speak with digits: not Arabizi.
TEXT_SPEAK = _words(
    """
    b4 2day 2morrow 2moro 2mrw 2mro 2nite 2night 2nyt 4u 4ever 4get 2u gr8 l8 l8r m8 str8
    w8 h8 sk8 any1 some1 no1 every1 ne1 2go 2b 4got 4give 2gether 2moz
    """
)

# Persian and Urdu function words in Arabic script (spelled with Persian ی and ک); words
# Arabic shares (ما, هم, من, كي) are left out.
PERSIAN_WORDS = _words(
    """
    است هست نیست این آن را که برای از با می نمی شده شد بود خیابان شهرداری لطفا
    شما آنها خیلی یک چند کنید کند کرد کردن دارد داریم ندارد
    """
)
URDU_WORDS = _words(
    """
    ہے ہیں تھا تھی کے کا کو سے میں نے پر اور نہیں یہ وہ کہ بھی کیا کر رہا رہی
    گلی سڑک برائے مہربانی شکریہ
    """
)
