"""Word classes the measure grammar (`quantity_measure`) reads a clause with.

Closed classes of English (determiners, prepositions, auxiliaries, hedges) and small tables
of verbs whose role around a number decides the measure: verbs of state that name a group
('live in' -> 'living in'), acts done to what is counted ('seized' -> 'fentanyl seized') and
verbs that move money (appropriated -> 'appropriations'). None of it names a seed's subject.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def forms(spec: str) -> dict[str, str]:
    """'base/form/form:result ...' -> every form maps to the result."""
    table: dict[str, str] = {}
    for entry in spec.split():
        verb_forms, result = entry.split(":")
        for form in verb_forms.split("/"):
            table[form] = result
    return table


MAX_WORDS = 8

DETERMINERS = words(
    "the a an this that these those its their our his her my your such all both each every any"
)
# Words that end a phrase: function words, comparisons, time words and scale words.
STOP = words(
    """
    the a an this that these those its their our his her my your of to in on at by for
    from with and or but as than then so such is are was were be been being has have had do
    does did will would can could may might shall should must not no nor if when where while
    who whom whose which what why how all both each every any some per via into onto over
    under about around since during through until across between among including within
    without against toward towards along also only just more most less fewer nearly
    approximately almost roughly estimated up they it we he she them us there here
    according after before behind ahead following followed versus vs like unlike whereas
    compared once now currently still below above beyond least often sometimes usually
    typically generally together alone apart again instead too respectively year years
    month months week weeks day days today yesterday ago last next thousand million
    billion trillion hundred percent worth
    """
)
# Written-out numbers ('nine', 'twenty-one', 'a dozen') end a phrase as digits do.
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
is_number_word = re.compile(
    rf"(?:{_UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    rf"|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:{_UNITS}))?"
    r"|hundred|dozen|dozens)\Z"
).match
# Verbs that end a noun phrase ('imports come from Mexico'); forms that are as often nouns
# ('costs', 'a 50% decrease', 'back pay') or participles ('gasoline sold in Mexico') are left
# out: a plural noun's verb is caught by its next word instead ('states sell more').
FINITE = words(
    """
    come comes came go goes went make makes take takes took reaches remain remains say says said
    represent represents exceed exceeds surpass surpasses rose rises fell falls grew grow
    grows include includes receive receives get gets got stood amounted amounting accounted
    totaled totaling totalled totalling expect expects carry carries sell sells buy buys
    bring brings seek seeks suggest suggests maintain maintains operate operates lasts uses
    owes holds aims lacks wants pays shows finds yields traces accepts flew
    """
)
# Past participles without -ed, which may follow a noun ('people born in Mexico').
IRREGULAR_PARTICIPLES = words(
    "sold held paid found shown bought brought made taken given sent spent built known born "
    "led left won grown risen fallen driven seen gone become begun"
)
PREPOSITIONS = words(
    "of in from to for on at along across between with within into through among by over under near"
)
# Lower-case words that may sit inside a name ('Alliance on Vaccines and Immunization').
NAME_LINKS = words("of and on for the de del la y")
HEDGES = words(
    """
    nearly approximately about around almost roughly some over more than less fewer least
    most at up close upwards estimated an a the just only as many much record additional
    another further total under
    """
)
AUXILIARIES = words(
    """
    has have had will would can could may might shall should must is are was were be been
    being to also already jointly so far recently previously reportedly collectively together
    since then now further additionally able unable expected likely set due poised slated
    projected scheduled going
    """
)
# Linking verbs between a subject and its number ('stood at 5.9% of GDP').
COPULAS = words(
    """
    stood was were is are been reached reaching equaled equalled totaled totaling amounted
    hit rose fell grew remained increased decreased declined dropped climbed
    """
)
# Words passed over between a subject and its number.
LINKING = words(
    """
    totaled totaling totalled totalling reached reaching amounted amounting was were is are
    stood valued worth hit topped exceeded rose fell grew increased decreased declined
    dropped climbed remained equaled equalled by at to of from
    """
)
HAVING = words("represents represent has have had is are was were counts comprises houses")
GENERIC = words("people persons individuals")
TIME_ADJECTIVES = words("daily weekly monthly yearly quarterly hourly")
# Nouns that look plural but head a compound ('goods trade', 'services sector').
PLURAL_FORM = words("goods services arms sales customs savings earnings logistics news")
IRREGULAR_PLURALS = words("people children men women")
CHANNELS = words("through via under")
COMPARISONS = words("after behind from to versus vs following trailing or and , - –")
PERSONAL = words("our their")
# '-ly' words other than '-ily', '-ply', '-bly' nouns ('family', 'supply', 'assembly').
is_adverb = re.compile(r"[a-z]{2,}(?<![ipb])ly\Z").match

# Verbs of state after a counted noun, as the -ing form that names the group.
STATE_VERBS = forms(
    """
    live/lives/lived:living reside/resides/resided:residing work/works/worked:working
    study/studies/studied:studying cross/crosses/crossed:crossing
    identify/identifies/identified:identifying enter/enters/entered:entering
    travel/travels/traveled/travelled:traveling stay/stays/stayed:staying
    attend/attends/attended:attending serve/serves/served:serving
    flow/flows/flowed:flowing pass/passes/passed:passing transit/transits/transited:transiting
    """
)
# Acts done to what is counted: the participle follows the noun ('fentanyl seized').
ACTIONS = forms(
    """
    seize/seizes/seized/seizing/seizure/seizures:seized
    intercept/intercepts/intercepted/intercepting:intercepted
    confiscate/confiscates/confiscated/confiscating:confiscated
    apprehend/apprehends/apprehended/apprehending/apprehension/apprehensions:apprehended
    arrest/arrests/arrested/arresting:arrested
    deport/deports/deported/deporting/deportation/deportations:deported
    remove/removes/removed/removing/removal/removals:removed
    extradite/extradites/extradited/extraditing/extradition/extraditions:extradited
    detain/detains/detained/detaining:detained encounter/encounters/encountered:encountered
    rescue/rescues/rescued/rescuing:rescued award/awards/awarded/awarding:awarded
    sign/signs/signed/signing:signed issue/issues/issued/issuing:issued
    deploy/deploys/deployed/deploying/deployment:deployed hire/hires/hired/hiring:hired
    train/trains/trained/training:trained process/processes/processed/processing:processed
    admit/admits/admitted/admitting:admitted support/supports/supported/supporting:supported
    create/creates/created/creating:created employ/employs/employed/employing:employed
    """
)
# Verbs that move money, as the noun naming the money; verbs without such a noun keep their
# participle (PARTICIPLE_ONLY) and then name only a recipient, never a channel or purpose.
FUNDING = forms(
    """
    appropriate/appropriates/appropriated/appropriating:appropriations
    invest/invests/invested/investing:investment commit/commits/committed:commitment
    pledge/pledges/pledged:pledge donate/donates/donated:donations
    allocate/allocates/allocated:allocation spend/spends/spent:spending
    contribute/contributes/contributed:contributions obligate/obligates/obligated:obligations
    disburse/disburses/disbursed:disbursements lend/lends/lent/loaned:loans
    fund/funds/funded:funding finance/finances/financed:financing
    budget/budgets/budgeted:budget request/requests/requested:request
    grant/grants/granted:grants award/awards/awarded:awards provide/provides/provided:provided
    give/gives/gave/given:given send/sends/sent:sent transfer/transfers/transferred:transferred
    deliver/delivers/delivered:delivered
    """
)
PARTICIPLE_ONLY = words("provided given sent transferred delivered")

# Words after a verb, rarely after a noun: articles, possessives, hedges.
VERB_FOLLOWERS = words(
    "the a an its their our his her these those all both more less fewer some about nearly "
    "approximately roughly almost"
)
ARTICLES = words("the a an")
MODALS = words(
    "would will could can may might should must to did does do have has had be been being"
)
SCALES = words("hundred thousand million billion trillion bn")
RATE_WORDS = words("a an per each every")
TIME_NOUNS = words("day days week weeks month months year years hour hours")
CALENDAR = words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december"
)
COMPARATIVES = words("less more fewer higher lower greater smaller")
CURRENCY_CODES = words("us usd mx mxn eur cad gbp jpy cny")
CLOSE_LINKS = words(", and or ( - –")
COMPARING = words("compared compares comparison against")
