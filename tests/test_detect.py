"""Detection on clean transcripts: every category fires on what it should, and hard negatives
stay untouched. Each case is a dialogue (one line per segment)."""

import math
import os
import socket
import subprocess
import sys
from dataclasses import replace

import pytest


from pipeline.data import Detection, Segment, Transcript, UnheardSpeech
from pipeline.detect import transcript_text

from .conftest import ROOT, detected_words, make_transcript

POSITIVE = [
    # (lines, category, words that must all be detected in that category)
    # Text probes of fresh phrasings: a sense lost, a condition in one eye; "the only" with a role.
    (["Driving licence.", "1|I lost the sight in my left eye last year."], "health", ["sight", "eye"]),
    (["Council.", "1|My dad's losing the use of his legs."], "health", ["use", "legs."]),
    (["Insurance.", "1|She's blind in one eye since the accident."], "health", ["blind", "eye"]),
    (["Employer.", "1|As the only Black manager here, I feel targeted."], "racial_ethnic_origin", ["Black", "manager"]),
    (["Pharmacy.", "1|I'm on PrEP, can I collect it early?"], "health", ["PrEP,"]),
    (["What's the card number?", "1|4929 3812 6670 1234."], "card_number", ["4929", "3812", "6670", "1234."]),
    (["Can I take the card number?", "1|Four nine two nine, three eight one two."], "card_number", ["Four", "nine", "two", "two."]),
    (["And the expiry date?", "1|11/27."], "card_expiry", ["11/27."]),
    (["Last three digits on the back?", "1|246."], "card_security_code", ["246."]),
    # Set 48: the code asked for by the signature strip and "oh" heard as "or"; an expiry whose
    # "three" came out as "Free".
    (["Lost free on the signature strip?", "1|9 or 7"], "card_security_code", ["9", "or", "7"]),
    (["Long number on the card please.", "5224 1993 4067 2280, and the date on the front.", "Free slash 29, and the security number 418."], "card_expiry", ["Free", "slash", "29,"]),
    (["My card is 4658 2210 9937 1524 thanks"], "card_number", ["4658", "2210", "9937", "1524"]),
    (["Sort code 40-12-06 please"], "sort_code", ["40-12-06"]),
    (["And your account number?", "1|7122 4998."], "bank_account", ["7122", "4998."]),
    # Set 67 as base heard it: "NHS number" as "NHS member", "nine oh" as "I know".
    (["For the record, your NHS member.", "1|116, I know 9, 7, 7, 8, 2"], "nhs_number", ["116,", "I", "know", "9,", "7,", "7,", "8,", "2"]),
    (["For the record, your NHS?", "1|116, 909, 7782."], "nhs_number", ["116,", "909,", "7782."]),
    (["Can I take your name?", "1|Yeah, it's Daniel Hughes."], "person_name", ["Daniel", "Hughes."]),
    (["And your date of birth?", "1|The 23rd of January 1996."], "date_of_birth", ["23rd", "of", "January", "1996."]),
    (["What's the postcode?", "1|M20 4FR."], "postcode", ["M20", "4FR."]),
    (["I live at 22 Beech Avenue now"], "address", ["22", "Beech", "Avenue"]),
    (["Call me on 07802 551934 any time"], "phone_number", ["07802", "551934"]),
    (["It is r dot patel 62 at yahoo dot co dot uk"], "email_address", ["r", "dot", "patel", "yahoo", "uk"]),
    (["Email me at jane.smith@outlook.com"], "email_address", ["jane.smith@outlook.com"]),
    # A domain of several words, with no question before it; as heard: "Time at time for
    # arrogance .org" (tom at tomforharrogate dot org).
    (["Send the proof to tom at tom for harrogate dot org."], "email_address", ["tom", "harrogate", "org."]),
    (["Time at time for arrogance .org."], "email_address", ["Time", "arrogance", ".org."]),
    (["My NI number is AB 12 34 56 D."], "national_insurance_number", ["AB", "D."]),
    (["Your NHS number please?", "1|943 476 5919."], "nhs_number", ["943", "476", "5919."]),
    (["Yes, I have epilepsy and I take lamotrigine every day."], "health", ["I", "have", "epilepsy", "lamotrigine", "every", "day."]),
    (["Well I was diagnosed with depression last year."], "health", ["diagnosed", "depression", "year."]),
    (["Most of the family are Hindu, so no beef."], "religious_belief", ["Most", "family", "Hindu,"]),
    (["She was baptised in June."], "religious_belief", ["baptised"]),
    (["I'm leaving the RCN at the end of the month."], "trade_union_membership", ["leaving", "RCN"]),
    (["I'm the GMB shop steward here."], "trade_union_membership", ["GMB", "shop", "steward"]),
    (["I've been a Labour party member since 2015."], "political_opinion", ["Labour", "party", "member"]),
    (["We're a same sex couple, we married last year."], "sex_life_sexual_orientation", ["same", "sex", "couple,"]),
    (["He asked about my Huntington's gene test result."], "genetic", ["Huntington's", "gene", "test"]),
    (["I don't want my voiceprint stored."], "biometric", ["voiceprint"]),
    (["I was cautioned for shoplifting when I was 19."], "criminal_offence", ["cautioned", "shoplifting"]),
    (["For the form, how would you describe your ethnic group?", "1|Mixed, White and Black African."], "racial_ethnic_origin", ["White", "Black", "African."]),
    # ASR errors: a misspelt drug still counts.
    (["I take lamotrogine twice a day."], "health", ["lamotrogine"]),
    # ... and so does a word split in two, or a condition named only as a disorder.
    (["I was doing some shop lifting back then."], "criminal_offence", ["shop", "lifting"]),
    (["I've got high power disorder, so the bills piled up."], "health", ["disorder,"]),
    # The answer to a question about a special category is the disclosure, however it came out.
    (["Is your union rep on this?", "1|Yes, you are supporting me.", "Good, I'll copy them in."], "trade_union_membership", ["you", "supporting", "me."]),
    (["Have you had any genetic tests?", "1|Yes, the main one came back positive."], "genetic", ["main", "positive."]),
    # The customer names the item before its digits; "sort code" as telephone audio gives it.
    (["Sort code forty twelve oh six, account, seven one two two four nine nine eight."], "bank_account", ["seven", "eight."]),
    (["Thought called for the 12th or 6th, thanks."], "sort_code", ["12th", "6th,"]),
    # The vulnerability questions contact centres ask are about health.
    (["Does anyone in the home need extra support?", "1|My wife uses a home oxygen machine."], "health", ["oxygen", "machine."]),
    # A name asked for as someone else's; "post code" heard as "post called"; an answer the
    # recogniser punctuated as a question.
    (["What's the colleague's name?", "1|Aisha Khan."], "person_name", ["Aisha", "Khan."]),
    (["And an email for the contract?", "1|G dot Fraser at gmail .com."], "email_address", ["Fraser", "gmail", ".com."]),
    (["I'm a practising Sikh and I need somewhere quiet to pray at lunch."], "religious_belief", ["practising", "pray"]),
    # After a card number, its expiry and code even when the agent's questions were lost.
    (["I'll wash my stomach.", "1|5, 5, 5, 4, 4, 4, 3, 3, 3, 1, 1, 1, 1, the end of August 27th, 2, 8, 1."], "card_expiry", ["end", "of", "August", "27th,"]),
    (["I'll wash my stomach.", "1|5, 5, 5, 4, 4, 4, 3, 3, 3, 1, 1, 1, 1, the end of August 27th, 2, 8, 1."], "card_security_code", ["2,", "8,", "1."]),
    # The agent's own digits in the prompt's sentence do not hide the caller's answer after it.
    (["Last 3 digits on the back, lovely, that's gone through for 42 pounds 50.", "1|8 0 7."], "card_security_code", ["8", "0", "7."]),
    (["Can I take the long card number?", "1|4929 1234,", "Yep.", "1|5678 9015."], "card_number", ["4929", "1234,", "5678", "9015."]),
    (["Can I take your post called, please?", "1|S W 1A, 2AA."], "postcode", ["S", "2AA."]),
    (["How would you describe your sexual orientation?", "1|I might ask you all?"], "sex_life_sexual_orientation", ["might", "all?"]),
    # Whisper split the answer across segments and ran it into the next question (mono).
    (["Any motoring convictions in the last five years, I got a speed", "in conviction, an SD 30, and 2023, thank you, any other convictions?"], "criminal_offence", ["speed", "conviction,", "SD"]),
    # Phrases heard as words that sound the same.
    (["Not great honestly, I've got my bowler this order, so it's up and down."], "health", ["bowler", "this", "order,"]),
    (["My partner Sam, we're a famous ex couple, we got married last year."], "sex_life_sexual_orientation", ["famous", "ex", "couple,"]),
    # An answer that ASR ran into the agent's reply ("and you and your...") is still an answer.
    (["How would you describe your ethnic group?", "Meet White and Black African and you and your native birth."], "racial_ethnic_origin", ["White", "Black", "African"]),
    (["Whom am I speaking with, and why are you cancelling?", "1|It's Gareth Pryce."], "person_name", ["Gareth", "Pryce."]),
    (["The delivery team wants the delivery address", "1|41 Kingsway Crescent."], "address", ["41", "Kingsway", "Crescent."]),
    (["I broke my wrist when I fell off the ladder."], "health", ["broke", "wrist"]),
    (["My hearing has got worse and my GP says it's noise induced."], "health", ["GP", "says"]),
    (["I'm in the union, they're helping me with it."], "trade_union_membership", ["in", "the", "union,"]),
    (["I'm registered blind, so please send large print."], "health", ["registered", "blind,"]),
    (["I've got MS so some days I can't get out of bed."], "health", ["MS"]),
    (["I've been signed off with stress since March."], "health", ["signed", "stress"]),
    (["I canvass for Labour every weekend."], "political_opinion", ["canvass", "Labour"]),
    # "twenty nine" is 29: an expiry after an Amex number, its question lost ("next fire").
    (["American Express 3 -7 -1 -4, 4 -9 -6 -3, 5 -3 -9, 8 -4 -3 -1", "And when the next fire, 0 -2 -20 -9"], "card_expiry", ["0", "-2", "-20", "-9"]),
    (["Planning department, who's calling.", "Graham Whitfield, I've been a Conservative councillor for ten years."], "person_name", ["Graham", "Whitfield,"]),
    (["Graham Whitfield, I've been a Conservative councillor for ten years."], "political_opinion", ["Conservative", "councillor"]),
    (["Yes, my wife is on home oxygen for her lungs, so a power cut is serious."], "health", ["oxygen", "lungs,"]),
    (["I don't want my face scanned at the e-gates."], "biometric", ["face", "scanned"]),
    # The caller's first name said back by the agent, heard differently from the caller's answer.
    (["Thanks, Helen, staff will meet you at the barrier."], "person_name", ["Helen,"]),
    (["And your date of birth, Graham?"], "person_name", ["Graham?"]),
    # A union's initials with one letter misheard, then its role.
    (["My pay was docked for the strike, I'm a DMB member."], "trade_union_membership", ["DMB", "member."]),
    (["I'm the R.C.M. rep on the ward."], "trade_union_membership", ["R.C.M.", "rep"]),
    # A face compared with a photo, whatever the machine was heard as.
    (["Ladygate wasn't matched my face to my passport photo, so I was held for an hour."], "biometric", ["matched", "face", "photo,"]),
    # A terse prompt whose "?" was lost, and a name asked for with another word before it.
    (["I'll take the card now.", "5454 5454 5454 5454.", "Expirate.", "Oh, I'm 27."], "card_expiry", ["27."]),
    (["Can I take your employee name for the refund?", "1|Grace Adeyemi."], "person_name", ["Grace", "Adeyemi."]),
    # The speaker's own place of worship.
    (["I volunteer with the youth group at my church, so I need a check."], "religious_belief", ["volunteer", "church,"]),
    # Questions as tiny.en hears them on a telephone voice: "address" as "unrest", "postcode"
    # as "most code", "the digits on the back" as "the framing is on the back".
    (["Okay, what's the unrest there?", "1|Well, borchered close."], "address", ["borchered", "close."]),
    (["What's the most code on the property?", "1|L .S. 6 to the B."], "postcode", [".S.", "6", "B."]),
    (["And the framing is on the back.", "1|Next all go."], "card_security_code", ["Next", "go."]),
    (["Can I type your employer name for the refund?", "1|Please, have a good week."], "person_name", ["have", "week."]),
    # As base heard held-out calls: oxygen at home, "Sikh" as "sick" beside a turban, a voice
    # "recognised in", canvassing as "conversing", a union's rep as its "trip", a hip broken.
    (["How can I help?", "1|My first infant cop and him on oxygen at night, so we can't turn the power off."], "health", ["oxygen"]),
    (["Morning, I wear a turban, because I'm sick, so I can't wear your helmet."], "religious_belief", ["turban,", "sick,"]),
    (["Bank security.", "1|Your system can stop, recognize in my voice where I ring."], "biometric", ["recognize", "voice"]),
    (["I do a lot of conversing for the Conservatives, so I need more minutes."], "political_opinion", ["Conservatives,"]),
    (["I'm on the Unite trip at the Cardiff Depot."], "trade_union_membership", ["Unite", "trip"]),
    (["How can I help?", "1|My mother's just home after breaking her hip."], "health", ["breaking", "hip."]),
    (["How can I help?", "1|I want an Islamic mortgage."], "religious_belief", ["Islamic", "mortgage."]),
    # Set 34 as tiny.en heard it at 8 kHz: signed off sick, the rest garbled; "when does it
    # run out" with "does" garbled.
    (["How can I help?", "1|I've been signed off when we're related to trips and I know I did for six weeks."], "health", ["signed", "off"]),
    (["And when done it run out.", "1|March 2030."], "card_expiry", ["March", "2030."]),
    # Offences, proceedings and sentences in everyday words.
    (["I've got a record."], "criminal_offence", ["record."]),
    (["How can I help?", "1|He got six months inside."], "criminal_offence", ["months", "inside."]),
    (["How can I help?", "1|The police have charged my son."], "criminal_offence", ["charged"]),
    (["I'm under investigation by the police."], "criminal_offence", ["investigation"]),
    (["How can I help?", "1|He's in custody."], "criminal_offence", ["custody."]),
    (["I was found guilty of affray."], "criminal_offence", ["guilty", "affray."]),
    (["I got a fixed penalty for using my phone while driving."], "criminal_offence", ["fixed", "penalty"]),
    (["I was fined for not having a TV licence."], "criminal_offence", ["fined"]),
    # Origin by a parent's or a background; a partner one has; a faith reborn; a sex life.
    (["My mum's Jamaican and my dad's white."], "racial_ethnic_origin", ["Jamaican", "white."]),
    (["I'm from a Somali background."], "racial_ethnic_origin", ["Somali", "background."]),
    (["I have a girlfriend, I'm female."], "sex_life_sexual_orientation", ["girlfriend,"]),
    (["I'm born again."], "religious_belief", ["born", "again."]),
    (["We're in an open relationship."], "sex_life_sexual_orientation", ["open", "relationship."]),
    # Mental health in everyday words, a termination, contraception.
    (["I'm not in a good place mentally at the moment."], "health", ["good", "place", "mentally"]),
    (["I had a breakdown and I've been off since."], "health", ["breakdown"]),
    (["I'm having a termination next week."], "health", ["termination"]),
    (["I'm on the pill."], "health", ["pill."]),
    (["I'm immunocompromised."], "health", ["immunocompromised."]),
    # A union by its full name or by what it did for the caller; a party member by a phrase.
    (["I'm with the Fire Brigades Union."], "trade_union_membership", ["Fire", "Brigades", "Union."]),
    (["The union paid for my solicitor."], "trade_union_membership", ["union", "paid"]),
    (["I'm a card-carrying Conservative."], "political_opinion", ["card-carrying", "Conservative."]),
    (["I'm a member of Momentum."], "political_opinion", ["Momentum."]),
    # Identity checks by voice or face, named as such.
    (["The voice verification keeps saying it's not me."], "biometric", ["voice", "verification"]),
    (["I did the selfie check in the app but it failed."], "biometric", ["selfie", "check"]),
    # A voice enrolled, a carrier's trait, a party by its old name.
    (["I enrolled my voice for telephone banking and it keeps failing."], "biometric", ["enrolled", "voice"]),
    (["I carry the sickle cell trait."], "genetic", ["carry", "trait."]),
    (["I was a Brexit Party candidate."], "political_opinion", ["Brexit", "Party"]),
    # Pregnancy and diabetes in few words; a union by joining it or by its committee; a party
    # by membership; a faith by its Friday prayer; a learning disability; an ancestry kit.
    (["I'm expecting in March."], "health", ["expecting", "March."]),
    (["My daughter's type one, she's on a pump."], "health", ["type", "one,"]),
    (["I joined the FBU when I started."], "trade_union_membership", ["FBU"]),
    (["I'm on the union committee."], "trade_union_membership", ["union", "committee."]),
    (["I'm a member of Plaid."], "political_opinion", ["Plaid."]),
    (["I need Friday afternoons off for Jummah."], "religious_belief", ["Jummah."]),
    (["Is there anything we should know?", "1|He's got learning difficulties."], "health", ["learning", "difficulties."]),
    (["We did a DNA ancestry kit."], "genetic", ["DNA", "ancestry", "kit."]),
    # "What name is it under?"; a question that ends on "name", the rest garbled.
    (["What name is it under?", "1|Lloyd."], "person_name", ["Lloyd."]),
    (["Usually, yes, what can be made name?", "1|I love random."], "person_name", ["I", "love", "random."]),
    # "his full name" heard as "this full name".
    (["Next time, what's this full name?", "1|Daniel"], "person_name", ["Daniel"]),
    # A spelled postcode whose inward letters and whose question came out garbled.
    (["Can I take your post, kill to find the account?", "1|L .S. 6. 4. Get E."], "postcode", ["L", ".S.", "6.", "4.", "Get"]),
    # Back and muscle injuries; an activist whose party came out garbled; a union meeting.
    (["I've slipped a disc in my back, so no gym for two months."], "health", ["slipped", "disc"]),
    (["I pulled a muscle at work last week."], "health", ["pulled", "muscle"]),
    (["My hearing has got worse, and the GP says it's noise induced."], "health", ["hearing", "GP", "induced."]),
    (["I'm a little part of the activist and I've written to my MP."], "political_opinion", ["activist"]),
    (["We need a room for a union meeting on Friday."], "trade_union_membership", ["union", "meeting"]),
    # A school's vulnerability question; a short "And ..." request whose "?" was lost.
    (["Is there anything we should know about your son?", "1|He has severe asthma and carries an inhaler."], "health", ["severe", "inhaler."]),
    (["School office, is anything we should know about your son", "1|He and Simeir Asma and Karinani Tehla"], "health", ["Simeir", "Tehla"]),
    (["And his date of birth.", "1|The second on June 20th is seen."], "date_of_birth", ["second", "June", "20th"]),
    # "three" heard as "free"; the caller names the card before reading its number.
    (["Which card would you like to use?", "1|American Express 3714 4 x 6 free 5 free 9 8 4 free 1"], "card_number", ["3714", "x", "free", "1"]),
    # The brand came out garbled; "which card" is the prompt, and "Mmm" only an acknowledgement.
    (["Which card would you like to use?", "1|Make the David 4 .3 9", "Mmm, yeah.", "1|1 .4 .8"], "card_number", ["Make", "9", "1", ".8"]),
    # Groups read over several turns after "card" add up to a card number: what follows is its
    # security code even though the agent's question came out split ("... on", "the back").
    (["Which card?", "1|Visa 4539", "Yep And", "1|1488", "1|0343 6467", "And the free numbers on", "1|062", "the back thanks"], "card_security_code", ["062"]),
    # A card asked for as the one "you paid with" ("car" for card): its groups and the long
    # run after them are the card, not an account number.
    (["Could I have the car you paid with?", "1|Time for one -two -seven time, three -three -two -nine, one -two -two -four -six."],
     "card_number", ["one", "-seven", "three", "-nine,", "-six."]),
    # "What's the postcode?" heard as "once the postcode," and cut off by the caller's answer.
    (["And on your customer services, noted, once the postcode,", "1|See if then, for a minute.", "Looked for Thursday morning."],
     "postcode", ["See", "then,", "minute."]),
    # Articles of faith worn or carried.
    (["I'm a baptised Sikh and I carry a kirpan, is that allowed at the gate?"], "religious_belief", ["Sikh", "kirpan,"]),
    (["My daughter wears a hijab to school."], "religious_belief", ["hijab"]),
    # An agent who introduces herself in the call's first words.
    (["Sarah Jones speaking, how can I help?", "1|Hi, I'm calling about my bill."], "person_name", ["Sarah", "Jones"]),
    # The agent's question was not heard: the caller's first words are the call's first.
    (["1|Callum Reid. I'm gay and my partner Tom should get my pension.", "I'll send you a form."], "person_name", ["Callum", "Reid."]),
    # Coming out, however the orientation came out; a named gene variant.
    (["I've just come out to my family as my sexual and it hasn't gone well."], "sex_life_sexual_orientation", ["come", "family", "sexual"]),
    (["My latest test showed I have the Mi-8U mutation, so I'm on the high risk list."], "genetic", ["have", "mutation,"]),
    # A DNA kit; penalty points; the expiry after a card number that came out 10 digits long.
    (["I sent off my DNA sample six weeks ago."], "genetic", ["DNA", "sample"]),
    (["I got 6 points for speeding last year, is that a problem?"], "criminal_offence", ["6", "points", "speeding"]),
    (["I was arrested on Saturday, and I'm in court next week, so I can't come in."], "criminal_offence", ["arrested", "court", "week,"]),
    (["To hold the room I need a card.", "It's 3782 822 463.", "It's fine, December 28th, and 4 4 3 2."], "card_expiry", ["December", "28th,"]),
    # A licence number spelled letter by letter, each letter its own "sentence".
    (["Can you read me your driving licence number?", "1|M .O .R .G .A. 753116, S .M .L .I .G."], "driving_licence_number", ["M", ".A.", "753116,", ".G."]),
    (["I'm Pakistan in my heritage, born in Bradford."], "racial_ethnic_origin", ["Pakistan", "heritage,"]),
    (["My mum is of Irish descent."], "racial_ethnic_origin", ["Irish", "descent."]),
    # ", so ..." is the consequence of the clause before it, which is the disclosure; ", and
    # 2023" (for "in twenty twenty three") goes on with the clause.
    (["For Friday we're new -ish, so everything has to be kosher."], "religious_belief", ["we're", "new", "kosher."]),
    (["Any convictions?", "1|I got a speed in conviction, an SD 30, and 2023, thank you."], "criminal_offence", ["speed", "30,", "2023,"]),
    (["Car insurance, and emotering conviction in the last five years.", "1|an F .E. 30 for leaving in 20 -24."], "criminal_offence", ["F", "30", "-24."]),
    # A term matches its plural and possessive ("gypsy" -> "Gypsies", "Muslim" -> "Muslims'").
    (["We are Romani Gypsies and we are after a pitch for the winter."], "racial_ethnic_origin", ["Romani", "Gypsies"]),
    (["It's for the Sikhs' centre and the Hindus' temple on our street, we volunteer there."], "religious_belief", ["Sikhs'"]),
    (["I've had two strokes this year, so I can't drive any more."], "health", ["strokes"]),
    # An electronic tag heard as "tab"; bail; a party councillor split and misspelled; a
    # boyfriend heard as two words.
    (["I'm on an electronic tab with a curfew, so the engineer has to come before seven."], "criminal_offence", ["tab", "curfew,"]),
    (["I'm out on bail until March so I can't travel."], "criminal_offence", ["bail", "March"]),
    # Fourth text probe: an operation called an "op"; campaigning for a party with the subject
    # away from the verb; an ethnic background as the sentence's complement; prenatal screening;
    # a licence suspended by a court.
    (["I've just had a knee op so can I pause it for six weeks?"], "health", ["knee", "op"]),
    (["I'm out campaigning for Plaid this weekend and need flyers."], "political_opinion", ["campaigning", "Plaid"]),
    # Fifth text probe: a party's local branch; "the only Asian woman"; sexual health; sight
    # impairment, a feeding tube, antipsychotics.
    (["We're the local Tory branch, we'd like to book the function room."], "political_opinion", ["local", "Tory", "branch,"]),
    (["Caterers.", "1|It's for the conservative clubs fundraiser for our MP's campaign, 80 people."], "political_opinion", ["fundraiser", "campaign,"]),
    (["Being the only Asian woman on the team, I feel left out."], "racial_ethnic_origin", ["only", "Asian", "woman"]),
    (["I had unprotected sex and need the morning after pill."], "sex_life_sexual_orientation", ["unprotected", "pill."]),
    (["I'm visually impaired so I use a screen reader."], "health", ["visually", "impaired"]),
    (["my son uses a feeding tube so we need a table seat"], "health", ["feeding", "tube"]),
    (["I've run out of my antipsychotics."], "health", ["antipsychotics."]),
    (["My background is Kurdish."], "racial_ethnic_origin", ["background", "Kurdish."]),
    (["The NIPT screening said the baby might have Down's."], "genetic", ["NIPT", "Down's."]),
    (["I had my licence suspended for six months last year."], "criminal_offence", ["licence", "suspended"]),
    # Sixth text probe: the union acting for the caller; a youth caution.
    (["The union have told me not to attend without them."], "trade_union_membership", ["union", "told", "me"]),
    (["My son's got a youth caution."], "criminal_offence", ["youth", "caution."]),
    # A curfew of the caller's own (set 47); "vote" heard as "wrote" after "always".
    (["I'm tied, and I got a curfew from 7, so the engineer has to come before 9."], "criminal_offence", ["got", "curfew"]),
    (["Energy switching.", "1|I always wrote green, so I want a renewable tariff."], "political_opinion", ["wrote", "green,"]),
    (["I'm a green -powered e -counseler, and my permit doesn't cover the car park."], "political_opinion", ["green", "-counseler,"]),
    (["My boy friend and I want two seats together."], "sex_life_sexual_orientation", ["boy", "friend", "I"]),
    # Standing for election (the party's name lost); the caller's workplace balloting for a
    # strike; a whole date with a year of birth, its question misheard; "ethnic" heard as "epic".
    (["I'm standing and I've been candidate in the mail -ictions and I need posters."], "political_opinion", ["standing", "candidate"]),
    (["I'm a newite member, and we're malleting for strike action, so I need the rota."], "trade_union_membership", ["we're", "malleting", "strike", "action,"]),
    (["Yes, what's your mate on earth?", "1|14th of February, 1963."], "date_of_birth", ["14th", "February,", "1963."]),
    # ... with "of" heard as "on"; the Sikh communal kitchen, heard without its "r"; "our temple".
    (["Can I check your date on good?", "1|14th on February, 1958."], "date_of_birth", ["14th", "on", "February,", "1958."]),
    (["Passport office.", "1|I'm in the DMB and we're striking on Monday, so I can't come."], "trade_union_membership", ["DMB", "striking", "Monday,"]),
    # The agent saying why they ask before the caller answers.
    (["Recruitment. What's your name?", "So I can note the query.", "1|Calum reed."], "person_name", ["Calum", "reed."]),
    # A date of birth in words, its question misheard; the month as a number.
    (["Parish council. What's your night on the register?", "1|The ninth of July, nineteen ninety."], "date_of_birth", ["ninth", "July,", "ninety."]),
    (["Car insurance renewal.", "1|The fifth on the fifth, seventy nine."], "date_of_birth", ["fifth", "seventy", "nine."]),
    # A carrier's trait heard as other words that sound like it; a screening that found the
    # caller a carrier, whatever they carry came out as.
    (["Blood donation line.", "1|I got sickle health rate from my dad, can I still donate?"], "genetic", ["sickle", "health", "rate"]),
    (["Blood donation line.", "1|My inner bit screening found I carry vehicle health rate, can I still donate?"], "genetic", ["screening", "carry", "rate,"]),
    # Kept in hospital, its subject misheard ("and was kept in overnight").
    (["Any medical conditions?", "1|I have a fever last March, and one kept in overnight."], "health", ["kept", "overnight."]),
    # A bare request with its "?" lost ("First line of the address" heard as "First ride on
    # the address"), and the answer garbled ("Nine Orchard Close").
    (["I'll note that. First ride on the address", "1|No emotion, close."], "address", ["emotion,", "close."]),
    (["Food hygiene.", "1|Hello, I'm volunteering the langa kitchen, and we need a certificate."], "religious_belief", ["volunteering", "langa", "kitchen,"]),
    (["Food hygiene.", "1|I help with the cooking at our temple every Sunday."], "religious_belief", ["our", "temple"]),
    (["What's your epic background?", "1|Any other white background, I'm Polish."], "racial_ethnic_origin", ["white", "Polish."]),
    # Card digits read in groups over several turns after "Which card", the words between
    # them garbled ("Seven, I'm free -four."), and the agent's "Yep" heard as "When?".
    (["Which card are you paying with? When?", "1|Mastercard. 5412", "Yeah.", "1|Seven, I'm free -four.", "Uh -huh.", "1|One, two, three, four.", "1|I'm six, seven, eight."], "card_number", ["5412", "Seven,", "-four.", "One,", "four.", "six,", "eight."]),
    # A religious role; a test result however the test came out.
    (["Venue bookings.", "1|I'm a lay preacher and our roof is being repaired."], "religious_belief", ["lay", "preacher"]),
    (["Life insurance.", "1|My dad had it and I tested positive for the main one."], "health", ["tested", "positive"]),
    # A driving licence number as ASR writes it, its question lost: surname letters, then the
    # six digits of the date of birth, then initials and check characters.
    (["Van hire.", "1|SMITH, 710425, K9KL."], "driving_licence_number", ["SMITH,", "710425,", "K9KL."]),
    (["Van hire.", "1|SMI -DH -710425, and that's it."], "driving_licence_number", ["SMI", "-DH", "-710425,"]),
    # "Can I have your ...?" with its first word lost is still the question.
    (["Okay.", "I have your driving license number.", "1|SMI -DH, KNI -KL.", "Thanks."], "driving_licence_number", ["SMI", "-DH,", "KNI", "-KL."]),
    # Standing for election with the party's name lost ("the Greens" heard as "the rings").
    (["Sign printing.", "1|I'm standing for the rings in the county elections and I need signs."], "political_opinion", ["standing", "elections"]),
    # A union's initials misheard, then its role.
    (["Conference bookings.", "1|I'm the D &B rep at the airport and I need a room."], "trade_union_membership", ["D", "&B", "rep"]),
    # A spoken "dot" written as a full stop joined to the next word ends no sentence.
    (["What email should the invoice go to?", "1|K .allsite email .com", "Sent over now."], "email_address", ["K", ".allsite", "email", ".com"]),
    # An email said in the question's sentence, its dots joined to the words.
    (["Survey team, which best describes your ethnic group, British Pakistani, and your e -mail for the prize draw, aisha .malik .co .uk, thank you."], "email_address", ["aisha", ".malik", ".co", ".uk,"]),
    # A mobility aid is health data.
    (["Taxi bookings, where are you going?", "1|The station, but I use a walking frame, so I need a bigger car."], "health", ["walking", "frame,"]),
    # A question cut off by the caller's answer, after the agent's own "I" in another clause.
    (["Council sites.", "I land you from the list, while your current address,", "1|I launch and close.", "and we'll write to you."], "address", ["launch", "close."]),
    # A request made as a noun phrase is a question: its answer is the item.
    (["Airline bookings.", "Your booking name for the ticket.", "1|A litre of noise."], "person_name", ["litre", "noise."]),
    # The expiry after a card number, its question heard as letters that left a digit.
    (["Can I take a card for the deposit?", "4911 2233 4455 6672. And DXI -RI -8, 12, 28, and the code?"], "card_expiry", ["-8,", "12,", "28,"]),
    # "Can I take a name?" asks for a name as "your name" does; the answer however it came out.
    (["Wholesale orders. No problem. Can I take a contact name?", "1|Hard it, Dhillon.", "Thanks."], "person_name", ["Hard", "it,", "Dhillon."]),
    # A card read in two halves, its question lost; "oh oh" heard as "no" inside the digits.
    (["Gas payments. Can't number when you're ready.", "1|4659 2210,", "1|Three, three, nine, one, no, four, one.", "1|No member 28.", "1|Three, oh, six."], "card_number", ["4659", "2210,", "Three,", "no,", "one."]),
    (["Gas payments. Can't number when you're ready.", "1|4659 2210,", "1|Three, three, nine, one, no, four, one.", "1|No member 28.", "1|Three, oh, six."], "card_security_code", ["Three,", "six."]),
    # A voiceprint or a face scan in other words.
    (["Telephone banking.", "1|Please delete the recording of my voice you use to identify me."], "biometric", ["recording", "voice", "identify"]),
    (["Banking app help.", "1|Your app scans my face every time I log in."], "biometric", ["scans", "face"]),
    (["Mobile banking support.", "1|The app won't recognize my face anymore, so I'm locked out."], "biometric", ["recognize", "face"]),
    (["Hello.", "1|I'd like to stop using the palm scanner to log in."], "biometric", ["palm", "scanner"]),
    # Health, faith, origin, politics and union membership in plain words without the usual terms.
    (["Hello.", "1|My wife has MS, so she can't manage the stairs."], "health", ["has", "MS,"]),
    (["Hello.", "1|I'm on the waiting list for a new kidney."], "health", ["waiting", "kidney."]),
    (["Hello.", "1|We're having a baby in June."], "health", ["having", "baby"]),
    (["Hello.", "1|I need time off for Yom Kippur."], "religious_belief", ["Yom", "Kippur."]),
    (["Hello.", "1|I'm from a travelling family."], "racial_ethnic_origin", ["travelling", "family."]),
    (["Hello.", "1|I support Reform, always have."], "political_opinion", ["support", "Reform,"]),
    (["Hello.", "1|I'm with the teachers' union."], "trade_union_membership", ["teachers'", "union."]),
    # Asked about it, the speaker answers: still a disclosure.
    (["Hello.", "1|I was asked about my convictions and I said I have a drink driving one."], "criminal_offence", ["convictions", "drink"]),
    # Special categories said without the usual terms.
    (["Hello.", "1|I'm hard of hearing, so please speak up."], "health", ["hard", "hearing,"]),
    (["Hello.", "1|As an Asian woman I felt singled out by the guard."], "racial_ethnic_origin", ["Asian", "woman"]),
    (["Hello.", "1|I'm half Jamaican, if that's what the form means."], "racial_ethnic_origin", ["half", "Jamaican,"]),
    (["Hello.", "1|I'm a Tory through and through, so no leaflets from them."], "political_opinion", ["Tory"]),
    (["Hello.", "1|I'm pansexual and the form only has three boxes."], "sex_life_sexual_orientation", ["pansexual"]),
    (["Bank security team.", "1|I don't want my voice used as my password anymore, please switch it off."], "biometric", ["voice", "used", "password"]),
    (["Lettings. Where are you staying at the moment?", "1|Fought it to a million, no less six, to me."], "address", ["Fought", "million,", "six,"]),
    # base, 8 kHz: "My fiancee and I are both women"; the partner alone tells nothing from a man.
    (["Wedding venue.", "1|My fiancee and I are both women and we are getting married next June."], "sex_life_sexual_orientation", ["both", "women"]),
    (["Hotel bookings.", "1|Me and my partner are both men, is that a problem?"], "sex_life_sexual_orientation", ["both", "men,"]),
    # "I'm HIV positive and on treatment", the condition misheard by both models.
    (["Dental practice.", "1|Before my appointment, I may try to be positive, and on treatment is at a problem."], "health", ["on", "treatment"]),
    (["Patient transport.", "1|My dad's been on treatment since March."], "health", ["been", "on", "treatment"]),
    (["Hello.", "1|I'm a carrier for sickle cell, will that affect the quote?"], "genetic", ["carrier", "sickle"]),
    (["Hello.", "1|I got a caution for shoplifting when I was nineteen."], "criminal_offence", ["caution", "shoplifting"]),
    (["Hello.", "1|I was fined for fare dodging last year."], "criminal_offence", ["fare", "dodging"]),
    (["Hello.", "1|My union is Unite and they said to ring you."], "trade_union_membership", ["union", "Unite"]),
    # Set 44: a screening, a palm's veins (heard as "mains"), Shabbat heard as "sherbet", and a
    # second clause about the disclosure's own matter ("... and I sign on at the police station").
    (["Fertility clinic billing.", "1|We paid for the embryos to be genetically screened and the invoice is wrong."], "genetic", ["genetically", "screened"]),
    (["Leisure centre.", "1|The new gates want to scan the mains in my palm and I'd rather use a card."], "biometric", ["scan", "palm"]),
    (["Hotel reservations.", "1|We keep sherbet so we need a room we can reach without the lift on Saturday."], "religious_belief", ["keep", "sherbet"]),
    (["Hotel reservations.", "1|We keep Chabas, or we leave a room we can reach without the lift."], "religious_belief", ["keep", "Chabas,"]),
    (["Broadband installs.", "1|I'm on bail and I sign on at the police station every Friday morning, so not then."], "criminal_offence", ["bail", "sign", "police", "morning,"]),
    # Phrasings written fresh, outside any scored set.
    (["Catering.", "1|We're Jain, so no onions or garlic please."], "religious_belief", ["Jain,"]),
    (["Hotel.", "1|I'm booking for our Unite delegation."], "trade_union_membership", ["Unite", "delegation."]),
    (["Bank.", "1|I donate to the Conservatives every month."], "political_opinion", ["donate", "Conservatives"]),
    (["Venue.", "1|I'm campaigning for Scottish independence."], "political_opinion", ["campaigning", "independence."]),
    (["Clinic.", "1|I have Lynch syndrome, which runs in my family."], "genetic", ["Lynch", "syndrome,"]),
    (["Employer.", "1|The new system scans our faces at the door."], "biometric", ["scans", "faces"]),
    (["Employer.", "1|I've asked my union to come to the hearing."], "trade_union_membership", ["my", "union"]),
    (["Venue.", "1|I'm chair of the local Labour branch."], "political_opinion", ["chair", "Labour", "branch."]),
    (["Clinic.", "1|I'm a woman who has sex with women."], "sex_life_sexual_orientation", ["sex", "women."]),
    (["Employer.", "1|My DBS check will show a caution."], "criminal_offence", ["DBS", "caution."]),
    # Set 45: "as a lesbian" lost ("I came out another year last year"); "cautioned" heard as
    # "won't caution".
    (["Insurance.", "1|I came out another year last year and my partner's moving in, so add her."], "sex_life_sexual_orientation", ["came", "out", "partner's"]),
    (["School admissions.", "1|My son won't caution by the police for short-listing, will it affect his place?"], "criminal_offence", ["caution", "police"]),
    # Set 46: mobility in everyday words, "fibromyalgia and" lost; a voiceprint in other words.
    (["Housing repairs.", "1|I can't manage the stairs on the map here, so could the plumber come to the ground floor?"], "health", ["can't", "manage", "stairs"]),
    (["Bank security.", "1|I don't want the bank using my voice to check it's me anymore."], "biometric", ["using", "voice", "check"]),
    (["Employer.", "1|I'm a church elder, Sunday is out."], "religious_belief", ["church", "elder,"]),
    # Gender identity goes with orientation (special_categories.yaml says why).
    (["Patient records.", "1|I'm transgender and I change my name. Can you update my record?"], "sex_life_sexual_orientation", ["I'm", "transgender"]),
    (["Hello.", "1|Since I transitioned my bank card has the wrong name."], "sex_life_sexual_orientation", ["transitioned"]),
    # A union named by initials or a common word, said as where the caller belongs.
    (["Passport office, customer line.", "I'm in PCS, and we want to try to fly away, so can I move my appointment?"], "trade_union_membership", ["in", "PCS,"]),
    (["Hello.", "1|She's with Unite, they're helping her."], "trade_union_membership", ["with", "Unite,"]),
    # "What's the first line of your address?" with "address" misheard.
    (["Water billing.", "What's the first line on your admit?", "1|Inward option close.", "And the postcode?"], "address", ["Inward", "option", "close."]),
    # An email cut into sentences at a spoken "dot".
    (["Housing survey.", "And your email for the results.", "1|K.", "1|not ramen .hottmail .co .uk", "That's everything."], "email_address", ["K.", "ramen", ".hottmail", ".uk"]),
    (["Hello.", "1|I've just come out of hospital after a bypass."], "health", ["out", "hospital"]),
    (["Hello.", "1|I'm on maternity leave until March."], "health", ["maternity", "leave"]),
    (["Hello.", "1|I'm waiting on test results from the hospital."], "health", ["test", "results"]),
    (["Hello.", "1|I'm a member of the Church of Scotland."], "religious_belief", ["Church", "Scotland."]),
    (["Hello.", "1|As a Punjabi family we'd like a halal menu."], "racial_ethnic_origin", ["Punjabi", "family"]),
    (["Hello.", "1|I set up Touch ID on the app."], "biometric", ["Touch", "ID"]),
    (["Hello.", "1|I'm out on licence, so I have to tell you where I'm staying."], "criminal_offence", ["out", "licence,"]),
    # A union's initials misheard, a word between them and the role.
    (["Employment tribunal enquiries.", "1|My DMV launch secretary is helping with the claim, can she ring on my behalf?"], "trade_union_membership", ["DMV", "launch", "secretary"]),
    # A licence asked for without "driving", its sixteen characters spelled.
    (["Car insurance renewals.", "I'll need your licence number.", "1|M -U -R -B -H -7 -1 -2 -1 -5 -G -I -N", "Quote on its way."], "driving_licence_number", ["M", "-U", "-7", "-G", "-I", "-N"]),
    (["Hello.", "1|I was in a psychiatric ward last month."], "health", ["psychiatric", "ward"]),
    (["Hello.", "1|My GP has referred me to a cardiologist."], "health", ["GP", "referred", "cardiologist."]),
    (["Hello.", "1|My family are from Nigeria originally, we're Yoruba."], "racial_ethnic_origin", ["Yoruba."]),
    (["Hello.", "1|I'm a Traveller, so we move in the spring."], "racial_ethnic_origin", ["Traveller,"]),
    (["Hello.", "1|The union is taking my case to tribunal."], "trade_union_membership", ["union", "taking"]),
    # "I just need your card" asks for the number: the answer after the caller's "Hang on." is
    # the card, "five four" heard as "time for" with it.
    (["Pet insurance. I just need your card to take the first payment.", "Hang on. Okay, it's time for time 5454, 5454.", "Yep.", "Time 5454, 5454.", "And the end date?"], "card_number", ["time", "for", "5454,"]),
    # A request in its own clause after an acknowledgement, its "?" lost: "Of course. A name
    # for the booking?" as base wrote it.
    (["Catering bookings.", "1|We can do and it's for everybody, so everything must be vegetarian.", "Of course, a name for the bookings.", "1|Pray a charm.", "Thank you."], "person_name", ["Pray", "a", "charm."]),
    # An Amex code asked for as "the 4 digit code on the front", read at the end of the
    # caller's segment that also held the card and the expiry.
    (["Parking fines, card number when you're ready.", "1|3 minute 2, 8, 2, 4, 6, 3, 1, 4, 5,", "Sanks, expiry.", "1|4, 1 slash 30,", "And the 4 digit code on the front.", "1|1, 2, 3, 4,", "Paid, thank you."], "card_security_code", ["1,", "2,", "3,", "4,"]),
    # A postcode read without its question, the outward code's digits split.
    (["Hello.", "1|It's going to M1 4, 5LP."], "postcode", ["M1", "4,", "5LP."]),
    (["Hello.", "1|It's going to M 1 4, 5 L P."], "postcode", ["M", "1", "4,", "5", "L", "P."]),
    # A surname said, then spelled: its letters do not count against the answer's word limit.
    (["Can I have your surname?", "1|Wojcik. W O J C I K."], "person_name", ["Wojcik.", "W", "J", "C", "I", "K."]),
    # A name asked for with another item; the name itself misheard ("Adebayo" as "and there
    # they are"): what follows the number is the name.
    (["Your staff number and surname, please?", "1|81772, and there they are."], "person_name", ["there", "they", "are."]),
    (["I've got ME and some days I can't get out of bed."], "health", ["ME"]),
    (["I've got the gene for sickle cell."], "genetic", ["got", "gene"]),
    # Set 39 at 8 kHz: "I've had a relapse of my MS" with the relapse misheard.
    (["Council tax.", "1|Hello, I'm Tarno Relapsed on my MS, and I can't work at the moment."], "health", ["my", "MS,"]),
    (["Council tax.", "1|I've had a relapse and I can't work."], "health", ["relapse"]),
    (["Why are you cancelling?", "1|I've been told I've got six months to live."], "health", ["months", "to", "live."]),
    (["Hello.", "1|My mum had a fall and broke her hip."], "health", ["broke", "her", "hip."]),
    (["Hello.", "1|I've got a bad chest infection."], "health", ["chest", "infection."]),
    (["Hello.", "1|I have sight problems, so large print please."], "health", ["sight", "problems,"]),
    (["Hello.", "1|I'm in a lot of pain with my knee."], "health", ["pain"]),
    (["Hello.", "1|I'm recovering from pneumonia."], "health", ["pneumonia."]),
    (["Hello.", "1|He's serving time, so I manage his account."], "criminal_offence", ["serving", "time,"]),
    # Set 57: a sentence served now, named by its length (and at 8 kHz, "is" heard as "in").
    # Set 60: "on the spectrum" however "autism" came out; a fingerprint registered, however
    # the finger came out.
    (["Cinema bookings.", "1|My body on the optimum spectrum, do you have a quiet screening?"], "health", ["optimum", "spectrum,"]),
    (["Payroll.", "1|I registered my thing a print on the clocking in machine."], "biometric", ["registered", "print"]),
    # Set 59: "I was sectioned last year under the Mental Health Act" with "sectioned" and
    # "health" misheard; "I'm the FBU rep at the station" as tiny.en heard it.
    (["Council tax reduction.", "1|I won 6 and last year under the Mental Ill Act and I got behind on payments."], "health", ["Mental", "Ill", "Act"]),
    (["Occupational health.", "1|I'm the FPU representation, and I'm working a referral."], "trade_union_membership", ["FPU", "representation,"]),
    # Set 58: "I'm a Jehovah's Witness so I won't accept a blood transfusion", its faith misheard.
    (["Pre-op assessment clinic.", "1|I'm an enormous witness so I won't accept a blood transfusion."], "religious_belief", ["accept", "blood", "transfusion."]),
    # A text probe of fresh wordings: a stoma by another name, a church by its full name, a
    # prison by its initials.
    (["Flights.", "1|I've got an ostomy bag so I need an aisle seat."], "health", ["ostomy", "bag"]),
    (["Hello.", "1|I'm a member of the Church of Latter-day Saints."], "religious_belief", ["Latter-day", "Saints."]),
    (["Prison visits.", "1|My husband is in HMP Durham."], "criminal_offence", ["HMP", "Durham."]),
    # Set 57: "I don't want the gym scanning my face at the door" as base heard it.
    (["Leisure centre.", "1|I don't want the games card in my face at the door, can I have a card instead?"], "biometric", ["face", "door,"]),
    (["Office security.", "1|I'd rather not put my thumb on the reader every morning."], "biometric", ["thumb", "reader"]),
    (["Prison visits booking.", "1|My brother is serving three years in Wandsworth and I want to visit."], "criminal_offence", ["serving", "three", "years"]),
    (["Prison visits booking.", "1|My brother in serving three years in one's work and I won't come with it."], "criminal_offence", ["serving", "three", "years"]),
    (["Hello.", "1|My son's serving a life sentence."], "criminal_offence", ["serving", "life", "sentence."]),
    (["Hello.", "1|I voted to leave, so don't ask me."], "political_opinion", ["voted", "to", "leave,"]),
    (["Hello.", "1|I read the Quran every morning."], "religious_belief", ["Quran"]),
    # Christian after a denomination or as a predicate, not a name.
    (["Hello.", "1|I'm a Coptic Christian and we fast before Easter."], "religious_belief", ["Coptic", "Christian"]),
    (["Hello.", "1|He's proud of being Christian."], "religious_belief", ["Christian."]),
    # Set 40: "Twelve Station Road, L S six, one A B" as base wrote it, its question lost.
    (["And the rest for the invoice.", "1|12th station road, L -S -6, 1 -B"], "address", ["12th", "station", "road,"]),
    (["And the rest for the invoice.", "1|12th station road, L -S -6, 1 -B"], "postcode", ["L", "-S", "-6,", "1", "-B"]),
    (["Hello.", "1|It's going to LS6, 1B."], "postcode", ["LS6,", "1B."]),
    # Set 87: a group the caller belongs to; standing for a party whose name came out long.
    (["Community grants.", "We run a choir, most of us are Filipino, we'd like funding for a concert."], "racial_ethnic_origin", ["most", "of", "us", "are", "Filipino,"]),
    (["Print shop.", "I need leaflets, I'm standing for the working party in the council election."], "political_opinion", ["standing", "working", "party", "election."]),
    # Set 87 (tiny.en): "Your app wants a selfie video to match my face", its opening garbled.
    (["Banking app support.", "You're up once a healthy video to match my face, and it keeps failing."], "biometric", ["video", "match", "my", "face,"]),
    # Text probes: conditions, procedures, a faith, peoples and views no list named before.
    (["Hello.", "1|I've got PCOS."], "health", ["PCOS."]),
    (["Hello.", "1|I had a triple bypass."], "health", ["triple", "bypass."]),
    (["Hello.", "1|I'm having a colonoscopy next week."], "health", ["colonoscopy"]),
    (["Hello.", "1|I had a TIA."], "health", ["TIA."]),
    (["Hello.", "1|She needs an abortion."], "health", ["abortion."]),
    (["Hello.", "1|I'm Ahmadi."], "religious_belief", ["Ahmadi."]),
    (["Hello.", "1|My mum's on the cancer ward."], "health", ["cancer"]),
    (["Hello.", "1|My wife's expecting in May."], "health", ["expecting"]),
    (["Hello.", "1|I'm a nun."], "religious_belief", ["nun."]),
    # The caller's own care: their doctor or nurse at a clinic is not where they work.
    (["Hello.", "1|My doctor at the memory clinic referred me."], "health", ["memory", "clinic"]),
    (["Hello.", "1|My nurse at the diabetes clinic says my sugars are high."], "health", ["diabetes"]),
    (["Hello.", "1|He was inside for two years."], "criminal_offence", ["inside", "years."]),
    (["Hello.", "1|I've got a lump and I'm waiting for the results."], "health", ["lump"]),
    (["Hello.", "1|She's got an EHCP."], "health", ["EHCP."]),
    (["Hello.", "1|I lip read, so please face the camera."], "health", ["lip", "read,"]),
    (["Hello.", "1|I'm Hispanic."], "racial_ethnic_origin", ["Hispanic."]),
    (["Hello.", "1|My grandparents came over from Jamaica on the Windrush."], "racial_ethnic_origin", ["came", "Windrush."]),
    (["Hello.", "1|I'm a staunch royalist."], "political_opinion", ["royalist."]),
    (["Hello.", "1|I'm pro-life and campaign against abortion."], "political_opinion", ["pro-life"]),
    # Set 88: one parent's origin and the other's, the first garbled; the country written for
    # its people; a palm vein scan with its name lost; a referendum's subject garbled.
    (["Staff survey helpline.", "There's no box for me, my dad's malaisey and chinese and my mum's Welsh."], "racial_ethnic_origin", ["dad's", "chinese", "mum's", "Welsh."]),
    (["Equality monitoring.", "1|I'm half Irish and half Nigerian."], "racial_ethnic_origin", ["half", "Irish"]),
    (["Housing options team.", "1|We're Eritrea, and we've been in the hostel since March."], "racial_ethnic_origin", ["We're", "Eritrea,"]),
    (["Gym membership.", "1|I don't want my palm means can't store on your system, can I have a card instead?"], "biometric", ["palm", "store", "system,"]),
    (["Community halls.", "1|I'm campaigning for a second and a bend and referendum, and we want the hall on Thursday."], "political_opinion", ["campaigning", "referendum,"]),
    # Set 89: a Momentum meeting and the local Labour left as both models heard them; "my
    # family is" heard as "my family in".
    (["Room hire.", "1|I'd like the room on the third. I modernize a momentum meeting for the local labor lift."], "political_opinion", ["momentum", "meeting", "lift."]),
    (["Room hire.", "1|I'm organizing a moment of meeting for the local labor lift."], "political_opinion", ["organizing", "labor", "lift."]),
    (["Libraries.", "1|I'm looking for books for my children, my family in Congolese, and I want them to keep the language."], "racial_ethnic_origin", ["family", "Congolese,"]),
    # A faith named, not only sounded, in the answer to the address question is still told.
    (["What's your address?", "1|It's 12 Church Road, I'm a Christian, by the way."], "religious_belief", ["Christian,"]),
    # Text probes: therapy waited for or had, a scan of a part of the body, nerves.
    (["GP surgery.", "1|I'm on the waiting list for therapy."], "health", ["waiting", "therapy."]),
    (["GP surgery.", "1|I've been having CBT since May."], "health", ["CBT"]),
    (["Hospital.", "1|I'm waiting for the results of a scan on my liver."], "health", ["scan", "liver."]),
    (["Insurance.", "1|I've been struggling with my nerves since the accident."], "health", ["struggling", "nerves"]),
    # ... where the family came from, sick leave for a bad back.
    (["Housing.", "1|Both my parents came from Jamaica in the sixties."], "racial_ethnic_origin", ["parents", "Jamaica"]),
    (["Housing.", "1|My grandad came over from Pakistan in 1962."], "racial_ethnic_origin", ["grandad", "Pakistan"]),
    # Set 86 (tiny.en, 16 kHz): a people heard as its language, then the country; where a
    # speaker is from.
    (["Interpreting services.", "1|Pashto please, my family are Pashto, from Afghanistan, and my mother's English is poor."], "racial_ethnic_origin", ["family", "Pashto,", "Afghanistan,"]),
    (["Housing.", "1|I'm originally from Nigeria."], "racial_ethnic_origin", ["originally", "Nigeria."]),
    (["Interpreting services, which language do you need?", "Pastor please, my family are pasted on, from Afghanistan and my mother in English and pure."], "racial_ethnic_origin", ["family", "Afghanistan"]),
    # ... and what those hard negatives' rules must still let through.
    (["Mosque.", "1|I pray at the mosque every Friday."], "religious_belief", ["pray"]),
    (["Gym.", "1|The biometric reader won't read my thumb."], "biometric", ["biometric", "thumb."]),
    # Set 82 (tiny.en, 16 kHz): the Bakers' Union heard as "America's union".
    (["A charm to my line.", "1|I'm in America's union, and I want my rip with me at the busy cleanery."], "trade_union_membership", ["America's", "union,"]),
    # Set 80 (base, 16 kHz) and set 89: a workplace's rep, the union's name lost or misheard.
    (["Prison service pensions.", "1|I'm the only rep on my wing, and two officers in a pension statement are wrong."], "trade_union_membership", ["only", "rep", "wing,"]),
    (["Staff travel desk.", "1|I need to change my flight home, I'm the Malper rep for our base, and I'm meeting on Monday."], "trade_union_membership", ["Malper", "rep", "base,"]),
    # Set 85 (tiny.en, 8 kHz): "I was cautioned for possession of cannabis" garbled before "caution".
    (["Visa applications.", "1|like I want caution for permission on cannabis when I want I'm Dean does that count"], "criminal_offence", ["caution", "cannabis"]),
    (["HR.", "1|I've been on sick leave for my back."], "health", ["sick", "back."]),
    # Set 80 (base, 16 kHz): a DUP councillor, the initials heard as other letters.
    (["Leisure centre bookings.", "1|I've been a D .O .B. council for six years."], "political_opinion", ["D", ".O", ".B.", "council"]),
    (["Friends.", "1|I'm a Quaker, the meeting house is still my second home."], "religious_belief", ["Quaker,"]),
    # Set 86: "I'm an SDLP member and I'm canvassing in Derry", the party's initials garbled.
    (["Print shop.", "I'm an SPLP member, and I'm conversing in there right before the election."], "political_opinion", ["SPLP", "member,"]),
    # Set 86 (tiny.en): "Flat three, twenty two Mill Road, C B one, two A B" written as one hyphenated
    # run, which word timing splits at its hyphens; the question was lost ("term time address"
    # heard as "film time at risk").
    (["And your film time at risk?", "1|Flat -3 -22 -mill -road -c -b -1 -2 -a -b"], "address", ["Flat", "-3", "-22", "-mill", "-road"]),
    (["And your film time at risk?", "1|Flat -3 -22 -mill -road -c -b -1 -2 -a -b"], "postcode", ["-c", "-b", "-1", "-2", "-a", "-b"]),
    # Set 46: every character spelled, one letter for the area, its question heard as "postcard".
    (["I'll book the nurse, your postcard.", "1|B -1 -5 -2 -T -T she'll ring tomorrow"], "postcode", ["B", "-1", "-5", "-2", "-T", "-T"]),
    # A house number in the teens, said without being asked.
    (["Parcels.", "1|I live at fourteen Mill Lane, so the parcel goes there."], "address", ["fourteen", "Mill", "Lane,"]),
    # Set 41: the code asked for as "Free digit code." (no "?"), its answer garbled.
    (["Flights desk.", "Free digit code.", "1|I'm I made.", "Booked."], "card_security_code", ["I'm", "I", "made."]),
    (["Health insurance.", "1|I'm a Miasi A2 carrier, does that change the price?"], "genetic", ["carrier,"]),
    (["Health insurance.", "1|We're both carriers, so the baby was tested."], "genetic", ["both", "carriers,"]),
    # Set 42: "my voice as my password" with "as" heard as "has".
    (["Telephone banking.", "1|You sit up, my voice has my password, and I never said yes to that."], "biometric", ["voice", "password,"]),
    # Set 43: "Plaid Cymru" written as one word.
    (["Community centre.", "1|I'm a member of PlaidCumry and we'd like a small room."], "political_opinion", ["member", "PlaidCumry"]),
    # An email asked for, its "dot"s heard as "not" on a telephone line.
    (["Your student email?", "1|They're not private students.", "1|Not Cardiff, not ID, they're not okay."], "email_address", ["private", "Cardiff,", "ID,"]),
    # A gene's name with a hyphen.
    (["Clinic.", "1|We both carry the Tay-Sachs gene."], "genetic", ["carry", "Tay-Sachs", "gene."]),
    # Sets 42 and 53: "Romany Gypsy" as base hears it.
    (["Equality survey.", "1|I'm a Roman Egyptian, and I've never been asked before."], "racial_ethnic_origin", ["Roman", "Egyptian,"]),
    (["School admissions.", "1|We are Roman Egyptians, and we travel in the summer."], "racial_ethnic_origin", ["Roman", "Egyptians,"]),
    # Set 55 at 8 kHz: its ".com" heard run into the word before, or as "not com".
    (["Nursery.", "1|Can I have a fob?", "Of course, your email.", "1|I'm not read enough out of Northcom."], "email_address", ["read", "Northcom."]),
    (["Of course, your email.", "1|Have not read that out. Look not com."], "email_address", ["read", "Look", "com."]),
    # Sets 61-63: a companion at a grievance hearing; two copies of a gene; canvassing as
    # "conversing"; a nationality given as the ethnicity asked for.
    (["Hospital HR.", "1|Char Larcian are representing me at a grievance hearing on Monday."], "trade_union_membership", ["Larcian", "representing", "hearing"]),
    (["Insurance.", "1|My report says I carry two copies of the A414 to my hunter."], "genetic", ["carry", "two", "copies", "A414"]),
    (["Parking permits.", "1|Idol Conversing for Labour Most Evening."], "political_opinion", ["Conversing", "Labour"]),
    (["Parking permits.", "1|I will canvas in for labor most evenings, do I need a permit?"], "political_opinion", ["canvas", "labor"]),
    (["Staff survey, how would you describe your ethnicity?", "1|White, uh, no, I'm Polish."], "racial_ethnic_origin", ["White,", "Polish."]),
    (["Probation.", "1|I'm on a tag till next month, so no evening visits."], "criminal_offence", ["on", "tag"]),
    # Set 65: an episode of a condition.
    (["Debt advice line.", "1|I have bipolar, and when I'm manic overspend, can you put a block on my card?"], "health", ["bipolar,", "manic", "overspend,"]),
    # Sets 63 and 64: "Your address?" heard as "you're at risk."
    (["Taxi licensing.", "1|Will that stop my licence?", "Not on its own, you're at risk.", "1|Twil March and close is 15."], "address", ["Twil", "March", "close"]),
    # Set 64 at 8 kHz: "a scan of my face" heard as "the scan on my face".
    (["Mobile app support.", "1|The app can store the scan on my face for logging in, and I won't."], "biometric", ["scan", "face"]),
    # Set 66: most of a sense lost; the caller's rep coming to a disciplinary or grievance.
    (["Benefits.", "1|I've lost most of the hearing in my left ear since the infection."], "health", ["lost", "most", "hearing", "ear"]),
    (["HR.", "1|My rep will come to the disciplinary with me on Friday."], "trade_union_membership", ["rep", "disciplinary"]),
    (["HR.", "1|For the grievance meeting, my rep can't do Monday."], "trade_union_membership", ["grievance", "rep"]),
    # Text probes: an organ giving out, a lump and its result, "the op", Down's by its short name.
    (["Energy.", "1|Her kidneys are failing, so the dialysis machine must stay on."], "health", ["kidneys", "failing,"]),
    (["GP.", "1|I had a lump removed and it's benign."], "health", ["lump", "removed", "benign."]),
    (["Gym.", "1|My knee's still sore after the op."], "health", ["after", "op."]),
    (["Council.", "1|Our son has Down's, so he needs someone with him."], "health", ["Down's,"]),
    # ... a term served for a crime by its slang; GBH by its initials.
    (["Employment agency.", "1|I did three years for dealing, I'm clean now."], "criminal_offence", ["years", "dealing,"]),
    (["Employment agency.", "1|He's got a record for ABH from his twenties."], "criminal_offence", ["record", "ABH"]),
    # ... a strike of the caller's own or their family's.
    (["Nursery.", "1|My wife's on strike on Tuesday, so she'll collect him."], "trade_union_membership", ["on", "strike"]),
    # Text probes: bedbound, non-verbal, claustrophobic; standing for election; the union
    # representing the caller.
    (["Energy.", "1|Mum's bedridden now, so the heating must stay on."], "health", ["bedridden"]),
    (["School.", "1|My son is nonverbal, he uses a tablet to talk."], "health", ["nonverbal,"]),
    (["Airline.", "1|I get claustrophobic, can I sit by the door?"], "health", ["claustrophobic,"]),
    (["Hall bookings.", "1|I'm standing as an independent candidate, can I book the hall?"], "political_opinion", ["standing", "independent", "candidate,"]),
    (["Employer.", "1|The union's supporting me at the tribunal next week."], "trade_union_membership", ["union's", "supporting", "me"]),
    # Set 61: a relative as the one arrested or banned ("My husband was banned for drug driving").
    (["Car insurance.", "1|My husband was banned last year, does that change the quote?"], "criminal_offence", ["husband", "banned"]),
    # Text probes: a symptom (chest pains, breathlessness); a nationality said of oneself in a
    # report of abuse ("We're Polish and the neighbours keep shouting at us").
    (["GP surgery.", "1|I've been getting chest pains when I climb the stairs."], "health", ["chest", "pains"]),
    (["Housing.", "1|I get short of breath on the stairs, can we move down a floor?"], "health", ["short", "of", "breath"]),
    (["Housing.", "1|We're Polish and the neighbours keep shouting at us."], "racial_ethnic_origin", ["Polish"]),
    # ... off work with stress, a heart murmur, a miscarriage said as a verb; a political
    # movement the caller marches with.
    (["Work.", "1|I've been off with stress for a month."], "health", ["off", "with", "stress"]),
    (["Insurance.", "1|I've got a heart murmur, is that a pre-existing condition?"], "health", ["heart", "murmur,"]),
    (["Employer.", "1|I miscarried last week and I need some time off."], "health", ["miscarried"]),
    (["Charity.", "1|I marched with Extinction Rebellion last week."], "political_opinion", ["marched", "Extinction", "Rebellion"]),
    (["HR.", "1|I've got an appointment at the fertility clinic on Friday."], "health", ["fertility", "clinic"]),
    (["Benefits.", "1|I've got fibro, some days I can't get out of bed."], "health", ["fibro,"]),
    (["Pharmacy.", "1|Can I get my repeat of amlodipine and atorvastatin?"], "health", ["amlodipine", "atorvastatin?"]),
    (["Insurance.", "1|I've had two stents fitted."], "health", ["stents"]),
    (["School.", "1|He has Tourette's and sometimes shouts out."], "health", ["Tourette's"]),
    # Set 68 as the recognisers heard it: a slipped disc; a turnstile that "cans, my face"; a
    # "tipsy travel family"; Huntington's without its "'s"; a postcode with a letter put in.
    (["Waste services.", "1|I've got a slipped disc and I can't drag the wheelie bin."], "health", ["slipped", "disc"]),
    (["Gym membership.", "1|The new turns, tiles, cans, my face, every time I come in."], "biometric", ["cans,", "my", "face,"]),
    (["Gym membership.", "1|The Newton's tiles can't my face every time I come in."], "biometric", ["can't", "my", "face"]),
    (["Schools admissions.", "1|We are tipsy travel family, and we just pulled onto the site."], "racial_ethnic_origin", ["tipsy", "travel", "family,"]),
    (["Mortgage advice.", "1|I have been tested for Huntington, and it came back positive."], "genetic", ["Huntington,"]),
    (["Car hire. Your address?", "1|I'm at Foundry Close LS12, 3GAD"], "postcode", ["LS12,", "3GAD"]),
    # Set 69: a postcode's inward zero said "oh" and written as the letter, no question heard
    # ("your host code"); "seven" as "heaven" and "nine" as "time" inside a number; a card
    # asked for as "a car."; "Last three on the back?" as "on the mark".
    (["Thank you and your host code. Lovely.", "1|Black African, my family is from Somalia, B .S. 5, O .R .T."], "postcode", ["B", ".S.", "5,", "O", ".R", ".T."]),
    (["Lovely.", "1|It's BS5 ORT."], "postcode", ["BS5", "ORT."]),
    (["Lovely.", "1|It's B S 5 oh R T."], "postcode", ["B", "S", "5", "oh", "R", "T."]),
    (["Print shop, a number for when they're ready.", "1|Oh, heaven, heaven, one, one, three, nine, two, eight, four, four."], "phone_number", ["heaven,", "one,", "four."]),
    (["And the expiry?", "1|Oh time slash 28."], "card_expiry", ["Oh", "time", "slash", "28."]),
    (["Kennels, to hold the date I'll need a car.", "Okay, I'm 2 -2 -3, heaven, I'm heaven, 3 -4 -7 -2 -6, I'm I'm 8 -0."], "card_number", ["2", "heaven,", "-6,", "-0."]),
    (["Last three on the mark.", "Oh, 6 -2."], "card_security_code", ["Oh,", "6", "-2."]),
    # A disclosure goes on into the next clause about a scripture or the oath, and into what
    # makes a condition worse.
    (["Jury service.", "1|I'm a Quaker, and I'd rather affirm than swear on the Bible."], "religious_belief", ["Quaker,", "affirm", "Bible."]),
    (["Housing repairs.", "1|My son has severe asthma, and the damp is making it worse."], "health", ["asthma,", "damp", "worse."]),
    # Text probes: time off for a breakdown, an injury, a chromosome disorder.
    (["Employer.", "1|I've been off since my breakdown in the spring."], "health", ["off", "breakdown"]),
    (["Gym.", "1|I tore my ACL skiing, so legs are off limits."], "health", ["tore", "ACL"]),
    (["Insurer.", "1|My son broke his wrist at football."], "health", ["broke", "wrist"]),
    (["Clinic.", "1|My son has a chromosome disorder, Fragile X."], "genetic", ["chromosome", "disorder,"]),
    # Set 70, words heard as said: signing in with one's face or voice; "asexual" as two words;
    # the menopause's symptoms in the next clause.
    (["Banking app support.", "1|I log in with my face but since it updated won't recognise me."], "biometric", ["log", "face"]),
    (["Bank.", "1|I sign in with my voice on the phone line."], "biometric", ["sign", "voice"]),
    (["Dating app support.", "1|I'm a sexual, and I'm not looking for anything physical."], "sex_life_sexual_orientation", ["I'm", "a", "sexual,"]),
    (["Bedding.", "1|I'm going through the menopause and the night sweats are awful."], "health", ["menopause", "night", "sweats", "awful."]),
    # "Your postcode?" heard as "your toast calls" (tiny.en, 8 kHz): the answer is the postcode.
    (["Census follow-up.", "Thank you, and your toast calls.", "M14, time and ride.", "Lovely."], "postcode", ["M14,", "time", "ride."]),
    # A caller introducing themselves where spaCy's small model takes the name for an
    # organisation.
    (["Hello, billing.", "1|Hi, this is Gareth Evans calling about my bill."], "person_name", ["Gareth", "Evans"]),
    # Text probes: a disclosure about the caller's own person inside their question; a heart
    # monitor at home.
    (["Cinema.", "1|Is it okay if my son, who has autism, brings his ear defenders?"], "health", ["autism,"]),
    (["Airline.", "1|Can my husband, he's diabetic, bring his insulin on board?"], "health", ["diabetic,"]),
    (["Energy.", "1|We've got a baby on a heart monitor so we can't lose power."], "health", ["heart", "monitor"]),
    # Text probes: held for trial; a side in the Brexit vote; a party's short name.
    (["Bank.", "1|My husband is in custody awaiting trial."], "criminal_offence", ["custody", "awaiting", "trial."]),
    (["Insurer.", "1|My car was caught speeding on the M1."], "criminal_offence", ["car", "caught"]),
    (["Insurer.", "1|I was disqualified from driving for a year."], "criminal_offence", ["disqualified", "driving"]),
    (["Radio.", "1|I'm a staunch Brexiteer."], "political_opinion", ["Brexiteer."]),
    (["Printer.", "1|I need posters for my campaign, I'm running for the Greens."], "political_opinion", ["Greens."]),
    # Conditions and pregnancy in everyday words.
    (["Bank.", "1|I've got a bad heart, so I can't get stressed."], "health", ["bad", "heart,"]),
    (["Travel.", "1|I'm seven months gone, can I still fly?"], "health", ["seven", "months", "gone,"]),
    # Set 71: common conditions the list lacked, heard as said; flu as written; the veins a
    # palm reader reads; a disclosure going on to one's faith or one's old name.
    (["Walking holidays.", "1|My gout doesn't come back in my left foot, so I need to cancel the hike."], "health", ["gout"]),
    (["Window cleaning.", "1|I get vertigo so I can't go up the ladder myself."], "health", ["vertigo"]),
    (["Bank.", "1|My husband's got a blood clot in his leg."], "health", ["blood", "clot"]),
    (["Post office.", "1|I've been off with the flu."], "health", ["flu."]),
    (["Office security.", "1|The doors can't reach the veins in my palm, and it stopped letting me in."], "biometric", ["veins", "palm,"]),
    (["Prison visits.", "1|I'm Rastafarian and I keep my red locks covered for my faith."], "religious_belief", ["Rastafarian", "locks", "faith."]),
    (["Passports.", "1|I'm a trans man and my old passport still has my old name."], "sex_life_sexual_orientation", ["trans", "passport", "name."]),
    # Broader term lists: unions, parties, faiths, genetic conditions, biometric readers and
    # offences a caller may name that no labelled call had.
    (["Payroll.", "1|I'm the TSSA rep at the depot."], "trade_union_membership", ["TSSA", "rep"]),
    (["Payroll.", "1|I'm a BALPA member, I fly for a living."], "trade_union_membership", ["BALPA"]),
    (["Print shop.", "1|I'm an SDLP member in Derry."], "political_opinion", ["SDLP"]),
    (["Funerals.", "1|I'm a Zoroastrian, so cremation is out."], "religious_belief", ["Zoroastrian,"]),
    (["Deliveries.", "1|We do puja every morning before work."], "religious_belief", ["puja"]),
    (["Insurer.", "1|My son has Duchenne muscular dystrophy."], "genetic", ["Duchenne", "dystrophy."]),
    (["Clinic.", "1|We had the NIPT test and it came back low risk."], "genetic", ["NIPT"]),
    (["Airline.", "1|The airport hand scanner wouldn't read me."], "biometric", ["hand", "scanner"]),
    (["Insurer.", "1|I pleaded guilty to careless driving."], "criminal_offence", ["pleaded", "careless", "driving."]),
    (["Insurer.", "1|I've got an IN10 on my licence."], "criminal_offence", ["IN10"]),
    # Set 72: a pregnancy lost; elected to office whatever the party came out as; a union of any
    # name; a machine's "scans" heard as "can"; a heritage named by a nationality the list lacked.
    (["Nursery furniture.", "1|I lost my baby last week, so we won't need the cot."], "health", ["lost", "baby"]),
    (["Print shop.", "1|I was elected an alliance councilor in May, and I need leaflets for my surgery."], "political_opinion", ["elected", "councilor"]),
    (["Print shop.", "1|She's just been elected as our MP."], "political_opinion", ["elected", "MP."]),
    (["Insurance.", "1|I'm in the munition union and my cover comes through."], "trade_union_membership", ["munition", "union"]),
    (["Timesheets.", "1|The clocking in machines can, my thumb, and it's not recognised me all week."], "biometric", ["machines", "thumb,"]),
    (["Census.", "1|I'm Sri Lankan Tamil and there's no box for that on the form."], "racial_ethnic_origin", ["Sri", "Lankan", "Tamil"]),
    (["School.", "1|We're Nepali and my son gets picked on at school."], "racial_ethnic_origin", ["Nepali"]),
    # Set 65: an address at a domain the email check lacked, after a bare "A contact email."
    (["No problem.", "A contact email.", "1|.a .ploton .me", "Got it."], "email_address", [".a", ".ploton", ".me"]),
    # An address's mailbox garbled on a telephone line but its provider and ending heard.
    (["Use the form instead, your memory mail sorted.", "1|See not go to hotmail .co .uk"], "email_address", ["See", "hotmail", ".uk"]),
    (["I'll check with underwriting your email.", "1|If not call and outlook not come."], "email_address", ["If", "outlook", "come."]),
    # Set 73: a camera keeping a face, however its verb came out; the vote disclosed goes on to
    # the next one; what a DNA kit flagged; an email's ending heard as "not go, not you"; a
    # sort code asked for after a payment reference; memory failing.
    (["Customer services.", "1|I don't want your self checkout cameras storing my face, how do I opt out?"], "biometric", ["cameras", "storing", "face,"]),
    (["Customer services.", "1|I don't want your self -care camera installing my face, how do I opt out?"], "biometric", ["installing", "face,"]),
    (["Energy.", "1|I voted Green last time, and I'll do it again."], "political_opinion", ["Green", "do", "again."]),
    (["Insurance.", "1|I did one of those DNA kits, and it flagged a gene for blood clots."], "genetic", ["DNA", "flagged", "clots."]),
    (["Yes, for up to three months. Your email?", "1|If you're not ready, I'll not go, not you, okay?"], "email_address", ["ready,", "go,", "okay?"]),
    (["The payment reference is fine. And the sort code?", "1|Four oh, one two, oh six."], "sort_code", ["Four", "six."]),
    (["GP surgery.", "1|My memory's going, I keep forgetting appointments."], "health", ["memory's", "going,"]),
    (["Occupational health.", "1|My hearing first got worse, and the GP says it's noise."], "health", ["hearing", "worse,"]),
    (["Returns.", "1|I lost my memory last week, so we won't be needing the course."], "health", ["lost", "memory"]),
    # Set 74: the machine a condition needs, the licence it costs, the face kept on a system;
    # diabetes by its type alone.
    (["Harbour Hotel.", "1|I've got sleep apnea, and I use a CPAP machine at night, so I need a socket."], "health", ["apnea,", "CPAP", "night,"]),
    (["Car hire.", "1|My eyesight's going with glaucoma and I've had to give up my licence."], "health", ["glaucoma", "licence."]),
    (["Gym.", "1|The new entry gates use facial recognition, and I don't want my face on your system."], "biometric", ["facial", "face", "system."]),
    (["School.", "1|She's got type one and needs to check her sugars at lunch."], "health", ["type", "one"]),
    (["Insurance.", "1|I'm type 2 and on metformin."], "health", ["type", "2"]),
    (["Nursery.", "1|My son has fragile X syndrome and the tests showed I'm a carrier too can't you have a key worker?"], "genetic", ["fragile", "carrier", "too"]),
    # Set 73, tiny.en at 8 kHz, mono: the expiry alone after a payment was spoken of, its
    # question lost and the number heard short of a card's.
    (["Perf insurance, the federal payment I need in the 15 minutes on your car.", "Sure, I'm free from 2 .3, 8, 7, 4, 6, 8, 3, 5.", "I'm the next hiring aid.", "September 28."], "card_expiry", ["September", "28."]),
    (["Boiler.", "1|I'm a Methodist and our church hall needs a new boiler."], "religious_belief", ["Methodist", "church", "hall"]),
    (["Church.", "1|The youth group at my church hall meets on Fridays."], "religious_belief", ["my", "church"]),
    # Set 75: "of" heard as "a" before a descent; a sentence served on licence goes on with the
    # prison it follows; the rep who comes to a hearing is a union's; a candidate for a seat
    # whose party came out garbled.
    (["Blood donation.", "1|I'm a Jamaican descent and I heard you need more black donors."], "racial_ethnic_origin", ["Jamaican", "descent"]),
    (["Blood donation.", "1|I'm a Jamaican defend and I heard you need more black donors."], "racial_ethnic_origin", ["Jamaican", "defend"]),
    (["Housing.", "1|I've just come out of prison, and I'm on license still much. Can I go on the list?"], "criminal_offence", ["prison,", "license"]),
    (["HR.", "1|My store rep is coming with me to the hearing. Can you send them the papers?"], "trade_union_membership", ["rep", "hearing."]),
    (["HR.", "1|Can I bring my rep to the disciplinary on Friday?"], "trade_union_membership", ["rep", "disciplinary"]),
    (["Printing.", "1|I'm the slaughter stream candidate for a war, and I need posters next week."], "political_opinion", ["candidate", "war,"]),
    # A month and a year of birth ending the caller's sentence, the question garbled (set 66, 8 kHz).
    (["Yes, you need a nurse on a file.", "1|Well, some August, 1979."], "date_of_birth", ["August,", "1979."]),
    # Misheard names and kit, heard alike by both models on earlier sets: a party's street stall
    # ("labor streets all"), a CPAP machine ("CP -machine"), Usdaw ("a store"), Aslef ("a safe").
    (["Marquees.", "1|I'm organizing the labor streets all on Saturday. Can you deliver the table?"], "political_opinion", ["labor", "streets"]),
    (["Power cuts.", "1|I've got sleep up near, and I use a CP -machine at height, so can you warn me?"], "health", ["CP", "-machine"]),
    (["Retail HR.", "1|I'm a member of a store and I'd like the break policy."], "trade_union_membership", ["member", "store"]),
    (["Retail HR.", "1|I'm in a store and they said I'm entitled to a break after four hours."], "trade_union_membership", ["store", "they", "said"]),
    (["Rail HR.", "1|I'm a safe member and we've got a ballot coming."], "trade_union_membership", ["safe", "member"]),
    (["Depot.", "1|I'm the DMV Stewart at the depot."], "trade_union_membership", ["DMV", "Stewart"]),
    # Set 76: an Amex named, then its number written as digits run into letters; the way a
    # person walks, recognised and kept.
    (["Car hire desk, which card would you like to use?", "1|American Express, the number is 3714, 36358EIN, 279EIN."], "card_number", ["3714,", "36358EIN,", "279EIN."]),
    (["Warehouse security.", "1|The new gates recognise us by the way we walk and my walk is stored on your server."], "biometric", ["recognise", "walk", "stored"]),
    # Set 77: the voice recorded to be a password, as said and as heard at 8 kHz; "sort code"
    # heard as "sword code" or "heart's cold" before a sort code heard a digit short.
    (["Bank security team.", "1|I don't want you recording my voice to use as my password, can I have a PIN instead?"], "biometric", ["recording", "voice", "password,"]),
    (["Bank security team.", "1|I don't want you recording my voice to you have my password, can I have a BIN instead?"], "biometric", ["recording", "voice", "password,"]),
    (["Yes.", "Your sword code.", "1|Two, four, five, one, one."], "sort_code", ["Two,", "four,", "five,", "one,", "one."]),
    (["Yes, your heart's cold.", "1|Two, four, five, one, one."], "sort_code", ["Two,", "four,", "five,", "one,", "one."]),
    # Set 76 as tiny.en heard it: the gait recognised with no one named, in American spelling.
    (["Warehouse security.", "1|The new gate is recognized by the way we walk, and my walk is stored on your server, who can see it?"], "biometric", ["gate", "recognized", "walk,"]),
    # Set 78: a people after a misheard nationality, a relative's origin; a union whose name
    # came out as three words; a Jehovah's Witness however its first word came out; a party's
    # candidate in an election heard as "direction"; where a faulty gene came from.
    (["Catering.", "1|I'm Hagirian Yoruba, and I want great done for a family wedding."], "racial_ethnic_origin", ["Hagirian", "Yoruba,"]),
    (["Passports.", "1|My husband is Kurdish and his name gets misspelt."], "racial_ethnic_origin", ["husband", "Kurdish"]),
    (["Fire service HR.", "1|I've been in the eye of regained union for 20 years."], "trade_union_membership", ["eye", "regained", "union"]),
    (["Card club.", "1|I'm an enormous witness, I don't tell a great workman."], "religious_belief", ["enormous", "witness,"]),
    (["Card club.", "1|As an orphan witness I don't celebrate birthdays."], "religious_belief", ["orphan", "witness"]),
    (["Print shop.", "1|I'm standing for out on the council direction and need 2000 leaflets."], "political_opinion", ["standing", "council", "direction"]),
    (["Life insurance.", "1|The clinic did genetic screening and I'm inherited the fall begins from my dad."], "genetic", ["screening", "inherited", "dad."]),
    # A movement the speaker is of, the verb unsaid.
    (["Hall hire.", "1|We're Extinction Rebellion and we need a hall for a meeting."], "political_opinion", ["Extinction", "Rebellion"]),
    # Set 79: schizophrenia heard as "kids of Renia" by both models; the locks a Rastafarian
    # keeps covered go on with the faith.
    (["Housing benefit.", "1|My brother has kids of Renia and the letters about his claim frighten him."], "health", ["kids", "Renia"]),
    (["Passport office.", "1|I'm Rastafarian and I keep my locks covered. Can the photo be taken with my tam on?"], "religious_belief", ["Rastafarian", "locks", "covered."]),
    # Set 80: typing rhythm read by a machine to know the caller (heard word for word by both
    # models, at both rates); PTSD heard with a B; Parkinson's without its apostrophe, or as the
    # bare surname after whose it is; a faith's fast goes on with the faith.
    (["Online banking.", "1|Your app checks the way I type to confirm it's me and it keeps locking me out."], "biometric", ["checks", "type"]),
    (["Online banking.", "1|The bank's software learns how I type and flags it if someone else logs in."], "biometric", ["learns", "type"]),
    (["Online banking.", "1|I don't want my typing rhythm stored on your servers."], "biometric", ["typing", "rhythm"]),
    (["Dental practice.", "1|I got BTSD from my army name, so can I wait in the car?"], "health", ["BTSD"]),
    (["Bank.", "1|My husband Parkinson and his handshake too much to sign, the checks now."], "health", ["Parkinson"]),
    (["Bank.", "1|My dad has Parkinsons and his hands shake too much to sign the cheques."], "health", ["Parkinsons", "hands", "shake"]),
    (["Bank.", "1|My mum has MS and she can't get to the branch."], "health", ["has", "MS"]),
    (["Bank.", "1|His MS is worse this winter, so he can't come in."], "health", ["His", "MS", "worse"]),
    (["Catering.", "1|My family are Coptic Christians and we fast before Easter, so no meat."], "religious_belief", ["Coptic", "fast", "Easter,"]),
    # An animal's condition is left out only until the speaker turns to their own; a hospital
    # ward and advice after surgery are no councillor's surgery.
    (["Council.", "1|I need someone to walk my dog because I've got cancer."], "health", ["cancer."]),
    (["Hotel.", "1|I have a dog, and I'm diabetic, so I need a fridge in the room."], "health", ["diabetic,"]),
    (["Vets.", "1|My dog's fine, it's me, I've got a broken arm and can't bring him in."], "health", ["broken", "arm"]),
    (["Hospital switchboard.", "1|My mum's on ward five recovering from her surgery, can I visit?"], "health", ["recovering", "surgery,"]),
    (["Physio.", "1|I need some advice about exercises after my knee surgery."], "health", ["knee", "surgery."]),
    # An organ or a joint replaced, in plain words.
    (["Gym.", "1|I'm waiting for a new kidney, so I need to freeze my membership."], "health", ["new", "kidney,"]),
    (["Insurance.", "1|My dad had a new hip fitted in June, so he can't drive."], "health", ["new", "hip"]),
    (["Water.", "1|I've got a medical condition that means lots of washing."], "health", ["medical", "condition"]),
    (["Phone shop.", "1|I've lost most of my sight, so I need a phone with big buttons."], "health", ["lost", "sight,"]),
    (["Hotel.", "1|My husband uses a CPAP at night, is there a socket by the bed?"], "health", ["CPAP"]),
    (["Pregnancy.", "1|The screening showed the baby has an extra chromosome."], "genetic", ["extra", "chromosome."]),
    (["Hall hire.", "1|We're a Stop the War group and want the room on Monday."], "political_opinion", ["Stop", "War"]),
    (["Employer.", "1|I did eighteen months in Wandsworth."], "criminal_offence", ["eighteen", "Wandsworth."]),
    # Set 81: a Hare Krishna devotee; what a condition stops the speaker doing goes on with it.
    (["Meal kits.", "1|I'm a Hare Krishna devotee, so no onion or garlic in my boxes."], "religious_belief", ["Hare", "Krishna", "devotee,"]),
    (["Garden centre.", "1|I have lupus and I can't lift heavy bags, so could the driver help?"], "health", ["lupus", "lift", "bags,"]),
    (["Gym.", "1|I've got a bad back and I can't bend down to tie my shoes."], "health", ["bad", "back", "bend"]),
    # Text probes: a union's committee named with its possessive and its kind.
    (["HR.", "1|I'm on the union's negotiating committee."], "trade_union_membership", ["union's", "negotiating", "committee."]),
    (["Solicitor.", "1|The union's paying for my solicitor."], "trade_union_membership", ["union's", "paying"]),
    # ... an elder at the kirk (Church of Scotland's word); a plant's disease is none of the
    # speaker's, but their own condition after it is.
    (["Venue.", "1|I'm an elder at the kirk and we'd like the hall."], "religious_belief", ["elder", "kirk"]),
    (["Garden.", "1|My apple trees have canker, and I have arthritis so I can't prune them."], "health", ["arthritis"]),
    # Text probes: a limb amputated, a coma, a feeding pump, blood sugar, labour begun, a
    # condition by what it does ("got a condition" also sounds like "gait recognition"),
    # partners counted by their sex.
    (["Water.", "1|I've had both legs amputated, so I can't get to the meter."], "health", ["amputated,"]),
    (["Bank.", "1|I was in a coma for three weeks."], "health", ["coma"]),
    (["Energy.", "1|My son's on a feeding pump overnight."], "health", ["feeding", "pump"]),
    (["Insurer.", "1|My blood sugar has been all over the place."], "health", ["blood", "sugar"]),
    (["Clinic.", "1|My waters broke this morning."], "health", ["waters", "broke"]),
    (["Energy.", "1|I've got a condition that affects my memory, so please write it down."], "health", ["condition", "affects"]),
    (["Clinic.", "1|I've had several male partners in the last year."], "sex_life_sexual_orientation", ["male", "partners"]),
    # ... a household or the speaker with an article before what they are.
    (["Housing.", "1|We're a Bangladeshi family of six."], "racial_ethnic_origin", ["Bangladeshi", "family"]),
    (["Survey.", "1|I'm a Black woman and I was stopped twice."], "racial_ethnic_origin", ["Black", "woman"]),
    # ... walking as what a condition stops: "I can't walk long distances", without a frame.
    (["Airline.", "Do you need any assistance at the airport?", "1|Yes, I can't walk long distances, I had a stroke."], "health", ["walk", "long", "distances,", "stroke."]),
    (["Care.", "1|She can't walk without her walking frame."], "health", ["walk", "frame."]),
    (["Council.", "1|I go to the mosque in Bradford every Friday."], "religious_belief", ["go", "mosque"]),
    (["Work.", "1|My surgery is on Monday so I need the week off."], "health", ["surgery"]),
    (["Phone.", "1|I'm deaf in both ears."], "health", ["deaf"]),
    # Text probes: a broken hip, a baby born premature; a role in a local party.
    (["Gym.", "1|I'm recovering from a broken hip."], "health", ["broken", "hip."]),
    (["Energy.", "1|My baby was born premature and is on a monitor at home."], "health", ["born", "premature"]),
    (["Call.", "1|I'm chair of the local Conservatives."], "political_opinion", ["chair", "Conservatives."]),
    (["Energy.", "1|My son has a tracheostomy and needs suction at night."], "health", ["tracheostomy"]),
    (["Work.", "1|I'm going to the union about this."], "trade_union_membership", ["going", "union"]),
    # A bare "Name please?" or "Surname?" as the agent's whole sentence.
    (["Name please?", "1|Priya."], "person_name", ["Priya."]),
    (["Thanks. Surname?", "1|Shah."], "person_name", ["Shah."]),
    (["Poll.", "Who did you vote for?", "1|Plaid."], "political_opinion", ["Plaid."]),
    (["Bank.", "1|I committed fraud on my account years ago and was convicted."], "criminal_offence", ["committed", "fraud", "convicted."]),
    # ... but criminal neglect is an offence, not an intensifier.
    (["Social services.", "1|My ex is facing a criminal neglect case over the kids."], "criminal_offence", ["criminal", "neglect"]),
    # Set 81 as tiny.en heard it at both rates: "baby" as "maybe" after "lost my".
    (["Maybe club membership. I lost my maybe in September, so please stop sending me the newsletters."], "health", ["lost", "my", "maybe"]),
    # Set 83: what a faith keeps its members from goes on with the disclosure.
    (["Electoral services.", "I'm a Christadelphian and we don't vote, so please stop sending the reminders."], "religious_belief", ["Christadelphian", "don't", "vote,"]),
    (["Party supplies.", "1|I'm a Jehovah's Witness and we don't celebrate birthdays."], "religious_belief", ["Witness", "celebrate", "birthdays."]),
    # ... and a faith's own meeting house that is also the polling station, and a charity
    # walk of the speaker's own condition's society.
    (["Council.", "1|I'm a Quaker and our meeting house is the polling station."], "religious_belief", ["Quaker"]),
    (["Sponsorship.", "1|I've got MS and I'm doing the MS Society walk."], "health", ["got", "MS"]),
    # ... the postcode question with "code" heard as "card".
    (["You can opt out of the open register, your post card?", "1|L eighteen, two P W."], "postcode", ["L", "eighteen,", "two", "P", "W."]),
    # ... and what the speaker is, beside a street named for a people.
    (["Council.", "1|We're Polish and the neighbours on Albanian Road shout at us."], "racial_ethnic_origin", ["Polish"]),
    (["Prison visits.", "1|My son's in prison, I'd like to book a visit."], "criminal_offence", ["son's", "prison,"]),
    # ... a racist slur aimed at the caller or their own.
    (["Site office.", "1|The lads on the site keep calling me a Paki."], "racial_ethnic_origin", ["calling", "Paki."]),
    (["School.", "1|Someone shouted Paki at my son outside school."], "racial_ethnic_origin", ["shouted", "Paki", "son"]),
    # ... the answer to "Any allergies?", and an allergy told beside none other.
    (["Any allergies?", "1|Penicillin."], "health", ["Penicillin."]),
    (["Is he allergic to anything?", "1|Peanuts and eggs."], "health", ["Peanuts", "eggs."]),
    (["Restaurant.", "1|My son has a nut allergy, no other allergies."], "health", ["nut", "allergy,"]),
    # Sets 81 and 83, and 74: what the speaker's family are, the people's name heard a little
    # wrong.
    (["Interpreting services.", "1|My mother is Korgish and she needs an interpreter."], "racial_ethnic_origin", ["mother", "Korgish"]),
    (["Wedding catering.", "1|My grandparents are Kashmiric, could you do a proper rogan josh for them?"], "racial_ethnic_origin", ["grandparents", "Kashmiric,"]),
    (["Nursery.", "1|My mum's Philippino and my dad's Scottish."], "racial_ethnic_origin", ["mum's", "Philippino"]),
    # ... but the speaker's own place of worship does something too.
    (["School.", "1|Our temple is hosting the Diwali celebration this year."], "religious_belief", ["temple"]),
    # ... and the faith's name (set 80: "We're Baha'i" as "We are Mahai").
    (["Wedding venue.", "1|We are Mahai, so no alcohol at the reception."], "religious_belief", ["are", "Mahai,"]),
    (["Catering.", "1|I'm a Hindo, so no beef please."], "religious_belief", ["Hindo,"]),
    # Text probes of indirect wording: recovery, a faith's festivals and its reasons, a union's
    # ballot, two parents of one sex, one's sexuality, a paid-up member.
    (["GP.", "1|I'm in recovery and go to AA meetings on Tuesdays."], "health", ["recovery", "AA", "meetings"]),
    (["HR.", "1|We don't celebrate Christmas, so I'll work the shift."], "religious_belief", ["celebrate", "Christmas,"]),
    (["School.", "1|She wears a headscarf for her faith."], "religious_belief", ["faith."]),
    (["Work.", "1|The union are balloting us about the pay offer."], "trade_union_membership", ["union", "balloting", "us"]),
    (["Insurance.", "1|We're two dads, can we both be on the policy?"], "sex_life_sexual_orientation", ["two", "dads,"]),
    (["Counselling.", "1|I'm questioning my sexuality."], "sex_life_sexual_orientation", ["sexuality."]),
    (["Hall.", "1|I'm a paid-up Tory and I'm booking the room for our branch."], "political_opinion", ["paid-up", "Tory"]),
    # ... a card number whose expiry and code were read on in one breath, all of it.
    (["Hotel reservations.", "1|Visa, or I'm free 9, 0, I'm double 2, 7, 2, 6, 4, 0, 4, double 1, 12, 26, 6, 1, 10, 1."], "card_number", ["free", "9,", "0,", "double", "2,", "4,", "26,"]),
    # Set 84: release from a prison named by its prefix, heard run on; a sentence served for a
    # crime however the crime came out; standing as an independent with "as" and "councillor"
    # misheard; an email whose "at" ran into a garbled provider.
    (["Housing options.", "1|I'm being released from HMP1's worth next week after a sentence for Murglery and I've got nowhere to live."], "criminal_offence", ["released", "HMP1's", "sentence", "Murglery"]),
    (["Housing options.", "1|I'm being released from HMB1's work next week after a sentence for murder and I've got nowhere."], "criminal_offence", ["sentence", "murder"]),
    (["Print shop.", "1|I'm standing on an independent council in the mail action, and I need flyers."], "political_opinion", ["standing", "independent", "council"]),
    (["Print shop.", "1|Double, send the proof to tom .tash .hemail .com"], "email_address", ["tom", ".tash", ".hemail", ".com"]),
    (["Print shop.", "1|Double, and the proof to Tom .Shirathemail .com"], "email_address", ["Tom", ".Shirathemail", ".com"]),
    # Dev call at 8 kHz: an NI number's "five six D" heard as a sentence of its own, "I'm six
    # three."
    (["Can I have your national insurance number?", "I need one two three four.", "I'm six three."], "national_insurance_number", ["I'm", "six", "three."]),
    # ... and its email, asked for by "And an email for ..." with no "?", its ending a sentence
    # of its own: "I do not go not UK." for "yahoo dot co dot uk".
    (["And an email for the confirmation.", "I'm not per cell six, did you?", "I do not go not UK.", "Thank you."], "email_address", ["per", "cell", "six,", "not", "UK."]),
    # ... but a conviction of the caller's own over a period is one.
    (["Insurance.", "1|I got a conviction in the last year for speeding."], "criminal_offence", ["conviction"]),
    # Set 83 at 8 kHz: 23andMe with a pause written into it.
    (["Life insurance.", "1|My twenty -three, and me Reynolds flagged a green -linked house,"], "genetic", ["twenty", "-three,", "and", "me"]),
    # Dev call: Huntington's split by the recogniser, with its test.
    (["Security.", "My life insurer asked him out, my hunting -tongueing test remark is not allowed."], "genetic", ["hunting", "-tongueing", "test"]),
    # Text probes: what to be put down as on a form; what the family were; a place to pray.
    (["Survey.", "1|Put me down as Pakistani."], "racial_ethnic_origin", ["Pakistani."]),
    (["Landlord.", "1|The agent wouldn't rent to us once he heard we were Polish."], "racial_ethnic_origin", ["were", "Polish."]),
    (["Hotel.", "1|Is there somewhere quiet I can pray five times a day?"], "religious_belief", ["pray", "five", "times"]),
    # ... and the postcode asked for as a "post call".
    (["We can space. Can I take a post call?", "F -N -A -T -1 -Q -K."], "postcode", ["F", "-N", "-1", "-K."]),
    # Set 85 at 8 kHz: an expiry whose question was lost and whose first digits came out as a
    # word ("Neuropex, 30." for "Zero six, thirty"): the whole short answer; an NHS number
    # after its question was garbled, read one digit at a time, with "I'm" for a digit and
    # "and" before the last.
    (["Renewals team. What's the long number on your card?", "4822 3731 5238 2486", "And the Malibu tomatoes", "Neuropex, 30.", "Free digit code", "917."], "card_security_code", ["Neuropex,", "30."]),
    (["Payroll.", "Once you're in a cat number for the fifth note,", "Freemines 1, I'm 2, 8, 8, 8, 8 and 4."], "bank_account", ["Freemines", "1,", "I'm", "2,", "and", "4."]),
    # ... and an iris scanner heard as "I risk and rat", refusing the caller's eye.
    (["Data centre security desk.", "1|Then I risk and rat the server room for keeps rejecting my eye and I'm locked out."], "biometric", ["rejecting", "my", "eye"]),
    (["Bank.", "1|The app won't recognise my face since the update."], "biometric", ["recognise", "my", "face"]),
    # ... and tiny.en at 8 kHz: "we're both carriers of beta thalassaemia" as "we are most
    # carrying on beta -halosemia".
    (["Fertility clinic.", "The screening showed we are most carrying on beta -halosemia, so we've been told to"], "genetic", ["carrying", "beta", "-halosemia,"]),
    # Set 81 at 16 kHz: a union's initials heard letter by letter, a full stop before each.
    (["HR.", "1|I'm striking with the M .A .I Thursday, so take me off the rota."], "trade_union_membership", ["M", ".A", ".I", "Thursday,"]),
]

NEGATIVE = [
    # (lines, categories that must not appear at all)
    # A context word is a whole word: "age" (date of birth) is not in "package" or "manager",
    # "end" (card expiry) not in "weekend" (set 86 at 8 kHz, "Which date is that?" misheard).
    (["Coach hire.", "I need a coach for my package.", "Which may be near.", "I can name a 12th on April."], ["date_of_birth"]),
    (["Annual leave.", "I asked my manager, which is the 19th September."], ["date_of_birth"]),
    # A hospital ward is no electoral one.
    (["Complaints.", "1|I was standing in the queue outside the maternity ward for an hour."], ["political_opinion"]),
    (["Complaints.", "1|My mum was running in a panic down to the children's ward."], ["political_opinion"]),
    (["Complaints.", "1|I was standing in the corridor on the ward for ages."], ["political_opinion"]),
    # Others the caller speaks of ("most of them"), not the caller's own group.
    (["Building work.", "1|Most of them are Polish, the builders I mean."], ["racial_ethnic_origin"]),
    # A festival's do for the office or the customers is the business's.
    (["Catering.", "1|It's an Eid lunch for our customers on Friday, forty covers."], ["religious_belief"]),
    (["Events.", "1|We're hosting a Diwali party for the office, can you do a buffet?"], ["religious_belief"]),
    # Initials and "member" with a vote near: staff, a motoring club, a union's strike vote.
    (["Council.", "1|I'm an NHS member of staff and I'll be at the election count."], ["political_opinion"]),
    (["Breakdown.", "1|I'm an AA member, the car died on the way to the polling station."], ["political_opinion"]),
    (["Payroll.", "1|I'm a GMB member, and the strike vote is next week."], ["political_opinion"]),
    # Set 78's rules turned round: a rugby union, the Mothers' Union, a civil union; a witness to
    # an accident, the key witness, an eye witness; standing for hours in the council offices; a
    # house inherited; a first name before a verb that sounds like a nationality.
    (["Sports club.", "1|I've been in the rugby union team for two seasons."], ["trade_union_membership"]),
    (["Church.", "1|I've been in the Mothers' Union for years."], ["trade_union_membership"]),
    (["Police.", "1|I'm a witness to the accident on Monday."], ["religious_belief"]),
    (["Court.", "1|I'm the key witness in the trial, and I'm an eye witness to the crash."], ["religious_belief"]),
    (["Council.", "1|I was standing for hours in the council offices."], ["political_opinion"]),
    (["Solicitors.", "1|My dad died and I've inherited the house from my dad."], ["genetic", "health"]),
    (["Valeting.", "1|I'm Brian, Polish the car please."], ["racial_ethnic_origin"]),
    (["Garden centre.", "1|The roses grow with gay abandon."], ["sex_life_sexual_orientation"]),
    (["Traffic.", "1|The road was closed by Extinction Rebellion again."], ["political_opinion"]),
    # ... and set 79's: places ending like "-renia"; a lock that is no one's faith.
    (["Travel.", "1|We're flying to Armenia and then Slovenia."], ["health"]),
    (["Locksmith.", "1|I've had my car broken into and I need the locks changed."], ["religious_belief"]),
    # "heaven" and "time" are digits only inside a run of them; "oh" and "OK" after a road are
    # no postcode; a car is no card unless the request ends on it.
    (["We went to heaven and back on that holiday, it was lovely."], ["phone_number", "bank_account", "card_number"]),
    (["I called 3 times and the first time nobody answered, it's 2 time zones away."], ["phone_number", "bank_account", "card_expiry", "sort_code"]),
    (["Lovely.", "1|I'm on the M5, OK?"], ["postcode"]),
    (["Lovely.", "1|Go to the M5 and oh my god the traffic."], ["postcode"]),
    (["I'll need a car for Saturday, can you do 8 o'clock?"], ["card_number"]),
    (["Housing repairs.", "1|The boiler's broken and the damp is making it worse."], ["health"]),
    (["Roadside.", "1|I've been off since my breakdown on the M6, the car's still at the garage."], ["health"]),
    (["Removals.", "1|The van broke my back gate and the movers broke my wardrobe door."], ["health"]),
    (["Insurance.", "1|The Gay Hussar restaurant is on Greek Street."], ["sex_life_sexual_orientation"]),
    (["Dating app.", "1|I'm a sexual health nurse."], ["sex_life_sexual_orientation"]),
    (["Our host calls it a day at 5, and the toast is 2 pounds."], ["postcode"]),
    (["Hello, billing.", "1|Hi, this is about calling you back."], ["person_name"]),
    # A place whose name is near a term's spelling; a designer's name; a question with no one's
    # own in it.
    (["Train.", "1|My train was stuck outside Preston and I missed the deadline."], ["criminal_offence"]),
    (["Shop.", "1|The Christian Dior perfume please."], ["religious_belief"]),
    (["Shop.", "1|Do you do discounts for people with disabilities?"], ["health"]),
    # A card or a phone charged; a trial's results; a custody battle.
    (["Bank.", "1|My card was charged twice and my phone was charged overnight."], ["criminal_offence"]),
    (["Broadband.", "1|I'm on a free trial and awaiting trial results from the lab."], ["criminal_offence"]),
    (["Family court.", "1|We're in a custody battle over the children."], ["criminal_offence"]),
    (["Travel.", "1|I'm two weeks gone on holiday from Friday."], ["health"]),
    (["Shop.", "1|Can I log in with my email instead?"], ["biometric"]),
    (["Bedding.", "1|I'm moving house and the pains of packing are endless."], ["health"]),
    (["Is the Church Street office open on Saturdays?"], ["religious_belief"]),
    # Two streets named together (set 74, tiny.en): "The map is Church or Union Street."
    (["Furniture delivery.", "1|The map is church or union street."], ["religious_belief", "trade_union_membership"]),
    # A charity's name, a workplace, a fast before a test.
    (["I dropped the bags at the Cancer Research shop."], ["health"]),
    (["I work at the prison as an officer, so shifts vary."], ["criminal_offence"]),
    (["I'm fasting for a blood test tomorrow, so morning please."], ["religious_belief"]),
    (["I'm doing time sheets all afternoon."], ["criminal_offence"]),
    (["We're in constant contact with the builder."], ["health"]),
    # A boiler's flue, a flu jab clinic, a film, a hospice's shop.
    (["Boiler cover.", "1|The flue on the boiler is blocked."], ["health"]),
    (["Pharmacy.", "We're running a flu jab clinic on Saturday."], ["health"]),
    (["Vertigo is my favourite Hitchcock film."], ["health"]),
    (["I dropped the books at the hospice shop."], ["health"]),
    # A club's function room, a protest in the way, a name, a charity shop, ASR's "and can" (by
    # sound "hand scan"), "a counselor" (by sound a party's councillor).
    (["Venues.", "1|We booked the function room at the Labour Club."], ["political_opinion"]),
    (["Taxi.", "1|Extinction Rebellion blocked the road so I'm late."], ["political_opinion"]),
    (["Pooja will call you back.", "1|My mate bailed on me so I need a single room."], ["religious_belief", "criminal_offence"]),
    (["Furniture.", "1|I saw the Salvation Army shop has a sofa."], ["religious_belief"]),
    (["Post office.", "1|And can I pay at the post office?"], ["biometric"]),
    (["Counselling service.", "1|I'd like a counselor I don't have to explain that to."], ["political_opinion"]),
    # A councillor's surgery named after it; a baby monitor lost; a club's chair elected; a
    # language spoken, a cuisine liked.
    (["Print shop.", "1|I need leaflets for my surgery, the councilor's one on Friday."], ["health"]),
    (["Removals.", "1|I lost the baby monitor somewhere in the move."], ["health"]),
    (["Printing.", "1|I was elected chair of the book club."], ["political_opinion"]),
    (["Interpreting.", "1|I'm Spanish-speaking, can I get an interpreter?", "1|I'm Thai food mad."], ["racial_ethnic_origin"]),
    (["Lettings.", "1|I'm in the students union bar most nights."], ["trade_union_membership"]),
    (["Complaints.", "1|I'm deaf to excuses at this point, just fix it."], ["health"]),
    (["Support.", "1|I use Outlook for my calendar and Gmail on my phone, Hotmail's my nan's."], ["email_address"]),
    (["Removals.", "1|A conservative guess is 30 boxes."], ["political_opinion"]),
    (["Parcels.", "1|I'm a mail carrier for the Royal Mail."], ["genetic"]),
    (["Restaurant bookings, can I take your Christian name?", "1|It's for a party of ten."], ["religious_belief"]),
    (["Sweet shop.", "1|We keep sherbet lemons in stock, don't we?"], ["religious_belief"]),
    (["Furniture.", "1|We keep shabby chic furniture in the back."], ["religious_belief"]),
    # The caller as a crime's victim has no record; "Ethnic origin?" sounds like "religion?"
    # but asks for ethnicity by name.
    (["Bank.", "1|I'd like to report a fraud on my account."], ["criminal_offence"]),
    (["Bank.", "1|I was the victim of a scam last week."], ["criminal_offence"]),
    (["Plumber.", "1|I need my union connector replaced."], ["trade_union_membership"]),
    (["Buses.", "1|It's fifteen stops to Church Street."], ["address"]),
    (["Removals.", "1|The sofa can't get up the stairs, can you take the door off?"], ["health"]),
    (["Greengrocer.", "1|The turban squash is lovely this time of year."], ["religious_belief"]),
    (["Energy.", "1|My hearing about the bill was postponed."], ["health"]),
    (["Smart speakers.", "1|I'm using my voice to order on the smart speaker."], ["biometric"]),
    (["Boiler repairs.", "1|The engineer came out and I came out to meet him."], ["sex_life_sexual_orientation"]),
    (["Bank.", "1|I came out of the branch and my card was gone."], ["sex_life_sexual_orientation"]),
    (["Bank.", "1|I reported it to the police and they gave me a number."], ["criminal_offence"]),
    (["Employer.", "1|My DBS check came back clear."], ["criminal_offence"]),
    (["Ethnic origin?", "1|White and Black Caribbean."], ["religious_belief"]),
    (["Farm shop.", "1|Are the tomatoes genetically modified?"], ["genetic"]),
    (["Airport.", "1|Can they scan my hand luggage at the gate?"], ["biometric"]),
    # Set 42, mono: the caller's "he may need extra help in class" asks nothing; the agent's
    # reply is no answer about health.
    (["School nurse.", "My son's genome test found a rare mutation, so he may need extra help in class.", "I'll set up a meeting, best email for you."], ["health"]),
    (["Pub quiz.", "1|Somewhere away from the union flag by the bar."], ["trade_union_membership"]),
    # The caller asking for a card (a gym's entry card) is no question for a card number.
    (["Gym line.", "1|Can I have a card instead?", "Of course, your name?", "1|Owen Pritchard.", "A card will be at reception."], ["card_number"]),
    # The agent's question about what the company needs to know, and an answer that declines.
    (["Any allergies we should know about?", "1|No, none of us."], ["health"]),
    (["Can I ask your religion for the monitoring form?", "1|I'd rather not say."], ["religious_belief"]),
    # A denomination's hall or church as a place to park, and a party's club as a venue.
    (["The bin lorry blocks the Methodist hall car park every Tuesday."], ["religious_belief"]),
    (["You can park in the Baptist church car park."], ["religious_belief"]),
    (["The do is tonight, it's in the Labour club."], ["political_opinion"]),
    # "me" the pronoun, not ME the illness.
    (["You've got me so confused."], ["health"]),
    (["Have you got me down for Tuesday?"], ["health"]),
    # A subject of study, not the speaker's faith.
    (["I'd like the book on the history of Islamic art, please."], ["religious_belief"]),
    # A day, a term of address, or a new sentence after "Thanks" is no read-back of a name.
    (["Great, Thursday it is."], ["person_name"]),
    (["Okay, Monday?"], ["person_name"]),
    (["Thanks. Bye."], ["person_name"]),
    (["Okay, so what's the postcode, Sir?"], ["person_name"]),
    (["Then write Polish. Okay, Polish, and your household reference?"], ["person_name"]),
    (["What's your post, God?"], ["person_name"]),
    # "Anything" opening a question is no one; "ten minutes walk" is no street.
    (["Ten minutes walk.", "Anything else?"], ["person_name", "address"]),
    # A question known only by its shape ("Any railcard?" heard as "An email card.") needs an
    # answer that sounds like an address.
    (["Train enquiries.", "An email card.", "1|The senior one, are the tours near the station?"], ["email_address"]),
    # Initials one letter from a union's that are other organisations, or a word in capitals.
    (["I'm an RAC member and I've broken down on the M4."], ["trade_union_membership"]),
    (["The BMW rep rang me about the finance."], ["trade_union_membership"]),
    (["I'm a NEW member of the gym."], ["trade_union_membership"]),
    (["I'm striking a balance between work and the kids, so evenings are best."], ["trade_union_membership"]),
    (["The stock survey found we carry too much, so the sale is on."], ["genetic"]),
    (["The parcel was kept in the depot overnight, sorry."], ["health"]),
    # Dates that are not of birth: a year too recent, no year at all.
    (["Orders.", "1|I ordered it on the third of September, 2025, and the meeting is on the fifth of the sixth."], ["date_of_birth"]),
    # A street and a car park named for a place of worship say where, not what anyone believes.
    (["It's at the depot on Church Street, by the old chapel car park."], ["religious_belief"]),
    # A shop named for a faith, or one near a place of worship, is where something is.
    (["I'm ringing about the flat on Chapel Lane near the Islamic bookshop."], ["religious_belief"]),
    (["It's the one opposite the mosque, next to the bakery."], ["religious_belief"]),
    # A sight on a tour, not the speaker's faith.
    (["Oh and the Catholic cathedral tours, are they near the station?"], ["religious_belief"]),
    (["The fingerprint smudges on the screen won't come off."], ["biometric"]),
    (["I'm expecting a call from the bank."], ["health"]),
    (["I had a breakdown on the motorway."], ["health"]),
    (["I'm a Traveller's cheque customer."], ["racial_ethnic_origin"]),
    (["I've got a record of the payment."], ["criminal_offence"]),
    (["The oxygen levels in the tank are low."], ["health"]),
    (["Hi, I'm ringing about the flat on chapel in the Islamic workshop."], ["religious_belief"]),
    (["How can I help?", "1|I'm sick, and tired of my old mower."], ["health"]),
    (["How can I help?", "1|I've been signed off on the budget."], ["health"]),
    # "ethnic group" names the question, not the caller's origin.
    (["Census helpline.", "1|The ethnic group question, which box is that?"], ["racial_ethnic_origin"]),
    # A question whose capitalised words sound like "religion" names a place.
    (["Garden centre.", "1|Do you deliver to Chapel Reign? I'm after the Labour May offer.", "We do, anything else?"], ["religious_belief"]),
    (["How can I help?", "1|I'm type 1 biometric and I carry insulin pens."], ["biometric"]),
    (["Payroll, queer, in.", "1|I registered my fingerprint on the machine."], ["sex_life_sexual_orientation"]),
    (["We played golf with the Greens on Sunday."], ["political_opinion"]),
    (["I was fined for parking on the yellow line."], ["criminal_offence"]),
    (["The claim is under investigation by the insurer."], ["criminal_offence"]),
    (["I'm a prison officer."], ["criminal_offence"]),
    (["I'm gay-friendly, the whole shop is."], ["sex_life_sexual_orientation"]),
    (["I'm from a farming background."], ["racial_ethnic_origin"]),
    (["I'm having a termination of my phone contract."], ["health"]),
    (["It's a type two plug."], ["health"]),
    (["I'm a member of the Conservative Club snooker team."], ["political_opinion"]),
    (["The union committee room is booked."], ["trade_union_membership"]),
    (["We did a DNA test on the dog."], ["genetic"]),
    # A Bible bought for someone else, a present for a christening.
    (["And you got the new biography on Churchill, and a Bible for a Christian Implement."], ["religious_belief"]),
    (["A christening present for my niece, please."], ["religious_belief"]),
    (["Can I pay at the Union Street post office?"], ["trade_union_membership"]),
    (["I'm sick of waiting, honestly."], ["health"]),
    (["Funding from the European Union ended."], ["trade_union_membership"]),
    (["A table for a party of four at seven."], ["political_opinion"]),
    (["Great, it's for the Labour Day barbecue, we're a party of twelve."], ["political_opinion"]),
    # The call's first words name the organisation or department, not a person.
    (["Library, how can I help?", "1|Do you have the book about Hercules?"], ["person_name"]),
    (["Coach Hire, good morning.", "1|Hello, I need a minibus."], ["person_name"]),
    (["I'll pop in after the cricket match, it's a religious habit."], ["religious_belief"]),
    (["We're both men of our word, so I'd expect the refund."], ["sex_life_sexual_orientation"]),
    (["The two applicants are both women over sixty."], ["sex_life_sexual_orientation"]),
    (["The water is on treatment at the plant, so it's safe."], ["health"]),
    # "Payroll queries" and the second decode's "Diagnosed," made up from its vocabulary.
    (["Payroll, queer is. I'm calling about my overtime."], ["sex_life_sexual_orientation"]),
    (["We're transitioning to a new supplier next month, so I'd like to transfer the account."], ["sex_life_sexual_orientation"]),
    (["I'm on the Trans Pennine Express to Leeds."], ["sex_life_sexual_orientation"]),
    (["The operation of the new system is confusing."], ["health"]),
    # Two words joined are a term's near-miss only when neither is a function word.
    (["The police station is on the corner."], ["health"]),
    (["I'm charged with organising the party."], ["criminal_offence"]),
    (["I'm a frequent traveller with you, and we're travellers from Canada on the 9:15 train."], ["racial_ethnic_origin"]),
    (["My GP practice secretary sent the letter, and the BT area rep rang."], ["trade_union_membership"]),
    (["What's your TV licence number?", "1|Hang on."], ["driving_licence_number"]),
    (["I'll need your card back when you return the keys.", "1|Sure, it's in my wallet somewhere."], ["card_number"]),
    (["Okay, the postcode I have is wrong.", "1|Oh, right."], ["postcode"]),
    (["There's a name on the parcel but it's not mine.", "1|Okay, I'll check."], ["person_name"]),
    (["I'm on maternity cover for Sarah, can I help?"], ["health"]),
    (["He reversed out of hospital car park and hit my car."], ["health"]),
    (["We're waiting for the test results from the lab on the boiler."], ["health"]),
    (["Is the venue on licence until midnight?"], ["criminal_offence"]),
    (["My gender recognition certificate came through."], ["genetic"]),
    (["I'm in Prospect Road, and I was in Equity House yesterday."], ["trade_union_membership"]),
    (["Is this first line support?", "1|Yes, it is."], ["address"]),
    (["General queer is, how can I help?"], ["sex_life_sexual_orientation"]),
    (["Hello.", "1|Diagnosed, okay, thanks."], ["health"]),
    (["Do you have any pre-existing medical conditions?"], ["health", "criminal_offence"]),
    (["Any motoring convictions in the last five years?"], ["criminal_offence"]),
    (["That's thirty one pounds twenty. Collection or delivery?"], ["card_number", "bank_account", "card_security_code"]),
    (["It'll take 20 minutes and costs 42 pounds 50."], ["card_number", "bank_account", "sort_code", "card_security_code"]),
    (["The internet drops out every night around nine."], ["health", "card_number", "phone_number"]),
    (["We'll book an engineer for Tuesday morning."], ["person_name", "health"]),
    # English words near a term's spelling ("injuries", "concussion") are not misheard terms.
    (["Planning inquiries.", "1|Concessionary travel, please."], ["health"]),
    # A sentence cut off at the item's name is a prompt only when the answer can be the item.
    (["I'll update the postcode,", "1|Thanks, that's great."], ["postcode"]),
    (["1|I've moved, so my postcode,", "Okay.", "1|it changed last week."], ["postcode"]),
    (["We need to see the report. Can I vote you in on Tuesday?", "1|Thanks, I voted that."], ["political_opinion"]),
    (["The engineer came out yesterday, and the boiler came out of warranty in May."], ["sex_life_sexual_orientation"]),
    (["Are you in a union?", "1|No, never have been."], ["trade_union_membership"]),
    (["I'd like a short lift to the station."], ["criminal_offence"]),
    (["Which account is it about?", "1|The joint one."], ["bank_account"]),
    (["Is your union rep on this?", "1|Yes.", "Good, I'll copy them in."], ["trade_union_membership"]),
    (["Is it the white box from the Union package?", "Yes, we're on the family plan."], ["trade_union_membership"]),
    (["You don't need to declare genetic test results for this policy.", "Also, please update my address."], ["genetic"]),
    (["That's 6.50 pounds and 12/30 percent off."], ["card_expiry"]),
    (["A table for a party on 4 on Friday at 7. No problem."], ["email_address"]),
    (["Do you need any extra support?", "1|No, I'm fine thanks."], ["health"]),
    (["My card is 4929 1234 5678 9015.", "That's 42 pounds 50 and it arrives in 3 days."], ["card_security_code", "card_expiry"]),
    (["Do you have a religion?", "And is that the Church Road branch?"], ["religious_belief"]),
    # "union" is both a weak term and a context word: it must not lift itself.
    (["He needs it from the union package."], ["trade_union_membership"]),
    (["Home insurance, and anyone in the house who has been convicted of an offence."], ["criminal_offence"]),
    (["Surgery reception. Can I take your NHS number?"], ["health"]),
    (["I broke my phone screen, can you fix it?"], ["health"]),
    (["I want to cancel the membership please."], ["political_opinion"]),
    (["Diabetes can affect you, so tell the DVLA."], ["health"]),
    (["The blind in my kitchen is broken, can you send a fitter?"], ["health"]),
    (["I'm on the M 6, 4 days a week, and it was plan B 2, 3 times."], ["postcode"]),
    (["I'm off work because of staff problems, and taking time off for my wedding."], ["health"]),
    (["Can I speak to Ms Jones about the bill?"], ["health"]),
    (["My postcode.", "Is wrong on the letter, can you fix it?"], ["postcode"]),
    (["We're mixed up about the dates, and Black Friday deals are over."], ["racial_ethnic_origin"]),
    (["I'm blind to the charges, nobody told me."], ["health"]),
    (["My condition for accepting is a full refund."], ["health"]),
    (["The green party bags for the kids' birthday."], ["political_opinion"]),
    (["The Christian Aid envelope came through the door."], ["religious_belief"]),
    (["I'll just ask your sexual orientation, I mean facial orientation."], ["biometric"]),
    (["Is there anything I need to know about the delivery?", "1|Leave it by the back door."], ["health"]),
    (["And I gave birth in May.", "1|Congratulations, twelve weeks is a lovely age."], ["date_of_birth"]),
    # Set 67, mono: the caller's question on a birth certificate, the agent's answer after it.
    (["Register office.", "Can I go on the birth certificate?", "Yes, both of you can."], ["date_of_birth"]),
    (["We need a room for the European Union meeting."], ["trade_union_membership"]),
    (["That's 2 free months and free delivery on orders over 40 pounds."], ["card_number", "bank_account", "phone_number"]),
    (["Do you take Visa?", "1|Yes, and American Express too."], ["card_number"]),
    # A term sharing one everyday word with the sentence ("membership", "replacement") is no match.
    (["I want to renew my membership please."], ["political_opinion", "trade_union_membership"]),
    (["I need a replacement card, mine's snapped."], ["health"]),
    (["I want to renew my English Heritage membership."], ["racial_ethnic_origin", "political_opinion"]),
    (["I'm an R &D member and I need to move my shift."], ["political_opinion"]),
    # A made-up word one letter off a short term ("partle" for parcel, not parole); an agent's
    # question that base wrote as a statement after "but".
    (["My partle went to the wrong house."], ["criminal_offence"]),
    (["Hi, my dog had an operation on his leg and I want to claim for it."], ["health"]),
    # The insurer's question with its "any" and "?" lost is still a question.
    (["Car insurance, and emotering conviction in the last five years."], ["criminal_offence"]),
    (["The court is closed on Mondays, and we need a tennis court booking."], ["criminal_offence"]),
    (["Home insurance, but anyone in the house been convicted of an offence."], ["criminal_offence"]),
    # Fuzzy phrases stay within a sentence and a turn: "... to speed." + "Fine, ..." is no "speeding fine".
    (["Yes, so the early shift suits me, up to speed.", "Fine, I'll update the rota."], ["criminal_offence"]),
    # Plurals that are other words (belongings, career prospects); weak everyday terms take none.
    (["All my possessions were in the van when it broke down."], ["criminal_offence"]),
    (["The job has good prospects and I'm in the local community choir."], ["trade_union_membership"]),
    (["I can see the customer member on Union's account."], ["trade_union_membership"]),
    (["The green bin collection counselor visit is booked."], ["political_opinion"]),
    (["I'm a school counsellor and I need a parking permit."], ["political_opinion"]),
    (["My daughter has a curfew of ten on school nights."], ["criminal_offence"]),
    (["Her curfew is ten o'clock, so she'll be back by then."], ["criminal_offence"]),
    # The caller's own question about a union is answered by no one (set 48, "Union Jack").
    (["Hardware store.", "1|Do you have a union commanding, and some Asian fair trees?", "Close in stock.", "1|Praise, I'm sick to death on the weeds."], ["trade_union_membership"]),
    (["Bookshop.", "1|Have you got the Labour of Love novel? And you got the labour of the normal."], ["political_opinion"]),
    (["Tourist information.", "In the Catholic Cathedral open to militant, and the Black Contrary Neonium?"], ["religious_belief"]),
    (["Which faith school is it?", "1|Saint Anne's, he starts in September."], ["religious_belief"]),
    # A place "open to religion" asks no one's religion (set 50, "open to visitors" misheard).
    (["Tourist information.", "Is the Catholic Cathedral open to religion, and the Black Country museum?", "Both are still five.", "I'm going to see the Jean -Paul Exhibition about shape braiding too."], ["religious_belief"]),
    (["My background is in finance and I'm after a business account."], ["racial_ethnic_origin"]),
    (["I'd like my green party dress in a size twelve, and the local Labour club's room for Friday."], ["political_opinion"]),
    (["The mayor's visit is a photo op, can we book the hall?"], ["health"]),
    (["The DVLA took my licence away because of my eyesight."], ["criminal_offence"]),
    (["The credit union have told me the loan is approved."], ["trade_union_membership"]),
    (["We're standing for the national anthem at the match, so ring after four."], ["political_opinion"]),
    (["I always wrote Green Lane on the forms, it's Green Street now."], ["political_opinion"]),
    (["There's strike action on the trains tomorrow, can I get a refund?"], ["trade_union_membership"]),
    (["We were caught up in the strike action last week."], ["criminal_offence", "trade_union_membership"]),
    (["Is he running the London Marathon?", "1|Yes, he's the fastest candidate for the relay."], ["political_opinion"]),
    (["The boiler was fitted on the 3rd of May 2019."], ["date_of_birth"]),
    # A place of worship as a landmark.
    (["I've moved to Abbey Road near the Catholic school."], ["religious_belief"]),
    (["I moved to Abbey Road near New Catholic School."], ["religious_belief"]),
    # The agent's greeting names the service; misheard, it is still no disclosure.
    (["Payroll queer is, let me look.", "1|It's about my overtime."], ["sex_life_sexual_orientation"]),
    (["I was standing in the queue for the elections office."], ["political_opinion"]),
    (["Hello.", "1|I'm the HR rep for the office."], ["trade_union_membership"]),
    # A mobility aid matches as written, not by sound.
    (["Is the member happy for you to speak for them?", "1|Yes, she's always looking for me today."], ["health"]),
    # A statement about an item is no request for it.
    (["The email was sent yesterday.", "1|Great, thanks."], ["email_address"]),
    # Letters in capitals before six digits are a licence; a word is not.
    (["The order is 710425, placed today."], ["driving_licence_number"]),
    # Paying by other means: no digits add up to a card.
    (["How would you like to pay?", "1|By direct debit, on the 28th.", "Okay, reference 4471."], ["card_number"]),
    # Two halves that fail Luhn are an account number after a sort code, no card.
    (["What's the sort code?", "1|20 46 11.", "And the account?", "1|31882246."], ["card_number"]),
    # A recording of a voice, a face mask, caution, "straight", a green card: no special data.
    (["Hello.", "1|I left a recording of my voice on the answerphone."], ["biometric"]),
    (["Hello.", "1|Can you keep my face mask order on file?"], ["biometric"]),
    (["Hello.", "1|He didn't recognise my face at the door, and can you read my face value on the bond?"], ["biometric"]),
    (["Hello.", "1|Proceed with caution on the roads this week."], ["criminal_offence"]),
    (["Hello.", "1|I'm straight through to the depot, am I?"], ["sex_life_sexual_orientation"]),
    (["Hello.", "1|I'm a green card holder, does that matter?"], ["political_opinion"]),
    (["Hello.", "1|I had a breakdown on the motorway last night."], ["health"]),
    (["Hello.", "1|I paid a 1 4, 5 to them last week."], ["postcode"]),
    (["Hello.", "1|We're having a baby shower for my sister, and I work in intensive care."], ["health"]),
    (["Hello.", "1|I'm with the students' union at the college."], ["trade_union_membership"]),
    (["Hello.", "1|I'm a member of the gym at the union building."], ["trade_union_membership"]),
    (["Bank.", "1|I lost the use of my card when it expired."], ["health"]),
    (["Council.", "1|We had a party for the jubilee on the green."], ["political_opinion"]),
    (["Council.", "1|There's a gay pride parade, will the road be closed?"], ["sex_life_sexual_orientation"]),
    (["Garage.", "1|My car was in for an operation on the gearbox."], ["health"]),
    (["Hotel.", "1|I'm on prep duty in the kitchen tonight."], ["health"]),
    (["Hello.", "1|I support reform of the parking rules, and the greens in the park."], ["political_opinion"]),
    (["Hello.", "1|Has Ms Jones called back?"], ["health"]),
    (["Travel insurance.", "Only if she's travelling on the same policy."], ["racial_ethnic_origin"]),
    # A question reported, not answered.
    (["Recruitment, hello.", "1|On the form it asks about convictions, do I fill that in?"], ["criminal_offence"]),
    (["Hello.", "1|The form has a question about religion, is that compulsory?"], ["religious_belief"]),
    # A term is said in one breath: words either side of a comma do not sound like it ("vein scan").
    (["I'm 32 weeks pregnant with twins, can I still fly?"], ["biometric"]),
    (["They'll match my face paint to the costume."], ["biometric"]),
    # An everyday word the lemmatizer lacks is no garbled term: "passcode" is not "Passover".
    (["Mobile banking support.", "1|I forgot my passcode, can you reset it?"], ["religious_belief"]),
    # A brand, the news, a councillor's surgery (set 55).
    (["Garden centre.", "1|Deliver to Chapel Street, the Quaker Oats sign."], ["religious_belief"]),
    (["Any occasion?", "1|My sister's hen do, and is it near the Methodist whole car park."], ["religious_belief"]),
    (["Survey.", "1|I'd rather not say what my religion is."], ["religious_belief"]),
    (["Vets.", "I'll take payment for the operation now, when you're ready with the card."], ["health"]),
    (["Dr. Surgery.", "1|We need to register, can we?"], ["health"]),
    # Streets and car parks named for a faith's buildings; a cookbook (cached sets 35, 49, 55).
    (["Garden centre.", "1|Deliver to Chapel Street, the Quaker Road sign."], ["religious_belief"]),
    (["Council.", "1|The recycling lorry misses the methodist, all car park every Tuesday."], ["religious_belief"]),
    (["Bookshop.", "1|And the Muslim cookbook, just a curry one for my sister."], ["religious_belief"]),
    (["Restaurant.", "1|We're coming from King's Cross, and I'm dying to try the Jewish apple cake."], ["religious_belief"]),
    (["Hospital switchboard.", "1|And there are arrests."], ["criminal_offence"]),
    (["Sign makers.", "1|I'm an SNP councillor and I need a banner for the surgery."], ["health"]),
    (["Of course, your email.", "1|I watched a sitcom last night, then the intercom went."], ["email_address"]),
    (["Museum.", "1|Is the Roman Egypt exhibition still on?"], ["racial_ethnic_origin"]),
    # A term served in the forces or in a post; a union's building as a venue (set 57).
    (["Pensions.", "1|My daughter's serving two years in the RAF, can she still pay in?"], ["criminal_offence"]),
    (["Complaints.", "1|The delivery driver shut the door in my face at the gate."], ["biometric"]),
    (["Hello.", "1|The prison drama on telly was great."], ["criminal_offence"]),
    (["Donor line.", "1|The donor centre won't take blood from me this month."], ["religious_belief"]),
    (["Donor line.", "1|I can't give blood because I've been abroad."], ["religious_belief"]),
    (["Survey.", "1|We're somewhere on the political spectrum, in the middle."], ["health"]),
    (["Photo shop.", "1|I scanned my prints from the holiday."], ["biometric"]),
    # Set 58: "My husband wants the gin tasting" (a tasting sounds like "gene testing").
    (["Tourist information.", "1|Is that a museum now, my personal wants me in tasting."], ["genetic"]),
    (["Cleaning.", "1|My fingerprints are all over the windows from cleaning."], ["biometric"]),
    (["Self assessment.", "1|I need to call HMRC about my tax code."], ["criminal_offence"]),
    (["Club secretary.", "1|I'm serving three years as treasurer, so send me the accounts."], ["criminal_offence"]),
    (["Community bookings.", "1|A room at the Unison Centre for the knitting club, please."], ["trade_union_membership"]),
    # Sets 61 and 63: a partnership that is no union; an allergy to a time of day.
    (["Bakery orders.", "1|My union with the bakery is thirty years strong!"], ["trade_union_membership"]),
    (["Pub bookings.", "1|My mate's allergic to early starts, ha."], ["health"]),
    (["Gym.", "1|I'm allergic to Mondays and hard work."], ["health"]),
    (["Car wash.", "1|We're coming from the Polish shop on the corner."], ["racial_ethnic_origin"]),
    (["Deli.", "1|I'm Turkish delight mad, put two boxes by."], ["racial_ethnic_origin"]),
    (["Commuter line.", "1|Extinction Rebellion blocked the bridge so I was late for my shift."], ["political_opinion", "health"]),
    (["Gym.", "1|I'm off with the kids this week so cancel my class."], ["health"]),
    (["Broadband.", "1|I want to upgrade to full fibre broadband."], ["health"]),
    # Text probes: a street, a stroke of luck, a charity's shop, a sitcom.
    (["Hotel.", "1|We're staying on Gay Street in Bath."], ["sex_life_sexual_orientation"]),
    (["Travel.", "1|What a stroke of luck we got the last seats."], ["health"]),
    (["Council.", "1|The Diabetes UK shop on the high street has flooded."], ["health"]),
    # Set 83: a charity named for a condition, sponsored or run for; bands; a place of worship
    # used as the polling station.
    (["Council.", "1|We're sponsoring the IBD UK fun run, can we put up a banner?"], ["health"]),
    (["Office.", "1|We're raising money for the Motor Neurone Disease Association this year."], ["health"]),
    (["Ticket office.", "1|Two tickets for the Black Sabbath tribute night, please."], ["religious_belief"]),
    (["Ticket office.", "1|Is the Judas Priest gig still on?"], ["religious_belief"]),
    (["Council.", "1|Is the Quaker meeting house still our polling station?"], ["religious_belief"]),
    (["Council.", "1|The polling station is at the Methodist church on Green Lane."], ["religious_belief"]),
    # Text probes: an idiom, similes, a board game, a street, a student union, a club as a place,
    # a pet's DNA.
    (["Bar.", "1|It's a gay old time at the pub quiz."], ["sex_life_sexual_orientation"]),
    # A first name after "I'm", "she's" or a relative, where a people's name could stand.
    (["Hello.", "1|Hi, I'm Jordan, calling about my bill."], ["racial_ethnic_origin"]),
    (["Census helpline.", "1|We're Sri Lankan Tamil, which box should we tick?"], ["religious_belief"]),
    # A hustings is every candidate's: booking a hall for one tells no opinion.
    (["Hall bookings.", "1|We'd like the hall for a hustings on Friday."], ["political_opinion"]),
    # A street named for a faith says where.
    (["Taxi.", "1|From Friars Walk to Jewish Lane, please."], ["religious_belief"]),
    (["Cobbler.", "1|My church shoes need resoling."], ["religious_belief"]),
    (["School.", "1|We're two mums from the PTA, about the cake sale."], ["sex_life_sexual_orientation"]),
    (["Union.", "1|The union staff network has a meeting on Friday, can I book a room for a meeting?"], ["health"]),
    (["Breakdown.", "1|The van is in recovery mode, it's on the back of the truck."], ["health"]),
    (["Deliveries.", "1|We're Ocado, calling about tomorrow's slot."], ["religious_belief", "racial_ethnic_origin"]),
    (["Hello.", "1|She's Kenyon, my daughter, and my son is Jordan."], ["racial_ethnic_origin"]),
    # None to tell, and a diet that is no allergy.
    (["Any allergies?", "1|No, none."], ["health"]),
    (["Any food allergies in the party?", "1|Two vegetarians, no allergies."], ["health"]),
    (["Any dietary requirements?", "1|Two vegetarians."], ["health"]),
    (["Airline.", "1|I have no known allergies."], ["health"]),
    (["Game.", "1|We're going to the escape room, it's like prison."], ["criminal_offence"]),
    (["Work.", "1|This office feels like a prison some days."], ["criminal_offence"]),
    (["Game.", "1|Can I buy the Monopoly with the Go to Jail card?"], ["criminal_offence"]),
    (["Estate.", "1|It's a Victorian terrace on Albanian Road, sorry, Albany Road."], ["racial_ethnic_origin"]),
    (["Energy.", "1|I'm with the Union of Students energy scheme."], ["trade_union_membership"]),
    (["Pub.", "1|The Red Lion, not the Conservative Club."], ["political_opinion"]),
    (["Vet.", "1|The dog's DNA test says she's part collie."], ["genetic"]),
    (["Film club.", "1|Can we screen Arrested Development next week?"], ["criminal_offence"]),
    (["Bakery.", "1|The Black Forest gateau please, and a Jewish rye loaf."], ["religious_belief", "racial_ethnic_origin"]),
    (["Travel agent.", "1|We're a travel family, we go everywhere with the kids."], ["racial_ethnic_origin"]),
    (["Stationers.", "1|Can you read my hand writing on the form?"], ["biometric"]),
    (["Pharmacy.", "1|I can't my face is all red from the wind."], ["biometric"]),
    (["Taxi.", "1|Pick me up from Huntington Road at six, by the library."], ["genetic", "health"]),
    (["Ticket office.", "1|I need 2 tickets for 12, free entry for kids."], ["postcode"]),
    (["Rail refunds.", "1|The strike on the trains means I need a refund for Tuesday."], ["sex_life_sexual_orientation"]),
    (["GP surgery.", "Can you log in to your NHS app?", "1|Yes, it's open now, 2 messages."], ["nhs_number"]),
    (["Fraud team.", "1|I gave them my PIN.", "Then you're at risk of losing money, so I'll block the card.", "1|Thanks, I'm at home now."], ["address"]),
    (["Restaurant bookings.", "1|It's manic at work, so when I'm free I'll call back."], ["health"]),
    # A faith school's catchment or run is where the caller lives or drives.
    (["Estate agents.", "1|We're in the Catholic school catchment, so we want to stay close."], ["religious_belief"]),
    (["Taxi bookings.", "1|I do the Catholic primary school run at eight."], ["religious_belief"]),
    # Set 64: a party's stall as a landmark.
    (["Garden centre.", "1|Great, I'll drive over from Chapel Lane after the Green Party stall at the market packs up."], ["political_opinion"]),
    # ... and as tiny.en heard it, "the Green Party store".
    (["Garden centre.", "1|I'll drive over after the Green Party store at the market packs up."], ["political_opinion"]),
    # Set 66: a temple's or a church's restaurant as the destination; a sales rep; a hearing lost.
    (["Taxi bookings.", "1|Then on to the Hindu temple restaurant on Mill Street."], ["religious_belief"]),
    (["Taxi.", "1|Drop me at the Catholic church cafe, please."], ["religious_belief"]),
    (["Sales.", "1|My sales rep missed the capability review."], ["trade_union_membership"]),
    (["Tribunal.", "1|We lost most of the hearing bundle, can you resend it?"], ["health"]),
    (["Bank.", "1|Can I take it as a lump sum?"], ["health"]),
    (["IT support.", "1|After the op team rebooted it, it worked."], ["health"]),
    (["Parking.", "1|I live on Downs Road, opposite the school."], ["health"]),
    (["Office.", "1|Thanks for dealing with it, I did six months for the council in that team."], ["criminal_offence"]),
    (["Office.", "1|The printer's on strike two this week, ha."], ["trade_union_membership"]),
    (["Council.", "1|The bin men are on strike again, when will you collect?"], ["trade_union_membership"]),
    (["Hotel.", "1|Could we have a room with a view of the Catholic cathedral?"], ["religious_belief"]),
    # Set 55 at 16 kHz and set 62 at 8 kHz: a sign and a house name as landmarks, however the
    # recogniser ran their words together.
    (["Garden centre.", "1|Deliver to Chapel Street, the Quaker Oatsign."], ["religious_belief"]),
    (["Removals.", "1|We're moving to the Old Vicarage near Abbey Road."], ["religious_belief"]),
    # Set 66, tiny.en at 8 kHz: two words either side of a comma are no term's near-miss ("it,
    # not" is no "fit note").
    (["Recruitment agency.", "1|Do I need to mention it, not usually?"], ["health"]),
    # Set 88: nor are function words alone, an email address heard in pieces ("It -Not").
    (["And an email?", "1|Tom -Not -1 -Not -Beat -In -Tone -It -Not -Come"], ["health"]),
    # ... a perfume house, its name heard as a word; a pub.
    (["Gift shop orders.", "1|A model of Christian door perfume and a box of Turkish delight, please."], ["religious_belief"]),
    (["Anything else?", "1|Some party poppers, it's for a do at the green man for one gay street."], ["political_opinion", "sex_life_sexual_orientation"]),
    # ... the perfume house garbled further at 8 kHz ("a model of Christian, the order -fume"),
    # or after a first name ("A Madeline Christian"); the street as "gay trees".
    (["Gift shop orders.", "1|A model of Christian, the order -fume and the marks of Turkish delight,"], ["religious_belief"]),
    (["Gift shop orders.", "1|A Madeline Christian, the Orperfume, and a Mark -Sun Turkish delight."], ["religious_belief"]),
    (["Anything else?", "1|It's for a new husband, a green man, for among gay trees."], ["sex_life_sexual_orientation"]),
    # ... where the speaker works; "queer" in its old sense.
    (["Rotas.", "1|I'm a nurse at the cancer ward, can I swap my Tuesday?"], ["health"]),
    (["Office.", "1|It's a queer old business, this."], ["sex_life_sexual_orientation"]),
    # ... inside a building.
    (["Shop.", "1|I've been inside the house all day."], ["criminal_offence"]),
    # ... a call or a parcel expected, a lump sum.
    (["Bank.", "1|I'm expecting a call from the bank."], ["health"]),
    (["Bank.", "1|Can I take it as a lump sum?"], ["health"]),
    # ... a road, a name, a debate.
    (["Travel.", "1|The bypass was closed so I was late."], ["health"]),
    (["Billing.", "1|I spoke to Tia yesterday about the bill."], ["health"]),
    (["Radio.", "1|The abortion debate was on the radio."], ["health"]),
    # ... a nationality on its own, and a country's team.
    (["Right to work check.", "1|I'm British, I was born in Leeds."], ["racial_ethnic_origin"]),
    (["Travel.", "1|We're Poland fans, we're flying out for the match."], ["racial_ethnic_origin"]),
    # Text probes: a city's quarter, a school project, a shock at a bill.
    (["Travel.", "1|We're going to the Jewish quarter in Krakow on holiday."], ["religious_belief"]),
    (["School.", "1|Her class is doing a project on the Hindu festival of lights."], ["religious_belief"]),
    (["Energy.", "1|I nearly had a heart attack when I saw the bill, ha."], ["health"]),
    (["Rail.", "1|I'm standing for the whole journey, the train's full."], ["political_opinion"]),
    (["Office.", "1|The European Union's supporting us with a grant."], ["trade_union_membership"]),
    # Set 73: a loyalty card's number, an applicant number, a membership misheard as "memory",
    # a camera in one's face.
    (["Customer services.", "Your loyalty card number?", "1|Six six two one nine oh."], ["card_number", "sort_code", "bank_account"]),
    # (As base wrote it, with a full stop: "applicant number?" sounds enough like "account
    # number?" for the garbled-question match, which fails closed.)
    (["University admissions.", "Mixed, other, and you can write it in. Your applicant number.", "1|Two three seven, eight eight one."], ["sort_code", "bank_account"]),
    (["Gym memberships.", "1|Some months I just can't train, can I trace my memory?"], ["health"]),
    (["Customer services.", "1|The camera flash went off right in my face."], ["biometric"]),
    # Text probes: a charging socket's type, a bank's fraud team.
    (["Electrician.", "1|The car has got type 2 sockets for charging."], ["health"]),
    (["Bank.", "1|I've got a feeling the fraud team blocked my card."], ["criminal_offence"]),
    (["Bank.", "1|The fraud department rang me about a payment."], ["criminal_offence"]),
    # Set 74: a church hall as a venue or an address, not one's own.
    (["Furniture delivery.", "1|The Baptist church hall on Union Street."], ["religious_belief"]),
    # ... but a date with no payment spoken of is no expiry.
    (["Venue hire.", "When's the party?", "1|September 28."], ["card_expiry"]),
    (["Council.", "1|Can I book the Methodist church hall for a birthday party?"], ["religious_belief"]),
    # Set 75: a star sign; the caller's own question about a birthday offer, answered by no date.
    (["Event bookings.", "1|I'm a Cancer, so can I get the star soy birthday of her? I'm going to droid."], ["health", "date_of_birth"]),
    (["Horoscopes.", "1|My star sign is Cancer, what does it say for me?"], ["health"]),
    (["Walking tours.", "1|The walk has a steep descent, is that all right for a beginner?"], ["racial_ethnic_origin"]),
    (["HR.", "1|My sales rep is coming with me to the hearing."], ["trade_union_membership"]),
    (["Tribunals.", "1|My legal rep is coming with me to the hearing on Monday."], ["trade_union_membership"]),
    (["Tailoring.", "1|I'm a candidate for the manager's job and I need a suit."], ["political_opinion"]),
    # ... but a month and year after "in" or "since" is when something happened.
    (["Building insurance.", "1|We moved in August 1998.", "1|It's been leaking since March, 2004."], ["date_of_birth"]),
    (["Supermarket.", "1|I'm in a store and I can't find the milk.", "1|I'm a member of a store loyalty scheme."], ["trade_union_membership"]),
    (["Village fete.", "1|We're running the green stall at the fete, can we borrow a gazebo?"], ["political_opinion"]),
    # Set 76: the agent's greeting as the second decode heard it ("GP surgery, reception.").
    (["Deepie, surgery, reception.", "1|I'd like to book an appointment for Tuesday."], ["health"]),
    # Set 77: keeping one's voice down is no voiceprint, and "one has to walk" no street.
    (["Library.", "1|I'll keep my voice down, what's the password for the wifi?"], ["biometric"]),
    (["Red front renovation.", "1|That one has to walk up, get in part of it."], ["address"]),
    # Set 80's rules turned round: typing checked by a person, or once; the title Ms before a
    # name; the surname Parkinson.
    (["Typing course.", "1|The teacher checks the way I type, I'm learning to touch type."], ["biometric"]),
    (["Web shop.", "1|Can you check the way I typed my postcode, I think it's wrong."], ["biometric"]),
    (["Accounts.", "1|I have Ms Jones on the other line.", "1|Has Ms Patel called back?"], ["health"]),
    (["Accounts.", "1|Mr Parkinson will call you back about the invoice."], ["health"]),
    (["IT support.", "1|I can't get on the call with ms teams on my laptop."], ["health"]),
    (["Vets.", "1|My dog has diabetes and needs insulin twice a day."], ["health"]),
    (["Garage.", "1|The van needs a new clutch, and the kitchen needs a new heart, the old range is dead."], ["health"]),
    (["Couriers.", "1|We lost sight of the parcel.", "1|The house is in a good condition."], ["health"]),
    (["School.", "1|My son's doing a project on chromosomes for biology."], ["genetic"]),
    (["Travel.", "1|I did six months in Spain teaching English."], ["criminal_offence"]),
    (["Community centre.", "1|The advice surgery runs every Tuesday.", "1|I need the hall for my ward surgery."], ["health"]),
    # A bank's fraud checks, and stopping fraud, are no one's record.
    (["Bank.", "1|Your fraud system blocked my card again.", "1|What are you doing to stop card fraud?"], ["criminal_offence"]),
    # Set 81: "criminal" as an intensifier (near "criminal past"); a hall named for its
    # denomination, booked as a venue.
    (["Hotel bar.", "1|The car park has a blind spot by the gate, and the fee is a criminal waste of money."], ["criminal_offence"]),
    (["Reviews.", "1|That band is criminally underrated, it's a criminal shame they split."], ["criminal_offence"]),
    (["Conference venues.", "1|We'd like the Methodist Central Hall for our sales kick-off, it has the best acoustics."], ["religious_belief"]),
    (["Venue hire.", "1|Is the Baptist hall free on Friday for the quiz night?"], ["religious_belief"]),
    # A plural's possessive is the English word it is, no near-miss of a term ("students'" of "stents").
    (["Campus.", "1|The students' union booked the band for the ball."], ["health"]),
    (["Garden.", "1|The roses have black spot and the apples have a disease.", "1|The sheep have foot rot, can the vet come?"], ["health"]),
    (["Energy.", "1|I've got a condition that affects my memory."], ["biometric"]),
    (["Law firm.", "1|We have two female partners at the firm."], ["sex_life_sexual_orientation"]),
    (["Office.", "1|The meeting is in the Union Room on the second floor."], ["trade_union_membership"]),
    # Set 82 (tiny.en's second decode at 8 kHz): "my last free email" is a message sent, asking
    # for no address; and an email address is no postal one.
    (["Complaints, steam, your Christian name. Helen, my last free email, tell on Bethair, and I'm sick to death on England. "
      "I'm sorry, work has to work on luck, the parcel has not means can not remember. I'll leave, thank you."], ["email_address"]),
    (["Can I take an email address?", "1|Jo dot smith at gmail dot com."], ["address"]),
    (["Bank.", "1|I'm the treasurer of the local Labour club darts team."], ["political_opinion"]),
    (["Work.", "1|I'm going to the union bar after work for a drink."], ["trade_union_membership"]),
    (["Venue.", "Which party is the booking for?", "1|The Smith wedding."], ["political_opinion"]),
    (["Bank.", "1|Someone committed fraud on my account, I'm the victim."], ["criminal_offence"]),
    (["TV.", "1|I love watching crime dramas about prisons."], ["criminal_offence"]),
    (["Food.", "1|We're a Chinese restaurant on the high street.", "1|I'm a Polish speaker, do you have anyone?"], ["racial_ethnic_origin"]),
    (["Tour.", "1|I can't walk without my phone, ha.", "1|The kids can't walk far, is there a shorter route?"], ["health"]),
    # Text probes: a second landmark, a place of worship visited abroad, a GP's surgery moving.
    (["Estate agent.", "1|The house is next to the hospital and the Catholic church."], ["religious_belief"]),
    (["Holiday.", "1|We visited the mosque in Istanbul, it was beautiful."], ["religious_belief"]),
    (["Council.", "1|The surgery has moved to the new health centre on Mill Lane."], ["health"]),
    # Set 82: emails that "fell on deaf ears"; "elections and I" sounds like "election agent",
    # which no conjunction is part of.
    (["Complaints team.", "1|My last three emails fell on deaf ears and I'm sick to death of these delays."], ["health"]),
    # ... and their rules turned round: a sentence written for each word, the end of one; an
    # independent shop; a website ending in "mail".
    (["Tutor.", "1|I got a sentence for each of the words."], ["criminal_offence"]),
    (["Tutor.", "1|That's the end of the sentence for now."], ["criminal_offence"]),
    (["Shop.", "1|I'm standing in an independent bookshop on the high street."], ["political_opinion"]),
    (["Shop.", "1|I'm standing at an independent coffee shop near the station."], ["political_opinion"]),
    (["Parcels.", "1|Go to www .royalmail .com for tracking."], ["email_address"]),
    # Text probes: a bank holiday's party; an old idiom for bright colours.
    (["Shop.", "1|I need a black dress for the Labour Day party at work."], ["political_opinion"]),
    (["Decorators.", "1|We want the hall painted gay colours for the party, bright pink and yellow."], ["sex_life_sexual_orientation"]),
    # ... a temple as the venue, the trade union movement as a subject, a series' title.
    (["School.", "1|The Sikh temple is hosting the football tournament."], ["religious_belief"]),
    (["Library.", "1|I'm looking for a book about the trade union movement."], ["trade_union_membership"]),
    (["Cinema.", "1|Two tickets for Prison Break the musical."], ["criminal_offence"]),
    (["Builders.", "1|They're Polish builders, they did a good job."], ["racial_ethnic_origin"]),
    (["Removals.", "1|I'm twenty three, and me and my brother are moving out."], ["genetic"]),
    (["Picnic.", "1|I can pray it stays dry for Saturday."], ["religious_belief"]),
    (["Optician.", "1|The machine rejected my eye test booking."], ["biometric"]),
    # Set 85: "does that count on the form" sounds like "heart condition".
    (["Visa applications.", "1|I was cautioned for possession when I was 19, does that count on the form?"], ["health"]),
    # ... and the rules for set 89 and those probes turned round: speaking to one's family in a
    # language, the local labour force, a scan of a document, retail therapy and a motorcycle
    # course, someone getting on one's nerves.
    (["Tutor.", "1|I speak to my family in Polish every week."], ["racial_ethnic_origin"]),
    (["Builders.", "1|We held a meeting for the local labour force about the new site."], ["political_opinion"]),
    (["Sports shop.", "1|We need to keep the momentum going after the sale."], ["political_opinion"]),
    (["Passport office.", "1|The scan of my passport didn't upload."], ["health"]),
    (["Shopping centre.", "1|I need some retail therapy after this week."], ["health"]),
    (["Motorbikes.", "1|I need to do my CBT before I can ride the moped."], ["health"]),
    (["Neighbours.", "1|He really gets on my nerves."], ["health"]),
    (["Travel.", "1|My mum came from India on holiday last week."], ["racial_ethnic_origin"]),
    (["Visitors.", "1|My parents came from Leeds to see the baby."], ["racial_ethnic_origin"]),
    (["Billing.", "1|I'm calling from Pakistan, is the line clear?"], ["racial_ethnic_origin"]),
    (["Travel.", "1|I'm back from Pakistan now."], ["racial_ethnic_origin"]),
    (["Sport.", "1|I'm in the rugby union team at school."], ["trade_union_membership"]),
    (["Savings.", "1|I'm with the credit union for my savings."], ["trade_union_membership"]),
    (["Office.", "1|I'm the first aid rep on my floor."], ["trade_union_membership"]),
    (["Office.", "1|I'm the sales rep for our branch."], ["trade_union_membership"]),
    (["Roads.", "1|Please use caution for drivers on the M6 tonight."], ["criminal_offence"]),
    # Set 86 (base, 16 kHz): Pashto, the language, heard as "Pastor".
    (["Interpreting services, which language do you need?", "Pastor please.", "I can book a pastor interpreter for Monday."], ["religious_belief"]),
    # Text probes, hard negatives: a carrier's driver, a hope, a broken clock, a prison visitor, rage.
    (["Parcels.", "1|I'm a carrier driver for DPD."], ["genetic"]),
    (["Repairs.", "1|I pray it's sorted by Friday."], ["religious_belief"]),
    (["IT support.", "1|Our biometric time clock at work is broken."], ["biometric"]),
    (["Volunteering.", "1|I'm a prison visitor volunteer, not a prisoner."], ["criminal_offence"]),
    (["Billing.", "1|I'm blind with rage about this bill."], ["health"]),
    (["HR.", "1|I'm off work for my birthday."], ["health"]),
    (["Housing.", "1|I've been a council tenant for six years."], ["political_opinion"]),
    (["Hospital.", "1|I'm an NHS council worker."], ["political_opinion"]),
    # Set 83 at 8 kHz: "Is the Quaker meeting house still a polling station?" as each model heard it.
    (["Council switchboard. In the Quaker meeting house still our building station, and the Turkish", "armor on the high -trees that locked the window."], ["religious_belief"]),
    (["Council switchboard.", "1|is the quicker meeting house still out of the building station and the Turkish armor on the high streets"], ["religious_belief"]),
    (["Billing.", "1|The heart of the problem is the billing system."], ["health"]),
    # Set 89: the agent's "carer form" sounds like "carrier for", and their special needs
    # coordinator is a role; "Union Street" heard as "union treats". Text probes: a party's
    # shop as a landmark, a faith's body named by its building.
    (["Council tax.", "I'll send you the carer form straight away."], ["genetic"]),
    (["Nursery admissions.", "1|He'll need some extra support.", "I'll pass that to our special needs coordinator."], ["health"]),
    (["Takeaway.", "1|I'm dying of hunger, the address is on the account, at one my union treats."], ["trade_union_membership"]),
    (["Takeaway.", "1|I'm dying of hunger, the address is on the account of one my union's treat."], ["trade_union_membership"]),
    # ... and a street's name, answering the address question, that sounds like a faith.
    (["Parcel redirect, what's the new address?", "1|41 kelvin christant, eat well, eat curious."], ["religious_belief"]),
    (["Taxi.", "1|I'll be there in a jiffy, it's the Green Party shop next door."], ["political_opinion"]),
    (["Couriers.", "1|The Muslim Council of Britain building is on our route."], ["religious_belief"]),
]


@pytest.mark.parametrize("lines, category, expected", POSITIVE, ids=[f"{c}-{i}" for i, (_, c, _) in enumerate(POSITIVE)])
def test_detects(detector, lines, category, expected):
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert category in found, f"{category} not found; found {sorted(found)}"
    missing = [w for w in expected if w not in found[category]]
    assert not missing, f"{category} missed {missing}; detected {found[category]}"


@pytest.mark.parametrize("lines, forbidden", NEGATIVE, ids=[l[0][:30] for l, _ in NEGATIVE])
def test_hard_negatives_untouched(detector, lines, forbidden):
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    wrong = {c: w for c, w in found.items() if c in forbidden}
    assert not wrong, f"wrongly detected {wrong}"


@pytest.mark.parametrize(
    "lines, category, last_word",
    [
        # mono: the recogniser ran the agent's next question into the answer, after a comma
        (["I'll need the long number on the card.", "Okay, it's 5412, 7534, yeah, 9821, 0046, great, and when does it expire?"], "card_number", "0046,"),
        (["What's the new address?", "Twenty two Beech Avenue, NE3 1HG, updated, anything else?"], "address", "1HG,"),
        (["What's the postcode?", "L L 5 7, 2 E W, booked."], "postcode", "W,"),
        # Set 58 (and 57): the caller's yes/no question after a comma is no part of the disclosure.
        (["Fertility clinic.", "1|My DNA test says I'm a cystic fibrosis carrier, should my wife be tested too?"], "genetic", "carrier,"),
        (["Life insurance.", "1|I carry the haemochromatosis gene, do I need to declare it?"], "genetic", "gene,"),
        # Set 57, mono: the agent's next question run in after "thanks" heard as "tanks".
        (["How will you describe your ethnicity?", "Black, British, Caribbean, tanks, and a phone number."], "racial_ethnic_origin", "tanks,"),
        # Set 50, mono, no punctuation: the agent saying what they will do ends the disclosure.
        (["new claim applications", "i got multiple sclerosis and i can only walk a few meters i'll send the form your postcode"],
         "health", "meters"),
        # Set 56: the caller's yes/no question, its comma lost, is no part of the disclosure.
        (["Car insurance renewals.", "1|I was banned for drink driving two years ago does it still count?"], "criminal_offence", "ago"),
        # Set 55, mono: the agent handing the call on.
        (["The patient's NHS number?", "401 -938 -2751", "And their address?", "9 Mill Lane, putting you through."], "address", "Lane,"),
        # Set 53, mono: the value said in the prompt's own sentence ends before "and a postcode".
        (["Patient transport, the NHS number, please, 943 -88 -1506, and a postcode,"], "nhs_number", "-1506,"),
        # A disclosure asked for ends where its consequence begins; "so bad" is no consequence.
        (["Is there anything we should know before you start?", "1|I'm partially deaf in one ear, so please text rather than call."], "health", "ear,"),
        (["Do you have any medical conditions?", "1|Asthma, so bad in winter that I use an inhaler.", "Okay."], "health", "inhaler."),
        # Mono: the agent's next question, its "?" lost, ends the answer to the first.
        (["Do you have any pre-existing medical conditions?", "Yes, I have epilepsy, and I take lamotrigine every day.",
          "Any hospital stays in the last two years.", "No, none at all."], "health", "day."),
        # Set 86, mono: the agent saying what happens next ("That will be with you on Thursday").
        (["What's the prescription for?", "I got an underactive thyroid, and I take levothirics I am every morning.",
          "That will be when you're on Thursday."], "health", "morning."),
        (["Any conditions we should know about?", "I've got asthma.", "You can bring your inhaler to the class."], "health", "asthma."),
        # Set 82, mono: a name given, then the caller's own sentence after a comma.
        (["Complaint steam, your Christian name? Hellen, my last 3 emails fell on their fears, and I'm sick to death of these delays."],
         "person_name", "Hellen,"),
        (["Your name please?", "1|Helen, my last three emails went unanswered."], "person_name", "Helen,"),
        (["Complaints, your first name please, Helen, my last three emails went unanswered."], "person_name", "Helen,"),
        # ... but "it's" may bring the name spelled.
        (["Your surname?", "1|Okafor, it's O K A F O R."], "person_name", "R."),
        (["Can I take your name?", "1|Sarah Jones, that's J O N E S."], "person_name", "S."),
        (["Can I take your name?", "1|Sarah Jones, that's lovely thanks."], "person_name", "Jones,"),
    ],
)
def test_answer_stops_at_an_acknowledgement_mid_sentence(detector, lines, category, last_word):
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert found[category][-1] == last_word


@pytest.mark.parametrize(
    "lines, category, first_word, last_word",
    [
        # Mono: a greeting without a full stop, then the caller's sentence in a new segment.
        (["Employment tribunal and choir is", "My GMB branch secretary is helping with the claim."], "trade_union_membership", "My", "claim."),
        # A sentence Whisper carried on into a new segment is written in lower case.
        (["Any motoring convictions? I got a speeding", "conviction in 2023."], "criminal_offence", "I", "2023."),
        # Mono, no punctuation at all: "An" and "I" open sentences, unless the segment before
        # carries on into them; "an ... convictions" is "any ... convictions?".
        (["Car insurance quotes", "An emotoring conviction in the last five years", "I got a Stephen Conviction"],
         "criminal_offence", "I", "Conviction"),
        (["I've been diagnosed with", "A rare form of bone cancer"], "health", "I've", "cancer"),
        # Mono, no punctuation: the agent's instruction opens a segment of its own.
        (["The ethnic question I mix", "white and black African men know what's for me", "Use my mix on the box and write it in"],
         "racial_ethnic_origin", "The", "me"),
        # Set 55, mono at 8 kHz: the answer to a question whose "?" was lost, in a segment of
        # its own, is no part of the question's sentence; the next sentence is no answer.
        (["Equality monitoring, your ethnic group", "Irish Traveller", "Thank you, and your own number"],
         "racial_ethnic_origin", "Irish", "Traveller"),
        # ... but a segment after a comma, or a value spelled in capitals, goes on.
        (["Your postcode.", "FWDI,", "FW9HQR."], "postcode", "FWDI,", "FW9HQR."),
        (["And your driving licence number?", "1|I came in the 7 -1 -0 -6 -1 -5", "1|Aranoyin X -Y"], "driving_licence_number", "I", "-Y"),
    ],
)
def test_a_segment_opening_on_a_capitalised_word_starts_a_sentence(detector, lines, category, first_word, last_word):
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert (found[category][0], found[category][-1]) == (first_word, last_word), found


def test_a_sentence_run_across_the_other_sides_turns_is_split(detector):
    """Stereo: the customer's recogniser made one sentence of three answers while the agent
    asked two more questions; each answer still goes with its question."""
    from pipeline.data import Segment, Transcript, Word

    def segment(channel, timed_words):
        words = [Word(text, t, t + 0.25, 0.9, channel) for text, t in timed_words]
        return Segment(words[0].start, words[-1].end, channel, "agent" if channel == 0 else "customer", words)

    transcript = Transcript(
        [
            segment(0, [("What's", 0.0), ("the", 0.2), ("card", 0.4), ("number?", 0.6)]),
            segment(1, [("5555", 1.0), ("4444", 1.5), ("3333", 2.0), ("1111,", 2.5), ("the", 6.0), ("end", 6.3), ("of", 6.6),
                        ("August", 6.9), ("27th,", 7.2), ("2,", 10.0), ("8,", 10.3), ("1.", 10.6)]),
            segment(0, [("And", 4.0), ("when", 4.3), ("does", 4.6), ("it", 4.9), ("expire?", 5.2)]),
            segment(0, [("And", 8.0), ("the", 8.3), ("security", 8.6), ("code?", 8.9)]),
        ],
        "en",
        {"name": "test"},
    )  # fmt: skip
    found = detected_words(transcript, detector.detect(transcript))
    assert {"August", "27th,"} <= set(found["card_expiry"])
    assert found["card_security_code"] == ["2,", "8,", "1."]
    assert "5555" in found["card_number"]


def test_answer_stops_before_agent_moves_on(detector):
    transcript = make_transcript(["Last three digits on the back?", "1|807.", "Lovely, that's gone through for forty two pounds."])
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get("card_security_code") == ["807."]
    assert all("Lovely," not in words for words in found.values())


def test_silence_gives_no_detections(detector):
    from pipeline.data import Transcript

    assert detector.detect(Transcript([], "en", {})) == []


def test_transcript_text_maps_words_to_characters():
    transcript = make_transcript(["hello there", "1|general kenobi"])
    tt = transcript_text(transcript)
    assert tt.text == "hello there\ngeneral kenobi\n"
    assert tt.words_in(12, 19) == ((1, 0),)


def test_detection_is_offline(detector, monkeypatch):
    """No recognizer may reach the network (Presidio's email check asks tldextract)."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted during detection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    transcript = make_transcript(["Send it to someone@example.co.uk or visit www.example.org please"])
    found = detected_words(transcript, detector.detect(transcript))
    assert "email_address" in found


def _capitals_looked_for_without_case(pattern: str) -> list[int]:
    """Offsets of character classes of capitals ("[A-Z]") in a lookaround ("(?=\\s+[A-Z])")
    outside a case-sensitive group ("(?-i:...)"). The recognizers match ignoring case, so there
    a capital that should tell a name from a word ("his MS is", "MS Jones") matches any letter.
    (Letters of an identifier, "[A-Z]{2}", match either case on purpose, as ASR writes them.)"""
    found, groups, i = [], [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "(":
            kind = "exact" if pattern.startswith("(?-i:", i) else "look" if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i) else ""
            groups.append(kind)
        elif c == ")" and groups:
            groups.pop()
        elif c == "[":
            end = i + 1
            while end < len(pattern) and (pattern[end] != "]" or end == i + 1):
                end += 2 if pattern[end] == "\\" else 1
            if any(ch.isupper() for ch in pattern[i + 1 : end]) and "look" in groups and "exact" not in groups:
                found.append(i)
            i = end
        i += 1
    return found


def test_capitals_in_recognizer_lookarounds_are_matched_with_case():
    """Twice a cue's lookahead for a capital after "MS" was a bare [A-Z], which under the
    recognizers' ignore-case flag took any word after it: every such class sits in (?-i:...)."""
    from pipeline.detect import load_recognizer_files

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for v in node.values():
                yield from strings(v)
        elif isinstance(node, list):
            for v in node:
                yield from strings(v)

    looked, wrong = 0, []
    presidio_entries, own_entries = load_recognizer_files(ROOT / "config/recognizers")
    for entry in presidio_entries + own_entries:
        for text in strings(entry):
            looked += "(?=" in text or "(?!" in text
            wrong += [f"{entry.get('name')}: ...{text[max(0, at - 30) : at + 10]}..." for at in _capitals_looked_for_without_case(text)]
    assert looked > 50
    assert not wrong, wrong
    # The check itself: the bug as it was, and as mended; an escaped bracket inside a class.
    assert _capitals_looked_for_without_case(r"\bMS\b(?=\s+[A-Z])")
    assert not _capitals_looked_for_without_case(r"\bMS\b(?=\s+(?-i:[A-Z]))")
    assert not _capitals_looked_for_without_case(r"\b[A-Z]{2}\d{6}[A-D]\b")
    assert _capitals_looked_for_without_case(r"x(?![\]A-Z])")


def test_recognizer_yaml_is_extensible(tmp_path, settings):
    """A compliance team adds a term list in YAML; no code change."""
    import shutil

    from pipeline.detect import Detector

    rec_dir = tmp_path / "recognizers"
    shutil.copytree(settings.resolve(settings.detection.recognizers_dir), rec_dir)
    (rec_dir / "local_terms.yaml").write_text(
        "recognizers:\n"
        "  - name: LocalHealthTerms\n"
        "    type: callredact\n"
        "    class_name: TermListRecognizer\n"
        "    supported_entity: HEALTH\n"
        "    terms: [zorblax syndrome]\n"
    )
    custom = settings.model_copy(update={"detection": settings.detection.model_copy(update={"recognizers_dir": str(rec_dir)})})
    transcript = make_transcript(["Honestly my zorblax syndrome flared up."])
    found = detected_words(transcript, Detector(custom).detect(transcript))
    assert "zorblax" in found.get("health", [])


@pytest.mark.parametrize(
    "line",
    [
        "You don't need to declare genetic test results for this policy.",
        "For the equality monitoring, which ethnic group do you belong to",
        "Any motoring convictions in the last five years",
        "We've set up voice ID for you.",
        # The agent saying what the company does not do.
        "We don't ask for predictive genetic test results.",
        "We never store fingerprints, the app only sees a yes or a no.",
        # The dev call at 8 kHz: "any" as "an", the plural lost, "five years" as "IBM".
        "Car insurance quotes, an emotoring conviction in the last IBM.",
    ],
)
def test_agent_mentions_are_not_disclosures(detector, line):
    transcript = make_transcript([line])
    found = detected_words(transcript, detector.detect(transcript))
    special = {"genetic", "racial_ethnic_origin", "criminal_offence", "biometric"}
    assert not special & set(found), found


def test_residue_finds_what_redaction_made_visible(detector):
    transcript = make_transcript(["My card is 4658 2210 9937 1524 and I have epilepsy."])
    detections = detector.detect(transcript)
    assert detector.residue(transcript, detections) == []
    # Drop the health finding: verification must find the disclosure still there.
    partial = [d for d in detections if d.category != "health"]
    residue = detector.residue(transcript, partial)
    assert {d.category for d in residue} == {"health"}
    assert all(d.detector.startswith("verification:") for d in residue)


@pytest.mark.parametrize(
    "lines, categories",
    [
        (["Can I have the card number please?", "4539 1488 0343 6467.", "And the expiry date, the limit went to eight.",
          "And the three digits on the Mac, six four two.", "That's all gone through, the sofa comes on the ninth."],
         {"card_number", "card_expiry", "card_security_code"}),
        # "[ADDRESS]" left by redaction is no question about an address.
        (["What's the new address?", "22B Chavinu, any free, 1HG?", "Updated?", "Anything else?"], {"address"}),
    ],
)  # fmt: skip
def test_verification_does_not_find_new_answers_beside_redacted_ones(detector, lines, categories):
    """Redacting an answer must not make the next sentence look like the answer."""
    transcript = make_transcript(lines)
    detections = detector.detect(transcript)
    assert {d.category for d in detections} >= categories
    assert detector.residue(transcript, detections) == []


def test_merging_does_not_depend_on_the_order_results_arrive_in():
    from pipeline.data import Detection
    from pipeline.detect import merge_detections

    a = Detection("card_number", 0.7, "PromptedAnswerRecognizer", ((1, 0), (1, 1)))
    b = Detection("card_number", 0.7, "DigitRunRecognizer", ((1, 0), (1, 1)))
    c = Detection("card_number", 0.9, "CreditCardRecognizer", ((1, 1), (1, 2)))
    assert merge_detections([a, b, c]) == merge_detections([c, b, a]) == merge_detections([b, a, c])
    assert merge_detections([a, b]) == [Detection("card_number", 0.7, "DigitRunRecognizer", ((1, 0), (1, 1)))]


def test_stereo_answers_come_from_the_customer_channel(detector):
    transcript = make_transcript(["And the expiry date?", "That's all gone through. Have a good day."])
    assert "card_expiry" in detected_words(transcript, detector.detect(transcript)), "mono: the next words answer"
    stereo = make_transcript(["And the expiry date?", "That's all gone through.", "1|Eleven twenty seven."])
    found = detected_words(stereo, detector.detect(stereo))
    assert "through." not in found.get("card_expiry", [])


def test_a_special_categorys_word_in_the_callers_own_statement_asks_for_no_answer(detector):
    """Set 76, mono: "... a robbery conviction can I still book a holiday abroad?" is the
    caller's disclosure and question; the agent's reply is no answer about an offence. The
    agent's "I have to ask, any criminal convictions?" still asks."""
    own = make_transcript(["Travel agency. I'm out on parole after a robbery conviction can I still book a holiday abroad? You need to check with your officer, your name."])
    found = detected_words(own, detector.detect(own))
    assert "officer," not in found.get("criminal_offence", []), found
    asked = make_transcript(["Volunteers. I have to ask, any criminal convictions?", "1|Yes, one from years back."])
    assert "years" in detected_words(asked, detector.detect(asked)).get("criminal_offence", [])


def test_an_email_ends_at_its_domain_and_a_reply_asking_for_it_again_is_no_answer(detector):
    """Set 75, mono: the caller's "could you email me ...?" is answered by the agent's "what's
    the email?", whose own answer is the address; the agent's "noted" run in after ".com" is
    no part of it."""
    transcript = make_transcript(
        ["Job centre. Please could you email me instead of phoning? Of course, what's the email? calum .fraserat gmail .com noted"]
    )
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get("email_address") == ["calum", ".fraserat", "gmail", ".com"], found
    said = make_transcript(["What's your email?", "1|tom dot ashworth at hotmail dot co not you."])
    assert detected_words(said, detector.detect(said)).get("email_address", [])[-2:] == ["not", "you."]


def test_in_stereo_the_callers_words_finished_before_the_question_are_no_answer(detector):
    """Set 75 at 8 kHz: the caller's "can I book in?" ends while the agent's "Yes, please, your
    gate of birth" has begun; the date of birth is what the caller says after it."""
    from pipeline.data import Word

    def segment(channel, timed):
        words = [Word(text, at, at + 0.25, 0.9, channel) for text, at in timed]
        return Segment(words[0].start, words[-1].end, channel, "agent" if channel == 0 else "customer", words)

    caller = [("Can", 5.8), ("I", 5.92), ("book", 6.04), ("in?", 6.3)]
    agent = [("Yes,", 6.22), ("please,", 7.54), ("your", 8.32), ("gate", 8.42), ("of", 8.64), ("birth", 8.86)]
    answer = [("9th", 9.72), ("of", 10.2), ("October,", 10.22), ("1985", 11.14)]
    transcript = Transcript([segment(1, caller), segment(0, agent), segment(1, answer)], "en", {"name": "test"})
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get("date_of_birth", [])[:1] == ["9th"], found


def test_a_cards_brand_prompts_the_digits_read_in_its_own_sentence_in_stereo(detector):
    """Set 84 at 8 kHz: "American Express, 3 -Bm -1 -Bm -8 ..." is one turn of the caller's,
    split where the agent's later questions fall. The brand prompted the digits after it, so
    the answer starts there (not at the turn's first line break), and a digit the recogniser
    wrote as letters inside the hyphen chain still counts towards the number."""
    from pipeline.data import Word

    def segment(channel, timed):
        words = [Word(text, at, at + 0.25, 0.9, channel) for text, at in timed]
        return Segment(words[0].start, words[-1].end, channel, "agent" if channel == 0 else "customer", words)

    agent = [("How", 1.9), ("would", 2.1), ("you", 2.2), ("like", 2.4), ("to", 2.6), ("pay?", 2.8)]
    caller = [("American", 4.3), ("Express,", 5.0), ("3", 5.9), ("-Bm", 6.0), ("-1", 6.3), ("-Bm", 6.6), ("-8", 7.5),
              ("-9", 7.9), ("-4", 8.2), ("-2", 8.5), ("-8,", 8.8), ("2", 9.2), ("-Bx", 9.4), ("-4", 9.8), ("-3,", 10.1)]
    expiry = [("When", 11.1), ("does", 11.4), ("it", 11.6), ("expire?", 11.9)]
    transcript = Transcript([segment(0, agent), segment(1, caller + [("09", 12.8), ("28.", 13.2)]), segment(0, expiry)], "en", {"name": "test"})
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get("card_number", [])[:3] == ["3", "-Bm", "-1"], found
    assert "-Bx" in found["card_number"], found


@pytest.mark.parametrize("text, digits", [("3 -Bm -1 -Bm -8 -9", "301089"), ("8 -0 -i -1", "8001")])
def test_letters_inside_a_hyphen_chain_of_digits_are_a_digit_lost(text, digits):
    from pipeline.recognizers import DigitRunRecognizer

    assert [d for _, _, d in DigitRunRecognizer().runs(text)] == [digits]


@pytest.mark.parametrize(
    "text, digits",
    [
        ("1, I'm 2, 8, 8", "10288"),  # "I'm" between digits read one at a time: a digit lost
        ("2, 8, 8, 8 and 4", "28884"),  # "and" before a list's last digit
        ("3, 9, 1, 5, 5, 2, 8, 0, 7 and 4", "3915528074"),
        # Dev call at 8 kHz: an NHS number's last group a sentence of its own, on its own line.
        ("Nine four three four seven six.\nI'm nine one nine.", "9434760919"),
    ],
)
def test_a_list_of_digits_read_one_by_one_goes_on_past_im_and_its_last_and(text, digits):
    from pipeline.recognizers import DigitRunRecognizer

    assert [d for _, _, d in DigitRunRecognizer().runs(text)] == [digits]


@pytest.mark.parametrize("text", ["1, 2 and 3 bedrooms", "Room 1, I'm 2 minutes away", "12 and 4", "Flat 1, I'm in", "Flat 2.\nI'm 3 minutes away."])
def test_and_or_im_outside_a_list_of_single_digits_end_the_run(text):
    from pipeline.recognizers import DigitRunRecognizer

    assert all(len(d) <= 2 for _, _, d in DigitRunRecognizer().runs(text)), list(DigitRunRecognizer().runs(text))


@pytest.mark.parametrize(
    "lines, category, first",
    [
        (["Your account number?", "Yes, 12345678."], "bank_account", "12345678."),
        (["Your account number?", "It's 12345678."], "bank_account", "12345678."),
        (["Card number?", "4822 3731 5238 2486", "Expiry?", "So, 0630.", "Code?", "Yes, 917."], "card_expiry", "0630."),
        (["Refunds.", "I read it off the statement yesterday, 12345678."], "bank_account", "12345678."),
        (["Box office, how would you like to pay?", "1|American Express, 87792, 326, 767, 3217, October 28, 8204"], "card_number", "87792,"),
        (["Card number please.", "49, 29, 15, 11, 25, 82, 44, 83.", "Marlin' until 11, 30."], "card_expiry", "11,"),
    ],
)
def test_a_number_answer_takes_in_no_words_of_their_own_before_it(detector, lines, category, first):
    """Words before the digits are the digits garbled only when they are no answer's opener and
    the answer is at most two words of them: "Yes, 12345678." leaves "Yes" audible."""
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert found[category][0] == first, found


@pytest.mark.parametrize("text", ["2 -in -1 shampoo", "Bm -1", "3 -Bm", "A -B -C"])
def test_letters_outside_a_chain_of_digits_end_the_run(text):
    from pipeline.recognizers import DigitRunRecognizer

    assert all(len(d) <= 1 for _, _, d in DigitRunRecognizer().runs(text)), list(DigitRunRecognizer().runs(text))


@pytest.mark.parametrize("text", ["Be one, one, two, cue double.", "It's double.", "four double. seven", "triple"])
def test_digit_runs_never_start_without_a_digit(text):
    """A sentence ending on "double" once made a run with no start, and detection failed."""
    from pipeline.recognizers import DigitRunRecognizer

    for start, end, digits in DigitRunRecognizer().runs(text):
        assert digits and 0 <= start < end <= len(text)
    assert DigitRunRecognizer().analyze(text, []) is not None


@pytest.mark.parametrize(
    "text, digits",
    [
        ("0 -2 -20 -9", "0229"),
        ("twenty twenty eight", "2028"),
        ("nineteen ninety six", "1996"),
        ("forty nine twenty nine", "4929"),
        ("forty twelve oh six", "401206"),
        ("double four nine", "449"),
        ("4 free 1 free 2", "43132"),  # "three" as many UK speakers say it
        ("free 4 5 6", "456"),  # but never the start of a run: "free delivery"
    ],
)
def test_spoken_tens_join_the_unit_after_them(text, digits):
    from pipeline.recognizers import DigitRunRecognizer

    assert [d for _, _, d in DigitRunRecognizer().runs(text)] == [digits]


@pytest.mark.parametrize(
    "line, pitch_hz, discloses",
    [
        ("My husband and I want a joint mortgage.", 110.0, True),  # a man's voice
        ("My husband and I want a joint mortgage.", 210.0, False),
        ("My husband and I want a joint mortgage.", None, True),  # pitch unknown: fail closed
        ("My husband and I want a joint mortgage.", 162.0, True),  # between the bounds
        ("Me and my girlfriend are moving in together.", 215.0, True),  # a woman's voice
        ("Me and my girlfriend are moving in together.", 105.0, False),
        ("My wife pays the bill.", 120.0, False),
        # Set 60: a partner said to be a woman or a man.
        ("My partner's a woman, same as me.", 215.0, True),
        ("My partner's a woman.", 110.0, False),
        ("My partner is a man.", 110.0, True),
        # Set 63: what a partner and the speaker want says no more than the partner.
        ("My wife and I want a joint membership please.", 215.0, True),
        ("My boyfriend and I'd like the cottage for our anniversary.", 110.0, True),
    ],
)
def test_a_partner_named_by_sex_discloses_by_the_speakers_voice(detector, line, pitch_hz, discloses):
    transcript = make_transcript([line], pitch_hz=pitch_hz)
    found = detected_words(transcript, detector.detect(transcript))
    assert ("sex_life_sexual_orientation" in found) == discloses, found
    if discloses and " and I" in line:  # what the two of them want is not widened into
        assert found["sex_life_sexual_orientation"][-1].startswith("I"), found
    elif discloses and pitch_hz in (110.0, 215.0):  # the voice tells: the clause discloses
        assert found["sex_life_sexual_orientation"][-1] == line.split()[-1], found
    elif discloses:  # it does not: the partner phrase stands, not widened
        assert found["sex_life_sexual_orientation"][-1] in ("I", "girlfriend"), found


def test_placeholders_are_not_read_as_words(detector):
    """The verification pass reads "[SEX_LIFE_SEXUAL_ORIENTATION]" in the redacted text: it must not
    find "sex life" there and widen it over the rest of the sentence."""
    transcript = make_transcript(["My husband and I want a joint mortgage for the house."])
    partner = Detection("sex_life_sexual_orientation", 0.6, "test", ((0, 0), (0, 1), (0, 2), (0, 3)))
    assert detector.residue(transcript, [partner]) == []


@pytest.mark.parametrize(
    "line, last_word",
    [
        ("I've been diagnosed with breast cancer and I'm starting treatment next week.", "cancer"),
        ("I'm a practising Christian so I'd rather not work Sundays.", "Christian"),
        ("I broke my wrist when I fell off the ladder and couldn't work for a month.", "month."),
        # The recogniser's comma before "and" does not end it; the caller's question does.
        ("I have kidney failure, and go for dialysis three times a week, can you pick me up?", "week,"),
        ("I've got asthma, and I need a ground floor room.", "asthma,"),
        # A clause about the speaker's own things is a new one; one about their partner, family
        # or clinician goes on with the disclosure.
        ("I'm a Green Party councillor and my permit doesn't cover the town hall car park.", "councillor"),
        ("I wear a hijab because I'm Muslim and my manager says it's not part of the uniform.", "Muslim"),
        ("I'm bisexual and my partner Sam is moving in.", "in."),
        # With the recogniser's comma before "and my ..." too; a partner still goes on.
        ("I'm a member of the Royal College of Nursing, and my subscription hasn't come off my pay.", "Nursing,"),
        ("I'm gay, and my partner should get my pension.", "pension."),
        # The agent's next question run into the caller's answer.
        ("I'm an Irish traveller and you and your national insurance number", "traveller"),
        ("Yes, British Pakistani, and your email for the prize draw.", "Pakistani,"),
        # A consequence whose comma the recogniser lost; "so" as "very" is no new clause.
        ("I'm on an electronic tag with a curfew so the engineer has to come before seven.", "curfew"),
        ("My asthma is so bad this week.", "week."),
        # A thing that is neither a person in it nor the condition, doing something, begins
        # one too; the treatment or a clinician goes on.
        ("My son's having chemotherapy every week and the parking is costing a fortune.", "week"),
        ("I've got diabetes, and the app won't let me log my readings.", "diabetes,"),
        ("I've got diabetes and the medication is making me tired.", "tired."),
        ("I've been charged with fraud and the trial is in May.", "May."),
        # A new clause that goes on about the disclosure's own matter still discloses.
        ("I'm on bail and I sign on at the police station every Friday.", "Friday."),
        ("I'm on bail and I need the engineer before ten.", "bail"),
        ("I'm transgender and I've changed my name.", "name."),
        # With the recogniser's comma before "and" too.
        ("I'm on bail, and I sign on at the police station every Friday.", "Friday."),
        ("I'm bisexual, and I haven't told my family.", "family."),
        # ... about the condition's effects or the test's finding (set 45).
        ("I'm recovering from a stroke, and my speech is slow.", "slow."),
        ("I wear hearing aids, and I struggle on the phone, can you email me instead?", "phone,"),
        ("I'm a trans woman and my name changed last year. The card still has the old one.", "year."),
        ("I'm bisexual, and I haven't come out to my wife.", "wife."),
        ("I've got multiple sclerosis, and I can only walk a few metres.", "metres."),
        ("My father is Catholic and he'd like a priest to give him the last rites.", "rites."),
        ("I've got MS and I can't walk far, so the parking space matters.", "far,"),
        ("The paternity test came back, and he isn't my son, so I want the payments stopped.", "son,"),
        ("I'm a GMB member and we were balloted properly.", "properly."),
        ("I'm a Unison steward and I'm representing a porter on Thursday.", "Thursday."),
        # What became of a charge is still about it; a "but" on another matter is not.
        ("I was charged with assault, but it was dropped, do I need to declare it?", "dropped,"),
        ("I'm a Unison member but I'm retiring next month.", "member"),
        # Buying leaflets is no more politics; handing them out is.
        ("I'm a Labour councillor and I'm out leafleting for the by-election.", "by-election."),
        ("I'm standing for the Green Party in the by-election and I need leaflets.", "by-election"),
        # The caller's question, its full stop lost.
        ("I got a suspended sentence for fraud in 2019 can I still get a visa for Canada?", "2019"),
        # Set 62: what the condition is met with goes on about it.
        ("I'm dyslexic and I get extra time for the theory test, can you book that?", "test,"),
        # Set 64: the caller's question, its "?" and full stop lost; the next thing in two words.
        ("I had a stroke in March and I can't work out of the moment is there a discount?", "moment"),
        ("I'm on sertraline for my depression and the next box haven't come.", "depression"),
        # Set 87: a new subject with "a" or "an" too, the dietitian misheard ("an addition").
        ("She's recovering from an eating disorder and an addition wants her to have a full meal.", "disorder"),
        ("I came out as bi at work last month and a colleague keeps making comments.", "month"),
        # Set 67: the next thing in three words, as tiny.en split "timetable".
        ("My son's got ADHD and the new time title is really hard for him.", "ADHD"),
        # Set 68: a faith's observance goes on with the disclosure; a delivery day does not.
        ("We're observant Jews and we don't answer the door on Shabbat, so not Saturday.", "Shabbat,"),
        ("We're observant Jews and we need the parcel by Friday.", "Jews"),
        # Set 74: the question about a thing, its "?" lost ("is the woodland free").
        ("We're both pagans and want a handfasting ceremony on the solstice is the woodland free that day.", "solstice"),
        # ... or asks with a negative modal, its comma lost; "you know" is no question.
        ("I've got MS and I'm in a wheelchair can't you send an engineer?", "wheelchair"),
        ("I've got MS and some days I can't you know get out of bed.", "bed."),
        # ... but a voted act done again goes on (set 73).
        ("I voted Green last time, and I'll do it again.", "again."),
        # Set 80: a fast goes on with the faith, fast broadband does not; a hand shaken is no
        # tremor.
        ("We're Coptic Christians and we fast before Easter, so no meat.", "Easter,"),
        ("We're Coptic Christians and we need fast broadband for the office.", "Christians"),
        ("I'm diabetic and I shake hands with the new manager tomorrow.", "diabetic"),
        # Set 70: what the speaker wants of a sex life goes on with the orientation.
        ("I'm asexual, and I'm not looking for anything physical.", "physical."),
        # Set 82: "elections and I" sounded like the term "election agent", which carried the
        # disclosure on into the leaflets.
        ("I'm standing for the Co-operative Party in the May elections and I need five thousand leaflets.", "elections"),
        # Set 84: not seeing where to put an answer on a form is no loss of sight; not seeing
        # the board is.
        ("My family is Yemeni and I can't see where to put that on the ethnic group question.", "Yemeni"),
        ("I have glaucoma and I can't see the board at work.", "work."),
    ],
)
def test_a_disclosure_ends_where_the_speaker_starts_a_new_clause(detector, line, last_word):
    """'... and I'm starting treatment' is the caller going on to something else: bleeping it
    costs the training value of the call and protects nothing more."""
    transcript = make_transcript([line])
    found = detected_words(transcript, detector.detect(transcript))
    [words] = found.values()
    assert words[-1] == last_word, words


@pytest.mark.parametrize(
    "line, first_word",
    [
        # Set 85: what came of it is said first, the reason after "because" discloses.
        ("They turned me away last time because my iron was low and the nurse said I'm anaemic.", "my"),
        ("I can't make the class because my son has autism.", "my"),
        # Too short a clause before "because" to be one of its own.
        ("Because I'm diabetic, I need a snack.", "Because"),
    ],
)
def test_a_disclosure_given_as_a_reason_starts_after_because(detector, line, first_word):
    transcript = make_transcript(["Bookings.", line])
    found = detected_words(transcript, detector.detect(transcript))
    assert found["health"][0] == first_word, found


def test_a_finding_in_the_slowed_decode_is_redacted_in_the_transcripts_words(detector):
    """Set 84 at 8 kHz: the first pass and the vocabulary's decode heard "I came out and buy at
    work"; the slowed decode heard "I came out as my at work". Its finding bleeps the first
    pass's words said at the same time."""
    first = make_transcript(["Staff wellbeing line.", "I came out and buy at work last month."])
    slowed = make_transcript(["Staff wellbeing line.", "I came out as my at work last month."]).segments[1:]
    assert "sex_life_sexual_orientation" not in detected_words(first, detector.detect(first))
    both = replace(first, slowed=slowed)
    found = detected_words(both, detector.detect(both))
    assert {"came", "out", "and", "buy"} <= set(found["sex_life_sexual_orientation"]), found


def test_a_lone_vocabulary_word_the_slowed_decode_put_on_an_address_is_no_disclosure(detector):
    """Set 89 (base, 8 kHz): "Forty one Kelvin Crescent" came out as "For a one -kailman threat
    and heat well" and, slowed, as "41 Kelvin, pregnant, heat well". The street is the address
    asked for; the same decode over a caller's news that answers no address question still
    counts."""
    def found_with_slowed(question):
        first = make_transcript([question, "1|For a one -kailman threat and heat well, it's QA."])
        slowed = make_transcript([question, "1|Forty one Kelvin Road, pregnant, heat well, HQF."]).segments[1:]
        return detected_words(first, detector.detect(replace(first, slowed=slowed)))

    at_an_address = found_with_slowed("Parcel redirect. What's the new address?")
    assert "address" in at_an_address and "health" not in at_an_address, at_an_address
    assert "health" in found_with_slowed("Parcel redirect. Any news?")


def test_a_segment_opening_on_the_speaker_as_subject_starts_a_new_clause(detector):
    """Set 84 (tiny.en, 16 kHz): "... after a sentence for murder in" | "I've got nowhere to
    live." Whisper wrote no full stop between the segments; the second is the caller's next
    matter. A next segment that goes on about the disclosure still joins it."""
    transcript = make_transcript(["Housing.", "1|I was released last week after a sentence for burglary in", "1|I've got nowhere to live."])
    found = detected_words(transcript, detector.detect(transcript))
    assert found["criminal_offence"][-1] == "in" and "nowhere" not in found["criminal_offence"], found
    transcript = make_transcript(["Housing.", "1|I was released last week after a sentence for burglary and", "1|I'm on licence till March."])
    found = detected_words(transcript, detector.detect(transcript))
    assert found["criminal_offence"][-1] == "March.", found


def test_a_sentence_with_not_go_in_it_is_no_email_ending(detector):
    """"not go" is how "dot co" is heard, but only "not UK", "not com" or "not co" end an
    address: "I do not go there often." after an email is the caller's next sentence."""
    transcript = make_transcript(["And an email for the confirmation.", "It's r dot patel at yahoo.", "I do not go there often.", "Thank you."])
    found = detected_words(transcript, detector.detect(transcript))
    assert found["email_address"][-1] == "yahoo." and "there" not in found["email_address"], found


def test_a_disclosure_answer_ends_at_the_agents_next_question_over_a_period(detector):
    """Dev call at 8 kHz: "Any hospital stays in the last two years?" came out as "And it's
    hospital's pain in the last two years." with no "?"; it is the agent asking on, not more of
    the caller's answer. The caller's own sentence about a period goes on."""
    lines = ["Before I quote, do you have any pre -existing medical condition?", "Yes, I have a epilepsy and I take a maternity leave in May.",
             "And it's hospital's pain in the last two years.", "I have a fever last March."]  # fmt: skip
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert "hospital's" not in found["health"] and "epilepsy" in found["health"], found
    transcript = make_transcript(["Any medical conditions?", "I had a stroke.", "I've had two in the last three years."])
    found = detected_words(transcript, detector.detect(transcript))
    assert found["health"][-1] == "years.", found


def test_the_agent_asking_for_another_item_is_no_answer(detector):
    """Mono, shared dev call dev-bank-10 as base heard it: "I need your bank details." then the
    agent's own "Sort code for it." is no account number; the sort code read after it is."""
    transcript = make_transcript(["To set up the refund I need your bank details.", "Sort code for it.", "Okay."])
    assert "bank_account" not in detected_words(transcript, detector.detect(transcript))
    transcript = make_transcript(["To set up the refund, I need your bank details.", "Sort code for it, well, 40 12 06, account 71224998."])
    found = detected_words(transcript, detector.detect(transcript))
    assert "Sort" not in found.get("bank_account", []) and "40" in found["sort_code"], found


def test_an_answer_ends_where_the_agent_asks_for_the_next_item(detector):
    """A mono call whose recogniser ran the agent's questions into the caller's values: each
    answer stops at the next question ("and the expiry", "last three on the back") and at the
    agent saying what happens next ("I'll text it to you")."""
    transcript = make_transcript([
        "Renewals, can I take the long number on your card?",
        "5 -4 -5 -2, 1 -8 -3 -4 -7 -6 -4, 9 -0 -1 -8, and the expiry, and on November 27th,",
        "Last free on the back, 4 -4 -1, you're renewed for another year.",
    ])
    found = detected_words(transcript, detector.detect(transcript))
    assert found["card_number"][-1] == "-8,", found
    assert found["card_expiry"] == ["and", "on", "November", "27th,"], found
    assert found["card_security_code"] == ["4", "-4", "-1,"], found
    phone = make_transcript(["A phone number for the proof.", "So 771 to 345981, I'll text it to you today."])
    found = detected_words(phone, detector.detect(phone))
    assert found["phone_number"] == ["771", "to", "345981,"], found


def test_an_answer_runs_to_the_agents_next_question_said_without_a_comma(detector):
    """Mono: "How would you describe your ethnicity? I'm an Irish traveller and you and your
    national insurance number ...": the ethnicity answer ends before the agent's "and you"."""
    transcript = make_transcript(["How will you describe your ethnicity? I'm an Irish traveller and you and your national insurance number", "Yeah, J K one two three four five six C."])
    found = detected_words(transcript, detector.detect(transcript))
    assert found["racial_ethnic_origin"][-1] == "traveller", found


def test_an_answer_ends_where_an_unpunctuated_sentence_begins(detector):
    """base writes a mono call's turns with capitals but no full stops: "0428 And the security
    code? 992 That's gone through". The agent's words after each value stay audible."""
    transcript = make_transcript(["What's the card number? 4111 1111 1111 1111 And the expiry? 0428 And the security code? 992 That's gone through."])
    found = detected_words(transcript, detector.detect(transcript))
    bleeped = {w for words in found.values() for w in words}
    assert {"4111", "0428", "992"} <= bleeped
    assert not bleeped & {"And", "expiry?", "security", "That's", "gone"}, found
    # Set 56: the agent's "Noted" in a segment of its own, run on from the digits.
    passport = make_transcript(["The passport number for the power of attorney check.", "542 -991 -307", "Noted"])
    found = detected_words(passport, detector.detect(passport))
    assert found["passport_number"] == ["542", "-991", "-307"], found



def test_an_email_goes_on_into_a_short_sentence_with_its_domain_only(detector):
    """An email cut at a spoken "dot" goes on into the next sentence when that sentence is the
    rest of an address, not when it is the caller talking about a website."""
    rest = make_transcript(["What email should it go to?", "1|K.", "1|not ramen .hottmail .co .uk"])
    assert detected_words(rest, detector.detect(rest)).get("email_address") == ["K.", "not", "ramen", ".hottmail", ".co", ".uk"]
    talk = make_transcript(["What email should it go to?", "1|K.", "1|I found the form on the www .gov .uk site, but that's another matter entirely and not for today."])
    assert detected_words(talk, detector.detect(talk)).get("email_address") == ["K."]


@pytest.mark.parametrize("lines, category, answer", [
    # Stereo: the agent waits between the question and the answer.
    (["Airline bookings. Your booking name for the ticket?", "Take your time.", "1|A litre of noise.", "Thanks."], "person_name", ["A", "litre", "of", "noise."]),
    (["Council sites. What's your current address?", "No rush.", "1|I launch and close.", "And we'll write to you."], "address", ["I", "launch", "and", "close."]),
    # The caller finds it first.
    (["Council sites. What's your current address?", "1|Hang on, let me check.", "1|I launch and close.", "And we'll write to you."], "address", ["I", "launch", "and", "close."]),
])
def test_an_answer_put_off_by_a_holding_sentence_is_the_sentence_after_it(detector, lines, category, answer):
    transcript = make_transcript(lines)
    assert detected_words(transcript, detector.detect(transcript)).get(category) == answer


def test_a_holding_sentence_then_the_agent_moving_on_is_no_answer(detector):
    transcript = make_transcript(["Council sites. What's your current address?", "1|Okay.", "Thanks, I'll find it on the system.", "1|Great."])
    assert "address" not in detected_words(transcript, detector.detect(transcript))



def test_a_name_found_once_is_found_wherever_it_is_said_again(detector):
    """The redacted transcript must not give the caller's name away in the agent's read-back."""
    intro = make_transcript(["Occupational health, you're speaking to Nadia.", "1|Hi Nadia, it's Robert Fenwick from the warehouse."])
    assert detected_words(intro, detector.detect(intro))["person_name"].count("Nadia,") == 1
    read_back = make_transcript(["Patient records. What's your new full name?", "1|Chloe Adams.", "Done, Chloe."])
    assert "Chloe." in detected_words(read_back, detector.detect(read_back))["person_name"]


def test_a_name_that_is_a_word_is_not_found_again_where_it_opens_a_sentence(detector):
    transcript = make_transcript(["Can I take your name?", "1|It's Hope Okafor.", "Hope you don't mind me asking, Hope, is that with one F?"])
    words = detected_words(transcript, detector.detect(transcript))["person_name"]
    assert words.count("Hope,") == 1 and "you" not in words and words.count("Hope") == 1, words
def test_groups_after_a_card_read_in_one_run_are_its_expiry_and_code(detector):
    """Short numbers after "card" count towards the card only until it was read: here it came
    in one run, so "December 28" is its expiry and 442 its security code."""
    transcript = make_transcript(["To hold the room I need a card.", "It's 3782 822 463 1005.", "Expire it, December 28.", "And the code on the front, 442."])
    found = detected_words(transcript, detector.detect(transcript))
    assert found["card_number"] == ["3782", "822", "463", "1005."]
    assert found["card_expiry"] == ["December", "28."] and found["card_security_code"] == ["442."], found


def test_groups_read_after_a_payment_question_add_up_to_a_card(detector):
    """"By card. Four four eight five" came out as "I can't 485": no card was named, but the
    agent asked how the caller would pay, and the groups read after it add up to a card."""
    transcript = make_transcript(["How would you like to pay?", "1|I can't 485,", "Okay.", "1|6209", "Yep.", "1|1173 5526."])
    found = detected_words(transcript, detector.detect(transcript))
    bleeped = {w for words in found.values() for w in words}
    assert {"485,", "6209", "1173", "5526."} <= bleeped, found
    assert found["card_number"][:2] == ["485,", "6209"], found
    assert not bleeped & {"How", "pay?", "Okay.", "Yep."}, found


def test_a_group_read_in_its_own_turn_joins_the_run_after_it(detector):
    """No card was named ("Can I take the card number?" came out as "a look at number"): the
    first group, read alone before a back-channel, and the long run after it make a card's
    length, so both are the card, and what follows it is its expiry and security code."""
    transcript = make_transcript(
        ["Can I take a look at number?", "1|four six five nine", "Mm mm.", "1|go to 8 8 1 3 7 1 4 4 2 6",
         "And when done it is fired.", "1|And on January 28 eight five five"]
    )  # fmt: skip
    found = detected_words(transcript, detector.detect(transcript))
    assert found["card_number"][:4] == ["four", "six", "five", "nine"], found
    assert {"January", "28"} <= set(found["card_expiry"]) and {"eight", "five"} <= set(found["card_security_code"]), found
    assert not {w for words in found.values() for w in words} & {"Mm", "mm."}, found


def test_groups_of_four_read_a_turn_each_are_a_card_without_a_checksum(detector):
    """"Ready for the card number" came out as "the car number", and one digit was misheard, so
    the sixteen digits fail Luhn: groups of four read between back-channels are still a card,
    and the groups after it its expiry and code, though the agent's "valid until date?" came
    out as "until paid" (a payment word, not the start of another card)."""
    transcript = make_transcript(
        ["Parking fines. Ready for the car number when you are.", "1|Right, 4 -6 -5 -8,", "Uh -huh.", "1|2 -2 -1 -0,",
         "Yep.", "1|3 -3 -9 -1 -4 -6 -2 -4,", "And normally until paid.", "1|0 -6 -13,", "Secure it to number from the Mac.", "1|1 -8 -8."]
    )  # fmt: skip
    found = detected_words(transcript, detector.detect(transcript))
    assert found["card_number"] == ["4", "-6", "-5", "-8,", "2", "-2", "-1", "-0,", "3", "-3", "-9", "-1", "-4", "-6", "-2", "-4,"], found
    assert found["card_expiry"] == ["0", "-6", "-13,"] and found["card_security_code"] == ["1", "-8", "-8."], found
    four_groups = make_transcript(["Go on, flat 12?", "1|12.", "Go on.", "1|4658.", "Uh-huh.", "1|2210.", "Yep.", "1|3391.", "Mm.", "1|0624."])
    assert detected_words(four_groups, detector.detect(four_groups))["card_number"] == ["4658.", "2210.", "3391.", "0624."]
    # A spoken "slash" joins the month and year of an expiry, its question lost.
    expiry = make_transcript(["Card number?", "1|4658 2210 9937 1524.", "Mm, and when done it.", "1|Oh nine slash twenty eight."])
    assert detected_words(expiry, detector.detect(expiry))["card_expiry"] == ["Oh", "nine", "slash", "twenty", "eight."]
    # Mono, "sixteen digits" heard as "fixing digits" and the first group's "five" as "I'm".
    lost_digit = make_transcript(["Ready when you're in the fixing digits.", "I'm 497.", "Yeah.", "4677.", "Uh -huh.", "1493.", "Yeah.", "4372."])
    assert detected_words(lost_digit, detector.detect(lost_digit))["card_number"] == ["497.", "4677.", "1493.", "4372."]
    # A phone number's three groups, or four years, are not a card.
    for lines in (["Your number?", "1|0113.", "Yep.", "1|496.", "Yep.", "1|2281."],
                  ["Which years?", "1|2019.", "Yep.", "1|2020.", "Yep.", "1|2021.", "Yep.", "1|2022."]):
        grouped = make_transcript(lines)
        assert "card_number" not in detected_words(grouped, detector.detect(grouped)), lines
    # Numbers said between other words are not the groups of one card.
    references = make_transcript(["Orders.", "1|My reference is 1234 and the order was 5678, then 4321 and 8765."])
    assert "card_number" not in detected_words(references, detector.detect(references))


def test_a_card_prompt_without_a_question_still_gets_its_answer(detector):
    """"Ready for the card number when you are." asks; its garbled answer is the card."""
    transcript = make_transcript(["Ready for the card number when you are.", "1|Right, RxI made", "Uh -huh.", "1|4658 2210 3391 0624."])
    found = detected_words(transcript, detector.detect(transcript))
    assert found["card_number"][:2] == ["RxI", "made"], found


@pytest.mark.parametrize(
    "lines",
    [
        # A phone number after a flat number; an account number after its sort code's last group.
        ["What's the best number?", "1|Flat 12.", "1|07700 900 123."],
        ["And the sort code?", "1|20 45", "Yep.", "1|77 31 90 44"],
    ],
)
def test_a_short_group_joins_a_run_only_to_make_a_card(detector, lines):
    transcript = make_transcript(lines)
    assert "card_number" not in detected_words(transcript, detector.detect(transcript))


def test_words_between_the_digits_of_a_card_group_are_digits_misheard(detector):
    """"seven five three four" came out as "Seven, I'm free -four": the words between two
    digits of one group are bleeped with them; the agent's turns between groups are not."""
    transcript = make_transcript(["Box office.", "1|I'll pay by Mastercard, 5412.", "Yep.", "1|Seven, I'm free -four.", "Uh-huh.", "1|1234 5678."])
    found = detected_words(transcript, detector.detect(transcript))
    assert {"5412.", "Seven,", "I'm", "free", "-four."} <= set(found["card_number"]), found
    bleeped = {w for words in found.values() for w in words}
    assert not bleeped & {"Yep.", "Uh-huh.", "Which"}, found


def test_a_finding_in_a_looped_segment_covers_the_whole_segment(detector):
    """The recogniser looped over a card being read ("Five will no five, ..."): where the
    digits fell is unknown, so the segment is bleeped whole, not only the words read as digits."""
    loop = "Five will no five, " * 8
    transcript = make_transcript(["Can I take the long number on the card?", "1|" + loop.strip(), "Thanks, that's gone through."])
    assert transcript.segments[1].repeats_itself
    detections = detector.detect(transcript)
    covered = {key for d in detections for key in d.words}
    assert all((1, wi) in covered for wi in range(len(transcript.segments[1].words))), detected_words(transcript, detections)
    assert not any(si != 1 for si, _ in covered)


def test_a_value_ends_where_an_unpunctuated_sentence_takes_another_turn(detector):
    """'4111... And next I will go ...': a value read out ends at a capitalised 'And' that does
    not go on with digits, even when the agent's words that follow are no known phrase."""
    transcript = make_transcript(["What's the card number?", "4111111111111111 And next, did you get the letter? And 5 we sent.", "Yes."])
    found = detected_words(transcript, detector.detect(transcript))
    assert found["card_number"] == ["4111111111111111"], found


@pytest.mark.parametrize(
    "lines, category, expected",
    [
        # An item's name garbled in the question, matched by sound: "post, God" for postcode,
        # "expert date" for expiry date, "date of bath" for date of birth.
        (["What's your post, God?", "1|Sk4, won't be in."], "postcode", ["Sk4,", "won't", "be", "in."]),
        (["And the expert date?", "1|Oh four, twenty eight."], "card_expiry", ["Oh", "four,", "twenty", "eight."]),
        (["What's your date of bath?", "1|Second of May, sixty one."], "date_of_birth", ["Second", "of", "May,", "sixty", "one."]),
    ],
)
def test_a_garbled_question_is_matched_by_sound(detector, lines, category, expected):
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get(category) == expected, found


@pytest.mark.parametrize(
    "lines",
    [
        # Sounds like the item, but no question: the caller's own words are not a prompt.
        ["We'll post it, God knows when.", "1|Tuesday or Wednesday, won't be in on Monday."],
        # A question that only shares some sounds ("unrest" is no "address").
        ["Is there any unrest there?", "1|Twelve people, all quiet now."],
    ],
)
def test_sound_alike_prompts_need_a_question_that_sounds_like_the_item(detector, lines):
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert not set(found) & {"postcode", "address"}, found


def test_detections_do_not_depend_on_the_hash_seed():
    """Presidio de-duplicates equal results (same item, words and score) through a set, so
    which detector is named for them changed from run to run unless scores differ. Two
    processes with different hash seeds must name the same detectors."""
    script = (
        "from pipeline.config import load_settings\n"
        "from pipeline.detect import Detector\n"
        "from tests.conftest import make_transcript\n"
        "t = make_transcript(['Can I take the long car number please?', "
        "'1|four nine two nine three eight one two six six seven oh one two three four', "
        "'And the expiry?', '1|oh four twenty eight'])\n"
        "print(sorted((d.category, d.detector, d.score, d.words) for d in Detector(load_settings(None)).detect(t)))\n"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300,
                             env={**os.environ, "PYTHONHASHSEED": seed})  # fmt: skip
        assert run.returncode == 0, run.stderr[-1500:]
        outputs.add(run.stdout)
    assert len(outputs) == 1, outputs
    assert "card_number" in next(iter(outputs))


def _hinted(first: list[str], second: list[str]) -> Transcript:
    """A transcript whose second decode (given the special-category vocabulary) heard
    `second` where the first pass heard `first`, word for word at the same times."""
    transcript = make_transcript(first)
    hinted = make_transcript(second)
    assert [len(s.words) for s in transcript.segments] == [len(s.words) for s in hinted.segments]
    return replace(transcript, hinted=hinted.segments)


def _found_hinted(detector, first: list[str], second: list[str]) -> dict[str, list[str]]:
    """What `detector` finds in _hinted(first, second), by category."""
    transcript = _hinted(first, second)
    return detected_words(transcript, detector.detect(transcript))


def test_a_vocabulary_word_the_second_decode_put_on_a_spelled_email_is_no_disclosure(detector):
    """tiny.en at 8 kHz: "j dot price at outlook dot com"; the decode given "gay" in its
    vocabulary wrote "Gay" for the "j". The first pass found an email there: no orientation.
    Over digits the same rule does not hold (a first pass looping on digits hides speech)."""
    first = ["And your email for the documents?", "1|yay dot price at outlook dot com."]
    found = _found_hinted(detector, first, ["And your email for the documents?", "1|Gay not pride at outlook dot com."])
    assert "email_address" in found and "sex_life_sexual_orientation" not in found, found
    digits = ["And the account number?", "1|6 -6 -1 -2 -0 -4 -8 -9 -9 -9 -9 -9"]
    assert "sex_life_sexual_orientation" in _found_hinted(detector, digits, ["And the account number?", "1|Six six one two, oh four eight nine. I'm gay, and I'm"])


def test_the_digits_before_a_card_number_are_its_own_however_many_it_has(detector):
    """tiny.en at 8 kHz (set 83): "Four five three nine, oh five double two, ..." with the
    expiry and the code read on in the same breath, heard as "Viva, or I'm free 9, 0, I'm
    double 2, ...". The number found from "I'm double 2" had digits enough with the expiry's
    and the code's, so its first ones were left. They go with it, with their sound-alikes
    ("free"), but not the words before them ("the number is")."""
    transcript = make_transcript(["Which card will you guarantee the room with?", "1|Visa, or I'm free 9, 0, I'm double 2, 7, 2, 6, 4, 0, 4, double 1, 12, 26, 6, 1, 10, 1."])
    words = transcript.segments[1].words
    number = Detection("card_number", 0.9, "DigitRunRecognizer", tuple((1, i) for i in range(6, len(words))))
    lead_in = detector._card_number_lead_in(transcript, [number])
    assert [words[wi].text for d in lead_in for _, wi in d.words] == ["free", "9,", "0,"]
    transcript = make_transcript(["Which card would you like to use?", "1|American Express, the number is 3714, 36358EIN, 279EIN, 1234 5678."])
    words = transcript.segments[1].words
    number = Detection("card_number", 0.9, "PromptedAnswerRecognizer", tuple((1, i) for i in range(7, len(words))))
    lead_in = detector._card_number_lead_in(transcript, [number])
    assert [words[wi].text for d in lead_in for _, wi in d.words] == ["3714,", "36358EIN,"]


def test_a_vocabulary_word_the_second_decode_put_on_a_spelled_letter_is_no_disclosure(detector):
    """Base at 8 kHz (set 83): the booking reference "K L nine nine four two" heard as
    "K .L .I .N ..."; the decode given the vocabulary wrote "Gay," for the "K". Said as what
    the speaker is, a letter may be the word: "I'm B." for "I'm bi"."""
    first = ["Your booking reference?", "1|K .L .I .N .I .N .FORGOO."]
    assert "sex_life_sexual_orientation" not in _found_hinted(detector, first, ["Your booking reference?", "1|Gay, .L .I .N .I .N .FORGOO."])
    first = ["Staff wellbeing.", "1|I'm B. and a colleague keeps making comments."]
    assert "sex_life_sexual_orientation" in _found_hinted(detector, first, ["Staff wellbeing.", "1|I'm bi and a colleague keeps making comments."])


def test_a_vocabulary_word_the_second_decode_put_on_a_filler_or_a_lone_digit_is_no_disclosure(detector):
    """Base at 8 kHz (sets 25 and 32): "Gay" where the first pass heard "Yeah," before a
    spelled email, and "AIDS" where it heard the "8" of "a curfew from 8". Neither call
    holds special-category data. A word a filler stands beside is still heard."""
    first = ["And your email for the documents?", "1|Yeah, not pride at outlook dot com."]
    found = _found_hinted(detector, first, ["And your email for the documents?", "1|Gay not pride at outlook dot com."])
    assert "email_address" in found and "sex_life_sexual_orientation" not in found, found
    first = ["Broadband support.", "1|I'm on a card with a curfew from 8, so once the last one."]
    assert "health" not in _found_hinted(detector, first, ["Broadband support.", "1|I'm on a tag with a curfew from AIDS, so once the last one."])
    first = ["Annual leave, what dates are you after?", "1|Yeah, I'm mostly, so Fridays off please."]
    assert "religious_belief" in _found_hinted(detector, first, ["Annual leave, what dates are you after?", "1|Yeah, I'm Muslim, so Fridays off please."])


@pytest.mark.parametrize(
    "lines, disclosure, kept",
    [
        # Set 40: the speaker's other action before "and" is no part of the disclosure.
        (["Gym memberships.", "1|I need to freeze my membership and started chemotherapy for breast cancer."], ["started", "chemotherapy"], ["freeze", "membership"]),
        # ... nor what the people around go on to want ("and the lads want ...").
        (["Fleet hire.", "1|I'm the GMB rep at the depot and the lads want to know about the new rotas."], ["GMB", "rep"], ["lads", "rotas."]),
        # ... nor some of them ("and three of the lads"), with its comma or without (set 67).
        (["Payroll.", "1|I'm the DMV Stewart and the Depot, and three of the labs were short paid."], ["DMV", "Stewart"], ["three", "paid."]),
        (["Payroll.", "1|I'm the GMB steward at the depot and three of the lads were short paid."], ["GMB", "steward"], ["three", "paid."]),
        (["University payroll.", "1|I'm the UCU rep for our department and several of us were docked pay for the strike days."], ["UCU", "department"], ["several", "docked", "days."]),
        # ... nor what nobody did ("and nobody asked me").
        (["School office.", "1|The canteen scanned my daughter's fingerprint to pay for lunch and nobody asked me."], ["fingerprint", "lunch"], ["nobody", "asked"]),
        # ... nor the segments after the next when Whisper wrote no punctuation (base at 8 kHz).
        (["mental practice", "I'm fasting for Ramadan", "so till now I have a morning appointment", "of course", "your turn", "aim"], ["Ramadan", "appointment"], ["course", "turn"]),
        # ... nor the caller's question after a comma.
        (["Power cut line.", "1|I'm on oxygen at night, when will the power be back?"], ["oxygen", "night,"], ["power", "back?"]),
        # A clause about a thing goes on only with what worsens a condition ("and the damp is
        # making it worse"), not with a form that names a partner.
        (["Joint accounts.", "1|My husband and I are a same-sex couple and the form keeps asking for a wife."], ["same-sex", "couple"], ["form", "wife."]),
        # ... nor the caller's question after a comma ("..., we'll not show on the check").
        (["Volunteering.", "1|I got a police caution for possession of cannabis, we'll not show on the check."], ["caution", "cannabis,"], ["show", "check."]),
        # ... nor what those close to the speaker will not do (set 77).
        (["Council.", "1|I came out as bi last year and my family won't speak to me."], ["came", "bi", "year"], ["family", "speak", "me."]),
        (["Gym.", "1|I've got epilepsy and my doctor won't sign me off for the pool."], ["epilepsy"], ["doctor", "sign", "pool."]),
        # ... nor the agent's acknowledgement run in after a comma in mono (tiny.en, set 77).
        (["Funeral directors, mum won a practice in Buddhist and the monks from the temple will lead the service, of course, and a contact number."], ["Buddhist", "service,"], ["of", "course,"]),
        # ... nor what the speaker needs next, its subject left out, nor what a thing does (set 78);
        # what the condition needs goes on.
        (["Print shop.", "1|I'm standing for Alba in the council by-election and need 2000 leaflets."], ["Alba", "by-election"], ["need", "leaflets."]),
        (["Fire service HR.", "1|I'm in the FBU and the new shift pattern breaks our agreement."], ["FBU"], ["shift", "breaks", "agreement."]),
        (["Renal unit.", "1|I've got kidney failure and need dialysis three times a week."], ["kidney", "need", "dialysis"], []),
        (["School.", "1|She's got type one and needs to check her sugars at lunch."], ["type", "needs", "sugars"], []),
        (["Catering.", "1|We're both pagans and want a handfasting ceremony on the solstice."], ["pagans", "want", "handfasting"], []),
    ],
)
def test_a_disclosure_stops_where_another_clause_begins(detector, lines, disclosure, kept):
    transcript = make_transcript(lines)
    bleeped = {w for words in detected_words(transcript, detector.detect(transcript)).values() for w in words}
    assert set(disclosure) <= bleeped and not set(kept) & bleeped, bleeped


def test_a_compound_subject_or_a_list_before_and_stays_in_the_disclosure(detector):
    """"My husband and I are both men", "a kirpan and turban": not two clauses."""
    for lines, expected in [
        (["Pensions.", "1|My husband and I are both men."], ["husband", "both", "men."]),
        (["Stadium security.", "1|I wear a kirpan and turban at all times."], ["kirpan", "turban"]),
    ]:
        transcript = make_transcript(lines, pitch_hz=110.0)
        bleeped = {w for words in detected_words(transcript, detector.detect(transcript)).values() for w in words}
        assert set(expected) <= bleeped, (lines, bleeped)


def test_the_agents_next_question_and_confirmation_are_not_the_expiry_or_the_code(detector):
    """Set 41, mono: "1129", "Free digit code?", "558", "Booked, ..." as base wrote them, no
    full stop after the digits. A capital after an expiry's or a code's digits begins the
    agent's next sentence; "Free digit code?" is a question, not digits read on. A held
    answer ("Yeah, hang on, my glasses.") is no value."""
    mono = make_transcript(["Flights desk, can I take the card number?", "Yeah, hang on, my glasses.", "Right, 5444 4353 0898 7961 9.",
                            "And the expiry?", "1129", "Free digit code?", "558", "Booked, you'll get an email shortly."])  # fmt: skip
    found = detected_words(mono, detector.detect(mono))
    assert found.get("card_expiry") == ["1129"] and found.get("card_security_code") == ["558"], found
    assert not {"glasses.", "Free", "Booked,"} & {w for words in found.values() for w in words}, found


def test_the_agents_next_sentence_after_a_comma_is_not_the_code(detector):
    """Set 89, mono, base at 8 kHz: "and the security number 305," then "your first issued
    amount on Friday.", and the same in one sentence: a clause with no digits that opens as the
    agent's next sentence ends a code or an expiry; digits after a comma go on with it."""
    for lines, item, value in [
        (["Expiry date, and the security number 305,", "your first issued amount on Friday."], "card_security_code", ["305,"]),
        (["Security number?", "305, your first issue goes out on Friday."], "card_security_code", ["305,"]),
        (["Expiry?", "06, 28, thanks, that's all."], "card_expiry", ["06,", "28,"]),
    ]:
        transcript = make_transcript(lines)
        assert detected_words(transcript, detector.detect(transcript)).get(item) == value, lines


def test_what_spacy_takes_for_a_name_is_trimmed_to_the_name_or_dropped(detector):
    """Cached evaluation: spaCy's PERSON over call transcripts took in a card's brand as heard
    ("MasterCAD"), a way to pay ("Card, 5156, ..."), staff numbers ("SD418") and an opening word
    run on into the sentence ("Passport number"). A name keeps its capitalised words and particles; a name that is an
    English word, said on its own, stays a name ("Peter, no act."); the Union Jack is no one's."""
    for lines, names, not_names in [
        (["Thanks for calling, you're speaking with Olivia, can I take your name?", "1|Yeah, it's Daniel Hughes."],
         {"Olivia,", "Daniel", "Hughes."}, set()),
        (["Your full name", "1|Peter, no act."], {"Peter,"}, set()),
        (["Your surname?", "1|It's Masters, Jo Masters."], {"Masters,", "Jo", "Masters."}, set()),
        (["Billing.", "1|Hello, it's Marie von Nguyen, calling about my bill."], {"Marie", "von", "Nguyen,"}, {"calling"}),
        (["Which card?", "1|MasterCAD.", "And your staff number?", "1|SD418."], set(), {"MasterCAD.", "SD418."}),
        (["Florist, how would you like to pay?", "1|Card, 5156, 0881."], set(), {"Card,"}),
        # Set 57: the agent's "Lovely, that's booked." heard as "Lovely, Max Booked."
        (["And the three digits on the back.", "1|9 -1.", "Lovely, Max Booked."], set(), {"Max", "Booked."}),
        # Set 67: the flag is no one ("Union Jack" or "Jack" alone, as spaCy tags it).
        (["Party supplies.", "1|I'm ordering Union Jack bunting for Trinity College."], set(), {"Union", "Jack"}),
        (["Party supplies.", "1|Some Union Jack flags, and my name's Jack Reilly."], {"Jack", "Reilly."}, set()),
    ]:
        transcript = make_transcript(lines)
        found = set(detected_words(transcript, detector.detect(transcript)).get("person_name", []))
        assert names <= found and not not_names & found, (lines, found)


def test_words_sounding_like_digits_before_a_card_number_heard_with_14_digits_are_its_first(detector):
    """Set 61 at 8 kHz, stereo, as base heard it: "five three five three, one oh four two,
    ..." came out as "I'm free, I'm free, 1042, 778, 3901, 711," (14 digits, as a Diners card
    has, but most cards have 16) after a question for "the fixing digits"."""
    transcript = make_transcript(["What a real, I'm ready for the fixing digits.", "1|I'm free, I'm free, 1042, 778, 3901, 711,"])
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get("card_number") == ["I'm", "free,", "I'm", "free,", "1042,", "778,", "3901,", "711,"], found


def test_the_callers_digits_in_a_card_call_are_card_data_when_the_numbers_question_was_lost(detector):
    """Set 54 at 8 kHz, stereo: "Long number on the card?" came out as "long humble on the car,"
    and the number as "4M and 1Px, 3305" ... "1Px, 2Px, 2Px". The agent asked for the expiry,
    so this is a card call: the caller's runs of 3 digits or more are card data until the
    agent confirms the payment. Not a caller's "2 tickets", nor digits after the payment."""
    lines = ["Gas top up, long humble on the car,", "1|4M and 1Px, 3305", "Go on.", "1|1Px, 2Px, 2Px", "When does it expire?",
             "1|Oh 6, 28.", "Lovely, that's gone through.", "1|Can I top up 150 more next week?"]  # fmt: skip
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert {"4M", "and", "1Px,", "3305", "2Px,", "2Px"} <= set(found.get("card_number", [])), found
    assert "150" not in {w for words in found.values() for w in words}, found
    no_card = make_transcript(["Ticket office.", "1|2 tickets for Saturday, and 1 for 2 of us on Sunday."])
    assert "card_number" not in detected_words(no_card, detector.detect(no_card))


def test_in_mono_a_run_beside_a_number_already_found_in_a_card_call_is_another_of_its_groups(detector):
    """Set 88 at 8 kHz, mono (tiny.en): an Amex read in three turns, "Mm hm" and "Yes" between,
    its first two groups taken for a driving licence and a sort code and its last, "three, five,
    seven, seven, three,", for nothing. In a card call a run of 3 digits or more a few words from
    a number already found is card data, and a month with a year's digits a few words from a card's
    item its expiry; not the agent's price or date further on."""
    lines = [
        "So tell rememations, what can't what you like to guarantee the room with?",
        "May we connect three, three, seven, oh, one, M -M -H -M, one, seven, oh, eight, oh, four.",
        "Yes, three, five, seven, seven, three, and the four digits code on the front.",
        "Six, oh, nine, an estimate in the August 28.",
        "The room is guaranteed at one hundred and twenty five pounds a night from July 26.",
    ]  # fmt: skip
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert ["three,", "five,", "seven,", "seven,", "three,"] == [
        w for w in found.get("card_number", []) if w in {"three,", "five,", "seven,"}
    ][-5:], found
    assert not {"hundred", "twenty", "pounds", "July", "26."} & {w for words in found.values() for w in words}, found
    # The expiry's question garbled ("Expiry date?" as "an estimate"), its month and year said a
    # few words after the code: card data, month and all.
    assert {"August", "28."} <= set(found.get("card_expiry", [])), found
    # Without a card's question the caller's numbers are not card data.
    no_card = make_transcript(["Booking office.", "Room one two three, then four five six, and seven eight nine."])
    assert "card_number" not in detected_words(no_card, detector.detect(no_card))


def test_a_number_ends_at_its_last_digit_before_the_agents_next_question(detector):
    """Set 87 at 16 kHz, mono (base): "And the sort code for the refund?" ran on after the
    passport number, its item garbled: "533 -812 -409 and the SOT card for the refund." The
    number ends at its last digit where "and the" or "and your" follows with no digit after."""
    lines = ["Passport Renewals, your current passport number please.", "533 -812 -409", "and the SOT card for the refund.", "20 -41 -80",
             "account number", "6137 -2284", "and your post card.", "LS6 -3QR"]  # fmt: skip
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get("passport_number") == ["533", "-812", "-409"], found


def test_a_card_items_question_run_into_its_answer_is_no_part_of_it(detector):
    """Set 88 at 16 kHz, mono (base): the agent's "And the four digit code on the front?" and
    "Expiry date?" ran on, unpunctuated, into the caller's answers and the agent's closing line:
    "..., and the 4 digit code on the front, 6 -09 expiry date in the August 28 the room is
    guaranteed". The code starts at the clause of its first digit, the expiry after its
    question's "date", and a short item ends where "the" opens the next sentence after its
    digits."""
    lines = [
        "Hotel Resonations, what card would you like to guarantee the room with?",
        "American Express 3701, MMHM 170804, yes, 35773, and the 4 digit code on the front,",
        "6 -09", "expiry date", "in the August 28", "the room is guaranteed",
    ]  # fmt: skip
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get("card_security_code") == ["6", "-09"], found
    assert "28" in found.get("card_expiry", []) and not {"date", "room", "is"} & set(found["card_expiry"]), found
    # Set 87 at 16 kHz, mono (base): where the code is printed, said with no pause before it.
    lines = ["Jim emberships, which cannot be put in it on?", "Master card 222 -3 -9808", "Uh -huh", "4 -6 -9 -6 -4 -4 -0 -9",
             "Validanteel", "October 26", "Lost 3 digits on the signature strip", "7 -0 -3", "Welcome to the gym"]  # fmt: skip
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get("card_security_code") == ["7", "-0", "-3"], found


def test_a_card_number_short_of_digits_takes_the_words_before_it_that_sound_like_digits(detector):
    """Set 54 at 8 kHz, mono: "Five three five five, one eight seven four, ..." came out as
    "I'm free, I'm I'm 1 -8 -7 -4, double 0 -6 -6, 9 -1 -3 -6,": twelve digits, too few for a
    card, and "free" is a digit heard as a word. The words before the first digit in its
    sentence (4 at most) are the number's too; not when none sounds like a digit, nor past a
    sentence end."""
    lines = ["Parking fines, which car are you paying with?", "I'm free, I'm I'm 1 -8 -7 -4, double 0 -6 -6, 9 -1 -3 -6,"]
    transcript = make_transcript(lines)
    assert {"I'm", "free,"} <= set(detected_words(transcript, detector.detect(transcript)).get("card_number", []))
    plain = make_transcript([lines[0], "Yes, it's 1 -8 -7 -4, double 0 -6 -6, 9 -1 -3 -6,"])
    assert "Yes," not in detected_words(plain, detector.detect(plain)).get("card_number", [])
    # Set 57, mono with no punctuation: "for" in the agent's "Ready for the card" is the
    # question's word, not a digit.
    asked = make_transcript(["coach tickets ready for the card when you are time free time for 1 -2 payment"])
    numbers = [k for d in detector.detect(asked) if d.category == "card_number" for k in d.words]
    assert numbers and not {(0, 2), (0, 3), (0, 4), (0, 5)} & set(numbers), numbers  # "ready for the card"


def test_a_bare_request_for_the_code_is_answered_and_a_count_after_it_is_no_part_of_it(detector):
    """Set 59 at 8 kHz, mono (tiny.en): "Last three digits on the back?" came out as "Last free
    ticket from the mark." with no "?", and its answer as "I'm O 'Hine."; a noun phrase that
    opens with "last" asks, as one with "your" does. The agent's "Two seats in the circle,
    all done." after it counts seats: no part of the code."""
    lines = ["Pet insurance.", "Last free ticket from the mark.", "I'm O 'Hine.", "Two seats in the circle, all done."]
    found = detected_words(make_transcript(lines), detector.detect(make_transcript(lines)))
    assert {"O", "'Hine."} <= set(found.get("card_security_code", [])), found
    assert not {"Two", "seats"} & {w for words in found.values() for w in words}, found


def test_an_items_name_in_the_question_before_the_value_does_not_end_it(detector):
    """Set 58 at 8 kHz, mono: "And the postcode on the account?" lost its "?" and ran into the
    answer. "account" ends a value said after it ("sort code 40 12 06, account ..."), but said
    before the value's first digit it is the question's own word; the value is the clause
    with the digits."""
    transcript = make_transcript(["Refunds.", "And the postcode on the account,", "M20 for a T.", "Refund sent."])
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get("postcode") == ["M20", "for", "a", "T."], found


def test_a_card_number_read_when_the_agent_is_ready_for_the_card_is_card_data(detector):
    """Set 57 at 8 kHz, mono: "Ready for the card when you are." and then the number heard as
    words and two digits ("time free time for 1 -2 payment, ..."); "And the three digits on
    the back." heard as "And the free tickets on the map." and its code as "9 -1"."""
    lines = ["Coach tickets, ready for the card when you are.", "Time free time for 1 -2 payment, payment free time for 1 -6.",
             "Expiry date, please.", "Well, 20 payment.", "And the free tickets on the map.", "9 -1.", "Lovely, that's booked."]  # fmt: skip
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert {"Time", "free", "1", "-2", "-6."} <= set(found.get("card_number", [])), found
    assert {"9", "-1."} <= set(found.get("card_security_code", [])), found
    assert not {"Coach", "tickets,", "Lovely,"} & {w for words in found.values() for w in words}, found


def test_the_callers_digits_after_the_expiry_are_the_code_when_its_question_was_lost(detector):
    """Set 42 at 8 kHz, stereo: "And the four digit number on the front?" came out as "And
    before we get to know the number?", and "eight two seven seven" as "-2 -M -1". With a
    card's number and expiry found and no code, the caller's words after the expiry up to the
    last with a digit are the code; not after the agent confirmed the payment."""
    lines = ["Car hire desk. Which card are you using?", "1|Amex, 3710 433218 19600.", "When does it expire?", "1|12 27.",
             "And before we get to know the number?", "1|-2 -M -1.", "Thank you, that's booked."]  # fmt: skip
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get("card_security_code") == ["-2", "-M", "-1."], found
    paid = make_transcript(lines[:4] + ["Lovely, that's gone through.", "1|And 2 more tickets for Sunday?"])
    found = detected_words(paid, detector.detect(paid))
    assert "card_security_code" not in found, found


def test_in_mono_the_first_sentence_with_a_digit_after_the_expiry_is_the_code_when_its_question_was_lost(detector):
    """Set 67 at 8 kHz, mono, as tiny.en heard it: "And the security number?" came out as "And
    look at you already number." and "Nine oh three." as "I know three.". With a card's number
    and expiry found and no code, the first sentence after the expiry with a digit in it is the
    code when only the question (however garbled) or an acknowledgement came before it; not
    when other talk came first, nor after the agent confirmed the payment."""
    lines = ["Council tax. What's the number on the card?", "5356 2205 8825 6779.", "When does it expire?", "April 27.",
             "And look at you already number.", "I know three.", "That's gone through."]  # fmt: skip
    mono = make_transcript(lines)
    found = detected_words(mono, detector.detect(mono))
    assert found.get("card_security_code") == ["I", "know", "three."], found
    acknowledged = make_transcript(lines[:4] + ["Okay.", "And look at you already number.", "I know three."])
    found = detected_words(acknowledged, detector.detect(acknowledged))
    assert found.get("card_security_code") == ["I", "know", "three."], found
    # Set 62 at 8 kHz, as base heard it: "The code on the back?" as "The call on the mark?",
    # "Eight five five." as "Eight times higher.": the sentence is the code.
    garbled = make_transcript(lines[:4] + ["The call on the mark?", "Eight times higher.", "Your tickets are booked."])
    found = detected_words(garbled, detector.detect(garbled))
    assert found.get("card_security_code") == ["Eight", "times", "higher."], found
    other_talk = make_transcript(lines[:4] + ["Can I book the garden waste collection as well?", "Yes, for three bins."])
    found = detected_words(other_talk, detector.detect(other_talk))
    assert "card_security_code" not in found, found
    paid = make_transcript(lines[:4] + ["Lovely, that's gone through.", "And three more tickets for Sunday."])
    found = detected_words(paid, detector.detect(paid))
    assert "card_security_code" not in found, found


def test_a_value_read_out_ends_where_the_agent_asks_for_the_next_item_with_no_punctuation(detector):
    """Set 53, mono, as base wrote it: no punctuation after the digits, so the card number,
    the agent's "valid until", the expiry, "free digit code", the code and "Ticket service the
    post" ran together. Each value ends where the next question or sentence begins."""
    mono = make_transcript(["Ticket office, card number please.", "519 -0442 -6771 -2085", "valid until", "March 29",
                            "free digit code", "261", "Ticket service the post"])  # fmt: skip
    found = detected_words(mono, detector.detect(mono))
    assert found.get("card_number") == ["519", "-0442", "-6771", "-2085"], found
    assert {"March", "29"} <= set(found.get("card_expiry", [])) and found.get("card_security_code") == ["261"], found
    assert not {"valid", "until", "digit", "code", "Ticket", "service", "post"} & {w for words in found.values() for w in words}, found
    # Set 67, mono, as base wrote it: the agent's "That's gone through." in lower case, no full
    # stop after the code.
    mono = make_transcript(["Council tax, what's the number on the card?", "5356 -225 -8825 -6779.", "When does it expire?",
                            "April 27", "and the security number?", "903", "that's on through"])  # fmt: skip
    found = detected_words(mono, detector.detect(mono))
    assert found.get("card_security_code") == ["903"], found


def test_a_card_number_heard_with_too_few_digits_masks_the_callers_words_until_the_payment_is_done(detector):
    """Set 40 at 8 kHz, mono: "four one eight seven" came out as "All one is chairman.", the
    expiry and the code as worse. The number was asked for in a payment: the words after it
    are masked until the agent says it is done. In stereo, only the caller's."""
    lines = ["Theatre box office. The long number on the card when you're ready.", "1|All one is chairman.", "Mm-hm.",
             "1|Free time chairman.", "1|If it's time chairman.", "And the free number on the mark.", "1|It's one time.",
             "Two tickets for Saturday, all done.", "Anything else?"]  # fmt: skip
    stereo = make_transcript(lines)
    found = detected_words(stereo, detector.detect(stereo))
    # "And the free number on the mark." asks for the code ("three numbers on the back").
    card = {w for category in ("card_number", "card_security_code") for w in found.get(category, [])}
    assert {"If", "chairman.", "It's", "time."} <= card, found
    assert not {"Two", "tickets", "Anything", "Mm-hm.", "mark."} & card, found
    mono = make_transcript([line.removeprefix("1|") for line in lines])
    found = detected_words(mono, detector.detect(mono))
    assert {"If", "chairman.", "mark."} <= set(found.get("card_number", [])), found
    card = {w for category in ("card_number", "card_security_code") for w in found.get(category, [])}
    assert {"It's", "time."} <= card and not {"Two", "tickets", "Anything"} & card, found
    # A whole card number heard: nothing more is masked.
    whole = make_transcript(["Card payments, the long number please.", "1|4929 3812 6670 1212.", "Lovely.", "1|It's the blue card."])
    assert "blue" not in detected_words(whole, detector.detect(whole)).get("card_number", [])
    # No payment spoken of: "What's your employing number?" is no card's question.
    staff = make_transcript(["Payroll queries. What's your employing number?", "1|4 -4 -1 -9 -2", "1|I'm rein fatigue it."])
    assert "fatigue" not in detected_words(staff, detector.detect(staff)).get("card_number", [])


@pytest.mark.parametrize("layout", ["stereo", "mono"])
def test_a_count_of_digits_in_the_question_is_no_group_of_the_card(detector, layout):
    """"Can you read me the sixteen digits?" counts the digits: "sixteen" is no group before
    the card number read after it."""
    answer = "Four nine two nine, three eight one two, six six seven oh, one two three four."
    transcript = make_transcript(["Can you read me the sixteen digits?", ("1|" if layout == "stereo" else "") + answer])
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get("card_number") == answer.split(), found


def test_the_agents_question_for_the_next_card_item_is_not_masked_as_the_unheard_number(detector):
    """Set 63, mono: "four oh oh three, six six ..." came out as "Follow me, seek 618 -2559
    -0142.", too few digits; the expiry and the code were found after it. The words up to the
    expiry stay masked, but not the agent's question for it ("And it runs out when?")."""
    lines = ["Vet surgery payments. When you're ready, the card number.", "Follow me, seek 618 -2559 -0142.",
             "And it runs out when?", "August 27.", "Security code, please.", "Three on 8.", "Payment received."]  # fmt: skip
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    masked = {w for words in found.values() for w in words}
    assert {"Follow", "seek", "August", "Three"} <= masked, found
    assert not {"runs", "when?"} & masked, found
    # A digit in the last sentence: no question of the agent's, still masked.
    lines[2] = "Is it 42?"
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    assert {"Is", "it", "42?"} <= {w for words in found.values() for w in words}, found


def test_a_card_number_not_heard_stays_masked_past_a_code_while_the_expiry_is_unheard(detector):
    """Set 40 at 8 kHz: the code was asked for before the expiry ("And the free number on the
    mark.") and found; the expiry after it was heard as "March next year, for three, twin
    chairman." and found as nothing. The number's masking ends at the card's next items only
    when all of them were found."""
    lines = ["Theatre box office. The long number on the card when you're ready.", "1|All one is chairman.", "Mm-hm.",
             "1|Free time chairman.", "And the free number on the mark.", "1|It's one time.", "Mm.",
             "1|March next year, for three, twin chairman.", "Two tickets for Saturday, all done.", "1|Thanks, bye."]  # fmt: skip
    transcript = make_transcript(lines)
    found = detected_words(transcript, detector.detect(transcript))
    card = {w for category in ("card_number", "card_expiry", "card_security_code") for w in found.get(category, [])}
    assert {"time.", "twin", "chairman."} <= card, found
    assert not {"Thanks,", "bye."} & card, found


def test_an_expiry_said_in_words_after_a_card_number_is_its_expiry(detector):
    """tiny.en, set 44: "the end of next March" came out as "the end of next match", its
    question "And it expires?" as "And the text hires."; set 40: "March next year". Within
    the words after a card number they are its expiry; "the end of next week" is not."""
    for answer, expiry in (("Can't please, 4220 9414 1064 2830, the end of next match, 714.", ["the", "end", "of", "next", "match,"]),
                           ("4929 3812 6670 1212. March next year, so three, twenty seven.", ["March", "next", "year,"])):
        transcript = make_transcript(["How would you like to pay?", "1|" + answer])
        assert detected_words(transcript, detector.detect(transcript)).get("card_expiry", [])[:len(expiry)] == expiry, answer
    later = make_transcript(["Card number?", "1|4929 3812 6670 1212. I'll call back at the end of next week."])
    assert "card_expiry" not in detected_words(later, detector.detect(later))


def test_the_callers_words_between_a_cards_items_are_card_data_in_stereo(detector):
    """Set 46, stereo: the expiry "oh two slash twenty nine" came out as "sashed -wanted iron"
    between the card number and the code. The caller's words between two card items are
    masked; not after the agent confirmed the payment, nor in mono (the agent's questions).
    The expiry's question came out garbled too ("Expo here?"), so no answer to it is found."""
    lines = ["Parking permits, can I take a card?", "1|Yep, 4556 1222 8047 3691.", "Expo here?", "1|Sashed wanted iron.",
             "And the CVV?", "1|321.", "Thanks, your permit starts Monday.", "1|Lovely, bye."]  # fmt: skip
    stereo = make_transcript(lines)
    found = detected_words(stereo, detector.detect(stereo))
    assert {"wanted", "iron."} <= set(found.get("card_security_code", [])), found
    assert not {"Lovely,", "bye.", "Thanks,"} & {w for words in found.values() for w in words}, found
    paid = make_transcript(lines[:2] + ["That's gone through.", "1|Great, and can I book another?", "Which card?", "1|The same, 321."])
    found = detected_words(paid, detector.detect(paid))
    assert not {"Great,", "book", "another?"} & {w for words in found.values() for w in words}, found


def test_a_call_that_asks_for_a_card_has_the_callers_unheard_speech_masked(detector):
    """Set 43 at 8 kHz, mono, tiny.en: the only words written for the call were the agent's
    "what's the long number on the car?", timed at its end; the card read after it had no
    words. In a call that asks for a card, the caller's speech without words is masked (the
    audio stage finds it): on the caller's channel, or the one channel of a mono call."""
    whole = lambda channel: [UnheardSpeech("card_number", 0.0, math.inf, channel, "CardNotHeard")]
    stereo = make_transcript(["Box office. What's the long number on the card?", "1|Sure."])
    assert detector.unheard(stereo) == whole(1)
    mono = make_transcript(["Mid-World, what's the long number on the car?"])
    assert detector.unheard(mono) == whole(0)
    expiry = make_transcript(["1|And the expiry date?", "Oh nine twenty eight."])
    assert detector.unheard(expiry) == whole(0)
    # No card asked for: the caller's own card spoken of, or another number asked for.
    for lines in (["Box office.", "1|I'll read you my card number."], ["Payroll queries. What's your employing number?", "1|4 -4 -1 -9 -2"]):
        transcript = make_transcript(lines)
        assert detector.unheard(transcript) == [], lines


def test_a_number_the_second_decode_heard_as_a_vocabulary_word_is_no_disclosure(detector):
    """Set 39: "a party of six" came out as "party on six on" and, in the decode given the
    vocabulary, "party on Sikhs on", its "Sikhs" running into the next word. The words it
    stands in for decide, not a neighbour it overlaps at the edge; said as what the speaker
    is ("we're six"), the number may be the faith."""
    lines = ["Restaurant bookings.", "1|A table for a party on six on Sunday."]
    transcript = _hinted(lines, ["Restaurant bookings.", "1|A table for a party on Sikhs on Sunday."])
    caller = transcript.hinted[1]
    words = list(caller.words)
    assert words[6].text == "Sikhs"
    words[6] = replace(words[6], end=words[6].end + 0.2)  # 0.2 s into "on" (0.3 s long)
    transcript = replace(transcript, hinted=[transcript.hinted[0], replace(caller, words=words)])
    assert "religious_belief" not in detected_words(transcript, detector.detect(transcript))
    found = _found_hinted(detector, ["Restaurant bookings.", "1|We're six, so no pork please."], ["Restaurant bookings.", "1|We're Sikhs, so no pork please."])
    assert "religious_belief" in found, found


def test_the_agents_question_of_what_the_company_should_know_is_no_disclosure(detector):
    """"Any allergies we should know about?": the company's "we", not the caller's. The
    answer to it still counts."""
    asked = make_transcript(["Any allergies we should know about?", "1|Yes, I'm allergic to penicillin."])
    found = detected_words(asked, detector.detect(asked))
    assert found.get("health") and all(w not in found["health"] for w in ("Any", "allergies", "know")), found


def test_the_agents_words_that_only_sound_like_a_term_are_no_disclosure(detector):
    """Set 30 at 8 kHz: the agent's "Volunteer placements." came out as "My appear placement",
    which sounds like "hip replacement". On the agent's channel a term must be said as such;
    on the caller's, a sound-alike still counts."""
    agent = make_transcript(["My appear placement.", "1|I'm doing unpaid work."])
    assert "health" not in detected_words(agent, detector.detect(agent))
    caller = make_transcript(["Volunteer placements.", "1|My appear placement went well, I'm walking again."])
    assert "health" in detected_words(caller, detector.detect(caller))


def test_the_decode_given_the_vocabulary_finds_what_the_first_pass_misheard(detector):
    transcript = _hinted(
        ["Annual leave, what dates are you after?", "1|The last week of March, I'm mostly, so Fridays off please."],
        ["Annual leave, what dates are you after?", "1|The last week of March, I'm Muslim, so Fridays off please."],
    )
    found = detected_words(transcript, detector.detect(transcript))
    # The words said at the time of the finding are redacted, as the first pass wrote them.
    assert "mostly," in found.get("religious_belief", [])
    assert not detected_words(transcript, detector.detect(replace(transcript, hinted=[])))


def test_a_postcode_the_second_decode_heard_as_post_covid_is_no_disclosure(detector):
    """Set 58 at 8 kHz, mono: the agent's "And the postcode on the account?" came out as "and
    the post -COVID -Account" in the decode given the vocabulary; the first pass heard
    "postcode", one of the health list's exclusions."""
    first = ["Refunds.", "And the postcode on the account, M20 for a T."]
    transcript = _hinted(first, ["Refunds.", "And the post-COVID on the account, M20 for a T."])
    assert "health" not in detected_words(transcript, detector.detect(transcript))
    heard = _hinted(["Refunds.", "And the possum on the account, M20 for a T."], ["Refunds.", "And the post-COVID on the account, M20 for a T."])
    assert "health" in detected_words(heard, detector.detect(heard))


def test_what_the_first_pass_heard_can_exclude_the_second_decodes_finding(detector):
    """Set 32, base at 8 kHz: the first pass heard "the Catholic Cathedral tour" (a sight, one of
    the religion list's exclusions), the second decode "the Catholic Cathedral too"."""
    first = ["Train line.", "1|The senior one, on the Catholic Cathedral tour, are near the station."]
    assert "religious_belief" not in _found_hinted(detector, first, ["Train line.", "1|The senior one, home the Catholic Cathedral too, and in the station."])


def test_the_decode_given_the_vocabulary_adds_card_items_the_first_pass_garbled(detector):
    """An expiry the first pass heard as words is found in the second decode, though digits
    stand next to it: the check for vocabulary heard into noise is for vocabulary only."""
    first = ["Card payments.", "1|4929 3812 6670 1212.", "1|Nova member wenty."]
    transcript = _hinted(first, ["Card payments.", "1|4929 3812 6670 1212.", "1|November 28. Thanks."])
    found = detected_words(transcript, detector.detect(transcript))
    assert {"Nova", "member"} <= set(found.get("card_expiry", [])), found
    assert "card_expiry" not in detected_words(transcript, detector.detect(replace(transcript, hinted=[])))


def test_a_card_number_the_second_decode_reads_as_a_phone_number_stays_a_card_number(detector):
    """The first pass found the card; the other decode's phone number on the same words adds
    nothing, so the redacted transcript says [CARD_NUMBER], not [PHONE_NUMBER]."""
    transcript = _hinted(
        ["Hello, billing team. Can I take the long card number, please?", "1|4929, 3812, 66701, 234,"],
        ["Hello, billing team. Can I take the long card number, please?", "1|4929 -3812 -6670 -1234."],
    )
    assert "phone_number" in detected_words(transcript, detector.detect(replace(transcript, segments=transcript.hinted)))
    found = detected_words(transcript, detector.detect(transcript))
    assert set(found) == {"card_number"}, found


def test_the_second_decode_tells_a_cards_items_apart_within_the_first_pass_card_number(detector):
    """The first pass took the expiry and code for more of the card number; the other decode's
    expiry and code on those words stand, as card items."""
    transcript = _hinted(
        ["What's the card number?", "1|5555 4444 3333 1111 08 27 281."],
        ["What's the card number?", "1|5555 4444 3333 1111, August 27, 281."],
    )
    found = detected_words(transcript, detector.detect(transcript))
    assert found.get("card_expiry") == ["08", "27"] and found.get("card_security_code") == ["281."], found


def test_the_second_decode_adds_a_name_given_in_words_but_not_one_spacy_tagged(detector):
    """"His name is Daniel Okafor" in the second decode is a name where the first pass heard
    "and your locker"; a name spaCy alone tagged there is not taken (it tags names in noise)."""
    said = _hinted(
        ["Mortgages.", "1|My first man and I want to join to mortgage his name and your locker."],
        ["Mortgages.", "1|So my husband and I want to join the mortgage. His name is Daniel Okafor."],
    )
    assert {"your", "locker."} <= set(detected_words(said, detector.detect(said)).get("person_name", []))
    tagged = _hinted(["Thanks.", "1|Yes, I spoke to prey sharper yesterday."], ["Thanks.", "1|Yes, I spoke to Priya Sharma yesterday."])
    assert "person_name" not in detected_words(tagged, detector.detect(tagged))


@pytest.mark.parametrize(
    "first, hinted",
    [
        # A postcode's letters, and a card's digits, heard as words of the vocabulary.
        ("1|41, consulate, recent, ages, 7, 4, QT.", "1|41, Consulate, recent, HIV, 7, 4, QT."),
        ("1|Visa, it's 4539, 1488, 0343, 6467.", "1|Meena, diabetes, 4539, 1488, 0343, 6467."),
        # A loop on one word of it.
        ("1|Women, they, they, they, they, they.", "1|Women. Deaf, gay, gay, gay, gay."),
        # A driving licence's "J A" heard as "gay" after its letters run into digits.
        ("1|FMI, TH, M1O425, yay and I'm KL.", "1|FMI, DH, M10425, gay and I'm KL."),
        # Set 80: a vocabulary word said again a word later, over words the first pass heard.
        ("1|Please don't put Mr. or Mrs. on my bills.", "1|Please don't put Muslim, or Muslim, on my bills."),
    ],
)
def test_vocabulary_words_heard_into_digits_or_a_loop_are_not_disclosures(detector, first, hinted):
    found = _found_hinted(detector, ["And the address?", first], ["And the address?", hinted])
    assert not set(found) & {"health", "sex_life_sexual_orientation", "religious_belief"}, found


def test_a_name_given_when_asked_that_sounds_like_a_term_is_a_name(detector):
    """Set 80: "Priya Mistry" heard as "Real mistried." in reply to the agent's question; the
    fuzzy match to "miscarried" there is the name misheard. A term said outright still counts."""
    transcript = make_transcript(["Wedding caterers.", "Your name for the quote?", "1|Real mistried."])
    found = detected_words(transcript, detector.detect(transcript))
    assert "health" not in found and "person_name" in found, found
    transcript = make_transcript(["Wedding caterers.", "Your name for the quote?", "1|Priya, I'm pregnant by the way."])
    assert "health" in detected_words(transcript, detector.detect(transcript))


def test_a_vocabulary_word_said_again_further_on_is_still_a_disclosure(detector):
    """Only the word said again a word later is taken for a loop: "I'm Muslim, a practising
    Muslim" is one."""
    found = _found_hinted(
        detector,
        ["Catering.", "1|I'm most, a practising mostly, so halal meat please."],
        ["Catering.", "1|I'm Muslim, a practising Muslim, so halal meat please."],
    )
    assert "religious_belief" in found, found


def test_a_vocabulary_word_heard_after_spelled_letters_in_its_own_segment_is_not_a_disclosure(detector):
    """"... time 4, C." then "Deaf." on its own: the word follows an NI number's characters."""
    transcript = _hinted(
        ["And your NI number?", "1|A week, I -8, 7, 6, time 4, C.", "1|Death."],
        ["And your NI number?", "1|A week, I -8, 7, 6, time 4, C.", "1|Deaf."],
    )
    assert "health" not in detected_words(transcript, detector.detect(transcript))


def test_an_answer_that_takes_in_the_agents_words_in_the_second_decode_is_found(detector):
    """The agent's segment runs on across the caller's answer, so the answer as found takes in
    the agent's next words; the check for words heard into noise reads the caller's side."""
    from pipeline.data import Segment, Word

    def segment(channel, start, text):
        words = [Word(w, start + i * 0.3, start + i * 0.3 + 0.25, 0.9, channel) for i, w in enumerate(text.split())]
        return Segment(words[0].start, words[-1].end, channel, "agent" if channel == 0 else "customer", words)

    agent = segment(0, 0.0, "What's your ethnic background?")
    agent.words += [Word(w, 4.5 + i * 0.3, 4.75 + i * 0.3, 0.9, 0) for i, w in enumerate("can do and your postcode.".split())]
    agent.end = agent.words[-1].end
    caller = segment(1, 1.5, "White, any other white background, I'm Polish.")
    transcript = Transcript([agent, caller], "en", {"name": "test"}, [segment(1, 1.5, "White, any other white background, I'm Polish.")])
    assert "racial_ethnic_origin" in detected_words(transcript, detector.detect(transcript))


def test_a_second_decodes_finding_takes_no_word_whose_edge_it_only_overlaps(detector):
    """Set 67 at 16 kHz, mono, as tiny.en heard it: "Register of this." then "I'm a lesbian
    ...", and the decode given the vocabulary put its "I'm" at 1.64 s, under the end of "this."
    (1.14-1.80 s). The words of a finding there are those whose middle it covers."""
    from pipeline.data import Segment, Word

    def segment(timed_words):
        words = [Word(w, a, b, 0.9, 0) for w, a, b in timed_words]
        return Segment(words[0].start, words[-1].end, 0, "unknown", words)

    first = [segment([("Register", 0.02, 0.88), ("of", 0.88, 1.14), ("this.", 1.14, 1.80)]),
             segment([("I'm", 1.88, 2.10), ("a", 2.10, 2.16), ("lezzy", 2.16, 2.46), ("and", 2.46, 2.84), ("my", 2.84, 3.04),
                      ("wife", 3.04, 3.28), ("carried", 3.28, 3.56), ("out", 3.56, 3.82), ("a", 3.82, 4.02), ("baby.", 4.02, 4.40)])]
    hinted = [segment([("Register", 0.02, 0.78), ("office.", 0.78, 1.50), ("I'm", 1.64, 1.98), ("lesbian", 1.98, 2.26),
                       ("and", 2.26, 2.74), ("my", 2.74, 2.86), ("wife", 2.86, 3.16), ("carry", 3.16, 3.42), ("my", 3.42, 3.60),
                       ("baby.", 3.60, 4.30)])]  # fmt: skip
    transcript = Transcript(first, "en", {"name": "test"}, hinted)
    found = detected_words(transcript, detector.detect(transcript))
    assert {"I'm", "lezzy"} <= set(found.get("sex_life_sexual_orientation", [])), found
    assert "this." not in found["sex_life_sexual_orientation"], found


def test_a_vocabulary_word_over_a_relative_the_caller_speaks_of_is_no_disclosure(detector):
    """Set 61: "My husband was banned for drug driving" came out as "Muslim was banned ..." in
    the decode given the vocabulary, "Muslim" over "husband" and half of "My". A relative
    spoken of is a sound-alike; "I'm my son" (a copula before it) is what the speaker is."""
    from pipeline.data import Segment, Word

    def call(first: str, hinted: str, vocabulary_word: int) -> Transcript:
        """`hinted` is `first` with its words at `vocabulary_word` and the next as one word."""

        def segment(words):
            return Segment(words[0].start, words[-1].end, 1, "customer", words)

        said = [Word(w, 1.5 + 0.3 * i, 1.8 + 0.3 * i, 0.9, 1) for i, w in enumerate(first.split())]
        heard = [Word(w, s.start, s.end, 0.9, 1) for w, s in zip(hinted.split(), said)]
        i = vocabulary_word  # said over the second half of one word and the whole of the next
        heard = heard[:i] + [Word(hinted.split()[i], said[i].start + 0.15, said[i + 1].end, 0.9, 1)]
        heard += [Word(w, s.start, s.end, 0.9, 1) for w, s in zip(hinted.split()[i + 1 :], said[i + 2 :])]
        agent = Segment(0.0, 1.0, 0, "agent", [Word("Insurance.", 0.0, 1.0, 0.9, 0)])
        return Transcript([agent, segment(said)], "en", {"name": "test"}, [segment(heard)])

    relative = call("My husband was banned for blood boiling last year.", "Muslim was banned for blood boiling last year.", 0)
    assert "religious_belief" not in detected_words(relative, detector.detect(relative))
    # tiny.en, set 61: "Muslim" timed over "My" alone, the relative said next.
    said = [Word(w, 1.5 + 0.3 * i, 1.8 + 0.3 * i, 0.9, 1) for i, w in enumerate("My husband was banned for drug driving.".split())]
    heard = [Word(w, s.start, s.end, 0.9, 1) for w, s in zip("Muslim, and was banned for drug driving.".split(), said)]
    agent = Segment(0.0, 1.0, 0, "agent", [Word("Insurance.", 0.0, 1.0, 0.9, 0)])
    over_my = Transcript([agent, Segment(1.5, said[-1].end, 1, "customer", said)], "en", {"name": "test"}, [Segment(1.5, heard[-1].end, 1, "customer", heard)])
    found = detected_words(over_my, detector.detect(over_my))
    assert "religious_belief" not in found and "criminal_offence" in found, found
    own = call("I'm my son and I pray five times a day.", "I'm Muslim and I pray five times a day.", 1)
    assert "religious_belief" in detected_words(own, detector.detect(own))
    # tiny.en, set 60: that decode heard the relative itself, "My partner's a woman", where the
    # first pass heard "My partner woman," (its "woman" mostly later): a disclosure.
    said = [("My", 2.3, 2.5), ("partner", 2.5, 2.8), ("woman,", 2.8, 3.4), ("she", 3.7, 3.8), ("must", 3.8, 4.0), ("meet.", 4.0, 4.4)]
    heard = [("My", 2.3, 2.5), ("partner's", 2.5, 2.75), ("a", 2.75, 2.85), ("woman,", 2.85, 3.0)] + said[3:]
    caller = [Segment(2.3, 4.4, 1, "customer", [Word(w, s, e, 0.9, 1, 215.0) for w, s, e in words]) for words in (said, heard)]
    agent = Segment(0.0, 1.0, 0, "agent", [Word("Mortgages.", 0.0, 1.0, 0.9, 0)])
    partner = Transcript([agent, caller[0]], "en", {"name": "test"}, [caller[1]])
    assert "sex_life_sexual_orientation" in detected_words(partner, detector.detect(partner))


def test_a_callers_you_is_the_agent_and_an_agents_you_is_the_caller(detector):
    """"you" after a term marks an agent explaining to the caller; on the caller's side of a
    stereo call it is the agent spoken to, and the term is the caller's own."""
    caller = make_transcript(["Airline bookings.", "1|On thirty weeks, pregnant, you may get a letter for it."])
    assert "health" in detected_words(caller, detector.detect(caller))
    agent = make_transcript(["Pregnant, you may need a letter from the midwife to fly.", "1|Okay, thanks."])
    assert "health" not in detected_words(agent, detector.detect(agent))


def test_a_phrase_found_in_the_second_decode_stands_before_the_digits_read_next(detector):
    """A word the vocabulary put in among digits is noise ("41, Consulate, recent, HIV, 7");
    a phrase it cannot make up alone is not, though the caller's phone number follows it."""
    transcript = _hinted(
        ["Life insurance.", "1|My man hunting and I tested positive for the mean 2. 0 -2 -0, seven."],
        ["Life insurance.", "1|My husband, Huntington, and I tested positive for the gene 2. 0 -2 -0, seven."],
    )
    found = detected_words(transcript, detector.detect(transcript))
    assert {"tested", "positive", "mean"} <= set(found.get("genetic", [])), found


def test_a_vocabulary_word_said_twice_after_the_last_words_is_not_a_disclosure(detector):
    """base given the vocabulary wrote "Gay, gay." in the silence after a call's last words."""
    assert not _found_hinted(detector, ["Booked, see you on Friday.", "Okay, great."], ["Booked, see you on Friday.", "Gay, gay."])


def test_the_redacted_transcript_names_an_answer_by_the_question_not_by_its_shape(detector):
    """Base hears a card number read when asked for as "4929 -3812 -6670 -1234.", which also
    has a phone number's shape; the transcript says [CARD_NUMBER], what the agent asked for."""
    from pipeline.config import RedactionSettings
    from pipeline.redact_text import TextRedactor

    transcript = make_transcript(["Hello, billing team. Can I take the long card number, please?", "1|4929 -3812 -6670 -1234."])
    detections = detector.detect(transcript)
    assert "phone_number" in detected_words(transcript, detections)  # both are found ...
    segments = TextRedactor(RedactionSettings()).redact(transcript, detections)
    assert segments[1].text == "[CARD_NUMBER].", segments  # ... and the question names it


def test_an_item_named_without_a_question_is_asked_when_digits_answer_it_at_once(detector):
    """Base at 8 kHz: "Three digits on the back?" as "Freebie gets on the back." (no question
    mark, no request word) and the code as "free one payment."; the code is bleeped. The
    speaker's own mention is no question ("I'll read you my card number. 4 weeks ago ...")."""
    asked = make_transcript(["And when does it run out?", "Freebie gets on the back.", "1|free one payment.", "And the fine is paid."])
    assert detected_words(asked, detector.detect(asked)).get("card_security_code") == ["free", "one", "payment."]
    own = make_transcript(["1|I'll read you the code on the back.", "1|It was 4 weeks ago."])
    assert "card_security_code" not in detected_words(own, detector.detect(own))


def test_a_long_car_number_is_the_card_number(detector):
    """Base at 8 kHz: "I'll take the long card number when you're ready." as "... long car
    number ..." and the fives of the number as "I'm"; the answer is the card number."""
    transcript = make_transcript(["Membership renewals. I'll take the long car number when you're ready.", "1|Four thousand, so I'm six six, I'm I'm six six."])
    assert detected_words(transcript, detector.detect(transcript)).get("card_number", [])[:2] == ["Four", "thousand,"]


def test_a_sum_after_the_card_is_no_card_item(detector):
    """Shared dev call dev-card-02, base: the agent's "that's gone through for forty two pounds
    fifty" came out as "Lovely match on full 442 .50." straight after the security code."""
    transcript = make_transcript([
        "I can take that payment now, once the card number and it expires, lost free tickets on the",
        "1|465 -8 -2210 -9 -3 -7 -1524", "1|0 -3 -21 -8 -0 -7", "work.", "Lovely match on full 442 .50.",
    ])
    found = detected_words(transcript, detector.detect(transcript))
    assert not any(w in ("442", ".50.") for words in found.values() for w in words), found


def test_an_identifier_spelled_out_is_found_when_its_question_was_lost(detector):
    """Cached evaluation at 8 kHz: the agent's "licence number" came out as "right in right on the
    number", "item number", "life on summer"; "NI number" as "and I have been". The caller's run
    of spelled letters and digits is an identifier all the same: a licence when it is long, an
    NI number when shorter. A short reference, a staff number or a postcode is no such run."""
    for lines, category, words in [
        (["You're right in right on the number.", "1|M -O -R -E -A, M -1 -1 -2 -0 -9, G -I -N -I -L -K."],
         "driving_licence_number", ["M", "-O", "-1", "-9,", "G", "-K."]),
        (["It depends on the points, your item number.", "1|M .A .P .K, just 1, 1, 2, 4, M .A .M .A .M .E."],
         "driving_licence_number", ["M", ".K,", "just", "1,", "4,", ".E."]),
        (["yes, your and I have been", "1|Yeah, X, 3, 3, 1, A, 2, 3, 1, A."], "national_insurance_number", ["X,", "3,", "A,", "A."]),
    ]:  # fmt: skip
        transcript = make_transcript(lines)
        found = detected_words(transcript, detector.detect(transcript))
        assert set(words) <= set(found.get(category, [])), (lines, found)
        assert "Yeah," not in {w for ws in found.values() for w in ws}, found
    for lines in (["Your working reference?", "1|X, Y, 4, 4, 2", "Noted."], ["Your staff number.", "1|SD418, and it's S8 -2 -1."],
                  ["Postcode?", "1|S W 9, 8 Q R."], ["1|I had the BRCA 2 test in 2019 at the NHS clinic."],
                  ["1|We can remember your screams from the 6th, 6th, 7th, 7th, 7th, 7th, 7th, 7th."]):  # fmt: skip
        transcript = make_transcript(lines)
        found = detected_words(transcript, detector.detect(transcript))
        assert not {"driving_licence_number", "national_insurance_number"} & set(found), (lines, found)


def test_a_cards_brand_and_the_end_of_are_no_part_of_its_items(detector):
    """Set 56: "American Express." before the number (stereo) and "The end of" before the
    expiry were bleeped with them; the dev calls' labels hold the digits only. (In stereo the
    caller's words between two of the card's items are masked anyway, failing closed.)"""
    stereo = make_transcript(["Theatre box office. Which card, and the number please?", "1|American Express. 3742, 881630, 55022.",
                              "And the expiry?", "1|January 28."])  # fmt: skip
    found = detected_words(stereo, detector.detect(stereo))
    assert found["card_number"][0] == "3742," and not {"American", "Express."} & {w for ws in found.values() for w in ws}, found
    mono = make_transcript(["Expiry date?", "The end of January 28.", "And the security code?", "609."])
    found = detected_words(mono, detector.detect(mono))
    assert found["card_expiry"][0] == "January" and not {"The", "end"} & {w for ws in found.values() for w in ws}, found
    # Set 76 (seen again at set 84): "the number is" after the brand.
    said = make_transcript(["Which card would you like to use?", "1|American Express, the number is 3714, 363581, 27910."])
    found = detected_words(said, detector.detect(said))
    assert found["card_number"][0] == "3714," and not {"number", "is"} & set(found["card_number"]), found


def test_what_happened_after_a_disclosure_is_no_part_of_it(detector):
    """ "but since ..." opens what happened next; "but it was dropped" is what became of it."""
    t = make_transcript(["Banking app support.", "1|I log in with my face but since it updated won't recognise me."])
    found = detected_words(t, detector.detect(t))
    assert found["biometric"] == ["I", "log", "in", "with", "my", "face"]
    t = make_transcript(["Careers.", "1|I was arrested for theft but it was dropped."])
    assert "dropped." in detected_words(t, detector.detect(t))["criminal_offence"]


def test_the_agents_next_remark_is_not_taken_for_an_unheard_code(detector):
    """Mono, tiny.en at 8 kHz: the code ("four four eight") went unheard into the question's
    "for it"; the sentence after it is the agent's, not the code."""
    t = make_transcript(["Ticket office, card number when you're ready.", "32, 32, 31, 32, 45, 32, 35, 34.", "When does it expire?", "March, 23, 30.", "And the security code for it.", "And the tickets are on that way."])
    found = detected_words(t, detector.detect(t))
    assert "card_number" in found and "card_expiry" in found
    assert "tickets" not in [w for words in found.values() for w in words]


def test_a_second_decode_looping_on_digits_takes_only_the_digits_it_was_said_over(detector):
    """Set 73, base at 16 kHz, mono: the decode given the vocabulary looped ("$5 ,000 ,000 ...")
    from the card number to the end of the call, and its "number" was timed over everything
    said after. The agent's questions and the goodbye are no card's; the digits, and a word a
    digit is heard as, are."""
    first = [
        "Pet insurance, to set up the payment I need the long number on your card.",
        "Sure, 5337, 2093, 8746, 0835.",
        "And the expiry date?",
        "September 28.",
        "Last thing, the three digits on the back.",
        "free 28.",
        "Thanks, your cover starts today.",
    ]
    transcript = make_transcript(first)
    said = [w for seg in transcript.segments[1:] for w in seg.words]
    loop = [replace(w, text="$5" if i == 0 else ",000") for i, w in enumerate(said)]
    looped = Segment(loop[0].start, loop[-1].end, 0, "agent", loop)
    assert looped.repeats_itself
    found = detected_words(transcript, detector.detect(replace(transcript, hinted=[looped])))
    card = [w for c in ("card_number", "card_expiry", "card_security_code") for w in found.get(c, [])]
    assert {"5337,", "0835.", "September", "free", "28."} <= set(card), found
    assert not {"expiry", "Last", "back.", "Thanks,", "today."} & set(card), found


def test_a_card_number_heard_short_takes_in_its_garbled_first_group_past_a_payment_word(detector):
    """Set 73, base at 8 kHz, mono: "five three three seven, ..." came out as "I'm free, free
    payment, 2 -0 -9 ...": "payment" after a digit's sound-alike is a digit misheard, not the
    question's word. The agent's "16 tickets" ("sixteen digits") counts digits: no card's."""
    lines = [
        "Pet insurance, to set up the payment time is 16 tickets on your card.",
        "Sure, I'm free, free payment, 2 -0 -9 -3 -8 -7 -4 -6 -0 -8 -3 -5.",
    ]
    transcript = make_transcript(lines)
    card = detected_words(transcript, detector.detect(transcript)).get("card_number", [])
    assert {"I'm", "free,", "free", "payment,", "2", "-5."} <= set(card), card
    assert "16" not in card and "Sure," not in card, card


def test_a_context_word_matches_a_whole_word_or_a_placeholders_part():
    from pipeline.recognizers import WholeWordContextEnhancer

    supportive = WholeWordContextEnhancer._find_supportive_word_in_context
    assert supportive(["package", "manager", "weekend"], ["birth", "age", "end"]) == ""
    assert supportive(["my", "age"], ["birth", "age"]) == "age"
    # The verification pass reads "[RACIAL_ETHNIC_ORIGIN]" where a finding was.
    assert supportive(["racial_ethnic_origin", "welcome"], ["ethnic", "origin"]) == "ethnic"
