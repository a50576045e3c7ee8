#include "geo/event_place.h"

#include <gtest/gtest.h>

#include <sstream>

namespace faultline {
namespace {

// A sentence written as "form/UPOS/head/deprel[/lemma]" tokens (head
// 1-based, 0 = root, as in CoNLL-U), with actor references over token ranges.
struct RefSpec {
  int first, last;  // 0-based, inclusive
  const char* code;
  ActorKind kind;
};

class EventPlaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto g = Gazetteer::Load("tests/data/gazetteer_small.tsv");
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    g_ = std::move(g).value();
  }

  // Builds the sentence and returns the place of the event anchored at
  // `anchor` (0-based) as "name|country|admin", or "-".
  std::string Place(const std::string& conll, const std::vector<RefSpec>& refs, int anchor) {
    doc_ = Document();
    std::istringstream in(conll);
    std::string item;
    Sentence s;
    s.first = 0;
    s.begin = static_cast<uint32_t>(doc_.text.size());
    while (in >> item) {
      std::string f[5];
      std::istringstream parts(item);
      for (auto& p : f) std::getline(parts, p, '/');
      Token t;
      t.form = f[0];
      t.lemma = f[4].empty() ? f[0] : f[4];
      t.upos = InternTag(f[1]);
      t.head = std::stoi(f[2]) - 1;
      t.deprel = InternTag(f[3]);
      t.begin = static_cast<uint32_t>(doc_.text.size());
      doc_.text += f[0];
      t.end = static_cast<uint32_t>(doc_.text.size());
      doc_.text += ' ';
      doc_.tokens.push_back(t);
    }
    s.size = static_cast<uint32_t>(doc_.tokens.size());
    s.end = static_cast<uint32_t>(doc_.text.size());
    doc_.sentences.push_back(s);
    SentenceView sv;
    sv.doc = &doc_;
    sv.sentence = &doc_.sentences[0];
    sv.tree.emplace(doc_, doc_.sentences[0]);
    sv.ref_at.assign(s.size, -1);
    for (const RefSpec& r : refs) {
      ActorRef a;
      a.code = r.code;
      a.kind = r.kind;
      a.first_tok = r.first;
      a.last_tok = r.last;
      a.head_tok = r.last;
      for (int i = r.first; i <= r.last; ++i) sv.ref_at[i] = static_cast<int>(sv.refs.size());
      sv.refs.push_back(a);
    }
    auto l = EventPlace(sv, ctx_, anchor, *g_);
    if (!l) return "-";
    return l->name + "|" + l->country + "|" + l->admin;
  }

  std::unique_ptr<Gazetteer> g_;
  Document doc_;
  DocContext ctx_;
};

TEST_F(EventPlaceTest, PlacePhraseOfTheAnchor) {
  // Putin met Macron in Moscow .
  EXPECT_EQ(Place("Putin/PROPN/2/nsubj met/VERB/0/root Macron/PROPN/2/obj in/ADP/5/case Moscow/PROPN/2/obl "
                  "./PUNCT/2/punct",
                  {{0, 0, "RUSGOV", ActorKind::kPerson}, {2, 2, "FRAGOV", ActorKind::kPerson},
                   {4, 4, "RUS", ActorKind::kCapital}},
                  1),
            "Moscow|RUS|");
}

TEST_F(EventPlaceTest, ACapitalThatActsIsNotThePlace) {
  // Moscow accused Kyiv .
  EXPECT_EQ(Place("Moscow/PROPN/2/nsubj accused/VERB/0/root Kyiv/PROPN/2/obj ./PUNCT/2/punct",
                  {{0, 0, "RUS", ActorKind::kCapital}, {2, 2, "UKR", ActorKind::kCapital}}, 1),
            "-");
  // Talks with Moscow : "with" is no place preposition.
  EXPECT_EQ(Place("Kyiv/PROPN/2/nsubj held/VERB/0/root talks/NOUN/2/obj with/ADP/5/case Moscow/PROPN/3/nmod",
                  {{0, 0, "UKR", ActorKind::kCapital}, {4, 4, "RUS", ActorKind::kCapital}}, 2),
            "-");
}

TEST_F(EventPlaceTest, NounEventTakesThePlaceOfItsVerb) {
  // Ukraine held talks in Paris .
  EXPECT_EQ(Place("Ukraine/PROPN/2/nsubj held/VERB/0/root talks/NOUN/2/obj in/ADP/5/case Paris/PROPN/2/obl "
                  "./PUNCT/2/punct",
                  {{0, 0, "UKR", ActorKind::kCountry}}, 2),
            "Paris|FRA|");
}

TEST_F(EventPlaceTest, LightVerbTakesThePlaceOfItsObject) {
  // Macron held talks with Putin in Moscow (anchored on "held").
  EXPECT_EQ(Place("Macron/PROPN/2/nsubj held/VERB/0/root/hold talks/NOUN/2/obj/talk with/ADP/5/case "
                  "Putin/PROPN/3/nmod in/ADP/7/case Moscow/PROPN/5/nmod ./PUNCT/2/punct",
                  {{0, 0, "FRAGOV", ActorKind::kPerson}, {4, 4, "RUSGOV", ActorKind::kPerson},
                   {6, 6, "RUS", ActorKind::kCapital}},
                  1),
            "Moscow|RUS|");
}

TEST_F(EventPlaceTest, TheKindOfTownOfX) {
  // Clashes broke out in the Ukrainian town of Kharkiv .
  EXPECT_EQ(Place("Clashes/NOUN/2/nsubj broke/VERB/0/root out/ADP/2/compound:prt in/ADP/7/case the/DET/7/det "
                  "Ukrainian/ADJ/7/amod town/NOUN/2/obl of/ADP/9/case Kharkiv/PROPN/7/nmod ./PUNCT/2/punct",
                  {{5, 5, "UKR", ActorKind::kDemonym}}, 0),
            "Kharkiv|UKR|");
}

TEST_F(EventPlaceTest, VisitHappensWhereItGoes) {
  // A visit's object is where it happens, though it is also the target.
  EXPECT_EQ(Place("Biden/PROPN/2/nsubj visited/VERB/0/root/visit Kyiv/PROPN/2/obj ./PUNCT/2/punct",
                  {{0, 0, "USAGOV", ActorKind::kPerson}, {2, 2, "UKR", ActorKind::kCapital}}, 1),
            "Kyiv|UKR|");
  // Biden 's visit to Kyiv .
  EXPECT_EQ(Place("Biden/PROPN/3/nmod:poss 's/PART/1/case visit/NOUN/0/root to/ADP/5/case Kyiv/PROPN/3/nmod",
                  {{0, 0, "USAGOV", ActorKind::kPerson}, {4, 4, "UKR", ActorKind::kCapital}}, 2),
            "Kyiv|UKR|");
}

TEST_F(EventPlaceTest, CountryNameIsACountryLevelPlace) {
  // Russia sent troops into Ukraine .
  EXPECT_EQ(Place("Russia/PROPN/2/nsubj sent/VERB/0/root troops/NOUN/2/obj into/ADP/5/case Ukraine/PROPN/2/obl "
                  "./PUNCT/2/punct",
                  {{0, 0, "RUS", ActorKind::kCountry}, {4, 4, "UKR", ActorKind::kCountry}}, 1),
            "Ukraine|UKR|");
}

TEST_F(EventPlaceTest, QualifiedName) {
  // Police arrested a man in Paris , Texas .
  EXPECT_EQ(Place("Police/NOUN/2/nsubj arrested/VERB/0/root a/DET/4/det man/NOUN/2/obj in/ADP/6/case "
                  "Paris/PROPN/2/obl ,/PUNCT/8/punct Texas/PROPN/6/appos ./PUNCT/2/punct",
                  {}, 1),
            "Paris|USA|Texas");
}

TEST_F(EventPlaceTest, SaintAbbreviatedAndNoGuessFromPartOfAName) {
  ctx_.countries["USA"] = 2;
  // Leaders met in St Petersburg .
  EXPECT_EQ(Place("Leaders/NOUN/2/nsubj met/VERB/0/root in/ADP/5/case St/PROPN/5/compound Petersburg/PROPN/2/obl "
                  "./PUNCT/2/punct",
                  {}, 1),
            "Saint Petersburg|RUS|");
  // Leaders met in Old Petersburg : not the Virginian town named by half of it.
  EXPECT_EQ(Place("Leaders/NOUN/2/nsubj met/VERB/0/root in/ADP/5/case Old/PROPN/5/compound Petersburg/PROPN/2/obl "
                  "./PUNCT/2/punct",
                  {}, 1),
            "-");
}

TEST_F(EventPlaceTest, OnlyTheActsOwnPhrases) {
  // They demanded a withdrawal of soldiers in Lebanon-like places: too deep.
  EXPECT_EQ(Place("France/PROPN/2/nsubj demanded/VERB/0/root a/DET/4/det withdrawal/NOUN/2/obj of/ADP/6/case "
                  "soldiers/NOUN/4/nmod in/ADP/8/case Kharkiv/PROPN/6/nmod",
                  {{0, 0, "FRA", ActorKind::kCountry}}, 1),
            "-");
  // Troops burned homes in villages near Kharkiv .
  EXPECT_EQ(Place("Troops/NOUN/2/nsubj burned/VERB/0/root homes/NOUN/2/obj in/ADP/5/case "
                  "villages/NOUN/3/nmod/village near/ADP/7/case Kharkiv/PROPN/5/nmod ./PUNCT/2/punct",
                  {}, 1),
            "Kharkiv|UKR|");
  // Met Biden in Washington, parsed as Biden's: still where they met.
  EXPECT_EQ(Place("Johnson/PROPN/2/nsubj met/VERB/0/root/meet Biden/PROPN/2/obj in/ADP/5/case "
                  "Washington/PROPN/3/nmod ./PUNCT/2/punct",
                  {{0, 0, "GBRGOV", ActorKind::kPerson}, {2, 2, "USAGOV", ActorKind::kPerson}}, 1),
            "Washington, D.C.|USA|District of Columbia");
  // "hoped all sides in Ukraine would resolve...": the sides are in
  // Ukraine, the hope is not.
  EXPECT_EQ(Place("Beijing/PROPN/2/nsubj hoped/VERB/0/root/hope all/DET/4/det sides/NOUN/2/obj in/ADP/6/case "
                  "Ukraine/PROPN/4/nmod would/AUX/8/aux resolve/VERB/2/ccomp it/PRON/8/obj",
                  {{0, 0, "CHN", ActorKind::kCapital}, {5, 5, "UKR", ActorKind::kCountry}}, 1),
            "-");
}

TEST_F(EventPlaceTest, MonthsOrgsAndPeopleAreNotPlaces) {
  // They met in March .
  EXPECT_EQ(Place("They/PRON/2/nsubj met/VERB/0/root in/ADP/4/case March/PROPN/2/obl ./PUNCT/2/punct", {}, 1), "-");
  // Protesters gathered at Putin 's residence ... reduced: at Putin.
  EXPECT_EQ(Place("Protesters/NOUN/2/nsubj gathered/VERB/0/root at/ADP/4/case Putin/PROPN/2/obl",
                  {{3, 3, "RUSGOV", ActorKind::kPerson}}, 1),
            "-");
}

TEST_F(EventPlaceTest, SmallTownNeedsTheStoryToPointThere) {
  const std::string s = "Fighting/NOUN/2/nsubj continued/VERB/0/root in/ADP/4/case Smalltown/PROPN/2/obl";
  EXPECT_EQ(Place(s, {}, 1), "-");
  ctx_.countries["UKR"] = 3;
  EXPECT_EQ(Place(s, {}, 1), "Smalltown|UKR|");
}

TEST_F(EventPlaceTest, PlaceInAnotherClauseIsNotThisEventsButTheSurfaceIs) {
  // Kyiv protested after talks in Moscow : "in Moscow" belongs to the advcl.
  EXPECT_EQ(Place("Kyiv/PROPN/2/nsubj protested/VERB/0/root after/ADP/4/case talks/NOUN/2/advcl in/ADP/6/case "
                  "Moscow/PROPN/4/nmod",
                  {{0, 0, "UKR", ActorKind::kCapital}, {5, 5, "RUS", ActorKind::kCapital}}, 1),
            "-");
  // A misattached "in Kharkiv" right after the anchor is still its place.
  EXPECT_EQ(Place("Troops/NOUN/2/nsubj clashed/VERB/0/root in/ADP/4/case Kharkiv/PROPN/5/nsubj "
                  "said/VERB/2/parataxis",
                  {}, 1),
            "Kharkiv|UKR|");
}

}  // namespace
}  // namespace faultline
