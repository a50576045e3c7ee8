// The coder on analysed real sentences, with the shipped models and
// dictionaries, assembled here from the stage libraries (not through the
// pipeline) so a failure points at the coder.
#include "code/coder.h"

#include <gtest/gtest.h>

#include "code/pattern_match.h"
#include "parse/parser.h"
#include "tag/lemmatizer.h"
#include "tag/tagger.h"
#include "text/segment.h"

namespace faultline {
namespace {

struct Models {
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<Lemmatizer> lemmatizer;
  std::unique_ptr<Parser> parser;
  ActorDictionary actors;
  VerbDictionary verbs;
  CodeTable codes;
};

class CoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    m_ = new Models();
    auto t = Tagger::Load("models/tagger.bin", "/usr/share/wordnet");
    auto l = Lemmatizer::Load("/usr/share/wordnet", "models/lemmas.tsv");
    auto p = Parser::Load("models/parser.bin");
    auto c = CodeTable::Load("data/cameo_codes.tsv");
    ASSERT_TRUE(t.ok() && l.ok() && p.ok() && c.ok());
    m_->tagger = std::move(t).value();
    m_->lemmatizer = std::move(l).value();
    m_->parser = std::move(p).value();
    m_->codes = std::move(c).value();
    auto a = ActorDictionary::Load("data/actors");
    auto v = VerbDictionary::Load("data/verbs", &m_->codes);
    ASSERT_TRUE(a.ok() && v.ok());
    m_->actors = std::move(a).value();
    m_->verbs = std::move(v).value();
  }
  static void TearDownTestSuite() { delete m_; }

  CodedDocument Code(const std::string& text, const std::string& date = "2022-02-03", CoderOptions options = {}) {
    return CodeWith(m_->verbs, text, date, options);
  }
  // With `v` and the peers' surface parties, the option `flag` (if any) set.
  CodedDocument CodePeers(const VerbDictionary& v, const std::string& text, bool CoderOptions::*flag = nullptr) {
    CoderOptions peers;
    peers.surface_parties = true;
    if (flag) peers.*flag = true;
    return CodeWith(v, text, "2022-02-03", peers);
  }
  // Chile's act on Peru in `text` has root `off` without the option `flag`,
  // `on` (and not `off`) with it.
  void ExpectSwitchedRoot(const VerbDictionary& v, const std::string& text, bool CoderOptions::*flag,
                          const std::string& off, const std::string& on);
  // The same with other verb patterns (imported dialects' items).
  CodedDocument CodeWith(const VerbDictionary& verbs, const std::string& text, const std::string& date = "2022-02-03",
                         CoderOptions options = {}, const ActorDictionary* actors = nullptr) {
    Document doc;
    doc.id = "t";
    doc.date = date;
    doc.text = text;
    EXPECT_TRUE(Segment(&doc).ok());
    for (const Sentence& s : doc.sentences) {
      m_->tagger->Tag(&doc, s);
      m_->lemmatizer->Lemmatize(&doc, s);
      m_->parser->Parse(&doc, s);
    }
    Coder coder(actors ? actors : &m_->actors, &verbs, &m_->codes, options);
    return coder.Code(doc);
  }
  // The shipped actors with more, as an importer adds them: {phrase, code}.
  static ActorDictionary WithActors(const std::vector<std::pair<std::string, std::string>>& more) {
    ActorDictionary actors = m_->actors;
    for (const auto& [phrase, code] : more) {
      ActorEntry e;
      e.code = code;
      actors.AddEntry(e, {phrase});
    }
    actors.Finish();
    return actors;
  }
  // "said" (a bare root) coded with the peers' surface parties and
  // agent-only roles, as their suites are validated (defined below).
  CodedDocument CodeSaid(const std::string& text, bool first_actor_source = false);
  static Models* m_;
};

Models* CoderTest::m_ = nullptr;

std::string Dump(const CodedDocument& d) {
  std::string s;
  for (const Event& e : d.events) s += e.source + ">" + e.target + ":" + e.code + "[" + e.status + "] ";
  return s;
}

bool Has(const CodedDocument& d, const std::string& src, const std::string& tgt, const std::string& root) {
  for (const Event& e : d.events) {
    if (e.source.rfind(src, 0) == 0 && e.target.rfind(tgt, 0) == 0 && e.root == root) return true;
  }
  return false;
}

void CoderTest::ExpectSwitchedRoot(const VerbDictionary& v, const std::string& text, bool CoderOptions::*flag,
                                   const std::string& off, const std::string& on) {
  CodedDocument d = CodePeers(v, text);
  EXPECT_TRUE(Has(d, "CHL", "PER", off)) << Dump(d);
  d = CodePeers(v, text, flag);
  EXPECT_TRUE(Has(d, "CHL", "PER", on)) << Dump(d);
  EXPECT_FALSE(Has(d, "CHL", "PER", off)) << Dump(d);
}

TEST_F(CoderTest, MutualActsOfAPluralSubjectGoBothWays) {
  CodedDocument d = Code("Vladimir Putin and Boris Johnson are due to talk by phone on Wednesday.");
  EXPECT_TRUE(Has(d, "RUSGOV", "GBRGOV", "04")) << Dump(d);
  EXPECT_TRUE(Has(d, "GBRGOV", "RUSGOV", "04")) << Dump(d);
  for (const Event& e : d.events) EXPECT_EQ(e.status, "planned");
}

// "the border with Ukraine that have raised fears": the plural verb cannot
// belong to "Ukraine", wherever the parser hung the relative clause.
TEST_F(CoderTest, RelativeClauseSubjectMustAgreeInNumber) {
  CodedDocument d = Code(
      "Putin and Johnson are due to talk amid a flurry of diplomacy meant to try to ease tensions over "
      "Moscow's troop build-up at the border with Ukraine that have raised fears of a possible invasion.");
  for (const Event& e : d.events) EXPECT_NE(e.source, "UKR") << Dump(d);
}

// "were arrested and charged": the second participle is passive too, so its
// subject is who was charged, not who charged.
TEST_F(CoderTest, CoordinatedPassiveParticipleHasNoSubjectSource) {
  CodedDocument d = Code(
      "Pro-democracy activists Joshua Wong and Agnes Chow were arrested on Friday and charged with inciting an "
      "unauthorised assembly.",
      "2019-09-04");
  for (const Event& e : d.events) EXPECT_TRUE(e.source.find("OPP") == std::string::npos) << Dump(d);
}

// A list of names as the subject: every member acts, whatever the parser
// made of the list; "their" in the object is the subjects again, so the
// target is the actor in "ties with Brazil".
TEST_F(CoderTest, EveryMemberOfASubjectListActsOnTheObjectsActor) {
  CodedDocument d = Code("Chile, Peru, Bolivia and Ecuador welcomed their resumption of ties with Brazil.");
  for (const char* src : {"CHL", "PER", "BOL", "ECU"}) EXPECT_TRUE(Has(d, src, "BRA", "05")) << src << " " << Dump(d);
  for (const Event& e : d.events) EXPECT_EQ(e.target, "BRA") << Dump(d);
}

// The peers' noun phrases: list members with their own determiners and
// adjectives, the whole list from a subject that closes it.
TEST_F(CoderTest, ListMembersWithModifiersOnlyByThePeersRule) {
  const std::string text = "Evil Chile, the awful Peru, and good Bolivia criticized Brazil on Monday.";
  CodedDocument own = Code(text);
  CoderOptions peers;
  peers.lists_with_modifiers = true;
  CodedDocument d = Code(text, "2022-02-03", peers);
  for (const char* src : {"CHL", "PER", "BOL"}) EXPECT_TRUE(Has(d, src, "BRA", "11")) << src << " " << Dump(d);
  EXPECT_LT(own.events.size(), d.events.size()) << Dump(own);
}

// A plural subject with no target: its act is each member's own, unless
// the peers' rule (every compound pairs up) is asked for.
TEST_F(CoderTest, CompoundSubjectPairsUpOnlyWhenAsked) {
  const std::string text = "Chile and Peru criticized the plan on Monday.";
  CodedDocument own = Code(text);
  EXPECT_TRUE(Has(own, "CHL", "", "11")) << Dump(own);
  for (const Event& e : own.events) EXPECT_EQ(e.target, "") << Dump(own);
  CoderOptions peers;
  peers.pair_any_compound = true;
  CodedDocument paired = Code(text, "2022-02-03", peers);
  EXPECT_TRUE(Has(paired, "CHL", "PER", "11")) << Dump(paired);
  EXPECT_TRUE(Has(paired, "PER", "CHL", "11")) << Dump(paired);
}

// "their" after a plural subject is the group: with the peers' pairing rule
// each member acts on the other, not one member on the group's first name.
TEST_F(CoderTest, TheirAfterAPluralSubjectIsTheGroup) {
  CoderOptions peers;
  peers.pair_any_compound = true;
  CodedDocument d = Code("Chile and Peru have postponed their meeting.", "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "CHL", "PER", "16")) << Dump(d);
  EXPECT_TRUE(Has(d, "PER", "CHL", "16")) << Dump(d);
}

// A role with no country of its own: by default the first state of its
// sentence; with the peers' rule only a country its own phrase names, else
// "---" (PETRARCH's and TABARI's agent-only codes).
TEST_F(CoderTest, RoleCountriesByDefaultAndByThePeersRule) {
  const std::string alone = "Police attacked protesters near the border with Peru.";
  const std::string attached = "Soldiers from Chile attacked protesters near the border with Peru.";
  CoderOptions peers;
  peers.attached_role_countries = true;
  CodedDocument d = Code(alone);
  ASSERT_FALSE(d.events.empty()) << Dump(d);
  EXPECT_EQ(d.events[0].source.substr(0, 3), "PER") << Dump(d);
  d = Code(alone, "2022-02-03", peers);
  ASSERT_FALSE(d.events.empty()) << Dump(d);
  EXPECT_EQ(d.events[0].source.substr(0, 3), "---") << Dump(d);
  EXPECT_EQ(d.events[0].source.size(), 6u) << Dump(d);  // "---COP"
  // TABARI without CONVERT AGENTS: a bare role names no one.
  peers.bare_roles_are_actors = false;
  d = Code(alone, "2022-02-03", peers);
  for (const Event& e : d.events) EXPECT_NE(e.source, "---COP") << Dump(d);
  peers.bare_roles_are_actors = true;
  d = Code(attached, "2022-02-03", peers);
  ASSERT_FALSE(d.events.empty()) << Dump(d);
  EXPECT_EQ(d.events[0].source.substr(0, 3), "CHL") << Dump(d);
  // A named actor gives its whole code, a state with a role its country.
  ActorDictionary actors = WithActors({{"white house", "USAGOV"}});
  d = CodeWith(m_->verbs, "Former security officials in White House attacked protesters near the border with Peru.",
               "2022-02-03", peers, &actors);
  ASSERT_FALSE(d.events.empty()) << Dump(d);
  EXPECT_EQ(d.events[0].source, "USAGOVELI") << Dump(d);
  // A list of states gives the role to each.
  d = Code("Soldiers from Chile, Peru and Bolivia attacked protesters near the border with Brazil.", "2022-02-03", peers);
  for (const char* src : {"CHLMIL", "PERMIL", "BOLMIL"}) EXPECT_TRUE(Has(d, src, "", "19")) << src << " " << Dump(d);
  // A phrase hung on the last conjunct scopes over the coordination.
  d = Code("Lawmakers and official in Chile attacked protesters near the border with Peru.", "2022-02-03", peers);
  for (const char* src : {"CHLLEG", "CHLGOV"}) EXPECT_TRUE(Has(d, src, "", "19")) << src << " " << Dump(d);
}

// A verb pattern as the peers' importers build one: `pre` items before the
// anchor, `items` after it.
VerbDictionary PeerVerbs(const std::string& anchor, std::vector<PatternItem> pre, std::vector<PatternItem> items,
                         const std::string& code, bool stem_anchor = false) {
  VerbDictionary v;
  VerbPattern p;
  p.anchor = anchor;
  p.stem_anchor = stem_anchor;
  p.pre = std::move(pre);
  p.items = std::move(items);
  p.code = code;
  p.specificity = 2;
  p.rule = "test:1";
  v.AddPattern(p);
  VerbPattern bare;
  bare.anchor = anchor;
  bare.code = "112";
  bare.specificity = -1;
  bare.rule = "test:2";
  v.AddPattern(bare);
  v.Finish();
  return v;
}

PatternItem Words(std::vector<std::string> w, bool adjacent = false) {
  PatternItem it;
  it.alternatives = {std::move(w)};
  it.adjacent = adjacent;
  return it;
}

PatternItem CompoundSlot() {
  PatternItem it;
  it.compound = true;
  return it;
}

// PETRARCH matches a pattern's words as written: "* EFFORT" does not take
// "efforts" (the bare verb's code stands), ours takes the lemma too.
TEST_F(CoderTest, PatternWordsAsWrittenOnlyByPetrarchsRule) {
  VerbDictionary v = PeerVerbs("abandon", {}, {Words({"effort"})}, "036");
  ExpectSwitchedRoot(v, "Chile abandoned efforts to stop a parade in Peru.", &CoderOptions::pattern_words_as_written,
                     "03", "11");
  CodedDocument d = CodePeers(v, "Chile abandoned the effort to stop a parade in Peru.", &CoderOptions::pattern_words_as_written);
  EXPECT_TRUE(Has(d, "CHL", "PER", "03")) << Dump(d);
}

// PETRARCH's new_actor_length: noun phrases in a party's place that name
// no actor are actors coded by their text, up to that many words; dates
// are no actors, and off (our coding) nothing but the dictionaries names.
TEST_F(CoderTest, NewActorsFromNounPhrasesUpToTheirLength) {
  const std::string text = "The Glimmerton water board met Karvo Elstrand on Monday.";
  CoderOptions options;
  options.new_actor_length = 4;
  CodedDocument d = CodeWith(m_->verbs, text, "2022-02-03", options);
  EXPECT_TRUE(Has(d, "\"THE GLIMMERTON WATER BOARD\"", "\"KARVO ELSTRAND\"", "04")) << Dump(d);
  for (const Event& e : d.events) EXPECT_EQ(e.target.find("MONDAY"), std::string::npos) << Dump(d);
  options.new_actor_length = 3;  // the board is four words: no source
  d = CodeWith(m_->verbs, text, "2022-02-03", options);
  for (const Event& e : d.events) EXPECT_NE(e.source, "\"THE GLIMMERTON WATER BOARD\"") << Dump(d);
  EXPECT_FALSE(Has(d, "", "\"KARVO ELSTRAND\"", "04")) << Dump(d);
  d = CodeWith(m_->verbs, text);
  for (const Event& e : d.events) EXPECT_EQ(e.source.find('"'), std::string::npos) << Dump(d);
}

// The peers' target: the first actor after the verb, even as the subject
// of the clause it reports ("allowed that Peru isn't ..."); ours leaves a
// reported clause's subject to its own verb.
TEST_F(CoderTest, TargetAfterTheVerbOnlyByThePeersRule) {
  VerbDictionary v = PeerVerbs("allow", {}, {Words({"pleasant"})}, "020");
  const std::string text = "Chile allowed that Peru is not a really pleasant place to visit.";
  CodedDocument own = CodeWith(v, text);
  ASSERT_TRUE(Has(own, "CHL", "", "02")) << Dump(own);
  for (const Event& e : own.events) EXPECT_NE(e.target, "PER") << Dump(own);
  CoderOptions peers;
  peers.surface_parties = true;
  CodedDocument d = CodeWith(v, text, "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "CHL", "PER", "02")) << Dump(d);
  // Before an actor further on in the reported clause.
  d = CodeWith(PeerVerbs("express", {}, {Words({"hopes"})}, "024"),
               "Chile expressed hopes on Thursday that Peru, its fiercest foe, could be drawn into the peace "
               "process by its resumption of ties with Bolivia.",
               "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "CHL", "PER", "02")) << Dump(d);
  EXPECT_FALSE(Has(d, "CHL", "BOL", "02")) << Dump(d);
}

// The peers' source: with none in the tree, the first actor before the
// verb that is not its target (TABARI PARADE "ANTI- + *": a dictionary
// verb after "an anti- Peru", the hyphen no stop for the items before).
TEST_F(CoderTest, SourceBeforeTheVerbOnlyByThePeersRule) {
  PatternItem target;
  target.target = true;
  VerbDictionary v = PeerVerbs("parade", {Words({"anti"}), target}, {}, "111");
  const std::string text = "Chile participated in an anti- Peru parade on Saturday.";
  CoderOptions peers;
  peers.surface_verbs = SurfaceVerbs::kNoDeterminerBefore;
  CodedDocument d = CodeWith(v, text, "2022-02-03", peers);
  EXPECT_TRUE(d.events.empty()) << Dump(d);
  peers.surface_parties = true;
  d = CodeWith(v, text, "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "CHL", "PER", "11")) << Dump(d);
  // PETRARCH's parses make "an anti- Peru parade" a noun.
  peers.surface_verbs = SurfaceVerbs::kBareNoun;
  d = CodeWith(v, text, "2022-02-03", peers);
  EXPECT_TRUE(d.events.empty()) << Dump(d);
}

// TABARI's SHOULD [101] "- SUGGESTED * APPLY CONVENTIONS": an auxiliary
// with patterns is a verb; the pattern's words before it belong to the
// predicate, so the source is the actor before them, the target the first
// after the verb; "SUGGESTED_NEVER" must stand together.
TEST_F(CoderTest, PeerPredicateBeforeTheVerb) {
  const std::string text = "Chile suggested Peru should apply the conventions in its dealings with Bolivia.";
  CoderOptions peers;
  peers.surface_verbs = SurfaceVerbs::kNoDeterminerBefore;
  peers.surface_parties = true;
  VerbDictionary v = PeerVerbs("should", {Words({"suggested"})}, {Words({"apply"}), Words({"conventions"})}, "151");
  CodedDocument d = CodeWith(v, text, "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "CHL", "BOL", "15")) << Dump(d);
  VerbDictionary never = PeerVerbs("should", {Words({"suggested"}), Words({"never"}, true)}, {}, "171");
  d = CodeWith(never, "Chile suggested never Peru should apply the conventions in its dealings with Bolivia.", "2022-02-03",
               peers);
  EXPECT_TRUE(Has(d, "CHL", "BOL", "17")) << Dump(d);
  d = CodeWith(never, "Chile suggested Peru never should apply the conventions in its dealings with Bolivia.", "2022-02-03",
               peers);
  ASSERT_FALSE(d.events.empty());
  for (const Event& e : d.events) EXPECT_EQ(e.code, "112") << Dump(d);  // the bare verb
}

// The peers read voice from "by" alone: a passive with no agent has its
// subject as the source.
TEST_F(CoderTest, AgentlessPassiveSubjectActsOnlyByThePeersRule) {
  VerbDictionary v = PeerVerbs("criticize", {}, {Words({"over"})}, "111");
  const std::string text = "Chile was criticized over its territorial dispute with Peru.";
  CodedDocument d = CodeWith(v, text);
  for (const Event& e : d.events) EXPECT_NE(e.source, "CHL") << Dump(d);
  CoderOptions peers;
  peers.surface_parties = true;
  d = CodeWith(v, text, "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "CHL", "PER", "11")) << Dump(d);
}

// A passive's agent is found after "by" on the surface too, adverbs
// between, where the parser hung the phrase elsewhere.
TEST_F(CoderTest, PassiveAgentAfterByOnTheSurface) {
  VerbDictionary v = PeerVerbs("oppose", {}, {}, "112");
  CodedDocument d = CodeWith(v, "Chile was opposed earlier by Peru, the state's fiercest foe, in being drawn into the peace "
                                "process by its resumption of diplomatic ties with Bolivia.");
  EXPECT_TRUE(Has(d, "PER", "CHL", "11")) << Dump(d);
}

// A hyphen inside a name does not end the words after the verb a pattern
// may use ("freed from Guinea-Bissau": "+ * FROM $").
TEST_F(CoderTest, HyphenDoesNotEndThePatternWindow) {
  PatternItem target, source;
  target.target = true;
  source.source = true;
  VerbDictionary v = PeerVerbs("free", {target}, {Words({"from"}), source}, "061");
  ActorDictionary actors = WithActors({{"barad-dur", "MOR"}});  // the parser splits it: "dur" hangs on a later verb
  CodedDocument d = CodeWith(v, "Chile's palace guard militia was freed from Barad-dur after that group yielded ground "
                                "seized in six days of fighting.", "2022-02-03", {}, &actors);
  EXPECT_TRUE(Has(d, "MOR", "CHL", "06")) << Dump(d);
  // A hyphen outside a name still ends it ("troop build-up at the border
  // with Ukraine": "with" is not the pattern's, the talks are).
  d = CodeWith(PeerVerbs("talk", {}, {Words({"with"})}, "050"),
               "Russian President Vladimir Putin and British Prime Minister Boris Johnson are due to talk by phone on "
               "February 2 amid a flurry of diplomacy meant to try to ease tensions over Moscow's troop build-up at the "
               "border with Ukraine that have raised fears of a possible invasion.");
  for (const Event& e : d.events) EXPECT_NE(e.code, "050") << Dump(d);
}

// A phrase coded [---] names no party: the peers look past it for the
// target ("ties with Boromir in Peru").
TEST_F(CoderTest, NullActorIsNoTargetByThePeersRule) {
  VerbDictionary v = PeerVerbs("restore", {}, {Words({"ties"})}, "064");
  ActorDictionary actors = WithActors({{"boromir", "---"}});
  CoderOptions peers;
  peers.emit_unreal = true;  // "is about to": hypothetical
  peers.surface_parties = true;
  CodedDocument d = CodeWith(v, "Chile is about to restore full diplomatic ties with Boromir in Peru almost five years after "
                                "crowds trashed its embassy.", "2022-02-03", peers, &actors);
  EXPECT_TRUE(Has(d, "CHL", "PER", "06")) << Dump(d);
  // Nor is the source named again ("on its role"): the peers look on.
  VerbDictionary welcome = PeerVerbs("welcome", {}, {Words({"memos"}), Words({"about"})}, "041");
  const std::string text = "Chile welcomed economic memos not about Peru on its role in forthcoming peace talks.";
  d = CodeWith(welcome, text, "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "CHL", "PER", "04")) << Dump(d);
  d = CodeWith(welcome, text);
  for (const Event& e : d.events) EXPECT_NE(e.target, "PER") << Dump(d);
}

// "restore ties with Peru almost five years after Bolivian crowds burned
// its embassy": the span of time the parser takes for an object names no
// target.
TEST_F(CoderTest, TimeSpanObjectNamesNoTarget) {
  VerbDictionary v = PeerVerbs("restore", {}, {Words({"ties"})}, "064");
  // The parser takes "years" for the object.
  ActorDictionary actors = WithActors({{"arnor", "ARN"}, {"gondor", "GON"}, {"calenardhon", "CAL"}});
  CoderOptions all;
  all.emit_unreal = true;  // "is about to": hypothetical
  CodedDocument d = CodeWith(v, "Arnor is about to restore full diplomatic ties with Gondor almost five years after "
                                "Calenardhon crowds burned down its embassy.", "2022-02-03", all, &actors);
  EXPECT_TRUE(Has(d, "ARN", "GON", "06")) << Dump(d);
  for (const Event& e : d.events) EXPECT_NE(e.target.substr(0, 3), "CAL") << Dump(d);
}

// A passive verb of knowing or saying raises its subject to the verb it
// governs ("were reported to have attacked": hypothetical, so emitted only
// when asked).
TEST_F(CoderTest, RaisingPassiveSubjectIsTheDoer) {
  CoderOptions all;
  all.emit_unreal = true;
  CodedDocument d = Code("Russian troops were reported to have attacked Ukrainian positions near Kharkiv.", "2022-02-03", all);
  EXPECT_TRUE(Has(d, "RUSMIL", "UKR", "11")) << Dump(d);
}

// '%' (imported): the compound it names acts on its own members, whoever
// else the sentence names, before the verb ("% HAVE *") or after it
// (TABARI "HAS * WITH %"); one actor alone does not fill it.
TEST_F(CoderTest, CompoundSlotPairsItsMembers) {
  VerbDictionary before = PeerVerbs("postpone", {CompoundSlot(), Words({"have"})}, {}, "191");
  CodedDocument d = CodeWith(before, "Chile and Peru have postponed their talks with Bolivia.");
  EXPECT_TRUE(Has(d, "CHL", "PER", "19")) << Dump(d);
  EXPECT_TRUE(Has(d, "PER", "CHL", "19")) << Dump(d);
  for (const Event& e : d.events) EXPECT_NE(e.target, "BOL") << Dump(d);
  d = CodeWith(before, "Chile has postponed its talks with Bolivia.");
  ASSERT_FALSE(d.events.empty());
  for (const Event& e : d.events) EXPECT_EQ(e.code, "112") << Dump(d);  // the bare verb
  VerbDictionary after = PeerVerbs("exchange", {}, {Words({"with"}), CompoundSlot()}, "191");
  d = CodeWith(after, "Argentina has exchanged prisoners with Chile and Peru.");
  EXPECT_TRUE(Has(d, "CHL", "PER", "19")) << Dump(d);
  EXPECT_TRUE(Has(d, "PER", "CHL", "19")) << Dump(d);
  for (const Event& e : d.events) EXPECT_NE(e.source, "ARG") << Dump(d);
}

// A kGap mark in an alternative (TABARI "+AUSTRIAN FLORIN", words apart by
// a blank) lets other words stand there, after the verb and before it.
TEST_F(CoderTest, GapInAnAlternative) {
  const std::string text = "Chile will contribute a million austrian gold florin to Peru.";
  CodedDocument d = CodeWith(PeerVerbs("contribute", {}, {Words({"austrian", kGap, "florin"})}, "070"), text);
  EXPECT_TRUE(Has(d, "CHL", "PER", "07")) << Dump(d);
  d = CodeWith(PeerVerbs("contribute", {}, {Words({"austrian", "florin"})}, "070"), text);
  ASSERT_FALSE(d.events.empty());
  for (const Event& e : d.events) EXPECT_EQ(e.code, "112") << Dump(d);  // the bare verb
  d = CodeWith(PeerVerbs("contribute", {Words({"chile", kGap, "will"})}, {}, "070"),
               "Chile certainly will contribute a million florins to Peru.");
  EXPECT_TRUE(Has(d, "CHL", "PER", "07")) << Dump(d);
}

// "*_OF" (imported): the word must follow the verb at once.
TEST_F(CoderTest, AdjacentItemFollowsTheVerbAtOnce) {
  const std::string text = "Chile accused Peru of cheating.";
  CodedDocument d = CodeWith(PeerVerbs("accuse", {}, {Words({"of"}, true)}, "111"), text);
  EXPECT_TRUE(Has(d, "CHL", "PER", "11")) << Dump(d);
  for (const Event& e : d.events) EXPECT_EQ(e.code, "112") << Dump(d);
  d = CodeWith(PeerVerbs("accuse", {}, {Words({"of"})}, "111"), text);
  ASSERT_FALSE(d.events.empty());
  for (const Event& e : d.events) EXPECT_EQ(e.code, "111") << Dump(d);
}

// TABARI's verbs need no tagger: "act" tagged as a noun is the verb ACT
// with the peers' rule, but not after a determiner ("the act of Chile").
TEST_F(CoderTest, SurfaceVerbsOnlyByThePeersRule) {
  VerbDictionary v = PeerVerbs("act", {}, {Words({"resolution"})}, "020");
  const std::string text = "Chile act on a resolution with Peru almost five years after crowds trashed its embassy.";
  CodedDocument d = CodeWith(v, text);
  EXPECT_TRUE(d.events.empty()) << Dump(d);
  CoderOptions peers;
  peers.surface_verbs = SurfaceVerbs::kNoDeterminerBefore;
  d = CodeWith(v, text, "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "CHL", "PER", "02")) << Dump(d);
  d = CodeWith(v, "Peru welcomed the act on a resolution with Chile almost five years after crowds trashed its embassy.",
               "2022-02-03", peers);
  EXPECT_TRUE(d.events.empty()) << Dump(d);
  peers.surface_verbs = SurfaceVerbs::kBareNoun;  // PETRARCH: a noun of no phrase of its own
  d = CodeWith(v, text, "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "CHL", "PER", "02")) << Dump(d);
  // TABARI's roots are stems ("MEET" takes "meeting"); an article before,
  // adjectives between, makes a noun ("a new meeting"), "their" does not.
  VerbDictionary meet = PeerVerbs("meet", {CompoundSlot(), Words({"have"}), Words({"postponed"})}, {}, "191", true);
  peers.surface_verbs = SurfaceVerbs::kNoDeterminerBefore;
  d = CodeWith(meet, "Chile and Peru have postponed their meeting on Monday.", "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "CHL", "PER", "19")) << Dump(d);
  d = CodeWith(meet, "Chile and Peru have postponed a new meeting on Monday.", "2022-02-03", peers);
  EXPECT_TRUE(d.events.empty()) << Dump(d);
  // A stem root begins the words it names ("RESUM": "resumption"); an
  // exact one does not.
  for (bool stem : {true, false}) {
    VerbDictionary resum = PeerVerbs("resum", {}, {Words({"ties"})}, "064", stem);
    peers.surface_parties = true;
    d = CodeWith(resum, "Chile welcomed its resumption of diplomatic ties with Peru on Monday.", "2022-02-03", peers);
    EXPECT_EQ(Has(d, "CHL", "PER", "06"), stem) << Dump(d);
  }
}

// "former" before a role makes it an elite's (CAMEO ELI), as TABARI and
// PETRARCH code it.
TEST_F(CoderTest, FormerRoleIsAnElite) {
  CodedDocument d = Code("Former Chilean officials met Peru's president on Monday.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events[0].source, "CHLELI") << Dump(d);
  d = Code("Chilean former officials met Peru's president on Monday.");  // one phrase across "former"
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events[0].source, "CHLELI") << Dump(d);
}

// An imported dictionary may code a leader as his country ("ROMENDACIL
// [BRE]"): after a role of that country he joins its phrase.
TEST_F(CoderTest, NameOfTheRolesCountryJoinsIt) {
  ActorDictionary actors = WithActors({{"romendacil", "CHL"}});
  CodedDocument d = CodeWith(m_->verbs, "Chilean President Romendacil criticized Peru on Monday.", "2022-02-03", {}, &actors);
  EXPECT_TRUE(Has(d, "CHLGOV", "PER", "11")) << Dump(d);
}

// TABARI's source: the first actor before the verb, whatever the tree
// says; a clause opened by "but" and an actor starts afresh.
TEST_F(CoderTest, FirstActorSourceOnlyByTabarisRule) {
  VerbDictionary v = PeerVerbs("attack", {}, {}, "190");
  const std::string text = "Chile brushed aside reports that Peru attacked Bolivia on Monday.";
  CodedDocument d = CodeWith(v, text);
  EXPECT_TRUE(Has(d, "PER", "BOL", "19")) << Dump(d);
  CoderOptions tabari;
  tabari.first_actor_source = true;
  d = CodeWith(v, text, "2022-02-03", tabari);
  EXPECT_TRUE(Has(d, "CHL", "BOL", "19")) << Dump(d);
  d = CodeWith(v, "Chile accepts the report but Peru attacked Bolivia on Monday.", "2022-02-03", tabari);
  EXPECT_TRUE(Has(d, "PER", "BOL", "19")) << Dump(d);
  // The target: the first actor after the verb only.
  VerbDictionary call = PeerVerbs("call", {}, {Words({"for"})}, "020");
  ActorDictionary actors = WithActors({{"arnor", "ARN"}, {"gondor", "GON"}, {"mordor", "MOR"}});
  d = CodeWith(call, "Arnor called for Gondor to support its position against Mordor", "2022-02-03", tabari, &actors);
  EXPECT_TRUE(Has(d, "ARN", "GON", "02")) << Dump(d);
  for (const Event& e : d.events) EXPECT_NE(e.target, "MOR") << Dump(d);
  // No actor before the verb but the pattern's target: the first after it.
  PatternItem victim;
  victim.target = true;
  d = CodeWith(PeerVerbs("shoot", {victim, Words({"was"})}, {Words({"dead"})}, "190"),
               "A Chilean was shot dead in Peru on Monday.", "2022-02-03", tabari);
  EXPECT_TRUE(Has(d, "PER", "CHL", "19")) << Dump(d);
  // None after the verb but the source again: the first other before it.
  tabari.surface_parties = true;  // as validation sets it: "it" (the source) is no target
  tabari.emit_unreal = true;      // "to assist": hypothetical
  d = CodeWith(PeerVerbs("assist", {}, {}, "020"), "Chile urged Peru on Monday to assist it with the talks.", "2022-02-03",
               tabari);
  EXPECT_TRUE(Has(d, "CHL", "PER", "02")) << Dump(d);
  // A personal pronoun after the verb names the sentence's first actor.
  d = CodeWith(PeerVerbs("ask", {}, {}, "020"),
               "Bolivia urged Peru to calm down and Chile asked him to take a greater role in the talks.", "2022-02-03",
               tabari);
  EXPECT_TRUE(Has(d, "CHL", "BOL", "02")) << Dump(d);
  // The target before the verb is looked for in the verb's clause.
  d = CodeWith(PeerVerbs("assist", {}, {}, "020"),
               "Chile urged Peru on Monday to calm down and then it requested that Bolivia assist with the talks.",
               "2022-02-03", tabari);
  EXPECT_TRUE(Has(d, "CHL", "BOL", "02")) << Dump(d);
  EXPECT_FALSE(Has(d, "CHL", "PER", "02")) << Dump(d);
  // A list closed by ", and" is one source, modifiers and all.
  tabari.lists_with_modifiers = true;
  ActorDictionary list_actors = WithActors({{"arnor", "ARN"}, {"gondor", "GON"}, {"mordor", "MOR"}});
  d = CodeWith(PeerVerbs("welcome", {}, {}, "041"), "Evil Mordor, the awful Arnor, and good Gondor welcomed Peru.",
               "2022-02-03", tabari, &list_actors);
  for (const char* src : {"MOR", "ARN", "GON"}) EXPECT_TRUE(Has(d, src, "PER", "04")) << src << " " << Dump(d);
  // "nor" closes a list too.
  d = CodeWith(PeerVerbs("welcome", {}, {}, "041"), "Neither Mordor nor Arnor welcomed Peru.", "2022-02-03", tabari,
               &list_actors);
  for (const char* src : {"MOR", "ARN"}) EXPECT_TRUE(Has(d, src, "PER", "04")) << src << " " << Dump(d);
  // A comma its clause deletion kept does not end the search for the
  // target ("..., a senior Bree official said today").
  d = CodeWith(PeerVerbs("burn", {}, {}, "190"), "Chile burned down its embassy, a senior Peru official said today.",
               "2022-02-03", tabari);
  EXPECT_TRUE(Has(d, "CHL", "PER", "19")) << Dump(d);
}

// TABARI's DEFAULT: codes stand in for missing parties: with PRIOR the
// default source when no actor comes before the verb (else the first actor
// after it is the source), the default target when none is left.
TEST_F(CoderTest, DefaultActorsFillMissingParties) {
  VerbDictionary v = PeerVerbs("restore", {}, {Words({"ties"})}, "064");
  CoderOptions peers;
  peers.surface_parties = true;
  peers.emit_unreal = true;  // "is about to": hypothetical
  peers.defaults.source = "DEFSRC";
  peers.defaults.target = "DEFTAR";
  peers.defaults.source_prior = true;
  CodedDocument d = CodeWith(v, "Fxrnost is about to restore full diplomatic ties with Peru.", "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "DEFSRC", "PER", "06")) << Dump(d);
  d = CodeWith(v, "Chile is about to restore full diplomatic ties with Gxndor.", "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "CHL", "DEFTAR", "06")) << Dump(d);
  peers.defaults.source_prior = false;
  d = CodeWith(v, "Fxrnost is about to restore full diplomatic ties with Peru.", "2022-02-03", peers);
  EXPECT_TRUE(Has(d, "PER", "DEFTAR", "06")) << Dump(d);
}

// Bare roots as TABARI's verbs file writes them ("ALLEGE [022]"): each
// root alone, with its code.
VerbDictionary Roots(const std::vector<std::pair<std::string, std::string>>& roots) {
  VerbDictionary v;
  for (const auto& [anchor, code] : roots) {
    VerbPattern p;
    p.anchor = anchor;
    p.code = code;
    p.rule = "test:" + anchor;
    v.AddPattern(p);
  }
  v.Finish();
  return v;
}

CodedDocument CoderTest::CodeSaid(const std::string& text, bool first_actor_source) {
  static const VerbDictionary kSay = Roots({{"say", "010"}});
  CoderOptions peers;
  peers.surface_parties = true;
  peers.attached_role_countries = true;
  peers.first_actor_source = first_actor_source;
  return CodeWith(kSay, text, "2022-02-03", peers);
}

// PETRARCH2 nests an event reported by a coded verb whose subject names
// no actor ("He said ..."): nothing is coded; a reporter that is an actor
// leaves the reported event alone.
TEST_F(CoderTest, SourcelessCodedVerbNestsWhatItReports) {
  VerbDictionary v = Roots({{"say", "010"}, {"propose", "036"}});
  const std::string he = "He said Chile proposed to hold talks with Peru.";
  EXPECT_TRUE(Has(CodePeers(v, he), "CHL", "PER", "03"));
  CodedDocument d = CodePeers(v, he, &CoderOptions::sourceless_verbs_nest);
  EXPECT_FALSE(Has(d, "CHL", "PER", "03")) << Dump(d);
  d = CodePeers(v, "Bolivia said Chile proposed to hold talks with Peru.", &CoderOptions::sourceless_verbs_nest);
  EXPECT_TRUE(Has(d, "CHL", "PER", "03")) << Dump(d);
}

// TABARI's complexity filter: five verbs (a noun after "the" and a
// null-coded root are none), four conjunctions outside lists of actors, or
// no actor before the first verb, and the sentence codes nothing.
TEST_F(CoderTest, ComplexityFilterOnlyByTabarisRule) {
  VerbDictionary v = Roots({{"allege", "112"}, {"acknowledge", "020"}, {"affirm", "051"}, {"allow", "081"},
                            {"promise", "030"}, {"accord", "---"}, {"rebuke", "111"}});
  const std::string five = "Chile alleged and acknowledged that Peru might affirm a plan allowed in Bolivia "
                           "but promised aid to Bolivia.";
  const std::string four = "Chile alleged and acknowledged that Peru might affirm a plan allowed in Bolivia "
                           "but the promised aid went to Bolivia.";
  CoderOptions tabari;
  tabari.surface_parties = true;
  tabari.emit_unreal = true;
  EXPECT_FALSE(CodeWith(v, five, "2022-02-03", tabari).events.empty());
  tabari.complexity.verbs = 5;
  EXPECT_TRUE(CodeWith(v, five, "2022-02-03", tabari).events.empty()) << Dump(CodeWith(v, five, "2022-02-03", tabari));
  EXPECT_FALSE(CodeWith(v, four, "2022-02-03", tabari).events.empty());
  tabari.complexity = {};
  tabari.complexity.conjunctions = 3;
  const std::string conjunctions = "Chile and Peru alleged or acknowledged that Bolivia might affirm, "
                                   "allow or promise aid to Brazil but not to Argentina.";
  EXPECT_TRUE(CodeWith(v, conjunctions, "2022-02-03", tabari).events.empty());
  tabari.complexity.conjunctions = 4;  // "Chile and Peru" is a list: three conjunctions
  EXPECT_FALSE(CodeWith(v, conjunctions, "2022-02-03", tabari).events.empty());
  tabari.complexity = {};
  tabari.complexity.no_actor_prior = true;
  CodedDocument d = CodeWith(v, "Rebuked by Chile, Peru acknowledged the plan of Bolivia.", "2022-02-03", tabari);
  EXPECT_TRUE(d.events.empty()) << Dump(d);
  d = CodeWith(v, "On accord Chile acknowledged the plan of Bolivia.", "2022-02-03", tabari);
  EXPECT_TRUE(Has(d, "CHL", "BOL", "02")) << Dump(d);
}

TEST(RegularFormTest, EndingsOfTheLemma) {
  for (auto [lemma, form] : {std::pair{"raise", "raised"}, {"try", "tried"}, {"stop", "stopped"},
                             {"attack", "attacks"}, {"plan", "planning"}, {"meet", "meet"}}) {
    EXPECT_TRUE(RegularForm(lemma, form)) << lemma << " " << form;
  }
  for (auto [lemma, form] : {std::pair{"leave", "left"}, {"say", "said"}, {"meet", "met"}, {"go", "went"}}) {
    EXPECT_FALSE(RegularForm(lemma, form)) << lemma << " " << form;
  }
}

// The peers find roots by the word as written: "left" is LEFT's, not
// LEAVE's, when the dictionary has both; a regular form keeps its lemma's.
TEST_F(CoderTest, IrregularFormsFirstOnlyByThePeersRule) {
  VerbDictionary v = Roots({{"leave", "111"}, {"left", "042"}, {"visit", "042"}, {"visited", "111"}});
  ExpectSwitchedRoot(v, "Chile left for Peru on Monday.", &CoderOptions::irregular_forms_first, "11", "04");
  CodedDocument d = CodePeers(v, "Chile visited Peru on Monday.", &CoderOptions::irregular_forms_first);
  EXPECT_TRUE(Has(d, "CHL", "PER", "04")) << Dump(d);
}

// The peers' surface order: an object the parser put before its verb is
// a misparse ("..., its embassy, a very senior Bolivian official said"
// has "its embassy" for the object of "said").
TEST_F(CoderTest, ObjectBeforeItsVerbIsNoTargetByThePeersRule) {
  CodedDocument d = CodeSaid("Chile is about to restore full diplomatic ties with Peru, five years after crowds "
                                   "burned down its embassy, a very senior Bolivian official said on Saturday night.");
  ASSERT_FALSE(d.events.empty()) << Dump(d);
  for (const Event& e : d.events) EXPECT_EQ(e.target, "") << Dump(d);
  // Its source: the phrase the comma opens, not the tree's subject.
  for (const Event& e : d.events) EXPECT_EQ(e.source.substr(0, 3), "BOL") << Dump(d);
}

// PETRARCH's source: an actor in the noun phrase a comma opens right
// before the verb ("..., the primary official news agency WFNA said"),
// not the sentence's first actor (TABARI's rule).
TEST_F(CoderTest, SourceInThePhraseAfterACommaByPetrarchsRule) {
  const std::string text = "Chile welcomed the resumption of ties with Peru after a rift, "
                           "the primary official news agency WFNA said on Thursday.";
  CodedDocument d = CodeSaid(text);
  ASSERT_FALSE(d.events.empty()) << Dump(d);
  for (const Event& e : d.events) EXPECT_TRUE(e.source.starts_with("---")) << Dump(d);  // its role, no country
  d = CodeSaid(text, /*first_actor_source=*/true);
  EXPECT_TRUE(Has(d, "CHL", "", "01")) << Dump(d);
}

// A coded compound (TABARI/PETRARCH "THE_SHIRE [FRO/BIL/SAM]"): the phrase
// acts as each member, and a role joins each ("Shire officials").
TEST_F(CoderTest, CodedCompoundActsAsEachMember) {
  ActorDictionary actors = WithActors({{"the shire", "FRO/BIL/SAM"}});
  VerbDictionary v = PeerVerbs("restore", {}, {Words({"ties"})}, "064");
  CoderOptions all;
  all.emit_unreal = true;  // "is about to": hypothetical
  CodedDocument d = CodeWith(v, "The Shire is about to restore full diplomatic ties with Peru.", "2022-02-03", all, &actors);
  for (const char* member : {"FRO", "BIL", "SAM"}) EXPECT_TRUE(Has(d, member, "PER", "06")) << member << " " << Dump(d);
  d = CodeWith(v, "Peru is about to restore full diplomatic ties with the Shire officials.", "2022-02-03", all, &actors);
  EXPECT_TRUE(Has(d, "PER", "BILGOV", "06")) << Dump(d);
}

TEST_F(CoderTest, ThreatsAreConditional) {
  CodedDocument d = Code("Russia said it could take military action unless its demands are met.");
  ASSERT_TRUE(Has(d, "RUS", "", "13")) << Dump(d);
  for (const Event& e : d.events) {
    if (e.root == "13") {
      EXPECT_EQ(e.status, "conditional");
    }
  }
}

TEST_F(CoderTest, OfficialSpeaksForHisCountry) {
  CodedDocument d = Code("Polish Prime Minister Mateusz Morawiecki said Poland would hand over artillery ammunition to Ukraine.");
  EXPECT_TRUE(Has(d, "POLGOV", "UKR", "07")) << Dump(d);
}

TEST_F(CoderTest, RoleOnlyActorsTakeTheStorysCountry) {
  CodedDocument d = Code("Egyptian police arrested dozens of protesters in Cairo on Friday.\n\nPolice also detained two journalists.",
                         "2011-01-29");
  EXPECT_TRUE(Has(d, "EGYCOP", "", "17")) << Dump(d);
}

TEST_F(CoderTest, CountsAndQuotes) {
  CodedDocument d = Code("\"We will not give up,\" the Ukrainian president Volodymyr Zelenskiy said.");
  ASSERT_EQ(d.quotes.size(), 1u);
  EXPECT_EQ(d.quotes[0].speaker, "UKRGOV");
}

}  // namespace
}  // namespace faultline
