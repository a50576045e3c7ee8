// Unit tests of the peer dictionary and record readers, on the peers' own
// files read from ../shared/peers at test time (nothing of them is copied
// into the repo). Skipped when ../shared/peers is not there.
#include "peers/peer_dict.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "peers/peer_records.h"
#include "peers/peer_set.h"

namespace faultline::peers {
namespace {

const std::string kPeers = std::string(FAULTLINE_SHARED_DIR) + "/peers";

std::string Peer(const std::string& rel) { return kPeers + "/" + rel; }

#define REQUIRE_PEERS()                                                  \
  if (!std::filesystem::is_directory(kPeers)) GTEST_SKIP() << "no " << kPeers

// The lines of a peer file from the first line starting with `from` up to
// (not including) the next line starting with `to`.
std::string Excerpt(const std::string& file, const std::string& from, const std::string& to) {
  std::string text;
  EXPECT_TRUE(ReadWholeFile(Peer(file), &text).ok());
  size_t b = text.find("\n" + from);
  EXPECT_NE(b, std::string::npos) << from;
  size_t e = text.find("\n" + to, b + 1);
  return text.substr(b + 1, e == std::string::npos ? std::string::npos : e - b);
}

const PeerPattern* FindPattern(const PeerDictionaries& d, const std::string& anchor, const std::string& text,
                               const std::string& code) {
  for (const PeerPattern& p : d.patterns) {
    if (p.anchor == anchor && p.text == text && p.code == code) return &p;
  }
  return nullptr;
}

// A pattern's items as one letter each: t target, s source, c compound
// ('%'), a words that must follow the previous item at once, w other words.
std::string Kinds(const std::vector<PatternItem>& items) {
  std::string out;
  for (const PatternItem& it : items) {
    out += it.target ? 't' : it.source ? 's' : it.compound ? 'c' : it.adjacent ? 'a' : 'w';
  }
  return out;
}

// Expects the pattern (anchor, text, code) to be read, with the items
// after the verb (or with `pre` before it) of `kinds`.
void ExpectKinds(const PeerDictionaries& d, const std::string& anchor, const std::string& text, const std::string& code,
                 bool pre, const std::string& kinds) {
  const PeerPattern* p = FindPattern(d, anchor, text, code);
  ASSERT_NE(p, nullptr) << text;
  EXPECT_EQ(Kinds(pre ? p->pre : p->items), kinds) << text;
}

TEST(PeerDate, TwoAndFourDigitYears) {
  EXPECT_EQ(PeerDateToIso("950601"), "1995-06-01");
  EXPECT_EQ(PeerDateToIso("090120"), "2009-01-20");
  EXPECT_EQ(PeerDateToIso("300101"), "2030-01-01");
  EXPECT_EQ(PeerDateToIso("19950601"), "1995-06-01");
  EXPECT_EQ(PeerDateToIso("951301"), "");  // month 13
  EXPECT_EQ(PeerDateToIso("950230"), "");  // 30 February
  EXPECT_EQ(PeerDateToIso("95061"), "");
}

TEST(PeerActors, PetrarchDatedSynonymGroup) {
  REQUIRE_PEERS();
  PeerDictionaries d;
  d.ReadActors(Excerpt("petrarch2/PETR.Validate.actors.txt", "GOLLUM", "GONDOR"), "actors");
  ASSERT_EQ(d.actors.size(), 1u);
  const PeerActor& a = d.actors[0];
  ASSERT_EQ(a.phrases.size(), 4u);  // GOLLUM +SMEAGOL +SLINKER +STINKER
  EXPECT_EQ(a.phrases[1].words, std::vector<std::string>{"smeagol"});
  ASSERT_EQ(a.codes.size(), 3u);  // the commented-out code lines are not codes
  int d1, d2, d3;
  ASSERT_TRUE(PeerDateToDays("950601", &d1));
  ASSERT_TRUE(PeerDateToDays("19990815", &d2));
  ASSERT_TRUE(PeerDateToDays("990816", &d3));
  EXPECT_EQ(a.codes[0].code, "HOB");
  EXPECT_EQ(a.codes[0].to, d1);  // [HOB < 950601]
  EXPECT_EQ(a.codes[1].code, "HOBGOV");
  EXPECT_EQ(a.codes[1].from, d1);
  EXPECT_EQ(a.codes[1].to, d2);
  EXPECT_EQ(a.codes[2].code, "HOBREB");
  EXPECT_EQ(a.codes[2].from, d3);
  EXPECT_TRUE(d.warnings.empty());
}

TEST(PeerActors, TabariInlineCodesAndStems) {
  REQUIRE_PEERS();
  PeerDictionaries d;
  d.ReadActors(Excerpt("tabari/validation/TABARI.Demo.actors", "ALBRIGHT", "AMNESTY"), "actors");
  ASSERT_EQ(d.actors.size(), 3u);
  // ALBRIGHT  [USAGOV 991201-010114] [---]
  ASSERT_EQ(d.actors[0].codes.size(), 2u);
  EXPECT_EQ(d.actors[0].codes[0].code, "USAGOV");
  EXPECT_TRUE(d.actors[0].codes[0].dated());
  EXPECT_EQ(d.actors[0].codes[1].code, "---");
  EXPECT_TRUE(d.actors[0].phrases[0].stem);
  EXPECT_FALSE(d.actors[2].phrases[0].stem);  // ALBRKGHT_
}

// Names installed for the words of the text coded (TABARI): a stem's
// words, an exact word's plural ("LIBYA_" -> "Libyas"), none for '='.
TEST(PeerActors, TabariEndingsFromTheVocabulary) {
  PeerDictionaries d;
  d.ReadActors("LIBYA_ [LBY]\nLIBER= [LBR]\nSYRI [SYR]\n", "x.actors");
  ActorDictionary actors;
  VerbDictionary verbs;
  CodeTable codes;
  ASSERT_TRUE(d.Install(&actors, &verbs, &codes, {"libyas", "libers", "syrian"}).ok());
  actors.Finish();
  auto named = [&](const std::string& word) {
    const std::vector<uint32_t>* p = actors.PhrasesStartingWith(word);
    return p != nullptr && std::any_of(p->begin(), p->end(), [&](uint32_t i) {
             return actors.phrases()[i].words == std::vector<std::string>{word};
           });
  };
  EXPECT_TRUE(named("libya"));
  EXPECT_TRUE(named("libyas"));
  EXPECT_TRUE(named("syrian"));
  EXPECT_TRUE(named("liber"));
  EXPECT_FALSE(named("libers"));
}

// "ITHILEN TELEVISION" (a blank: other words may stand between) names
// "Ithilen state-run television" in the texts coded; "GONDOR_TV" ('_')
// only itself.
TEST(PeerActors, SpellingsApartFromTheTexts) {
  PeerDictionaries d;
  d.ReadActors("ITHILEN TELEVISION  [ITHTV]\nGONDOR_TV [GONTV]\n", "x.actors");
  ASSERT_EQ(d.actors.size(), 2u);
  EXPECT_EQ(d.actors[0].phrases[0].apart, (std::vector<bool>{false, true}));
  d.AddSpellingsApart({"Fornost appealed for peace in Ithilen state-run television on Monday.", "Gondor state TV said."});
  ASSERT_EQ(d.actors[0].phrases.size(), 2u);
  EXPECT_EQ(d.actors[0].phrases[1].words, (std::vector<std::string>{"ithilen", "state-run", "television"}));
  EXPECT_EQ(d.actors[1].phrases.size(), 1u);
}

TEST(PeerActors, BadLinesAreReportedAndSkipped) {
  PeerDictionaries d;
  d.ReadActors(
      "GOOD_ONE [ABC]\nBROKEN [ABC\nBADDATE [ABC 991399-000101]\nBADCODE [A$C]\nNEXT [DEF]\n"
      "THE_SHIRE [FRO/BIL/SAM]\nBADCOMPOUND [FRO/B$L]\n",
      "x.actors");
  ASSERT_EQ(d.actors.size(), 3u);
  EXPECT_EQ(d.actors[1].codes[0].code, "DEF");
  EXPECT_EQ(d.actors[2].codes[0].code, "FRO/BIL/SAM");  // a coded compound, every member kept
  ASSERT_EQ(d.warnings.size(), 4u);
  EXPECT_NE(d.warnings[0].find("x.actors:2"), std::string::npos);
  EXPECT_NE(d.warnings[1].find("x.actors:3"), std::string::npos);
  EXPECT_NE(d.warnings[1].find("not a date"), std::string::npos);
  EXPECT_NE(d.warnings[2].find("x.actors:4"), std::string::npos);
  EXPECT_NE(d.warnings[3].find("x.actors:7"), std::string::npos);
}

TEST(PeerAgents, PetrarchPluralsSubstitutionsAndPrefix) {
  REQUIRE_PEERS();
  PeerDictionaries d;
  ASSERT_TRUE(d.ReadFile(Peer("petrarch2/PETR.Validate.agents.txt"), "agents", Dialect::kPetrarch).ok());
  EXPECT_TRUE(d.warnings.empty()) << d.warnings.front();
  auto find = [&](const std::string& phrase) -> const PeerAgent* {
    for (const PeerAgent& a : d.agents) {
      for (const PeerPhrase& p : a.phrases) {
        std::string s;
        for (const std::string& w : p.words) s += (s.empty() ? "" : " ") + w;
        if (s == phrase) return &a;
      }
    }
    return nullptr;
  };
  ASSERT_NE(find("foreign minister"), nullptr);
  EXPECT_EQ(find("foreign ministers")->code, "GOVFRM");       // generated plural
  EXPECT_EQ(find("attorneys general")->code, "GOV");          // explicit plural
  EXPECT_EQ(find("armed forcess"), nullptr);                   // {} = no plural
  EXPECT_EQ(find("congresswomen")->code, "LEG");              // !PERSON! substitution
  EXPECT_EQ(find("ministry of silly walks")->code, "GOV");    // !MINST! substitution
  ASSERT_NE(find("human rights body"), nullptr);
  EXPECT_TRUE(find("human rights body")->prefix);             // [NGO~]
}

TEST(PeerVerbs, PetrarchBlocksSynsetsAndPatterns) {
  REQUIRE_PEERS();
  PeerDictionaries d;
  ASSERT_TRUE(d.ReadFile(Peer("petrarch2/PETR.Validate.verbs.txt"), "verbs", Dialect::kPetrarch).ok());
  // - * DIPLOMATIC TIES [901] under ABANDON
  const PeerPattern* p = FindPattern(d, "abandon", "* DIPLOMATIC TIES", "901");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->items.size(), 2u);
  EXPECT_EQ(p->items[1].alternatives[0], std::vector<std::string>{"ties"});
  // - * &TIETYPES TIES [902]: the synset is one item with three alternatives
  p = FindPattern(d, "abandon", "* &TIETYPES TIES", "902");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->items[0].alternatives.size(), 3u);
  // Multi-word verb KLM_NOP_+RST [002]: anchor rst, klm nop just before it.
  bool found = false;
  for (const PeerPattern& q : d.patterns) {
    if (q.anchor == "rst" && q.text == "*") {
      found = true;
      EXPECT_EQ(q.code, "002");
      EXPECT_EQ(q.before, (std::vector<std::string>{"klm", "nop"}));
    }
  }
  EXPECT_TRUE(found);
  // - INCHING &ACCORDSYN * [083]: words before the verb separated by blanks
  // are items that may stand anywhere earlier; the nested synset
  // (&TIETYPES, &CURRENCY inside &ACCORDSYN) is one item with every member.
  p = FindPattern(d, "accord", "INCHING &ACCORDSYN *", "083");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->before.empty());
  ASSERT_EQ(p->pre.size(), 2u);
  EXPECT_EQ(p->pre[0].alternatives, (std::vector<std::vector<std::string>>{{"inching"}}));
  EXPECT_GE(p->pre[1].alternatives.size(), 3u + 2 + 10);
  // - * NEW_&TIETYPES_RELATIONS [903]: words joined by '_' after the verb are
  // one item of consecutive words, not three that may stand apart.
  p = FindPattern(d, "abandon", "* NEW_&TIETYPES_RELATIONS", "903");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->items.size(), 1u);
  EXPECT_EQ(p->items[0].alternatives[0], (std::vector<std::string>{"new", "military", "relations"}));
  // - + WAS * DEAD IN $ [224]: slots on both sides of the verb.
  p = FindPattern(d, "accordsyn", "+ WAS * DEAD IN $", "224");
  if (p == nullptr) {
    for (const PeerPattern& q : d.patterns) {
      if (q.text == "+ WAS * DEAD IN $") p = &q;
    }
  }
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->pre.size(), 2u);
  EXPECT_TRUE(p->pre[0].target);
  EXPECT_EQ(p->pre[1].alternatives, (std::vector<std::vector<std::string>>{{"was"}}));
  ASSERT_EQ(p->items.size(), 3u);
  EXPECT_TRUE(p->items[2].source);
  // Paired code: ADMIT [013:012]
  for (const PeerPattern& q : d.patterns) {
    if (q.anchor == "admit" && q.text == "*") {
      EXPECT_EQ(q.code, "013");
      EXPECT_EQ(q.code2, "012");
    }
  }
  // '%' before the verb is a compound slot; after it (AGREE "* WITH %")
  // PETRARCH reads it as the target.
  ExpectKinds(d, "postpone", "% HAVE  *", "191", true, "cw");
  ExpectKinds(d, "agree", "* WITH %", "031", false, "wt");
  // "- * EID AT ^ WITH + [043]": the '^' passes over the actor between AT
  // and WITH, not one before the target.
  ExpectKinds(d, "celebrate", "* EID AT ^ WITH +", "043", false, "wwwt");
  p = FindPattern(d, "celebrate", "* EID AT ^ WITH +", "043");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->items[3].skip, 0);
  // "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF }": the forms'
  // verb words are anchors too, with OFF after them.
  p = FindPattern(d, "cordoned", "* FOR CONSTRUCTION", "071");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(Kinds(p->items), "www");
  EXPECT_EQ(p->items[0].alternatives[0], std::vector<std::string>{"off"});
  // [###] inside a pattern's code block is not a comment.
  EXPECT_NE(FindPattern(d, "restore", "* DIPLXMATIC", "###"), nullptr);
  // The one line skipped: "- * FXLL DIPLOMATIC [+++]" (PETRARCH does not
  // implement complex codes in patterns).
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_NE(d.warnings[0].find("+++"), std::string::npos) << d.warnings[0];
}

TEST(PeerVerbs, TabariRootsFormsAndAlternatives) {
  REQUIRE_PEERS();
  PeerDictionaries d;
  ASSERT_TRUE(d.ReadFile(Peer("tabari/validation/TABARI.Demo.verbs"), "verbs", Dialect::kTabari).ok());
  // ACT_ [100] with { ACTING_ ACTXD_ ACTUALITY }
  const PeerPattern* p = FindPattern(d, "act", "* RESOLUTION", "102");
  ASSERT_NE(p, nullptr);
  // - SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS [111]
  p = FindPattern(d, "accord", "SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS", "111");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->items.size(), 3u);
  EXPECT_EQ(p->items[1].alternatives.size(), 2u);
  // - IN_* [075]: IN must stand just before the verb.
  p = FindPattern(d, "accord", "IN_*", "075");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->before, std::vector<std::string>{"in"});
  // DEPART_ [032]: exact, with TABARI's regular endings as surface forms.
  for (const char* form : {"depart", "departs", "departed", "departes", "departen", "departing"}) {
    EXPECT_NE(FindPattern(d, form, "*", "032"), nullptr) << form;
  }
  // - * AT ^ + [162] (WARN): '^' passes over one actor before the target.
  p = FindPattern(d, "warn", "* AT ^ +", "162");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->items.size(), 2u);
  EXPECT_TRUE(p->items[1].target);
  EXPECT_EQ(p->items[1].skip, 1);
  // &NEGATVAUXVRB's "+DIDN'T" is two words, as our tokeniser splits it.
  p = FindPattern(d, "clash", "&NEGATVAUXVRB * OVER EFFORTS", "904");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->pre.size(), 1u);
  EXPECT_NE(std::find(p->pre[0].alternatives.begin(), p->pre[0].alternatives.end(),
                      std::vector<std::string>{"did", "n't"}),
            p->pre[0].alternatives.end());
  // TABARI words without a trailing '_' are stems ("dollar*" matches
  // "dollars"); "KRONER_" is exact.
  p = FindPattern(d, "contribute", "* &CURRENCY", "903");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->items.size(), 1u);
  const auto& currencies = p->items[0].alternatives;
  EXPECT_NE(std::find(currencies.begin(), currencies.end(), std::vector<std::string>{"dollar*"}), currencies.end());
  EXPECT_NE(std::find(currencies.begin(), currencies.end(), std::vector<std::string>{"kroner"}), currencies.end());
  // ALLOW's "- * REAL~_PLEASANT [024]": REAL is a stem joined to PLEASANT;
  // "- RECENT~_* [025]": a stem just before the verb.
  p = FindPattern(d, "allow", "* REAL~_PLEASANT", "024");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->items.size(), 1u);
  EXPECT_EQ(p->items[0].alternatives[0], (std::vector<std::string>{"real*", "pleasant*"}));
  p = FindPattern(d, "allow", "RECENT~_*", "025");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->before, std::vector<std::string>{"recent*"});
  // HAS * WITH % [067] (EXCHANGE): TABARI's '%' after the verb is a compound
  // slot too; "- *_HOPE [024]": HOPE must follow the verb at once.
  ExpectKinds(d, "exchang", "HAS * WITH %", "067", false, "wc");
  bool hope = false;
  for (const PeerPattern& q : d.patterns) {
    if (q.text == "*_HOPE" && q.code == "024") {
      hope = true;
      EXPECT_EQ(Kinds(q.items), "a");
    }
  }
  EXPECT_TRUE(hope);
  // SHOULD's "- SUGGESTED + * DEMAND_{ GENEVA_ | INTERNATIONAL_ }_CONVENTIONS
  // [161]": the alternatives follow DEMAND at once, CONVENTIONS them;
  // "- SUGGESTED_{ NEVER | DON'T } * DEMAND CONVENTIONS [171]": before the
  // verb too.
  ExpectKinds(d, "should", "SUGGESTED + * DEMAND_{ GENEVA_ | INTERNATIONAL_ }_CONVENTIONS", "161", false, "waa");
  ExpectKinds(d, "should", "SUGGESTED_{ NEVER | DON'T } * DEMAND CONVENTIONS", "171", true, "wa");
  // CONTRIBUT's "- * &CURRENCY [903]": the member "+AUSTRIAN FLORIN" lets
  // other words stand between its words ("austrian gold florin").
  p = FindPattern(d, "contribute", "* &CURRENCY", "903");
  ASSERT_NE(p, nullptr);
  const auto& money = p->items[0].alternatives;
  EXPECT_NE(std::find(money.begin(), money.end(), std::vector<std::string>{"austrian*", kGap, "florin*"}), money.end());
  // PARADE's "- ANTI- + * [111]": the peers read the hyphen as a blank.
  ExpectKinds(d, "parade", "ANTI- + *", "111", true, "wt");
  p = FindPattern(d, "parade", "ANTI- + *", "111");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->pre[0].alternatives, (std::vector<std::vector<std::string>>{{"anti*"}}));
  // <TIME>: "KAN_WA_MA_KAN [###]" and "WHEN_PEACE_COMES [+++]" keep a record
  // from being coded; "TOMORROW [+1]" is no discard.
  bool story = false;
  std::string rule;
  EXPECT_TRUE(d.Discarded("Arnor will restore ties with Gondor, kan wa ma kan, soon.", &story, &rule));
  EXPECT_TRUE(d.Discarded("When peace comes, Arnor will restore ties with Gondor.", &story, &rule));
  EXPECT_FALSE(d.Discarded("Arnor will restore ties with Gondor tomorrow.", &story, &rule));
  // SAYS [023?] is subordinate.
  bool says = false;
  for (const PeerPattern& q : d.patterns) {
    if (q.anchor == "says" && q.text == "*") says = q.subordinate && q.code == "023";
  }
  EXPECT_TRUE(says);
}

// The verbs of `text` (a verbs file of our own) read in `dialect`.
PeerDictionaries OwnVerbs(const std::string& text, Dialect dialect) {
  const std::string path = ::testing::TempDir() + "/own.verbs";
  std::FILE* f = std::fopen(path.c_str(), "w");
  EXPECT_NE(f, nullptr);
  if (f) {
    std::fputs(text.c_str(), f);
    std::fclose(f);
  }
  PeerDictionaries d;
  EXPECT_TRUE(d.ReadFile(path, "verbs", dialect).ok());
  std::remove(path.c_str());
  return d;
}

// Code suffixes: "?" subordinate, "!" dominant (TABARI).
TEST(PeerVerbs, SubordinateAndDominantSuffixes) {
  PeerDictionaries d = OwnVerbs("ATTEND  [031!]\nSAID  [023?]\nMEET  [031]\n", Dialect::kTabari);
  const PeerPattern* attend = FindPattern(d, "attend", "*", "031");
  const PeerPattern* said = FindPattern(d, "said", "*", "023");
  const PeerPattern* meet = FindPattern(d, "meet", "*", "031");
  ASSERT_TRUE(attend && said && meet);
  EXPECT_TRUE(attend->dominant);
  EXPECT_FALSE(attend->subordinate);
  EXPECT_TRUE(said->subordinate);
  EXPECT_FALSE(said->dominant);
  EXPECT_FALSE(meet->dominant || meet->subordinate);
}

// A complex code in a pattern: TABARI diverts the record, PETRARCH does not
// implement it (the pattern is skipped, reported, and the verb's others code).
TEST(PeerVerbs, ComplexPatternsOnlyInTabari) {
  PeerDictionaries petrarch = OwnVerbs(
      "--- RESTORE  [064]  ---\nRESTORE\n- * FXLL DIPLOMATIC  [+++]\n- * DIPLOMATIC  [064]\n", Dialect::kPetrarch);
  EXPECT_EQ(FindPattern(petrarch, "restore", "* FXLL DIPLOMATIC", "+++"), nullptr);
  EXPECT_NE(FindPattern(petrarch, "restore", "* DIPLOMATIC", "064"), nullptr);
  ASSERT_EQ(petrarch.warnings.size(), 1u);
  EXPECT_NE(petrarch.warnings[0].find("+++"), std::string::npos);
  PeerDictionaries tabari = OwnVerbs("RESTORE  [064]\n- * FXLL DIPLOMATIC  [+++]\n", Dialect::kTabari);
  EXPECT_NE(FindPattern(tabari, "restore", "* FXLL DIPLOMATIC", "+++"), nullptr);
}

// A bare multi-word verb counts its words: "CALLED_UPON [097]" comes
// before the bare "CALL [---]" for "called".
TEST(PeerVerbs, BareMultiWordVerbBeforeTheBareRoot) {
  REQUIRE_PEERS();
  PeerDictionaries d;
  ASSERT_TRUE(d.ReadFile(Peer("tabari/validation/TABARI.Demo.verbs"), "verbs", Dialect::kTabari).ok());
  ActorDictionary actors;
  VerbDictionary verbs;
  CodeTable codes;
  ASSERT_TRUE(d.Install(&actors, &verbs, &codes).ok());
  verbs.Finish();
  const std::vector<uint32_t>* ids = verbs.PatternsFor("call", false);
  ASSERT_NE(ids, nullptr);
  auto at = [&](const std::string& text, const std::string& code) {
    for (size_t i = 0; i < ids->size(); ++i) {
      const VerbPattern& p = verbs.patterns()[(*ids)[i]];
      if (p.text == text && p.code == code) return static_cast<int>(i);
    }
    return -1;
  };
  int upon = at("*", "097"), call = at("*", "---");
  ASSERT_GE(upon, 0);
  ASSERT_GE(call, 0);
  EXPECT_LT(upon, call);
}

TEST(PeerCodes, ComposedLikeThePeers) {
  EXPECT_EQ(PeerActorCode("USAGOVGOV", {}), "USAGOV");
  EXPECT_EQ(PeerActorCode("ARNNGO", {"NGO"}), "NGOARN");
  EXPECT_EQ(PeerActorCode("ARN", {"NGO"}), "ARN");
}

TEST(PeerDiscards, SentenceAndStory) {
  REQUIRE_PEERS();
  PeerDictionaries d;
  ASSERT_TRUE(d.ReadFile(Peer("petrarch2/PETR.Validate.discards.txt"), "discards", Dialect::kPetrarch).ok());
  bool story = false;
  std::string rule;
  EXPECT_TRUE(d.Discarded("Fans of Manchester United cheered.", &story, &rule));
  EXPECT_TRUE(story);
  EXPECT_TRUE(d.Discarded("Gondor won the baseball match.", &story, &rule));
  EXPECT_FALSE(story);
  EXPECT_FALSE(d.Discarded("Gondor met Arnor.", &story, &rule));
}

// TABARI actors coded [###]: undated, the actor goes and its phrase
// discards; dated ("ONODOHER [ONO <911226] [###]"), it discards only on the
// days ### holds and stays an actor for the others.
TEST(PeerDiscards, SpecialActorCodesByDate) {
  PeerDictionaries d;
  d.ReadActors("ONODOHER [ONO <911226] [###]\nFOOTBALL [###]\nGONDOR [GON]\n", "x.actors");
  d.SpecialActorsToDiscards();
  ASSERT_EQ(d.actors.size(), 2u);  // Onodoher and Gondor
  bool story = false;
  std::string rule;
  int y1991 = 0, y1995 = 0;
  ASSERT_TRUE(PeerDateToDays("910101", &y1991) && PeerDateToDays("950101", &y1995));
  const std::string text = "Arnor restored ties after Onodoher crowds burned its embassy.";
  EXPECT_TRUE(d.Discarded(text, &story, &rule, &y1995));
  EXPECT_FALSE(d.Discarded(text, &story, &rule, &y1991));
  EXPECT_FALSE(d.Discarded(text, &story, &rule));
  EXPECT_TRUE(d.Discarded("Gondor won the football match.", &story, &rule, &y1991));
}

TEST(PeerRecords, PetrarchUnitTests) {
  REQUIRE_PEERS();
  auto suite = ReadPetrarchSuite(Peer("petrarch2/PETR.UnitTest.records.xml"));
  ASSERT_TRUE(suite.ok()) << suite.status().message();
  EXPECT_EQ(suite->records.size(), 284u);
  int events = 0, none = 0, errors = 0;
  for (const ValidationRecord& r : suite->records) {
    events += r.kind == ValidationRecord::Kind::kEvents;
    none += r.kind == ValidationRecord::Kind::kNoEvents;
    errors += r.kind == ValidationRecord::Kind::kError;
  }
  EXPECT_EQ(events, 257);
  EXPECT_EQ(none, 20);
  EXPECT_EQ(errors, 7);
  const ValidationRecord& demo = suite->records[0];
  EXPECT_EQ(demo.id, "DEMO-00");
  EXPECT_EQ(demo.date, "1995-01-01");
  EXPECT_EQ(demo.text.substr(0, 30), "Arnor is about to restore full");
  ASSERT_EQ(demo.expected.size(), 1u);
  EXPECT_EQ(demo.expected[0].source, "ARN");
  EXPECT_EQ(demo.expected[0].code, "064");
  EXPECT_EQ(suite->verbs.size(), 1u);
}

TEST(PeerRecords, TabariValidationText) {
  REQUIRE_PEERS();
  auto suite = ReadTabariSuite(Peer("tabari/validation/Validate.text"));
  ASSERT_TRUE(suite.ok()) << suite.status().message();
  EXPECT_EQ(suite->records.back().id, "FINAL-01");
  ASSERT_EQ(suite->actors.size(), 1u);
  EXPECT_TRUE(suite->actors[0].ends_with("TABARI.Demo.actors"));
  auto it = std::find_if(suite->records.begin(), suite->records.end(),
                         [](const ValidationRecord& r) { return r.id == "DEMO-04"; });
  ASSERT_NE(it, suite->records.end());
  EXPECT_EQ(it->date, "1995-01-03");
  ASSERT_EQ(it->expected.size(), 2u);  // { DAG / GON / 032 } { GON / DAG / 033 }
  EXPECT_EQ(it->expected[1].source, "GON");
  EXPECT_EQ(it->expected[1].code, "033");
  EXPECT_EQ(it->text.find("/*"), std::string::npos);
}

// An OPTION whose brace the suite leaves open ("{ OPTION: ... */") is an
// option record all the same, and stays in force for the records after it.
// TABARI records read from `text`, expected to be of `kinds`.
std::vector<ValidationRecord> TabariRecords(const std::string& text, const std::vector<ValidationRecord::Kind>& kinds) {
  ValidationSuite suite = ParseTabariRecords(text, "t.text");
  EXPECT_EQ(suite.records.size(), kinds.size());
  for (size_t i = 0; i < kinds.size() && i < suite.records.size(); ++i) EXPECT_EQ(suite.records[i].kind, kinds[i]) << i;
  return suite.records;
}

using Kind = ValidationRecord::Kind;

// What the suite leaves unclosed: an OPTION brace runs to the end of its
// line; a comment (DEFAULT-06b) ends with its record when a blank line and
// the next record's header follow, so the next record's options are not
// the first's.
TEST(PeerRecords, TabariUnclosedBracesAndComments) {
  struct Case {
    std::string text;
    std::vector<Kind> kinds;
    std::vector<std::string> first_options, second_options;
  };
  const Case cases[] = {
      {"950101  OPT-01\nLowering the minimum.\n/*\\n{ OPTION: SET: MINIMUM WORDS = 4  */\n\n"
       "950102  REC-01\nArnor met Gondor.\n/* { ARN / GON / 040 } */\n\n",
       {Kind::kControl, Kind::kEvents}, {"SET: MINIMUM WORDS = 4"}, {"SET: MINIMUM WORDS = 4"}},
      {"950101 REC-01\nArnor met Gondor on a long day.\n/*\\n{ ARN / GON / 040 }\n\n"
       "950101 OPT-01\nSwitching.\n/*\\n{ OPTION: DEFAULT: OFF } */\n\n",
       {Kind::kEvents, Kind::kControl}, {}, {"DEFAULT: OFF"}},
  };
  for (const Case& c : cases) {
    auto records = TabariRecords(c.text, c.kinds);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].options, c.first_options);
    EXPECT_EQ(records[1].options, c.second_options);
  }
}

}  // namespace
}  // namespace faultline::peers

namespace faultline::peers {
namespace {

// The production dictionaries of both peers load, with bad lines reported
// and skipped, and compile into our matchers in well under a second each.
TEST(PeerSets, ConfigAndProjectFilesNameTheDictionaries) {
  REQUIRE_PEERS();
  auto petr = ReadPeerConfig(Peer("petrarch2/PETR_config.ini"));
  ASSERT_TRUE(petr.ok()) << petr.status().message();
  EXPECT_EQ(petr->dialect, Dialect::kPetrarch);
  ASSERT_EQ(petr->verbs.size(), 1u);
  EXPECT_EQ(petr->verbs[0], Peer("petrarch2/CAMEO.2.0.txt"));
  EXPECT_EQ(petr->actors.size(), 3u);
  EXPECT_EQ(petr->agents.size(), 1u);
  EXPECT_EQ(petr->discards.size(), 1u);
  auto tab = ReadPeerConfig(Peer("tabari/validation/Validate.project"));
  ASSERT_TRUE(tab.ok()) << tab.status().message();
  EXPECT_EQ(tab->dialect, Dialect::kTabari);
  EXPECT_EQ(tab->actors, std::vector<std::string>{Peer("tabari/validation/TABARI.Demo.actors")});
  EXPECT_EQ(tab->agents, std::vector<std::string>{Peer("tabari/validation/Validate.agents")});
  PeerSet set;
  EXPECT_TRUE(AddPeerFile("verbs=x.verbs", &set).ok());
  EXPECT_FALSE(AddPeerFile("nouns=x.verbs", &set).ok());
  EXPECT_FALSE(AddPeerFile("verbs=", &set).ok());
  // A config without [Dictionaries] names the file in its error.
  std::string ini = std::filesystem::temp_directory_path() / "faultline-peer-test.ini";
  { std::FILE* f = std::fopen(ini.c_str(), "w"); std::fputs("[Options]\nrequire_dyad = True\n", f); std::fclose(f); }
  auto bad = ReadPeerConfig(ini);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(ini), std::string::npos);
  std::filesystem::remove(ini);
}

TEST(PeerProduction, PetrarchAndTabariLoad) {
  REQUIRE_PEERS();
  struct Set {
    Dialect dialect;
    std::vector<std::pair<std::string, std::string>> files;
  };
  std::vector<Set> sets = {
      {Dialect::kPetrarch,
       {{"petrarch2/CAMEO.2.0.txt", "verbs"},
        {"petrarch2/Phoenix.Countries.actors.txt", "actors"},
        {"petrarch2/Phoenix.International.actors.txt", "actors"},
        {"petrarch2/Phoenix.MilNonState.actors.txt", "actors"},
        {"petrarch2/Phoenix.agents.txt", "agents"},
        {"petrarch2/Phoenix.discards.txt", "discards"}}},
      {Dialect::kTabari,
       {{"tabari/dictionaries/CAMEO.091003.master.verbs", "verbs"},
        {"tabari/dictionaries/TABARI-Dictionaries/CountryInfo.120116.actors", "actors"},
        {"tabari/dictionaries/TABARI-Dictionaries/Internatnl.120521.actors", "actors"},
        {"tabari/dictionaries/TABARI-Dictionaries/Levant.080629.actors", "actors"},
        {"tabari/dictionaries/TABARI-Dictionaries/PSU.120522.agents", "agents"}}},
  };
  for (const Set& set : sets) {
    auto start = std::chrono::steady_clock::now();
    PeerDictionaries d;
    for (const auto& [file, kind] : set.files) {
      if (!std::filesystem::exists(Peer(file))) GTEST_SKIP() << "no " << file;
      ASSERT_TRUE(d.ReadFile(Peer(file), kind, set.dialect).ok()) << file;
    }
    ActorDictionary actors;
    VerbDictionary verbs;
    CodeTable codes;
    ASSERT_TRUE(d.Install(&actors, &verbs, &codes).ok());
    actors.Finish();
    verbs.Finish();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s: %zu actors, %zu agents, %zu verbs, %zu patterns, %zu synsets, %zu discards, %zu lines skipped, %.2f s\n",
                set.dialect == Dialect::kTabari ? "tabari" : "petrarch", d.actors.size(), d.agents.size(), d.verbs,
                d.patterns.size(), d.synsets, d.discards.size(), d.warnings.size(), secs);
    if (std::getenv("PEER_WARNINGS")) {
      for (const std::string& w : d.warnings) std::printf("W %s\n", w.c_str());
    }
    for (size_t i = 0; i < d.warnings.size() && i < 5; ++i) std::printf("  %s\n", d.warnings[i].c_str());
    EXPECT_GT(d.actors.size(), 10000u);
    EXPECT_GT(d.patterns.size(), 4000u);
    // CountryInfo has ~6k impossible dates (040931) and 2-digit years that
    // the 2030 pivot turns into reversed ranges (270101-730717): reported
    // and skipped, the rest loads.
    EXPECT_LT(d.warnings.size(), d.actors.size() / 2);
    // secs is printed, not asserted (benchmarks measure speed, not tests).
    for (const std::string& w : d.warnings) EXPECT_NE(w.find(':'), std::string::npos);
  }
}

}  // namespace
}  // namespace faultline::peers
