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

# The most common English words beyond the list above, by kind, so that short plain English
# ("Text", "test", "message body", "please see attached") has a signal. Common Arabizi
# spellings that are also English words (share, wish, law, tool, men, bait) stay out of it.

# Function words, pronouns, determiners, auxiliaries and contractions.
ENGLISH_WORDS |= _words(
    """
    afterwards ahead almost alone among amongst anybody anyone anything anywhere away became
    become becomes becoming beforehand besides beyond both despite due either else elsewhere
    enough even ever everybody everyone everything everywhere except fewer former formerly
    further furthermore hence hers herself himself indeed instead itself least like likely maybe
    meanwhile moreover mostly myself namely neither nevertheless nobody none noone nothing
    nowhere once others otherwise ourselves per perhaps quite rather really several somebody
    someone something sometime somewhat somewhere themselves thereafter thereby through
    throughout thus together toward towards unless unlike upon via whatever whenever whereas
    wherever whoever whole within yourself yourselves yeah yep nope i'd i'll you'd you'll you've
    he'd he'll he's she'd she'll she's it'd we'd we'll we've they'd they'll they've that's
    that'll there'll here's what's where's how's let's haven't hasn't hadn't shan't mustn't
    mightn't needn't ain't
    """
)

# Numbers and ordinals spelled out.
ENGLISH_WORDS |= _words(
    """
    zero six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousand thousands million millions billion half quarter double twice fourth fifth sixth
    seventh eighth ninth tenth final numbers
    """
)

# Time: days, months, seasons and time adverbs.
ENGLISH_WORDS |= _words(
    """
    times mornings afternoon evenings nights midnight noon daily weekly weekend weekends monthly
    yearly annual annually hourly seconds moment moments date dates period periods season summer
    winter spring autumn fall holiday holidays monday tuesday wednesday thursday friday saturday
    sunday january february march april june july august september october november december
    earlier later lately recently recent currently nowadays previously eventually finally
    suddenly usually normally regularly frequently occasionally rarely constantly continuously
    temporarily permanently past present future deadline schedule scheduled schedules
    """
)

# Common verbs with their forms (lookup is exact, so each form is listed).
ENGLISH_WORDS |= _words(
    """
    accept accepted accepting accepts act acted acting add added adding adds admit admitted
    agree agreed agrees allow allowed allowing allows answer answered answering answers appear
    appeared appears apply applied applying applies appreciate appreciated approve approved
    approving argue arrange arranged arrive arrived arrives asking asks attach attached
    attaching attend attended avoid avoided began begin beginning begins begun believe believed
    belong belongs borrow bought break breaking breaks bring bringing brings broke brought build
    builds built burn burned burning burnt buy buying calling calls cancel cancelled canceled
    cancelling care cared carry carried carrying catch caught cause caused causes causing change
    changed changes changing charge charged charges checking checks choose chose chosen cleaning
    clear cleared clearing climb closes closing collect collecting coming compare compared
    complained complaining complete completed completing confirm confirmed confirming connect
    connected consider considered contact contacted contacting continue continued continues
    contain contains control cook copy copied correct corrected cost costs count counted cover
    covered covering create created creating cross crossed cut cuts cutting deal dealing dealt
    decide decided deliver delivered delivering describe described deserve destroy destroyed
    develop developed died dig digging disappear disappeared discuss discussed drink
    drive driven driver drives driving drop dropped dropping drove dry dug eat eaten eating eats
    enjoy enter entered entering escape expect expected expecting explain explained explaining
    face faced fail failed failing fails feed feel feeling feels felt fight fill filled filling
    find finding finds finish finished finishing fit fixes flow flowing fly follow followed
    following forget forgets forgot forgotten forward forwarded forwarding found given giving
    gotten grow growing grown happen happened happening happens hate hear heard hearing helped
    helping helps hit hold holding hope hoped hoping hurt hurts ignore ignored ignoring imagine
    improve improved include included includes including inform informed inspect inspected
    install installed installing intend invite invited join joined jump keeping kill killed knew
    knock knowing known knows lead learn learned learnt leave leaves leaving led lend lets lie
    lift listen listened live lived lives living load locate located lock locked looked lose
    losing lost love loved making manage managed mark marked matter mean meaning means meant
    meet meeting meets met mind miss missed missing move moved moves moving needing notice
    noticed notified notify obtain occur occurred offer offered opening opens order ordered
    organise organize owned paid paint painted pass passed passing pay paying pays pick picked
    placed plan planned plant planted play played playing point pointed prefer prepare prepared
    prevent prevented print printed process processed produce promise promised protect protected
    prove provide provided provides providing pull pulled push pushed puts putting raise raised
    ran reach reached read reading reads realise realize receive received receiving recommend
    recommended record recorded reduce reduced refer referred refuse refused register registered
    reject rejected remain remains remember remind removing renew renewed renewing rent rented
    repairing repeat repeated replace replaced replacing reply replied replying reporting
    reports requested requesting require required requires reset resolve resolved respond
    responded rest return returned returning review reviewed ring rise risen run running runs
    said save saved say saying says search searched seeing seem seemed seems sell selling sells
    sending sends serve served set sets setting settle shared sharing show showed showing shown
    shows shut signed sit sitting sleep sleeping slept smelled smelling solve solved speak
    speaking spend spent spoke spoken spray sprayed spraying stand standing start started
    starting starts stay stayed staying steal stole stolen stop stopped stopping stops study
    submit submitted submitting suggest suggested supply support supported suppose surprise
    taken taking talk talked talking taught teach telling tells thanked thinking thinks thought
    threw throw throwing thrown touch train transfer transferred travel tried tries try trying
    turn turned turning understand understood updated updating upload uploaded use used uses
    using visit visited visiting wait waited waiting wake walk walked walking wanted wanting
    warn warned wash washed wasted watch watched watching wear win wonder wondering worked
    working worry worried write writes writing written wrote
    """
)

# Common adjectives and adverbs.
ENGLISH_WORDS |= _words(
    """
    able absolute actual actually additional afraid alive alright angry annoyed annoying
    available average aware awful badly basic beautiful bigger biggest black blue boring brief
    bright brown busy calm careful carefully certain certainly cheap cleaner clearly closer cold
    common completely correctly crazy current dark dead deep definitely different difficult
    direct directly disgusting easy easily effective entire entirely equal especially exact
    exactly excellent expensive extra extremely fair false familiar famous fast fresh friendly
    frustrated frustrating fully funny general generally gentle glad green grey gray happy hard
    hardly healthy heavy heavily high higher highly hot huge humid ill important impossible
    incorrect independent individual initial kind larger latest legal little local longer loose
    lovely low lower lucky main mainly major minor modern narrow nearly necessary negative newer
    normal obvious obviously official older orange ordinary original overall painful particular
    particularly perfect personal pink plain pleasant polite poor popular positive possible
    possibly pretty previous private probably proper properly public purple quick quickly quiet
    quietly rare ready real reasonable red regular relevant responsible rich rough round rude
    sad safer scared serious seriously severe severely sharp short shortly sick significant
    silly similar simple simply single slightly slow slowly smaller smooth soft solid special
    specific standard steep straight strange strong stuck stupid successful sudden sufficient
    suitable super surely sweet tall terrible thick thin tired total totally tough true truly
    typical ugly unable unacceptable unfortunately unhappy unknown unsafe upset useful useless
    usual valid various warm weak weird welcome wet white wide wild wonderful worth wrong yellow
    young
    """
)

# People and everyday nouns.
ENGLISH_WORDS |= _words(
    """
    adult adults age air aunt baby babies bag bags bank bathroom bed bedroom bill bills bird
    birds birthday blood boat body book books bottle bottles box boxes boy boys brother brothers
    business businesses cake camera capital card cards case cases chair chairs chance cheque
    choice church class classes climate clothes coffee college colour color community company
    condition conditions country couple course court cousin cup customer customers daughter
    death decision desk dinner doctor doctors door doors dream dress earth economy edge
    education effect effort energy engine evidence example examples experience eye eyes fact
    father fault fear field figure finger fire fish floor floors flower flowers food foot friend
    friends fruit fun game games gate gates gift girl girls glass goal gold government grass
    ground group groups guest guests guy guys hair hand hands head health heart heat history
    hotel husband idea ideas image images importance information island job jobs key keys kid
    kitchen knowledge lady land language leader letter letters level life line lines list lists
    man manner meal meat medicine member members memory milk minister mistake mistakes money
    mother mouth movie name names nature news nose note notes nurse object oil opinion owner
    owners page pages pain pair paper papers parent parents part parts party patient pen person
    phone picture pictures piece pieces plans plane plastic plate police pool population power
    president price prices program programme project projects property purpose quality question
    questions radio reason reasons result results rice risk river role room rooms rule rules
    salary sand schools science sea seat seats sense series shape sister situation size skin sky
    smoke snow society son song sort sound source space speech sport staff stage star stone
    stones story student students subject success sugar sun table tables tax taxes tea teacher
    teachers teams term terms test tests thing things tools toy trip truth type types uncle unit
    units university user users value view voice wall walls weather website wife window
    windows wind woman women wood word words world
    """
)

# E-mail, office and technology words, and letter openings and closings.
ENGLISH_WORDS |= _words(
    """
    account accounts address addresses admin administrator agenda app apps applications
    appointment appointments approval archive attachment attachments attendance autoreply backup
    bcc blog bounce browser bug bugs cc chat click code comment comments computer confirmation
    content contents cv data database delivery detail details device devices digital document
    documents download downloads draft email emails error errors fax feedback file files folder
    folders font form forms format inbox internet invoice invoices laptop link links log login
    logout mail mailbox mails meetings memo message messages mobile network newsletter
    notification notifications online password passwords pdf photo photos pic pics portal post
    posted posting postal printer privacy profile receipt receipts recipient recipients reminder
    reminders replies requests screen screenshot screenshots sender server service services
    settings signature sincerely software spam submission summary system systems tab tablet
    telephone template text texts ticket tickets topic unsubscribe updates url username version
    video videos web webpage wifi sirs mr mrs ms dr wishes cheers greetings respectfully
    faithfully thankyou grateful apologies apology apologise apologize enclosed herewith fyi re
    fwd
    """
)

# Municipal services: utilities, permits, enforcement, public works.
ENGLISH_WORDS |= _words(
    """
    agency allowance areas assessment authority authorities bench benches block blocks boundary
    bus buses cable cables canal census centre center certificate certificates citizen citizens
    civic claim claims clearance committee compensation compliance connection contractor
    contractors council councils crossing crosswalk curb kerb cycle debris demolition department
    departments deposit directorate district districts ditch drainage driveway dust electricity
    electric emergency enforcement enquiry enquiries inquiry inquiries environment environmental
    excavation exemption facilities facility fence fences fines fountain garage gas generator
    graffiti gutter hazard hazards hydrant illegal illegally infrastructure inspection
    inspections inspector installation irrigation lamppost landfill lawn lease licenses licensed
    licences lighting maintenance manhole map meter meters ministry municipal objection
    obstruction ownership pavement pedestrian pedestrians penalty pest pests planning playground
    plot plots plumbing pollution premises procedure pump pumps recycling refund registration
    regulation regulations renewal repairs resident residential response roadworks route rubble
    sanitation sector sewer sewers shade shelter sidewalk signage sink spill stall stalls
    stormwater structure survey tank tanker tenant tenants toilet toilets tower trench tyre
    tyres tire tires utility utilities vacant valve vendor vendors violation violations wires
    wiring zone zoning
    """
)

# Home, transport, weather, animals and food.
ENGLISH_WORDS |= _words(
    """
    apartments balcony basement bathrooms ceiling compound gardens heater roof roofs stairs tap
    taps tiles villas yard airport bicycle bike bikes cab drivers fuel lorry lorries metro
    motorbike motorcycle petrol station stations taxi taxis trains transport trucks van vans
    cloud clouds cloudy dusty fog humidity raining rainy sandstorm storm storms sunny
    temperature thunder windy ant ants bee bees camel camels cockroach cockroaches cow cows
    donkey donkeys flies goat goats horse horses insect mice monkey mouse mosquito pigeon
    pigeons scorpion scorpions snake snakes sheep spider spiders bread chicken egg eggs juice
    lunch breakfast salad vegetables
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
